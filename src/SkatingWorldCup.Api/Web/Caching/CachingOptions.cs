namespace SkatingWorldCup.Api.Web.Caching;

public sealed class CachingOptions
{
    public const string Section = "Caching";

    // How long the data version read from the database is trusted. A write made through this process is seen at once
    // (ConditionalGetMiddleware advances it); one made elsewhere (the CLI, another instance) within this time. 0 reads it for every request.
    public double DataVersionSeconds { get; init; } = 1;

    // Computed standings kept in memory, keyed by data version; false computes every request (bench/run.sh measures both).
    public bool Standings { get; init; } = true;

    public int StandingsEntries { get; init; } = 500;
}

public static class CachingSetup
{
    // The data version every ETag names, kept in memory, and the options of what is cached under it.
    public static IServiceCollection AddSkatingCaching(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<CachingOptions>(configuration.GetSection(CachingOptions.Section))
        .AddSingleton<DataVersions>();
}
