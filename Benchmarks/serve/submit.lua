-- wrk script: POST one feedback submission per request to the public form.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"load@example.com","message":"A submission sent by the load generator."}'

done = function(summary, latency, requests)
   io.write(string.format("RESULT requests=%d errors=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d\n",
      summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.status))
end
