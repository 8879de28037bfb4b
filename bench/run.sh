#!/usr/bin/env bash
# The benchmark harness (bench/README.md): a Release build of the API, twice side by side (2 and 30 seasons), each on its
# own PostgreSQL in a temp folder; HTTP load with wrk, the raw standings SQL with pgbench, imports through the API,
# cold start, peak RSS and the BenchmarkDotNet micro-benchmarks, written to bench/results/latest.md. Traffic goes to
# 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

duration=${BENCH_DURATION:-10}          # seconds per wrk and pgbench run
warmup=${BENCH_WARMUP:-3}               # seconds of unmeasured load before each endpoint's run
process_warmup=${BENCH_PROCESS_WARMUP:-3} # seconds of unmeasured load per endpoint after each start of the API (3× for the standings)
rounds=${BENCH_ROUNDS:-6}               # alternating 2 / 30 seasons standings runs of each size
round_duration=${BENCH_ROUND_DURATION:-$duration} # seconds per alternating run
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
results=$work/results.txt
touch "$results"
put() { echo "$1=$2" >>"$results"; }

# Two instances side by side, each the API with its own embedded PostgreSQL cluster: "small" holds the 2 bundled
# seasons, "large" those and the synthetic ones. Both run during the whole comparison, so the 2 vs 30 seasons figures
# come from alternating runs minutes apart at most, under the same conditions (bench/README.md).
declare -A api_pid=() api_port=()
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
for name in small large; do api_port[$name]=$(free_port); done
base_of() { echo "http://127.0.0.1:${api_port[$1]}/api/v1"; }
pgdata_of() { echo "$work/pgdata-$1"; }
postmaster_of() { head -1 "$(pgdata_of "$1")/postmaster.pid" 2>/dev/null || echo 0; }
pgport_of() { sed -n 4p "$(pgdata_of "$1")/postmaster.pid"; }
standings_path=/seasons/2012-13/cups/women-500/standings
admin_key=bench-$(python3 -c 'import secrets; print(secrets.token_hex(16))')

rss_max=0
stop_api() {
    local name=$1 pid=${api_pid[$1]:-}
    [[ -n "$pid" ]] || return 0
    # Peak resident memory of this API process over its whole life (all the load it served), kept as the max of all.
    local rss
    rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    if (( rss > rss_max )); then rss_max=$rss; fi
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    api_pid[$name]=""
}
cleanup() {
    local name
    for name in small large; do
        stop_api "$name"
        # The API stops the PostgreSQL it started; this catches a server left by an API that was killed.
        if [[ -f "$(pgdata_of "$name")/postmaster.pid" ]]; then
            if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$pg_bin/pg_ctl" stop -D "$(pgdata_of "$name")" -m immediate >/dev/null 2>&1 || true
            else "$pg_bin/pg_ctl" stop -D "$(pgdata_of "$name")" -m immediate >/dev/null 2>&1 || true; fi
        fi
    done
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
put rounds "$rounds"
put started "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
put commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+dirty')"

# For this machine's runtime, so the code is precompiled (ReadyToRun, see the API's .csproj) as a deployment's should be.
rid=linux-x64
[[ $(uname -m) == aarch64 ]] && rid=linux-arm64
log "publishing the API (Release, $rid, ReadyToRun)"
timeout 900 dotnet publish src/SkatingWorldCup.Api -c Release -r "$rid" --self-contained false -o "$work/api" --nologo -v q >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; die "dotnet publish"; }
unset ConnectionStrings__Skating LocalDatabase__DataDirectory

# Starts an instance in the background (arguments: name, extra configuration); started_in is the seconds until its
# standings first answered 200.
started_in=""
start_api() {
    local name=$1 t0 deadline url
    shift
    url=$(base_of "$name")$standings_path
    t0=$(date +%s.%N)
    deadline=$((SECONDS + 180))
    # From its folder, as a deployment runs it: the content root, where appsettings.json (logging levels) is read, is the working directory.
    # Rate limits off: one client address sending thousands of requests is what they exist to stop (120 a minute).
    (cd "$work/api" && LocalDatabase__DataDirectory=$(pgdata_of "$name") Auth__BootstrapKey=$admin_key \
        exec dotnet SkatingWorldCup.Api.dll --urls "http://127.0.0.1:${api_port[$name]}" --RateLimits:Enabled=false "$@") >>"$work/api-$name.log" 2>&1 &
    api_pid[$name]=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null) == 200 ]]; do
        kill -0 "${api_pid[$name]}" 2>/dev/null || { tail -30 "$work/api-$name.log" >&2; die "the API ($name) exited"; }
        (( SECONDS < deadline )) || die "the API ($name) did not answer within 180 s"
        sleep 0.02
    done
    started_in=$(python3 -c "print(f'{$(date +%s.%N) - $t0:.2f}')")
}

