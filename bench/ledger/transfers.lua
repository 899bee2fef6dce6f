-- wrk script: the paper-book transfer (POST /api/branches/{b}/ledger/transfers) between seeded members.
-- Environment: BENCH_BRANCH, BENCH_TOKEN, BENCH_PERSONS (comma-separated ids), BENCH_SCENARIO (spread|mixed|hot).
--   spread: payer and payee uniform among all members;
--   mixed:  as LedgerConcurrencyTest, each side is one of the 2 hot accounts half of the time;
--   hot:    every transfer pays into one of the 2 hot accounts (a popular volunteer or a merchant).
-- Every request carries a fresh Idempotency-Key. `done` prints one line that run.sh parses.

local persons = {}
for id in string.gmatch(os.getenv("BENCH_PERSONS"), "%d+") do
  persons[#persons + 1] = id
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
  local n = #persons
  while true do
    local from, to
    if scenario == "hot" then
      to = math.random(1, 2)
      from = math.random(3, n)
    elseif scenario == "mixed" then
      from = math.random() < 0.5 and math.random(1, 2) or math.random(1, n)
      to = math.random() < 0.5 and math.random(1, 2) or math.random(1, n)
    else
      from = math.random(1, n)
      to = math.random(1, n)
    end
    if from ~= to then
      return persons[from], persons[to]
    end
  end
end

function request()
  counter = counter + 1
  local from, to = pick()
  local body = string.format(
    '{"fromPersonId":%s,"toPersonId":%s,"points":"%d.%02d","kind":"SERVICE_PAYMENT","paperFormNo":"B-%d"}',
    from, to, math.random(1, 5), 25 * math.random(0, 3), counter)
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
