#!/usr/bin/env python3
"""Golden values for the forecast methods, computed from the formulas in docs/forecasts.md.

Writes Tests/FormwrightRuntimeTests/Forecasts/Fixtures/baselines.json. Deterministic: the
series are fixed below, nothing is random. Needs Python 3 and numpy.
"""

import json
import math
import pathlib

import numpy as np

Z = 1.959963984540054  # two-sided 95% normal quantile
HORIZON = 6
OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/FormwrightRuntimeTests/Forecasts/Fixtures/baselines.json"


def trend_season():
    t = np.arange(30)
    season = np.array([8.0, -3.0, -9.0, 4.0])
    wiggle = np.array([0.7, -1.2, 0.4, 1.9, -0.6, 0.0, -1.5, 0.8, 1.1, -0.3])
    return list(np.round(50 + 2.0 * t + season[t % 4] + wiggle[t % 10], 2))


SERIES = [
    {"name": "trend_season", "season_length": 4, "values": trend_season()},
    {"name": "short", "season_length": 4, "values": [5.0, 7.0, 6.0]},
    {"name": "zeros", "season_length": 4, "values": [None, 0.0, 3.0, 0.0, 0.0, 5.0, None, 2.0, 0.0, 4.0, 0.0, 0.0, 6.0, 1.0]},
]
MOVING_WINDOW = 3
HW_FIXED = (0.3, 0.1, 0.2)
BACKTEST = {"windows": 4, "horizon": 3}


def fill(values):
    """Drop leading missing values, carry the last known value into later gaps."""
    out = []
    for v in values:
        if v is not None:
            out.append(float(v))
        elif out:
            out.append(out[-1])
    return np.array(out)


def with_interval(points, residuals):
    points = np.asarray(points, dtype=float)
    result = {"points": points.tolist(), "lower": None, "upper": None}
    residuals = np.asarray(residuals, dtype=float)
    if residuals.size:
        sigma = math.sqrt(float(np.mean(residuals**2)))
        width = Z * sigma * np.sqrt(np.arange(1, points.size + 1))
        result["lower"] = (points - width).tolist()
        result["upper"] = (points + width).tolist()
    return result


def seasonal_naive(y, m, H):
    n = y.size
    if n <= m:
        m = 1
    if n <= m:
        return with_interval(np.full(H, y[-1]), [])
    last_season = y[n - m:]
    points = np.array([last_season[(h - 1) % m] for h in range(1, H + 1)])
    return with_interval(points, y[m:] - y[:-m])


def moving_average(y, k, H):
    n = y.size
    points = np.full(H, y[-min(k, n):].mean())
    residuals = [y[t] - y[t - k:t].mean() for t in range(k, n)]
    return with_interval(points, residuals)


def holt_winters_run(y, m, alpha, beta, gamma):
    level = y[:m].mean()
    trend = (y[m:2 * m].mean() - y[:m].mean()) / m
    seasons = list(y[:m] - level)  # seasons[t] is s_t, grows as t advances
    errors = []
    for t in range(m, y.size):
        s_old = seasons[t - m]
        errors.append(y[t] - (level + trend + s_old))
        new_level = alpha * (y[t] - s_old) + (1 - alpha) * (level + trend)
        trend = beta * (new_level - level) + (1 - beta) * trend
        level = new_level
        seasons.append(gamma * (y[t] - level) + (1 - gamma) * s_old)
    return level, trend, seasons, np.array(errors)


def holt_winters(y, m, H, params=None):
    n = y.size
    if n < 2 * m:
        return seasonal_naive(y, m, H), None
    if params is None:
        grid = [i / 10 for i in range(1, 10)]
        best, best_sse = None, math.inf
        for a in grid:
            for b in grid:
                for g in grid:
                    sse = float(np.sum(holt_winters_run(y, m, a, b, g)[3] ** 2))
                    if sse < best_sse:
                        best, best_sse = (a, b, g), sse
        params = best
    level, trend, seasons, errors = holt_winters_run(y, m, *params)
    # the season term for future period n-1+h is the latest of its phase: s_{n-1+h-m*k}
    points = []
    for h in range(1, H + 1):
        t = n - 1 + h
        while t >= len(seasons):
            t -= m
        points.append(level + h * trend + seasons[t])
    return with_interval(points, errors), params


