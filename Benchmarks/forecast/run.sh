#!/bin/sh
# Forecast benchmark: the Swift runtime (release build) and numpy computing the same model on the
# same data, in one run, their rounds alternating.
#   Benchmarks/forecast/run.sh [ROWS] [RUNS] [SERIES]    (from anywhere; needs python3 with numpy)
set -eu
cd "$(dirname "$0")/../.."
FORMWRIGHT_BENCHMARKS=1 swift build -c release --product ForecastBenchmark --scratch-path .build-bench >&2
folder="$(mktemp -d)"
trap 'rm -rf "$folder"' EXIT
.build-bench/release/ForecastBenchmark "$folder" "${1:-1000000}" "${2:-7}" "${3:-500}" \
    python3 Benchmarks/forecast/numpy_model.py peer "$folder"
python3 Benchmarks/forecast/numpy_model.py report "$folder"
