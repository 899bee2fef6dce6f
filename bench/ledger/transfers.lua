-- wrk script: lines of the paper point book (POST /api/branches/{b}/ledger/transfers, R-LEDGER-8): a seeded member
-- pays with points for their seeded completed service order.
-- Environment: BENCH_BRANCH, BENCH_TOKEN (a steward's), BENCH_LINES (comma-separated "memberId:orderId"),
-- BENCH_SCENARIO (spread|mixed|hot):
--   spread: the paying member uniform among all;
--   mixed:  one of 2 hot members half of the time (their row lock serialises their lines);
--   hot:    always one of the 2 hot members.
-- Every request carries a fresh Idempotency-Key and a fresh form number. `done` prints one line that run.sh parses.

local lines = {}
for member, order in string.gmatch(os.getenv("BENCH_LINES"), "([%x-]+):(%d+)") do
  lines[#lines + 1] = { member = member, order = order }
end
local scenario = os.getenv("BENCH_SCENARIO") or "spread"
local path = "/api/branches/" .. os.getenv("BENCH_BRANCH") .. "/ledger/transfers"
local token = "Bearer " .. os.getenv("BENCH_TOKEN")

local threads = {}
local counter = 0
local prefix
created, refused, failed = 0, 0, 0

function setup(thread)
  thread:set("thread_no", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() * 1000 + thread_no)
  prefix = string.format("%d-%d-", os.time(), thread_no)
end

local function pick()
  local n = #lines
  if scenario == "hot" or (scenario == "mixed" and math.random() < 0.5) then
    return lines[math.random(1, 2)]
  end
  return lines[math.random(1, n)]
end

function request()
  counter = counter + 1
  local line = pick()
  local body = string.format(
    '{"memberId":"%s","serviceRequestId":%s,"points":"%d.%02d","paperFormNo":"B-%s%d"}',
    line.member, line.order, math.random(1, 5), 25 * math.random(0, 3), prefix, counter)
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
    "scenario=%s transfers=%d refused=%d errors=%d socket_errors=%d transfers/s=%.0f p50=%.1fms p99=%.1fms max=%.1fms\n",
    scenario, c, r, f + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.timeout, c / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
