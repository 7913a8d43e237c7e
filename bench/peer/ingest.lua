-- wrk script for scripts/bench-ingest: the same small JSON body on every request; done() writes
-- the 2xx and non-2xx counts to BENCH_STATS.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id":1,"amount":150.25,"customer":"Zoë Ω-1"}'
local threads = {}
function setup(thread) table.insert(threads, thread) end
ok, bad = 0, 0
function response(status, hdrs, body)
  if status >= 200 and status < 300 then ok = ok + 1 else bad = bad + 1 end
end
function done(summary, latency, requests)
  local out = os.getenv("BENCH_STATS")
  if not out then return end
  local f = io.open(out, "w")
  local o, b = 0, 0
  for _, t in ipairs(threads) do o = o + t:get("ok"); b = b + t:get("bad") end
  local e = summary.errors
  f:write(string.format("ingest %d %d %d %d %d %d %d\n", o, b, summary.duration, e.connect, e.read, e.write, e.timeout))
  f:write(string.format("latency %d %d %d\n", latency:percentile(50), latency:percentile(99), latency.max))
  f:close()
end
