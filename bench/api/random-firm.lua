-- GET /api/v1/firms/{random id} with the bench token (bench/api/run.sh)
local firms = tonumber(os.getenv("ZS_BENCH_FIRMS"))
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ZS_BENCH_TOKEN")

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

request = function()
  return wrk.format("GET", "/api/v1/firms/" .. math.random(1, firms))
end