# Others' share of the machine during a run, in %: busy time that was neither ours (both instances) nor wrk's/pgbench's.
# The load average cannot tell, since the benchmark itself keeps it high; this can.
cpu_mark() {
    python3 bench/cpu.py "$$" "${api_pid[small]:-0},${api_pid[large]:-0}" "$(postmaster_of small),$(postmaster_of large)"
}
# Prints "others steal": the share of the machine (in %) that other processes took during the run, then the share the
# host took (steal time), which the others' figure does not include.
others_since() {
    local b0 o0 c0 s0 b1 o1 c1 s1
    read -r b0 o0 c0 s0 <<<"$1"
    read -r b1 o1 c1 s1 < <(cpu_mark)
    python3 -c "
total = $2 * 100 * $(nproc)
print(f'{max(0, ($b1 - $b0) - ($o1 - $o0) - ($c1 - $c0) - ($s1 - $s0)) / total * 100:.0f} {($s1 - $s0) / total * 100:.0f}')"
}
mark_others() {
    local others steal
    read -r others steal < <(others_since "$2" "$3")
    put "$1.others" "$others"; put "$1.steal" "$steal"
}

# A new process needs a while of load before its code is fully compiled (tiered JIT, which competes for the two cores
# with the load itself) and its GC has sized its heaps: some seconds of every endpoint the run measures, unmeasured,
# the standings longest.
warm_process() {
    local base path
    base=$(base_of "$1")
    wrk -t1 -c"$connections" -d"$((process_warmup * 3))s" "$base$standings_path" >/dev/null
    for path in "$standings_path?format=csv" "$standings_path?include=progression" "/races/${race_id:-1}" "/world-records?asOf=2012-12-01"; do
        wrk -t1 -c"$connections" -d"${process_warmup}s" "$base$path" >/dev/null
    done
}

