#!/bin/sh
# Expression benchmark: Swift (release build) against cel-python as the peer, on the same cases.
#   Benchmarks/expressions/run.sh          (from the repository root; needs `pip install cel-python`)
set -eu
cd "$(dirname "$0")/../.."
FORMWRIGHT_BENCHMARKS=1 swift build -c release --product ExpressionsBenchmark --scratch-path .build-bench >&2
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
.build-bench/release/ExpressionsBenchmark Benchmarks/expressions/cases.json > "$results"
python3 Benchmarks/expressions/peer.py Benchmarks/expressions/cases.json "$results"