def metrics(forecast, actual, scale):
    f = np.asarray(forecast, dtype=float)
    y = np.asarray(actual, dtype=float)
    e = f - y
    positive = y > 0
    scaled = [abs(err) / s for err, s in zip(e, scale) if s is not None and s > 0]
    return {
        "wape": float(np.abs(e).sum() / np.abs(y).sum()) if np.abs(y).sum() != 0 else None,
        "mape": float(np.mean(np.abs(e[positive]) / y[positive])) if positive.any() else None,
        "bias": float(e.sum() / y.sum()) if y.sum() != 0 else None,
        "mase": float(np.mean(scaled)) if scaled else None,
        "count": int(e.size),
    }


def mase_scale(train, m):
    if train.size <= m:
        m = 1
    if train.size <= m:
        return None
    scale = float(np.mean(np.abs(train[m:] - train[:-m])))
    return scale if scale > 0 else None


def backtest(values, m, method, windows, H):
    n = len(values)
    pairs = [[] for _ in range(H)]
    for i in range(windows):
        cutoff = n - H - windows + 1 + i
        train = fill(values[:cutoff])
        points = method(train, H)["points"]
        scale = mase_scale(train, m)
        for h in range(1, H + 1):
            actual = values[cutoff + h - 1]
            if actual is not None:
                pairs[h - 1].append((points[h - 1], actual, scale))
    columns = lambda ps: ([p[0] for p in ps], [p[1] for p in ps], [p[2] for p in ps])
    return {
        "by_horizon": [metrics(*columns(ps)) for ps in pairs],
        "overall": metrics(*columns([p for ps in pairs for p in ps])),
    }


def series_case(case):
    y = fill(case["values"])
    m = case["season_length"]
    baselines = {
        "naive": seasonal_naive(y, 1, HORIZON),
        "seasonal_naive": seasonal_naive(y, m, HORIZON),
        "moving_average": moving_average(y, MOVING_WINDOW, HORIZON),
    }
    fixed, _ = holt_winters(y, m, HORIZON, HW_FIXED)
    baselines["holt_winters_fixed"] = dict(fixed, alpha=HW_FIXED[0], beta=HW_FIXED[1], gamma=HW_FIXED[2])
    fitted, params = holt_winters(y, m, HORIZON)
    baselines["holt_winters_fitted"] = dict(fitted, fitted=list(params) if params else None)
    result = dict(case, baselines=baselines)
    if len(case["values"]) >= BACKTEST["windows"] + BACKTEST["horizon"] + 1:
        W, H = BACKTEST["windows"], BACKTEST["horizon"]
        result["backtests"] = {
            "seasonal_naive": backtest(case["values"], m, lambda t, h: seasonal_naive(t, m, h), W, H),
            "moving_average": backtest(case["values"], m, lambda t, h: moving_average(t, MOVING_WINDOW, h), W, H),
        }
    return result


def pipeline_case():
    probabilities = {"qualify": 0.1, "propose": 0.4, "negotiate": 0.75, "won": 1.0}
    deals = [(1, 1000.0, "qualify"), (1, 2500.0, "negotiate"), (2, 400.0, "propose"), (2, 800.0, "won"),
             (3, 1200.0, "lost"), (4, 300.0, "propose"), (9, 5000.0, "won"), (0, 700.0, "won")]
    H = 4
    p = np.array([probabilities.get(stage, 0.0) for _, _, stage in deals])
    amount = np.array([a for _, a, _ in deals])
    period = np.array([k for k, _, _ in deals])
    points, var = np.zeros(H), np.zeros(H)
    for h in range(1, H + 1):
        mask = period == h
        points[h - 1] = np.sum(amount[mask] * p[mask])
        var[h - 1] = np.sum(amount[mask] ** 2 * p[mask] * (1 - p[mask]))
    return {
        "probabilities": probabilities,
        "opportunities": [{"period": k, "amount": a, "stage": s} for k, a, s in deals],
        "horizon": H,
        "points": points.tolist(),
        "lower": (points - Z * np.sqrt(var)).tolist(),
        "upper": (points + Z * np.sqrt(var)).tolist(),
    }


