#!/usr/bin/env python3
"""Golden values for `formwright forecast fit`, computed independently with numpy.

Each case is a set of observations (period, driver values, actual, baseline), current
weights, per-weight bounds and signs, and either a fixed ridge strength or a grid for
rolling-origin validation. The script fits

    minimise  sum (y - x.w)^2 + lam * sum (w_j - w0_j)^2   subject to  lo_j <= w_j <= hi_j

where y = log(actual / baseline) for log_linear (observations with a non-positive actual
or baseline are dropped) and y = actual - baseline for additive, and a sign narrows the
bounds (positive: w >= 0, negative: w <= 0).

Unconstrained minimum: numpy.linalg.solve on the normal equations.
Constrained minimum: every assignment of each weight to {free, at lower, at upper}
(3^k faces, k <= 4) is solved exactly for its free weights; among the assignments whose
point lies inside the bounds the one with the smallest objective is the minimum (the
objective is strictly convex, so its minimum is the minimum of some face).

Rolling-origin validation: the distinct periods sorted; for each of the last `windows`
periods, weights fitted on the earlier periods predict that period; the score of a
ridge strength is the mean squared error over all predicted observations; the smallest
score wins, a tie going to the larger strength.

Run `python3 examples/forecast-golden/fit.py` from the repository root; it rewrites
Tests/FormwrightRuntimeTests/Forecasts/Fixtures/fit-golden.json.
"""

import itertools
import json
import math
import os

import numpy as np

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..",
    "Tests", "FormwrightRuntimeTests", "Forecasts", "Fixtures", "fit-golden.json")


def responses(case):
    rows, ys = [], []
    for obs in case["observations"]:
        a, b = obs["actual"], obs["baseline"]
        if case["combine"] == "log_linear":
            if a <= 0 or b <= 0:
                continue
            y = math.log(a) - math.log(b)
        else:
            y = a - b
        rows.append(obs)
        ys.append(y)
    return rows, np.array(ys, dtype=float)


def allowed(case):
    los, his = [], []
    for c in case["constraints"]:
        lo = -math.inf if c["lower"] is None else c["lower"]
        hi = math.inf if c["upper"] is None else c["upper"]
        if c["sign"] == "positive":
            lo = max(lo, 0.0)
        elif c["sign"] == "negative":
            hi = min(hi, 0.0)
        los.append(lo)
        his.append(hi)
    return np.array(los), np.array(his)


def objective(x, y, w, lam, w0):
    r = y - x @ w
    return float(r @ r + lam * np.sum((w - w0) ** 2))


def fit(x, y, lam, w0, lo, hi):
    k = len(w0)
    h = x.T @ x + lam * np.eye(k)
    g = x.T @ y + lam * w0
    best, best_value = None, math.inf
    for faces in itertools.product(("free", "lower", "upper"), repeat=k):
        w = np.zeros(k)
        ok = True
        for j, f in enumerate(faces):
            if f == "lower":
                ok = ok and math.isfinite(lo[j])
                w[j] = lo[j]
            elif f == "upper":
                ok = ok and math.isfinite(hi[j])
                w[j] = hi[j]
        if not ok:
            continue
        free = [j for j, f in enumerate(faces) if f == "free"]
        if free:
            fixed = [j for j in range(k) if j not in free]
            rhs = g[free] - h[np.ix_(free, fixed)] @ w[fixed]
            w[free] = np.linalg.solve(h[np.ix_(free, free)], rhs)
        if np.any(w < lo - 1e-15) or np.any(w > hi + 1e-15):
            continue
        value = objective(x, y, w, lam, w0)
        if value < best_value:
            best, best_value = w, value
    return best


def matrix(rows):
    return np.array([r["drivers"] for r in rows], dtype=float)


def solve_case(case):
    rows, y = responses(case)
    x = matrix(rows)
    w0 = np.array(case["current"], dtype=float)
    lo, hi = allowed(case)
    expected = {}
    if "lambda" in case:
        lam = case["lambda"]
        # The closed form, kept beside the general solution to check it when nothing binds.
        closed = np.linalg.solve(x.T @ x + lam * np.eye(len(w0)), x.T @ y + lam * w0)
        expected["unconstrained"] = closed.tolist()
    else:
        periods = sorted(set(r["period"] for r in rows))
        cutoffs = periods[-case["windows"]:]
        scores = []
        for lam in case["grid"]:
            total, count = 0.0, 0
            for cut in cutoffs:
                train = [i for i, r in enumerate(rows) if r["period"] < cut]
                held = [i for i, r in enumerate(rows) if r["period"] == cut]
                w = fit(x[train], y[train], lam, w0, lo, hi)
                r = y[held] - x[held] @ w
                total += float(r @ r)
                count += len(held)
            scores.append({"lambda": lam, "meanSquaredError": total / count})
        best = min(scores, key=lambda s: (s["meanSquaredError"], -s["lambda"]))
        lam = best["lambda"]
        expected["validation"] = scores
    w = fit(x, y, lam, w0, lo, hi)
    expected["lambda"] = lam
    expected["weights"] = w.tolist()
    expected["objective"] = objective(x, y, w, lam, w0)
    return expected


