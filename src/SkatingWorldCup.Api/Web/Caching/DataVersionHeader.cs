namespace SkatingWorldCup.Api.Web.Caching;

// X-Data-Version: the global data version (one number every write moves), for clients and caches to tell whether
// anything changed. Writes answer with the version they committed; reads get it from ConditionalGetMiddleware.
public static class DataVersionHeader
{
    public const string Name = "X-Data-Version";

    public static void SetDataVersion(this HttpResponse response, long? version)
    {
        if (version is { } v)
        {
            response.Headers[Name] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
