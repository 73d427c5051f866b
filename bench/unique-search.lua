-- Every request a query never seen before ("丢了工作 <random>"), so the search answer cache never helps.
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/search?q=%E4%B8%A2%E4%BA%86%E5%B7%A5%E4%BD%9C%20" .. math.random(1, 1000000000))
end
