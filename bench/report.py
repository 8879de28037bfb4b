"""Renders bench/run.sh's key=value results as the Markdown of bench/results/latest.md (and the printed summary)."""
import os
import statistics
import platform
import sys

results_file, micro_file, duration, connections, threads, max_load, round_duration = sys.argv[1:8]
r = dict(line.rstrip("\n").split("=", 1) for line in open(results_file) if "=" in line)


# The standings of both sizes come from alternating runs (NAME.r1, NAME.r2, ...): each figure is the median of its runs,
# the load and others' CPU the highest.
def runs_of(name):
    return [f"{name}.r{i}" for i in range(1, 100) if f"{name}.r{i}.rps" in r]


for name in ("standings2", "standings30", "inm2", "inm30", "standings_uncached2", "standings_uncached30"):
    if runs := runs_of(name):
        for field in ("rps", "p50", "p99"):
            r[f"{name}.{field}"] = str(statistics.median(float(r[f"{k}.{field}"]) for k in runs))
        r[f"{name}.load"] = max(r[f"{k}.load"] for k in runs)
        r[f"{name}.others"] = str(max(int(r[f"{k}.others"]) for k in runs))
        r[f"{name}.steal"] = str(max(int(r.get(f"{k}.steal", 0)) for k in runs))


def num(key):
    try:
        return float(r[key])
    except (KeyError, ValueError):
        return None


def fmt(value, digits=1):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
contended = (num("load_start") or 0) > float(max_load)
print("# Benchmark results\n")
print(f"- Run: {r.get('started')} on commit {r.get('commit')}, `bash bench/run.sh`")
print(f"- Machine: {os.cpu_count()} cores ({cpu}), shared by wrk, the API and PostgreSQL")
print(f"- Load: wrk -t{threads} -c{connections} for {duration} s per endpoint (after a warm-up); pgbench -M prepared with the same"
      f" connections, threads and duration; API in Release on its own PostgreSQL")
print(f"- 1-minute load average: {r.get('load_start')} at the start, {r.get('load_end')} at the end; the Load column is"
      f" the load average just before each measured run (the benchmark's own previous run keeps it up), Others' CPU the share"
      f" of the machine that processes other than the two APIs, their PostgreSQL servers, wrk and pgbench took during the run,"
      f" Steal the share the host took from this virtual machine (its CPUs were ready, the hypervisor ran something else)"
      + (f" — **above {max_load} at the start: contended, not final figures**" if contended else ""))
print()

