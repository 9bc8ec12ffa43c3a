"""Times the same expressions in cel-python (celpy) and prints them beside the Swift figures.

Usage: python3 peer.py cases.json swift-results.jsonl
"""
import json
import sys
import time

import celpy


def fastest_ns(body, iterations, rounds=7):
    """The fastest of several rounds: on a shared machine other work only ever adds time."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter_ns()
        for _ in range(iterations):
            body()
        samples.append((time.perf_counter_ns() - start) / iterations)
    return min(samples)


def main():
    cases = json.load(open(sys.argv[1]))
    swift = {}
    for line in open(sys.argv[2]):
        line = line.strip()
        if line:
            record = json.loads(line)
            swift[record["name"]] = record
    env = celpy.Environment()
    rows = []
    for case in cases:
        activation = {name: celpy.json_to_cel(value) for name, value in case["vars"].items()}
        program = env.program(env.compile(case["expr"]))
        result = program.evaluate(activation)
        compile_ns = fastest_ns(lambda: env.program(env.compile(case["expr"])), 20, rounds=5)
        evaluate_ns = fastest_ns(lambda: program.evaluate(activation), 200, rounds=5)
        rows.append((case["name"], swift.get(case["name"]), compile_ns, evaluate_ns, result))

    def show(ns):
        return f"{ns / 1000:10.2f} µs" if ns >= 1000 else f"{ns:10.0f} ns"

    print(f"{'case':<20} {'Swift compile':>14} {'celpy compile':>14} {'ratio':>7}   {'Swift eval':>14} {'celpy eval':>14} {'ratio':>7}")
    for name, mine, peer_compile, peer_evaluate, result in rows:
        if mine is None:
            print(f"{name:<20} (no Swift figure)")
            continue
        compile_ratio = peer_compile / max(mine["compile_ns"], 1)
        evaluate_ratio = peer_evaluate / max(mine["evaluate_ns"], 1)
        print(
            f"{name:<20} {show(mine['compile_ns']):>14} {show(peer_compile):>14} {compile_ratio:6.0f}x"
            f"   {show(mine['evaluate_ns']):>14} {show(peer_evaluate):>14} {evaluate_ratio:6.0f}x"
            f"   (Swift {mine['result']}, celpy {result})"
        )
    print("ratio = celpy time / Swift time (higher means Swift is faster); fastest of repeated rounds on each side.")


if __name__ == "__main__":
    main()
