using BenchmarkDotNet.Attributes;
using SkatingWorldCup.Api.Domain;
using SkatingWorldCup.Api.Domain.Rules;

namespace SkatingWorldCup.Benchmarks;

[MemoryDiagnoser]
public class StandingsBenchmarks
{
    private CupData _cup = null!;

    [Params("women-500 2012-13", "synthetic women-500")]
    public string Cup { get; set; } = "";

    // With progression the table is ranked after every race, not only at the end.
    [Params(false, true)]
    public bool Progression { get; set; }

    [GlobalSetup]
    public void Setup() => _cup = Cup.StartsWith("synthetic", StringComparison.Ordinal) ? CupData.Synthetic() : CupData.WomenSprint2012();

    // Countback: the dearer of the two tie-break rules.
    [Benchmark]
    public IReadOnlyList<CupStanding> Compute() => CupStandings.Compute(_cup.Codes, _cup.Starts, _cup.Names, TieBreakRule.Countback, Progression);
}

[MemoryDiagnoser]
public class PointsBenchmarks
{
    // What one race of 24 costs the importer: 20 Division A places and 4 Division B.
    [Benchmark(OperationsPerInvoke = 24)]
    public int RaceOf24()
    {
        var total = 0;
        for (var rank = 1; rank <= 20; rank++)
        {
            total += WorldCupPoints.Compute(CupData.Scheme, Distance.Metres500, Division.A, rank, ResultStatus.Finished, isFinal: false).Points;
        }
        for (var rank = 1; rank <= 4; rank++)
        {
            total += WorldCupPoints.Compute(CupData.Scheme, Distance.Metres500, Division.B, rank, ResultStatus.Finished, isFinal: false).Points;
        }
        return total;
    }

    private static readonly (Distance Distance, Division? Division, bool IsFinal)[] s_cases =
        [.. from d in Enum.GetValues<Distance>() from v in new Division?[] { Division.A, Division.B, null } from f in new[] { false, true } select (d, v, f)];

    // Every distance, division and final flag: constant arguments would let the JIT fold the whole call away.
    [Benchmark(OperationsPerInvoke = 54)]
    public int TableFor()
    {
        var found = 0;
        foreach (var (distance, division, isFinal) in s_cases)
        {
            found += WorldCupPoints.TableFor(distance, division, isFinal) is null ? 0 : 1;
        }
        return found;
    }
}
