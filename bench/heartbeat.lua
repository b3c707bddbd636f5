-- wrk: POST /api/playback/heartbeat, round robin over the playback tokens of live sessions.
-- Arguments: tokens file.
function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  next_token = math.random(#tokens)
end

function request()
  local token = tokens[next_token]
  next_token = next_token % #tokens + 1
  return wrk.format("POST", "/api/playback/heartbeat", { ["Authorization"] = "Bearer " .. token })
end
