-- wrk script for Benchmarks/serve.sh: each request submits the next response of RESPONSES (a JSON
-- Lines file), thread i taking every THREADS-th line from line i, so that no two requests carry the
-- same response (unless STREAM=same, when every thread walks the whole file: the two-instance test).
-- Counts answers by status; with OK_LOG set, appends the response id of every 201 to OK_LOG.THREAD.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  lines = {}
  for line in io.lines(os.getenv("RESPONSES")) do table.insert(lines, line) end
  step = tonumber(os.getenv("THREADS") or "1")
  if os.getenv("STREAM") == "same" then step = 1; next_line = 1 else next_line = id + 1 end
  statuses = {}
  pending = {}
  okfile = os.getenv("OK_LOG") and io.open(os.getenv("OK_LOG") .. "." .. id, "a") or nil
  -- wrk calls request() once on thread 0 to check the script, and never sends what it returns.
  verifying = (id == 0)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  if verifying then
    verifying = false
    return wrk.format("GET", "/healthz", {}, nil)
  end
  if next_line > #lines then
    -- Out of responses: ask for something cheap rather than resubmit.
    return wrk.format("GET", "/healthz", {}, nil)
  end
  local body = lines[next_line]
  table.insert(pending, body:match('"response_id":"([^"]+)"'))
  next_line = next_line + step
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  local idd = table.remove(pending, 1)
  if status == 201 and okfile and idd then okfile:write(idd, "\n"); okfile:flush() end
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for k, v in pairs(s) do totals[k] = (totals[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(totals) do table.insert(parts, k .. "=" .. v) end
  table.sort(parts)
  io.write(string.format("statuses %s\n", table.concat(parts, " ")))
  io.write(string.format("latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests %d in %.2f s: %.0f/s; socket errors connect=%d read=%d write=%d timeout=%d\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6), summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
end
