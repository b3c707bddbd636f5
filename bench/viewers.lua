-- wrk: viewers that each reload one playlist every PACE milliseconds, as a player reloads a live
-- playlist once a target duration, round robin over the playback tokens of many viewers.
-- Arguments: tokens file, path, pace in milliseconds.
function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  path = args[2]
  pace = tonumber(args[3])
  next_token = math.random(#tokens)
end

function delay()
  return pace
end

function request()
  local token = tokens[next_token]
  next_token = next_token % #tokens + 1
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
