namespace SkatingWorldCup.Api.Infrastructure;

// Request body limits of the write endpoints ([RequestSizeLimit]); beyond them the answer is 413 problem+json.
public static class BodyLimits
{
    public const long Import = 10 * 1024 * 1024; // a whole season with every result is ~0.2 MB
    public const long Small = 1024 * 1024; // a weekend, a race's results, a key
}
