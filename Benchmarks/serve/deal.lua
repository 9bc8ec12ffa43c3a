-- wrk script: POST one deal to the public form of the app named in the URL.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"customer":"Hangzhou Tea Traders","channel":"visit","amount":"12500.00","seats":40,"notes":"Met the buyer at the warehouse."}'

done = function(summary, latency, requests)
   io.write(string.format("RESULT requests=%d errors=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d\n",
      summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.status))
end
