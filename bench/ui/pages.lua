-- wrk script: GET one member page as many members at once, each request with the session cookie of a member taken
-- in turn (the page reads that member's own points, requests or inbox).
-- Environment: BENCH_PAGE (path), BENCH_TOKENS (comma-separated access tokens, one per member).
local cookies = {}
for token in string.gmatch(os.getenv("BENCH_TOKENS"), "[^,]+") do
  cookies[#cookies + 1] = "tongyi_session=" .. token
end
local path = os.getenv("BENCH_PAGE")
local threads = {}
local next_member = 0

function setup(thread)
  thread:set("thread_no", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  next_member = thread_no
end

function request()
  next_member = next_member % #cookies + 1
  return wrk.format("GET", path, { ["Cookie"] = cookies[next_member], ["Accept-Encoding"] = "gzip" })
end

function done(summary, latency, requests)
  local failures = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout
  io.write(string.format("requests=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f non_2xx_or_errors=%d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    failures))
end
