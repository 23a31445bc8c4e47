-- wrk script for scripts/serve-load.sh: every request screens one site, taken in turn from a
-- list of single-site execute bodies (one JSON document per line) written by the shell script.
--
-- Closed loop (default): each connection sends its next request as soon as the answer arrives.
-- Open loop (environment REDLINE_LOAD_RATE = requests per second for each wrk thread): the
-- thread's requests are due on a fixed clock, one every 1000/RATE ms, whatever the answers'
-- latency; a connection that becomes free asks for the next due time (`delay()`), so slow answers
-- do not lower the offered rate. When every connection is busy at a due time, the request goes
-- out late: `done()` reports how many went out more than 1 ms late and by how much at most, so
-- that the latencies wrk prints (measured from the send) can be judged.
local bodies = {}
local next_body = 1

function init(args)
  for line in io.lines(args[1]) do
    bodies[#bodies + 1] = line
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[2]
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format(nil, "/processes/screen/execution", nil, body)
end

-- Counts non-200 answers (wrk counts only socket errors and non-2xx/3xx).
failures = 0
function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("serve-load: HTTP " .. status .. ": " .. body:sub(1, 200) .. "\n")
    end
  end
end

local rate = tonumber(os.getenv("REDLINE_LOAD_RATE") or "")
late, late_max_ms, scheduled = 0, 0, 0
if rate and rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } redline_load_timespec;
    int clock_gettime(int clock, redline_load_timespec *ts);
  ]]
  local ts = ffi.new("redline_load_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval = 1000 / rate
  local due = nil

  function delay()
    local now = now_ms()
    due = due or now
    local wait = due - now
    due = due + interval
    scheduled = scheduled + 1
    if wait < -1 then
      late = late + 1
      if -wait > late_max_ms then
        late_max_ms = -wait
      end
    end
    return math.max(0, math.floor(wait + 0.5))
  end
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local bad, sched, lateCount, lateMax = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("failures")
    sched = sched + t:get("scheduled")
    lateCount = lateCount + t:get("late")
    lateMax = math.max(lateMax, t:get("late_max_ms"))
  end
  io.write(string.format("serve-load: answers other than 200: %d\n", bad))
  if rate and rate > 0 then
    io.write(string.format("serve-load: open loop, requests sent more than 1 ms after they " ..
                           "were due: %d of %d (at most %.1f ms late)\n", lateCount, sched, lateMax))
  end
end
