-- wrk script for serve-bench.sh: POSTs one single-row Adult instance per request, each with a new key
-- (thread id and counter), so the server logs every prediction as a distinct record.
counter = 0
thread_id = 0 -- set per thread by setup()
local threads = 0

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

local template = '{"instances":[{"key":"bench-%d-%d","features":{"age":39,"workclass":"State-gov","education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}}]}'
local headers = { ["Content-Type"] = "application/json" }
-- recur's arms run with API keys required (serve-bench.sh creates one): every request carries it.
local key = os.getenv("RECUR_BENCH_KEY")
if key ~= nil and key ~= "" then headers["Authorization"] = "Bearer " .. key end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, headers, string.format(template, thread_id, counter))
end

function done(summary, latency, requests)
  io.write(string.format("RESULT req_s=%.1f p50_us=%d p99_us=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
