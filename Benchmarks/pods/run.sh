#!/usr/bin/env bash
# Pods built on apps/pod-workbench, served from one workspace on SQLite:
#  1. the time from `formwright new` starting to the new pod answering over HTTP, in a server
#     that was already running (no restart: the reloader finds the new folder);
#  2. the time from an edit of the template to every pod of the workspace serving the new
#     revision (each pod loaded, checked, migrated and swapped in).
# Usage: Benchmarks/pods/run.sh [PODS] [RELOAD_INTERVAL_MS]
# FORMWRIGHT names the binary (default: .build/release/formwright, else .build/debug/formwright).
set -euo pipefail
cd "$(dirname "$0")/../.."
pods=${1:-50}
interval=${2:-200}
binary=${FORMWRIGHT:-.build/release/formwright}
[ -x "$binary" ] || binary=.build/debug/formwright
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
token=pods-benchmark-token-0123456789
now_ms() { date +%s%3N; }

mkdir -p "$work/apps"
cp -R apps/pod-workbench "$work/apps/pod-workbench"
for i in $(seq 1 "$pods"); do
    "$binary" new "$work/apps/pod-workbench" "$work/apps/pod-$i" --set "name=Pod $i" --set members=ana,ben >/dev/null
done

FORMWRIGHT_ADMIN_TOKEN=$token "$binary" serve "$work/apps" --store "sqlite:$work/data.sqlite" --port 0 \
    --reload-interval "$interval" >"$work/serve.out" 2>"$work/serve.log" &
until grep -q 'http://' "$work/serve.out" 2>/dev/null; do sleep 0.05; done
base=$(grep -o 'http://[0-9.:]*' "$work/serve.out" | head -1)
echo "serving $pods pods at $base (binary $binary, reload interval ${interval} ms)"

apps() { curl -sf -H "Authorization: Bearer $token" "$base/api/v1/apps"; }
answers() { curl -sf -o /dev/null -H "Authorization: Bearer $token" "$base/api/v1/apps/$1/tables/customers/records?limit=1"; }

start=$(now_ms)
"$binary" new "$work/apps/pod-workbench" "$work/apps/pod-new" --set "name=New pod" --set members=chen >/dev/null
until answers pod-new; do sleep 0.01; done
echo "formwright new to the new pod answering over HTTP: $(( $(now_ms) - start )) ms"

before=$(apps)
start=$(now_ms)
sed -i 's/      notes:      { type: longtext, label: { en: Notes, zh: 记录 } }/&\n      outcome:    { type: text, label: { en: Outcome, zh: 结果 } }/' "$work/apps/pod-workbench/app.yaml"
total=$((pods + 1))
until [ "$(apps | python3 -c "
import json, sys
old = {a['name']: a['revision'] for a in json.loads(sys.argv[1])['apps']}
new = json.load(sys.stdin)['apps']
print(sum(1 for a in new if a['name'] in old and a['revision'] != old[a['name']]))" "$before")" = "$total" ]; do
    sleep 0.02
done
echo "template edit to all $total pods serving the new revision: $(( $(now_ms) - start )) ms"
grep -c "reloaded" "$work/serve.log" | xargs echo "reload lines logged:"
