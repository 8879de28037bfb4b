using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: no generated project to build (which would inherit this repo's warnings-as-errors), and a short job so
// bench/run.sh stays within minutes. Arguments are BenchmarkDotNet's (--filter, --artifacts, …).
var config = ManualConfig.CreateMinimumViable()
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddExporter(MarkdownExporter.GitHub)
    .WithOptions(ConfigOptions.DisableLogFile);
BenchmarkSwitcher.FromAssembly(typeof(SkatingWorldCup.Benchmarks.StandingsBenchmarks).Assembly).Run(args, config);
