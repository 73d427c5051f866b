-- wrk script for the form pages benchmark (issue 18): signed-in residents on the elderly-allowance form.
-- Usage: wrk -t T -c C -d D -s bench/forms.lua https://host -- requests-file T mode
-- Each line of the file: a resident's Cookie header, a tab, the body of an answer (with its antiforgery token).
-- Thread i takes lines i, i+T, ... and goes round them. Modes:
--   service   GET the service page           question  GET the bank account question
--   answer    POST an answer to the question (each line its own resident's draft, or all one draft's)
--   portal    GET, signed in, what residents browse: a random page of those listed (comma-separated) in the 4th
--             argument, or every third request a search never seen before, in Chinese or English
-- A response other than 200 (GET) or the redirect to the check page (POST) counts as a failure; a 5xx also as a server error.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  lines, failures, servererrors, position, mode = {}, 0, 0, 0, args[3]
  pages = {}
  for page in string.gmatch(args[4] or "", "[^,]+") do table.insert(pages, page) end
  math.randomseed(os.time() + id)
  local n, count = 0, tonumber(args[2])
  for line in io.lines(args[1]) do
    if n % count == id then table.insert(lines, line) end
    n = n + 1
  end
end

local question = "/services/elderly-allowance/apply/bank.accountNumber"

function request()
  position = position % #lines + 1
  local cookie, body = lines[position]:match("^([^\t]*)\t(.*)$")
  if mode == "service" then
    return wrk.format("GET", "/services/elderly-allowance", { ["Cookie"] = cookie })
  elseif mode == "question" then
    return wrk.format("GET", question, { ["Cookie"] = cookie })
  elseif mode == "portal" then
    local headers = { ["Cookie"] = cookie, ["Accept-Language"] = position % 2 == 0 and "zh-CN" or "en" }
    if math.random(1, 3) == 1 then
      return wrk.format("GET", "/search?q=%E4%B8%A2%E4%BA%86%E5%B7%A5%E4%BD%9C%20" .. math.random(1, 1000000000), headers)
    end
    return wrk.format("GET", pages[math.random(1, #pages)], headers)
  end
  return wrk.format("POST", question, { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status >= 500 then servererrors = servererrors + 1 end
  if mode == "answer" then
    local location = headers["Location"] or ""
    if status ~= 302 or not location:find("/apply/check", 1, true) then failures = failures + 1 end
  elseif status ~= 200 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed, server = 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
    server = server + thread:get("servererrors")
  end
  io.write(string.format("bench requests=%d seconds=%.3f p50=%.3f p95=%.3f p99=%.3f failures=%d errors=%d servererrors=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    failed, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, server))
end
