#!/usr/bin/env bash
# Submissions per second over HTTP on SQLite, next to a Hummingbird endpoint that does nothing,
# in the same run; the time from `formwright serve` start to the first 200 from /healthz;
# resident memory under load; and the cost of expressions: the same form with five rules and
# two computed fields against it without them, served side by side. Needs wrk (Debian: wrk).
# Usage: Benchmarks/serve/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
scratch=.build-bench
FORMWRIGHT_BENCHMARKS=1 swift build -c release --product formwright --scratch-path $scratch >/dev/null
FORMWRIGHT_BENCHMARKS=1 swift build -c release --product HTTPBaseline --scratch-path $scratch >/dev/null
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

start=$(date +%s.%N)
FORMWRIGHT_ADMIN_TOKEN=benchmark-token-0123456789 $scratch/release/formwright serve apps/customer-sentiment \
    --store "sqlite:$work/data.sqlite" --port 8091 >"$work/serve.log" 2>&1 &
server=$!
until curl -sf http://127.0.0.1:8091/healthz >/dev/null 2>&1; do sleep 0.005; done
ready=$(date +%s.%N)
echo "serve start to first 200 from /healthz: $(echo "($ready - $start) * 1000" | bc -l | xargs printf '%.0f') ms"

$scratch/release/HTTPBaseline 8092 >/dev/null 2>&1 &
until curl -sf -X POST http://127.0.0.1:8092/submit >/dev/null 2>&1; do sleep 0.01; done

run() { # name url connections [script]
    local line
    line=$(wrk -t2 -c"$3" -d"${seconds}s" -s "${4:-Benchmarks/serve/submit.lua}" "$2" | grep '^RESULT')
    local requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
    local duration=$(sed -E 's/.*duration_us=([0-9]+).*/\1/' <<<"$line")
    local p99=$(sed -E 's/.*p99_us=([0-9]+).*/\1/' <<<"$line")
    local non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
    local rate=$(echo "$requests * 1000000 / $duration" | bc)
    printf '%-28s %3s connections: %7s requests/s, p99 %6.1f ms, non-2xx %s\n' "$1" "$3" "$rate" "$(echo "$p99 / 1000" | bc -l)" "$non2xx"
    echo "$rate" >"$work/$1-$3"
}
for connections in 2 64; do
    run baseline http://127.0.0.1:8092/submit $connections
    run formwright-sqlite http://127.0.0.1:8091/api/v1/apps/customer-sentiment/forms/feedback/submissions $connections
    echo "  ratio formwright/baseline: $(echo "scale=3; $(cat "$work/formwright-sqlite-$connections") / $(cat "$work/baseline-$connections")" | bc)"
done
echo "formwright resident memory: peak $(grep VmHWM /proc/$server/status | awk '{print $2}') kB, now $(grep VmRSS /proc/$server/status | awk '{print $2}') kB"
FORMWRIGHT_ADMIN_TOKEN=benchmark-token-0123456789 $scratch/release/formwright serve Benchmarks/serve/expressions \
    --store "sqlite:$work/expressions.sqlite" --port 8093 >"$work/expressions.log" 2>&1 &
until curl -sf http://127.0.0.1:8093/healthz >/dev/null 2>&1; do sleep 0.01; done
for connections in 2 64; do
    for round in 1 2; do
        run "plain-r$round" http://127.0.0.1:8093/api/v1/apps/bench-plain/forms/add_deal/submissions $connections Benchmarks/serve/deal.lua
        run "rules-r$round" http://127.0.0.1:8093/api/v1/apps/bench-rules/forms/add_deal/submissions $connections Benchmarks/serve/deal.lua
    done
    plain=$(( $(cat "$work/plain-r1-$connections") + $(cat "$work/plain-r2-$connections") ))
    rules=$(( $(cat "$work/rules-r1-$connections") + $(cat "$work/rules-r2-$connections") ))
    echo "  $connections connections: with five rules and two computed fields / without: $(echo "scale=3; $rules / $plain" | bc)"
done

stored=$(curl -sf "http://127.0.0.1:8091/api/v1/apps/customer-sentiment/tables/feedback/records?limit=1" -H "Authorization: Bearer benchmark-token-0123456789" >/dev/null && echo ok)
echo "store readable after load: $stored"