# wrk against one URL of an instance: a short unmeasured warm-up, then the measured run; "name" gets rps, p50, p99.
# Arguments: name, instance, path, then extra wrk/curl arguments (a header).
load() {
    local name=$1 url status
    url=$(base_of "$2")$3
    shift 3
    # No Accept header, as wrk sends none: the ETag (and so 304 or 200) depends on it.
    status=$(curl -s -H 'Accept:' -o /dev/null -w '%{http_code}' "$@" "$url")
    # Plain GETs must be 200s; the only extra header the runs send is If-None-Match, which must make them 304s.
    local expected=200
    (( $# == 0 )) || expected=304
    [[ $status == "$expected" ]] || die "$name: $url answered $status, not $expected"
    wrk -t1 -c"$connections" -d"${run_warmup:-$warmup}s" "$@" "$url" >/dev/null
    put "$name.load" "$(load1)"
    local mark
    mark=$(cpu_mark)
    wrk -t"$threads" -c"$connections" -d"${run_duration:-$duration}s" --latency -s bench/wrk/report.lua "$@" "$url" >"$work/wrk-$name.txt"
    mark_others "$name" "$mark" "${run_duration:-$duration}"
    local line
    line=$(grep '^WRK ' "$work/wrk-$name.txt") || die "$name: no wrk summary"
    eval "local ${line#WRK }"
    (( errors == 0 && bad_status == 0 )) || log "$name: $errors socket errors, $bad_status non-2xx/3xx responses"
    put "$name.rps" "$rps"; put "$name.p50" "$p50"; put "$name.p99" "$p99"; put "$name.status" "$status"
    log "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms (HTTP $status), others' CPU $(grep "^$name.others=" "$results" | cut -d= -f2)%, steal $(grep "^$name.steal=" "$results" | cut -d= -f2)%"
}

# The standings on both instances in alternating runs (small, large, large, small, ...), so that whatever else changes
# during the benchmark (the host's steal time above all) falls on both sizes alike; report.py takes the median of each
# size's runs. Arguments: name prefix, runs of each size, then "inm" to send each instance's ETag in If-None-Match.
alternate() {
    local prefix=$1 count=$2 conditional=${3:-} i name size
    for i in $(seq 1 "$count"); do
        if (( i % 2 )); then order="small large"; else order="large small"; fi
        for name in $order; do
            size=2
            [[ $name == large ]] && size=30
            local extra=()
            [[ $conditional == inm ]] && extra=(-H "If-None-Match: $(etag_of "$name")")
            run_warmup=1 run_duration=$round_duration load "$prefix$size.r$i" "$name" "$standings_path" "${extra[@]}"
        done
    done
}

# pgbench with the standings SQL on an instance's cluster, same connections and duration; p50/p99 from its per-transaction log.
pgbench_standings() {
    local name=$1 pgport
    pgport=$(pgport_of "$2")
    rm -rf "$work/pgbench-log" && mkdir -p "$work/pgbench-log"
    (cd "$work/pgbench-log" && "$pg_bin/pgbench" -h 127.0.0.1 -p "$pgport" -U postgres -n -M prepared -c "$connections" -j "$threads" \
        -T "$warmup" -f "$repo/bench/sql/standings.sql" skating >/dev/null 2>&1)
    rm -rf "$work/pgbench-log" && mkdir -p "$work/pgbench-log"
    put "$name.load" "$(load1)"
    local mark
    mark=$(cpu_mark)
    (cd "$work/pgbench-log" && "$pg_bin/pgbench" -h 127.0.0.1 -p "$pgport" -U postgres -n -M prepared -c "$connections" -j "$threads" \
        -T "$duration" -l -f "$repo/bench/sql/standings.sql" skating >"$work/pgbench-$name.txt" 2>&1) || { cat "$work/pgbench-$name.txt" >&2; die "pgbench"; }
    mark_others "$name" "$mark" "$duration"
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
    { echo "-- EXPLAIN (ANALYZE, BUFFERS) of bench/sql/standings.sql with $1"; echo
      "$pg_bin/psql" -h 127.0.0.1 -p "$(pgport_of "$3")" -U postgres -d skating -X -q -v ON_ERROR_STOP=1 \
          -c "EXPLAIN (ANALYZE, BUFFERS) $(grep -v '^--' bench/sql/standings.sql)"; } >"$work/explain-$2.txt"
}

# The ETag of an instance's full standings answer (each has its own data version), for If-None-Match.
etag_of() {
    local etag
    etag=$(curl -s -H 'Accept:' -D - -o /dev/null "$(base_of "$1")$standings_path" | sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p')
    [[ -n "$etag" ]] || die "the standings of $1 came without an ETag"
    echo "$etag"
}

log "first start: new cluster, migrations, bundled seasons (small, port ${api_port[small]})"
start_api small
put first_start_s "$started_in"
race_id=$(curl -s "$(base_of small)/seasons/2012-13/races?gender=women&distance=500&limit=50" \
    | python3 -c 'import json, sys; print(next(r["id"] for r in json.load(sys.stdin)["items"] if r["hasResults"]))')

# The large instance gets its seasons the way a results desk sends one: POST /api/v1/imports to the running API, each
# timed by curl from the request's first byte to the summary's last. The first is the first import that process serves.
log "large: importing $synthetic synthetic seasons through POST /imports (port ${api_port[large]})"
start_api large
# Once it answers, the API rehearses an import (ImportWarmup: a synthetic season applied and rolled back); a results desk
# sends its first document some time after a deploy, so the first one timed here comes after that rehearsal.
for _ in $(seq 1 600); do grep -q 'Import path warmed up\|Import warm-up failed' "$work/api-large.log" && break; sleep 0.1; done
warmup_line=$(grep -o 'Import path warmed up in [0-9]* ms\|Import warm-up failed[^"]*' "$work/api-large.log" | head -1)
put import_warmup "${warmup_line:-none logged}"
(cd "$work/api" && dotnet SkatingWorldCup.Api.dll generate-seasons --count "$synthetic" --seed 1 --out "$work/seasons") >/dev/null 2>"$work/generate.err" \
    || { cat "$work/generate.err" >&2; die "generate-seasons"; }
put import.load "$(load1)"
for document in "$work"/seasons/*.json; do
    timing=$(curl -s -o "$work/import-summary.json" -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' -H "X-Api-Key: $admin_key" \
        --data-binary "@$document" "$(base_of large)/imports")
    [[ ${timing%% *} == 200 ]] || { cat "$work/import-summary.json" >&2; die "importing $document answered ${timing%% *}"; }
    echo "${timing#* } $(python3 -c 'import json, sys; c = json.load(sys.stdin)["created"]; print(c.get("results", 0), c.get("competitors", 0))' <"$work/import-summary.json")" >>"$work/imports.txt"
done
python3 - "$work/imports.txt" >>"$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
ms = [float(row[0]) * 1000 for row in rows]
print(f"synthetic_seasons_loaded={len(rows)}\nimport_first_ms={ms[0]:.0f}\nimport_median_ms={statistics.median(ms):.0f}\nimport_max_ms={max(ms):.0f}"
      f"\nimport_last_ms={ms[-1]:.0f}\nimport_results={rows[0][1]}\nimport_first_competitors={rows[0][2]}"
      f"\nimport_competitors_after_first={sum(int(row[2]) for row in rows[1:])}\nimport_ms_all={' '.join(f'{x:.0f}' for x in ms)}")
PY
log "imports: $(tr '\n' ' ' <"$work/imports.txt" | cut -c1-200)…"

log "cold start (large: cluster initialised, $((synthetic + 2)) seasons)"
stop_api large
put cold.load "$(load1)"
start_api large
put cold_start_s "$started_in"
# Settle what the imports left behind before measuring: autovacuum would vacuum and analyze the new rows within a
# minute or so (VACUUM ANALYZE now, so the plans measured are those it would settle on and no worker starts mid-run),
# and the checkpoint and the kernel's writeback of the new pages would land in the middle of the runs.
for name in small large; do
    "$pg_bin/psql" -h 127.0.0.1 -p "$(pgport_of "$name")" -U postgres -d skating -X -q -c 'VACUUM ANALYZE' -c CHECKPOINT
done
sync

log "warming both instances"
warm_process small
warm_process large
log "2 seasons: $connections connections, $threads threads, ${duration}s per run"
load csv2 small "$standings_path?format=csv"
load progression2 small "$standings_path?include=progression"
load race2 small "/races/$race_id"
load records2 small "/world-records?asOf=2012-12-01"
pgbench_standings sql2 small
pgbench_standings sql30 large
explain "2 seasons" 2-seasons small
explain "$((synthetic + 2)) seasons" 30-seasons large
log "standings, 2 and $((synthetic + 2)) seasons: $rounds alternating rounds of ${round_duration}s each"
alternate standings "$rounds"
log "standings with If-None-Match (304), 2 and $((synthetic + 2)) seasons: $((rounds / 2)) alternating rounds"
alternate inm "$((rounds / 2))" inm
stop_api small
stop_api large

log "standings cache off, both sizes"
start_api small --Caching:Standings=false
start_api large --Caching:Standings=false
warm_process small
warm_process large
alternate standings_uncached 2
stop_api small
stop_api large
put rss_max_mb "$rss_max"

if [[ "$micro" == 1 ]]; then
    log "BenchmarkDotNet micro-benchmarks"
    timeout 900 dotnet run -c Release --project bench/SkatingWorldCup.Benchmarks -- --filter '*' --artifacts "$work/bdn" \
        >"$work/micro.log" 2>&1 || { tail -30 "$work/micro.log" >&2; die "micro-benchmarks"; }
    cat "$work"/bdn/results/*-report-github.md >"$work/micro.md"
fi
put load_end "$(load1)"

cp "$work"/explain-*.txt bench/results/
python3 bench/report.py "$results" "$work/micro.md" "$duration" "$connections" "$threads" "$max_load" "$round_duration" >"$out"
cat "$out"
log "written to $out and bench/results/explain-*.txt"
