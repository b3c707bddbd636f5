-- wrk: GET one media path, round robin over the playback tokens of many viewers (one token per
-- viewer; a media server lets one playback session have only a few responses at once).
-- Arguments: tokens file, path.
function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    tokens[#tokens + 1] = line
  end
  path = args[2]
  next_token = math.random(#tokens)
end

function request()
  local token = tokens[next_token]
  next_token = next_token % #tokens + 1
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
