-- wrk prints its summary for people; this adds one line for bench/run.sh: requests/s, p50/p99 latency in ms, errors.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK rps=%.1f p50=%.3f p99=%.3f requests=%d errors=%d bad_status=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