def normalise(x, kind, window):
    out = []
    for t, v in enumerate(x):
        past = x[t - window:t] if t >= window else []
        if v is None or len(past) < window or any(p is None for p in past):
            out.append(None)
            continue
        past = np.array(past, dtype=float)
        if kind == "z_score":
            sd = past.std()
            out.append(float((v - past.mean()) / sd) if sd > 1e-12 * abs(past.mean()) and sd > 0 else 0.0)
        else:
            out.append(float(v / past.mean() - 1) if past.mean() != 0 else None)
    return out


def lagged(x, lag):
    return [None] * lag + x[:len(x) - lag]


def combination_case():
    baseline = [100.0, 110.0, 120.0, 130.0]
    first = 8
    history = [50.0, 60.0, None, 55.0, 70.0, 65.0, 80.0, 75.0]
    price = [10, 11, 9, 10, 12, 11, 10, 13, 12, 11, None, 14]
    promo = [1.0, 2.0, 1.5, None, 2.5, 3.0, 2.0, 2.5, 4.0, 1.0, 3.5, 2.0]
    drivers = [
        {"name": "price", "values": price, "weight": -0.8, "bounds": [-0.5, 0.0], "normalization": "percent", "window": 3, "lag": 0},
        {"name": "promo", "values": promo, "weight": 0.05, "bounds": None, "normalization": "z_score", "window": 4, "lag": 1},
    ]
    prepared = []
    for d in drivers:
        w = d["weight"] if d["bounds"] is None else min(max(d["weight"], d["bounds"][0]), d["bounds"][1])
        prepared.append((w, lagged(normalise(d["values"], d["normalization"], d["window"]), d["lag"])))
    cases = []
    for form in ["log_linear", "additive"]:
        for policy in ["zero", "last", "skip"]:
            for cap in [None, 0.05]:
                effects = []
                for t in range(0, first + len(baseline)):
                    total, skipped = 0.0, False
                    for w, x in prepared:
                        v = x[t] if t < len(x) else None
                        if v is None and policy == "last":
                            known = [u for u in x[:t + 1] if u is not None]
                            v = known[-1] if known else None
                        if v is None and policy == "skip":
                            skipped = True
                        total += w * (v if v is not None else 0.0)
                    if skipped:
                        total = 0.0
                    if cap is not None:
                        total = float(np.clip(total, -cap, cap))
                    effects.append(total)
                e = np.array(effects[first:])
                b = np.array(baseline)
                points = b * np.exp(e) if form == "log_linear" else b + e
                # The history with the drivers' effect taken out, as the model's baseline sees it.
                adjusted = [None if y is None else (y * np.exp(-effects[t]) if form == "log_linear" else y - effects[t])
                            for t, y in enumerate(history)]
                cases.append({"form": form, "missing": policy, "cap": cap, "effects": e.tolist(), "points": points.tolist(),
                              "adjusted": [None if a is None else float(a) for a in adjusted]})
    normalised = {d["name"]: normalise(d["values"], d["normalization"], d["window"]) for d in drivers}
    return {"baseline": baseline, "history": history, "first_period": first, "drivers": drivers, "normalised": normalised, "cases": cases}


def metrics_case():
    forecast = [12.0, 8.0, 0.0, 5.0, 7.5]
    actual = [10.0, 0.0, 4.0, -2.0, 7.0]
    scale = [2.0, 2.0, None, 0.5, 0.0]
    return [
        dict(forecast=forecast, actual=actual, scale=scale, **metrics(forecast, actual, scale)),
        dict(forecast=[1.0, 2.0], actual=[0.0, 0.0], scale=[None, None], **metrics([1.0, 2.0], [0.0, 0.0], [None, None])),
    ]


def main():
    golden = {
        "z": Z,
        "horizon": HORIZON,
        "moving_window": MOVING_WINDOW,
        "backtest": BACKTEST,
        "series": [series_case(c) for c in SERIES],
        "pipeline": pipeline_case(),
        "combination": combination_case(),
        "metrics": metrics_case(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(golden, indent=1, allow_nan=False) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
