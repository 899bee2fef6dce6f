-- wrk script: redemptions at a merchant's till through the plugin route
-- (POST /api/branches/{b}/plugins/merchant-alliance/redemptions, R-MERCHANT-2), one fresh point code per request.
-- Environment: BENCH_BRANCH, BENCH_TOKEN (the merchant's), BENCH_CODES (a file of codes, one per line),
-- BENCH_THREADS (wrk's -t: thread k of n takes every n-th code from the k-th). Each redemption: a 3.00 CNY purchase, 0.01 point (3 fen) off, a fresh Idempotency-Key.
-- `done` prints one line that run.sh parses.

local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local path = "/api/branches/" .. os.getenv("BENCH_BRANCH") .. "/plugins/merchant-alliance/redemptions"
local token = "Bearer " .. os.getenv("BENCH_TOKEN")

local threads = {}
local codes = {}
local counter = 0
local prefix
created, refused, failed = 0, 0, 0

function setup(thread)
  thread:set("thread_no", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  local n = 0
  for line in io.lines(os.getenv("BENCH_CODES")) do
    n = n + 1
    if n % nthreads + 1 == thread_no then
      codes[#codes + 1] = line
    end
  end
  prefix = string.format("%d-%d-", os.time(), thread_no)
end

function request()
  counter = counter + 1
  -- past the last code a used one comes back, answered 409 code-used and counted as refused
  local body = string.format('{"code":"%s","purchaseFen":300,"points":"0.01"}', codes[(counter - 1) % #codes + 1])
  return wrk.format("POST", path, {
    ["Authorization"] = token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = prefix .. counter,
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    refused = refused + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local c, r, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    r = r + thread:get("refused")
    f = f + thread:get("failed")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "scenario=plugin transfers=%d refused=%d errors=%d socket_errors=%d transfers/s=%.0f p50=%.1fms p99=%.1fms max=%.1fms\n",
    c, r, f + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.timeout, c / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
