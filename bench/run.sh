#!/usr/bin/env bash
# The benchmark harness (bench/README.md): a Release build of the API on its own PostgreSQL in a temp folder, HTTP
# load with wrk, the raw standings SQL with pgbench, 2 vs 30 seasons, import and cold-start times, peak RSS and the
# BenchmarkDotNet micro-benchmarks, written to bench/results/latest.md. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

duration=${BENCH_DURATION:-10}          # seconds per wrk and pgbench run
warmup=${BENCH_WARMUP:-3}               # seconds of unmeasured load before each endpoint's run
process_warmup=${BENCH_PROCESS_WARMUP:-3} # seconds of unmeasured load per endpoint after each start of the API
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
synthetic=${BENCH_SYNTHETIC_SEASONS:-28}
micro=${BENCH_MICRO:-1}                 # 0 skips the BenchmarkDotNet micro-benchmarks
out=${BENCH_OUT:-bench/results/latest.md}
max_load=${BENCH_MAX_LOAD:-1.5}         # a 1-minute load average above this at the start marks the figures as contended
wait_quiet=${BENCH_WAIT_QUIET:-0}       # seconds to wait for the load to drop below BENCH_MAX_LOAD before starting

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
load1() { cut -d' ' -f1 /proc/loadavg; }

for tool in dotnet curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
if ! command -v wrk >/dev/null; then
    log "wrk not found: installing it (apt-get install wrk)"
    sudo=$([[ $(id -u) == 0 ]] || echo sudo)
    $sudo apt-get install -y -q wrk >/dev/null || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q wrk >/dev/null; }
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$pg_bin/pgbench" && -x "$pg_bin/initdb" ]] || die "PostgreSQL server binaries (initdb, pgbench) not found under /usr/lib/postgresql (apt-get install postgresql)"

work=$(mktemp -d /tmp/skating-bench.XXXXXX)
api_pid=""
results=$work/results.txt
touch "$results"
put() { echo "$1=$2" >>"$results"; }

rss_max=0
stop_api() {
    [[ -n "$api_pid" ]] || return 0
    # Peak resident memory of this API process over its whole life (all the load it served), kept as the max of all.
    local rss
    rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$api_pid/status" 2>/dev/null || echo 0)
    if (( rss > rss_max )); then rss_max=$rss; fi
    kill -TERM "$api_pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$api_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
    api_pid=""
}
cleanup() {
    stop_api
    # The API stops the PostgreSQL it started; this catches a server left by an API that was killed.
    if [[ -f "$work/pgdata/postmaster.pid" ]]; then
        if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$pg_bin/pg_ctl" stop -D "$work/pgdata" -m immediate >/dev/null 2>&1 || true
        else "$pg_bin/pg_ctl" stop -D "$work/pgdata" -m immediate >/dev/null 2>&1 || true; fi
    fi
    [[ "${BENCH_KEEP:-0}" == 1 ]] && log "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if (( wait_quiet > 0 )); then
    deadline=$((SECONDS + wait_quiet))
    while python3 -c "import sys; sys.exit(0 if float('$(load1)') > $max_load else 1)" && (( SECONDS < deadline )); do
        log "load $(load1) > $max_load: waiting for a quieter machine"; sleep 15
    done
fi
put load_start "$(load1)"
put synthetic_seasons "$synthetic"
put started "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
put commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+dirty')"

# For this machine's runtime, so the code is precompiled (ReadyToRun, see the API's .csproj) as a deployment's should be.
rid=linux-x64
[[ $(uname -m) == aarch64 ]] && rid=linux-arm64
log "publishing the API (Release, $rid, ReadyToRun)"
timeout 900 dotnet publish src/SkatingWorldCup.Api -c Release -r "$rid" --self-contained false -o "$work/api" --nologo -v q >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; die "dotnet publish"; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port/api/v1
standings=$base/seasons/2012-13/cups/women-500/standings
export LocalDatabase__DataDirectory=$work/pgdata
unset ConnectionStrings__Skating

# Starts the API in the background (arguments: extra configuration); started_in is the seconds until $standings first answered 200.
started_in=""
start_api() {
    local t0 deadline
    t0=$(date +%s.%N)
    deadline=$((SECONDS + 180))
    # From its folder, as a deployment runs it: the content root, where appsettings.json (logging levels) is read, is the working directory.
    # Rate limits off: one client address sending thousands of requests is what they exist to stop (120 a minute).
    (cd "$work/api" && exec dotnet SkatingWorldCup.Api.dll --urls "http://127.0.0.1:$port" --RateLimits:Enabled=false "$@") >>"$work/api.log" 2>&1 &
    api_pid=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "$standings" 2>/dev/null) == 200 ]]; do
        kill -0 "$api_pid" 2>/dev/null || { tail -30 "$work/api.log" >&2; die "the API exited"; }
        (( SECONDS < deadline )) || die "the API did not answer within 180 s"
        sleep 0.02
    done
    started_in=$(python3 -c "print(f'{$(date +%s.%N) - $t0:.2f}')")
}

