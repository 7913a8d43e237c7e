-- wrk script for scripts/bench-peer: POSTs orders with unique, deterministic ids.
-- Thread t sends ids BENCH_BASE + t*10^7 + 0, 1, 2 …; an id divisible by 5 has an amount below
-- 100 (filtered: 20 %), the others 100.25 … 999.25. tools.js computes the same orders to verify
-- what reached the sink. done() writes, per thread, "tid generated 2xx non-2xx" to BENCH_STATS.
local base = tonumber(os.getenv("BENCH_BASE") or "100000000")
local path = os.getenv("BENCH_PATH") or "/orders"
local headers = { ["Content-Type"] = "application/json" }
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

counter, ok, bad = 0, 0, 0

function request()
  local id = base + tid * 10000000 + counter
  counter = counter + 1
  local amount
  if id % 5 == 0 then
    amount = string.format("%d.5", id % 90)
  else
    amount = string.format("%d.25", 100 + id % 900)
  end
  local body = string.format('{"id":%d,"amount":%s,"customer":"Zoë Ω-%d"}', id, amount, id % 1000)
  return wrk.format("POST", path, headers, body)
end

function response(status, hdrs, body)
  if status >= 200 and status < 300 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local out = os.getenv("BENCH_STATS")
  if not out then return end
  local f = io.open(out, "w")
  for _, t in ipairs(threads) do
    f:write(string.format("thread %d %d %d %d\n", t:get("tid"), t:get("counter"), t:get("ok"), t:get("bad")))
  end
  local e = summary.errors
  f:write(string.format("summary %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    e.connect, e.read, e.write, e.status, e.timeout))
  f:write(string.format("latency %d %d %d\n", latency:percentile(50), latency:percentile(99), latency.max))
  f:close()
end