def make_case(rng, name, k, groups, periods, combine, lam=None, grid=None, windows=None,
              constraints=None, truth=None, noise=0.05, correlation=0.0):
    truth = rng.normal(0, 0.2, k) if truth is None else np.array(truth)
    mixing = np.linalg.cholesky((1 - correlation) * np.eye(k) + correlation * np.ones((k, k)))
    observations = []
    for p in range(periods):
        for _ in range(groups):
            x = mixing @ rng.normal(0, 1, k)
            baseline = float(rng.uniform(50, 150))
            effect = float(x @ truth + rng.normal(0, noise))
            if combine == "log_linear":
                actual = baseline * math.exp(effect)
            else:
                actual = baseline + effect
            observations.append({"period": p, "drivers": x.tolist(), "actual": actual, "baseline": baseline})
    case = {
        "name": name,
        "combine": combine,
        "drivers": ["d%d" % j for j in range(k)],
        "current": rng.normal(0, 0.2, k).round(2).tolist(),
        "constraints": constraints or [{"lower": None, "upper": None, "sign": "any"}] * k,
        "observations": observations,
    }
    if lam is not None:
        case["lambda"] = lam
    else:
        case["grid"] = grid
        case["windows"] = windows
    return case


def main():
    rng = np.random.default_rng(20261129)
    cases = [
        make_case(rng, "one driver, log-linear", 1, 5, 8, "log_linear", lam=1.0),
        make_case(rng, "three drivers, additive", 3, 4, 10, "additive", lam=0.5),
        make_case(rng, "four drivers, no ridge", 4, 6, 6, "log_linear", lam=0.0),
        make_case(rng, "four drivers, strong ridge", 4, 3, 5, "additive", lam=50.0),
        make_case(rng, "bounds bind", 3, 5, 8, "log_linear", lam=2.0, truth=[0.5, -0.3, 0.1], constraints=[
            {"lower": 0.0, "upper": 0.3, "sign": "any"},
            {"lower": None, "upper": None, "sign": "positive"},
            {"lower": -0.05, "upper": 0.05, "sign": "any"},
        ]),
        make_case(rng, "signs and bounds mixed", 4, 4, 9, "additive", lam=0.1, truth=[0.4, 0.2, -0.25, 0.15], constraints=[
            {"lower": -1.0, "upper": 0.25, "sign": "positive"},
            {"lower": None, "upper": None, "sign": "negative"},
            {"lower": -0.1, "upper": None, "sign": "any"},
            {"lower": 0.0, "upper": 0.4, "sign": "any"},
        ]),
        make_case(rng, "validation picks the ridge", 3, 4, 12, "log_linear", grid=[0.1, 1.0, 10.0, 100.0], windows=4, noise=0.3),
        make_case(rng, "validation with bounds", 2, 5, 10, "additive", grid=[0.0, 0.5, 5.0], windows=3, truth=[0.3, -0.2], constraints=[
            {"lower": 0.0, "upper": 0.2, "sign": "any"},
            {"lower": None, "upper": None, "sign": "any"},
        ]),
    ]
    # Drivers that move together, with random bounds that often bind: the hardest for coordinate descent.
    for index in range(4):
        lows = rng.uniform(-0.3, 0.1, 4).round(2)
        highs = (lows + rng.uniform(0.05, 0.4, 4)).round(2)
        signs = rng.choice(["any", "positive", "negative"], 4, p=[0.6, 0.2, 0.2])
        for j in range(4):
            if signs[j] == "positive" and highs[j] < 0:
                signs[j] = "any"
            if signs[j] == "negative" and lows[j] > 0:
                signs[j] = "any"
        constraints = [{"lower": float(lows[j]), "upper": float(highs[j]), "sign": str(signs[j])} for j in range(4)]
        cases.append(make_case(rng, "correlated drivers %d" % (index + 1), 4, 4, 8, "log_linear", lam=[0.0, 0.01, 1.0, 5.0][index],
                               truth=rng.normal(0, 0.4, 4), constraints=constraints, correlation=0.95))
    # Log-linear cases drop observations with a non-positive actual or baseline.
    cases[0]["observations"][3]["actual"] = 0.0
    cases[2]["observations"][7]["baseline"] = -4.0
    for case in cases:
        case["expected"] = solve_case(case)
    with open(OUT, "w") as f:
        json.dump({"cases": cases}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