# A new process needs a while of load before its code is fully compiled (tiered JIT) and its GC has sized its heaps:
# some seconds of every endpoint the run measures, unmeasured.
warm_process() {
    local url
    for url in "$standings" "$standings?format=csv" "$standings?include=progression" "$base/races/${race_id:-1}" "$base/world-records?asOf=2012-12-01"; do
        wrk -t1 -c"$connections" -d"${process_warmup}s" "$url" >/dev/null
    done
}

# wrk against one URL: a short unmeasured warm-up, then the measured run; "name" gets rps, p50, p99 in the results.
load() {
    local name=$1 url=$2; shift 2
    local status
    # No Accept header, as wrk sends none: the ETag (and so 304 or 200) depends on it.
    status=$(curl -s -H 'Accept:' -o /dev/null -w '%{http_code}' "$@" "$url")
    # Plain GETs must be 200s; the only extra header the runs send is If-None-Match, which must make them 304s.
    local expected=200
    (( $# == 0 )) || expected=304
    [[ $status == "$expected" ]] || die "$name: $url answered $status, not $expected"
    wrk -t1 -c"$connections" -d"${warmup}s" "$@" "$url" >/dev/null
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s bench/wrk/report.lua "$@" "$url" >"$work/wrk-$name.txt"
    local line
    line=$(grep '^WRK ' "$work/wrk-$name.txt") || die "$name: no wrk summary"
    eval "local ${line#WRK }"
    (( errors == 0 && bad_status == 0 )) || log "$name: $errors socket errors, $bad_status non-2xx/3xx responses"
    put "$name.rps" "$rps"; put "$name.p50" "$p50"; put "$name.p99" "$p99"; put "$name.status" "$status"
    log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms (HTTP $status)"
}

# pgbench with the standings SQL, same connections and duration; p50/p99 from its per-transaction log.
pgbench_standings() {
    local name=$1 pgport
    pgport=$(sed -n 4p "$work/pgdata/postmaster.pid")
    rm -rf "$work/pgbench-log" && mkdir -p "$work/pgbench-log"
    (cd "$work/pgbench-log" && "$pg_bin/pgbench" -h 127.0.0.1 -p "$pgport" -U postgres -n -M prepared -c "$connections" -j "$threads" \
        -T "$warmup" -f "$repo/bench/sql/standings.sql" skating >/dev/null 2>&1)
    rm -rf "$work/pgbench-log" && mkdir -p "$work/pgbench-log"
    (cd "$work/pgbench-log" && "$pg_bin/pgbench" -h 127.0.0.1 -p "$pgport" -U postgres -n -M prepared -c "$connections" -j "$threads" \
        -T "$duration" -l -f "$repo/bench/sql/standings.sql" skating >"$work/pgbench-$name.txt" 2>&1) || { cat "$work/pgbench-$name.txt" >&2; die "pgbench"; }
    local tps p50 p99
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$work/pgbench-$name.txt" | head -1)
    read -r p50 p99 < <(cat "$work"/pgbench-log/pgbench_log.* | python3 -c '
import sys
lat = sorted(int(line.split()[2]) for line in sys.stdin)
pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] / 1000
print(f"{pick(0.50):.3f} {pick(0.99):.3f}")')
    put "$name.rps" "$tps"; put "$name.p50" "$p50"; put "$name.p99" "$p99"
    log "$name: $tps tx/s, p50 $p50 ms, p99 $p99 ms"
}

explain() {
    local pgport
    pgport=$(sed -n 4p "$work/pgdata/postmaster.pid")
    { echo "-- EXPLAIN (ANALYZE, BUFFERS) of bench/sql/standings.sql with $1"; echo
      "$pg_bin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d skating -X -q -v ON_ERROR_STOP=1 \
          -c "EXPLAIN (ANALYZE, BUFFERS) $(grep -v '^--' bench/sql/standings.sql)"; } >"$work/explain-$2.txt"
}

# If-None-Match: the ETag of the full answer, sent back; without ETags (before the ops branch) it is n/a.
if_none_match() {
    local name=$1 etag
    etag=$(curl -s -H 'Accept:' -D - -o /dev/null "$standings" | sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p')
    if [[ -z "$etag" ]]; then
        put "$name.rps" n/a; log "$name: the API sends no ETag (n/a)"; return
    fi
    load "$name" "$standings" -H "If-None-Match: $etag"
}

log "first start: new cluster, migrations, bundled seasons (port $port)"
start_api
put first_start_s "$started_in"
race_id=$(curl -s "$base/seasons/2012-13/races?gender=women&distance=500&limit=50" \
    | python3 -c 'import json, sys; print(next(r["id"] for r in json.load(sys.stdin)["items"] if r["hasResults"]))')

warm_process
log "2 seasons: $connections connections, $threads threads, ${duration}s per run"
load standings2 "$standings"
load csv2 "$standings?format=csv"
load progression2 "$standings?include=progression"
load race2 "$base/races/$race_id"
load records2 "$base/world-records?asOf=2012-12-01"
if_none_match inm2
pgbench_standings sql2
explain "2 seasons" 2-seasons
stop_api

log "2 seasons, standings cache off"
start_api --Caching:Standings=false
warm_process
load standings2_uncached "$standings"
stop_api

log "importing $synthetic synthetic seasons"
(cd "$work/api" && timeout 900 dotnet SkatingWorldCup.Api.dll generate-seasons --count "$synthetic" --seed 1) >"$work/import.txt" 2>"$work/import.err" \
    || { cat "$work/import.err" >&2; die "generate-seasons"; }
put synthetic_seasons_loaded "$(grep -c 'imported in' "$work/import.txt")"
python3 - "$work/import.txt" >>"$results" <<'PY'
import re, statistics, sys
ms = [float(m.group(1)) for m in re.finditer(r"imported in ([0-9.]+) ms", open(sys.argv[1]).read())]
results = re.search(r"\((\d+) results\)", open(sys.argv[1]).read())
print(f"import_first_ms={ms[0]:.0f}\nimport_median_ms={statistics.median(ms):.0f}\nimport_max_ms={max(ms):.0f}\nimport_results={results.group(1)}")
PY

log "cold start (cluster initialised, $((synthetic + 2)) seasons)"
start_api
put cold_start_s "$started_in"
# Autovacuum would analyze the new rows within a minute or so; now, so the plans measured are those it would settle on.
"$pg_bin/psql" -h 127.0.0.1 -p "$(sed -n 4p "$work/pgdata/postmaster.pid")" -U postgres -d skating -X -q -c ANALYZE

warm_process
log "$((synthetic + 2)) seasons"
load standings30 "$standings"
if_none_match inm30
pgbench_standings sql30
explain "$((synthetic + 2)) seasons" 30-seasons
stop_api

log "$((synthetic + 2)) seasons, standings cache off"
start_api --Caching:Standings=false
warm_process
load standings30_uncached "$standings"
stop_api
put rss_max_mb "$rss_max"

if [[ "$micro" == 1 ]]; then
    log "BenchmarkDotNet micro-benchmarks"
    timeout 900 dotnet run -c Release --project bench/SkatingWorldCup.Benchmarks -- --filter '*' --artifacts "$work/bdn" \
        >"$work/micro.log" 2>&1 || { tail -30 "$work/micro.log" >&2; die "micro-benchmarks"; }
    cat "$work"/bdn/results/*-report-github.md >"$work/micro.md"
fi
put load_end "$(load1)"

cp "$work"/explain-*.txt bench/results/
python3 bench/report.py "$results" "$work/micro.md" "$duration" "$connections" "$threads" "$max_load" >"$out"
cat "$out"
log "written to $out and bench/results/explain-*.txt"
