-- wrk script for the applications benchmark over HTTP (issue 5): each request is one resident pressing
-- "send" on her elderly-allowance check page, each resident once.
-- Usage: wrk -t T -c C -d D -s bench/submit.lua https://host -- requests-file T
-- Each line of the file: the resident's Cookie header, a tab, the form body. Thread i takes lines i, i+T, ...
-- A response that is not the redirect to the confirmation page counts as a failure; a thread that runs out
-- of lines says so (the benchmark then refuses the round: repeats would be idempotent, not new submissions).

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  lines, failures, exhausted, position = {}, 0, 0, 0
  local n, count = 0, tonumber(args[2])
  for line in io.lines(args[1]) do
    if n % count == id then table.insert(lines, line) end
    n = n + 1
  end
end

function request()
  position = position + 1
  if position > #lines then
    exhausted = 1
    position = #lines
  end
  local cookie, body = lines[position]:match("^([^\t]*)\t(.*)$")
  return wrk.format("POST", "/services/elderly-allowance/apply/check",
    { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  local location = headers["Location"] or ""
  if status ~= 302 or not location:find("/apply/done/", 1, true) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed, exhausted_threads = 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
    exhausted_threads = exhausted_threads + thread:get("exhausted")
  end
  io.write(string.format("bench requests=%d seconds=%.3f p50=%.3f p95=%.3f p99=%.3f failures=%d errors=%d exhausted=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    failed, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    exhausted_threads))
end
