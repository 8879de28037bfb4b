using BenchmarkDotNet.Attributes;
using SkatingWorldCup.Api.Domain;

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
    public IReadOnlyList<CupStanding> Compute() => Standings.Compute(_cup.Codes, _cup.Starts, _cup.Names, TieBreakRule.Countback, Progression);
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

    [Benchmark]
    public PointsTableKind? TableFor() => WorldCupPoints.TableFor(Distance.Metres1000, Division.B, isFinal: true);
}
