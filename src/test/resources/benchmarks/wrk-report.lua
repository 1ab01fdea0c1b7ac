-- Prints what a benchmark needs from a wrk run as one machine-readable line (latencies in microseconds).
done = function(summary, latency, requests)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("rolegate-wrk requests=%d duration=%d failed=%d non2xx=%d p50=%d p95=%d p99=%d max=%d\n",
    summary.requests, summary.duration, failed, summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
