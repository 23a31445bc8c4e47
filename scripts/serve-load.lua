-- wrk script for scripts/serve-load.sh: every request screens one site, taken in turn from a
-- list of single-site execute bodies (one JSON document per line) written by the shell script.
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
local failures = 0
function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("serve-load: HTTP " .. status .. ": " .. body:sub(1, 200) .. "\n")
    end
  end
end
