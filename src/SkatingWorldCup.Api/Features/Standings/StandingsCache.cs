using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SkatingWorldCup.Api.Web.Caching;

namespace SkatingWorldCup.Api.Features.Standings;

// A cache of its own rather than the app's IMemoryCache: its size limit (entries) would oblige every other user of that one to give sizes.
public sealed class StandingsCache(IOptions<CachingOptions> options) : IDisposable
{
    public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = options.Value.StandingsEntries });

    public void Dispose() => Entries.Dispose();
}
