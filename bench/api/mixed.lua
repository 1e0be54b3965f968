-- 80 % GET of a random firm, 20 % POST of a new contact of a random firm
-- (bench/api/run.sh); every answer but 200 and 201 is an error.
local firms = tonumber(os.getenv("ZS_BENCH_FIRMS"))
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ZS_BENCH_TOKEN")
wrk.headers["Content-Type"] = "application/json"
local counter = 0

request = function()
  local id = math.random(1, firms)
  if math.random() < 0.8 then
    return wrk.format("GET", "/api/v1/firms/" .. id, nil, nil)
  end
  counter = counter + 1
  local body = string.format('{"firm_id":%d,"name":"联系人%d","title":"bench"}', id, counter)
  return wrk.format("POST", "/api/v1/contacts", nil, body)
end