n = 2 + int(num("synthetic_seasons") or 28)
rows = [
    ("standings2", "Standings women-500 2012–13, JSON (median of the alternating runs)", 2),
    ("csv2", "Standings, CSV", 2),
    ("progression2", "Standings, include=progression", 2),
    ("race2", "One race with results", 2),
    ("records2", "World records as of 2012-12-01", 2),
    ("inm2", "Standings with If-None-Match (304) (median of the alternating runs)", 2),
    ("standings_uncached2", "Standings, JSON, cache off", 2),
    ("sql2", "Raw standings SQL (pgbench)", 2),
    ("standings30", "Standings women-500 2012–13, JSON (median of the alternating runs)", n),
    ("inm30", "Standings with If-None-Match (304) (median of the alternating runs)", n),
    ("standings_uncached30", "Standings, JSON, cache off", n),
    ("sql30", "Raw standings SQL (pgbench)", n),
]
print("| What | Seasons | Requests/s | p50 ms | p99 ms | Load before | Others' CPU | Steal |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for key, label, seasons in rows:
    if r.get(f"{key}.rps") == "n/a":
        print(f"| {label} | {seasons} | n/a (no ETag) | | | | | |")
    else:
        print(f"| {label} | {seasons} | {fmt(num(key + '.rps'))} | {fmt(num(key + '.p50'), 2)} | {fmt(num(key + '.p99'), 2)} | {r.get(key + '.load', '')} | {r.get(key + '.others', '?')}% | {r.get(key + '.steal', '?')}% |")
print()


def target(label, value, limit, higher_is_better, unit="", digits=2):
    if value is None:
        print(f"| {label} | n/a | {'≥' if higher_is_better else '≤'} {limit}{unit} | n/a |")
        return
    met = value >= limit if higher_is_better else value <= limit
    miss = "" if met else f" by {abs(value - limit) / limit:.0%}"
    print(f"| {label} | {fmt(value, digits)}{unit} | {'≥' if higher_is_better else '≤'} {limit}{unit} | {'met' if met else '**missed**' + miss} |")


print("| Target | Measured | Goal | |")
print("|---|---:|---:|---|")
target("Standings req/s ÷ raw SQL tx/s (2 seasons)", ratio(num("standings2.rps"), num("sql2.rps")), 1.0, True, "×")
target(f"Standings req/s ÷ raw SQL tx/s ({n} seasons)", ratio(num("standings30.rps"), num("sql30.rps")), 1.0, True, "×")
target(f"Standings p99 at {connections} connections (2 seasons)", num("standings2.p99"), 20, False, " ms")
target(f"Standings p99 at {connections} connections ({n} seasons)", num("standings30.p99"), 20, False, " ms")
target("If-None-Match req/s ÷ full 200 req/s (2 seasons)", ratio(num("inm2.rps"), num("standings2.rps")), 2.0, True, "×")
target(f"If-None-Match req/s ÷ full 200 req/s ({n} seasons)", ratio(num("inm30.rps"), num("standings30.rps")), 2.0, True, "×")
target(f"Standings p50 latency, {n} ÷ 2 seasons", ratio(num("standings30.p50"), num("standings2.p50")), 1.2, False, "×")
target(f"Standings p99 latency, {n} ÷ 2 seasons", ratio(num("standings30.p99"), num("standings2.p99")), 1.2, False, "×")
target(f"Import of one synthetic season ({r.get('import_results', '?')} results) through POST /imports, median", num("import_median_ms"), 1000, False, " ms", 0)
target("Import of one synthetic season, the first the API process serves (after its start-up warm-up)", num("import_first_ms"), 1000, False, " ms", 0)
target(f"Import of one synthetic season, the slowest (up to {n - 1} seasons already loaded)", num("import_max_ms"), 1000, False, " ms", 0)
target("Cold start to first answered request", num("cold_start_s"), 5, False, " s")
target("API peak RSS (VmHWM), the largest of its processes", num("rss_max_mb"), 300, False, " MB", 0)
print()
print(f"The alternating standings runs ({len(runs_of('standings2'))} of each size, {round_duration} s each, small and large"
      " instance in turn, ABBA order), as p50 / p99 ms:")
print()
print("| Run | 2 seasons | " + f"{n} seasons | p50 ratio | p99 ratio | Others' CPU / steal, 2 | Others' CPU / steal, {n} |")
print("|---:|---:|---:|---:|---:|---:|---:|")
for small, large in zip(runs_of("standings2"), runs_of("standings30")):
    print(f"| {small.rsplit('.r', 1)[1]} | {fmt(num(small + '.p50'), 2)} / {fmt(num(small + '.p99'), 2)} | {fmt(num(large + '.p50'), 2)} / {fmt(num(large + '.p99'), 2)}"
          f" | {fmt(ratio(num(large + '.p50'), num(small + '.p50')), 2)}× | {fmt(ratio(num(large + '.p99'), num(small + '.p99')), 2)}×"
          f" | {r.get(small + '.others')}% / {r.get(small + '.steal', '?')}% | {r.get(large + '.others')}% / {r.get(large + '.steal', '?')}% |")
print()
print(f"Cache off, for comparison: standings ÷ raw SQL {fmt(ratio(num('standings_uncached2.rps'), num('sql2.rps')), 2)}× with 2 seasons, "
      f"{fmt(ratio(num('standings_uncached30.rps'), num('sql30.rps')), 2)}× with {n}; p50 {n} ÷ 2 seasons "
      f"{fmt(ratio(num('standings_uncached30.p50'), num('standings_uncached2.p50')), 2)}×.")
print()
print(f"Imports: {r.get('synthetic_seasons_loaded')} synthetic seasons, each a POST /api/v1/imports to the running large instance timed by"
      f" curl; first {r.get('import_first_ms')} ms, median {r.get('import_median_ms')} ms, last {r.get('import_last_ms')} ms, slowest"
      f" {r.get('import_max_ms')} ms (in order: {r.get('import_ms_all')}). The first document also created {r.get('import_first_competitors')}"
      f" skaters, which the others reuse ({r.get('import_competitors_after_first')} created after it); and the process's code is still"
      f" being recompiled by the tiered JIT over the first imports. The large instance's start-up warm-up (ImportWarmup): {r.get('import_warmup')}. Load before the imports: {r.get('import.load')}; before the cold start: {r.get('cold.load')}.")
print()
print(f"First start (new cluster, migrations, bundled seasons): {r.get('first_start_s')} s. "
      f"Raw SQL latency ratio 30 ÷ 2 seasons: p50 {fmt(ratio(num('sql30.p50'), num('sql2.p50')), 2)}×. "
      f"Query plans: `bench/results/explain-2-seasons.txt`, `bench/results/explain-30-seasons.txt`.")
print()
if os.path.exists(micro_file) and os.path.getsize(micro_file) > 0:
    print("## Micro-benchmarks (BenchmarkDotNet, ShortRun, in-process)\n")
    print(open(micro_file).read())
