-- wrk: media.lua's viewers, each connection asking once every PACE milliseconds, as a player
-- reloads a live playlist once a target duration.
-- Arguments: tokens file, path, pace in milliseconds.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "media.lua")

local ask = init
function init(args)
  ask(args)
  pace = tonumber(args[3])
end

function delay()
  return pace
end
