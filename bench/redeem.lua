-- wrk: POST /api/tokens/validate, each request with a code no other request used.
-- Arguments: codes file, number of wrk threads.
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  codes = {}
  local stride = tonumber(args[2])
  local n = 0
  for line in io.lines(args[1]) do
    if n % stride == id then
      codes[#codes + 1] = line
    end
    n = n + 1
  end
  next_code = 1
end

function request()
  local code = codes[next_code]
  next_code = next_code % #codes + 1
  return wrk.format("POST", "/api/tokens/validate", { ["Content-Type"] = "application/json" },
    '{"code":"' .. code .. '"}')
end
