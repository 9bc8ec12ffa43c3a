#!/usr/bin/env python3
"""The forecast benchmark's peer: the same model as the Swift run, in numpy, on the same data.

    python3 Benchmarks/forecast/numpy_model.py peer FOLDER      (started by ForecastBenchmark)
    python3 Benchmarks/forecast/numpy_model.py report FOLDER    (after it)

FOLDER holds what ForecastBenchmark wrote: opportunities.csv, drivers.csv and series.csv, and at
the end swift.json (its timings, the numpy timings it collected, and its results). The model
follows docs/forecasts.md: the amounts summed per region and ISO week; each driver a trailing
z-score over the 13 weeks before the period, missing values carried forward, the total effect
E = Σ weight × z; a moving average of the last 4 weeks as the baseline, fitted (as the engine
does, see ForecastCombination.adjusted) on the history without the drivers' effects, y / exp(E),
with a normal interval from its one-step residuals; forecast = baseline × exp(E); rolling-origin
backtests of the model and of the plain naive, seasonal naive and moving average baselines, with
WAPE, MAPE, bias and MASE.

`peer` answers one command per line on stdin with the seconds it took: `load DATE` (read the
CSV files into arrays once, saved as opportunities.npz; DATE is the day of the run),
`full` (read the .npz, sum, forecast, backtests), `sums` (read the .npz and sum alone),
`change ID CENTS` (set one amount in memory, sum again, forecast, backtests) and `backtest` (the
series' backtests). `report` computes the same results again, checks that they agree with
Swift's to a relative 1e-6 and prints both sides' times and their ratio; it exits with 1 when
they do not agree.
"""
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

HORIZON = 4
WINDOWS = 26
MOVING_AVERAGE_WINDOW = 4
ZSCORE_WINDOW = 13
SEASON = 52  # weeks; seasonal naive and MASE fall back to season 1 on shorter histories
Z95 = 1.959963984540054
WEIGHTS = np.array([0.08, -0.05, 0.04, 0.03, -0.06, 0.02, 0.05, -0.03])
TRACKS = ["model", "naive", "seasonal_naive", "moving_average"]
METRICS = ["wape", "mape", "bias", "mase"]


def monday(days):
    """The Monday starting the ISO week of each day (days since 1970-01-01, a Thursday)."""
    return days - (days + 3) % 7


def load_csv(folder):
    """Reads the exported CSV files once into arrays; returns (arrays for the npz, row of each id)."""
    ids, regions, amounts, closes = [], [], [], []
    with open(folder / "opportunities.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            ids.append(row["id"])
            regions.append(row["region"])
            amounts.append(row["amount"])
            closes.append(row["expected_close"])
    names = sorted(set(regions))
    index = {name: number for number, name in enumerate(names)}
    region = np.array([index[name] for name in regions], dtype=np.int16)
    whole, _, fraction = np.char.partition(np.array(amounts), ".").T
    cents = whole.astype(np.int64) * 100 + np.char.ljust(fraction, 2, "0").astype(np.int64)
    day = np.array(closes, dtype="datetime64[D]").astype(np.int64)
    with open(folder / "drivers.csv", newline="") as handle:
        driver_rows = list(csv.DictReader(handle))
    driver_names = sorted({row["driver"] for row in driver_rows}, key=lambda name: int(name[1:]))
    driver_index = np.array([driver_names.index(row["driver"]) for row in driver_rows])
    driver_region = np.array([index[row["region"]] for row in driver_rows])
    driver_week = monday(np.array([row["week_of"] for row in driver_rows], dtype="datetime64[D]").astype(np.int64))
    driver_value = np.array([float(row["value"]) for row in driver_rows])
    arrays = dict(region=region, cents=cents, day=day, names=np.array(names), driver_index=driver_index,
                  driver_region=driver_region, driver_week=driver_week, driver_value=driver_value)
    return arrays, {name: row for row, name in enumerate(ids)}


def load_series(folder):
    table = np.loadtxt(folder / "series.csv", delimiter=",", skiprows=1)
    count, periods = int(table[:, 0].max()) + 1, int(table[:, 1].max()) + 1
    order = np.lexsort((table[:, 1], table[:, 0]))
    table = table[order].reshape(count, periods, -1)
    return table[:, :, 2], np.transpose(table[:, :, 3:], (0, 2, 1))


def trailing_zscore(x, window):
    """(x_t − mean) / sd over x_{t−window} … x_{t−1}, population sd, 0 when sd is 0; NaN while the
    window is not full or holds a missing value (NaN), or x_t is missing."""
    out = np.full(x.shape, np.nan)
    periods = x.shape[-1]
    if periods <= window:
        return out
    past = sliding_window_view(x, window, axis=-1)[..., : periods - window, :]
    mean = past.mean(axis=-1)
    sd = np.sqrt(((past - mean[..., None]) ** 2).mean(axis=-1))
    current = x[..., window:]
    z = np.where(sd > 0, (current - mean) / np.where(sd > 0, sd, 1.0), 0.0)
    out[..., window:] = np.where(np.isnan(mean) | np.isnan(current), np.nan, z)
    return out


def carry_forward(x):
    """Each NaN replaced by the last value before it along the last axis; leading NaNs stay."""
    known = ~np.isnan(x)
    position = np.where(known, np.arange(x.shape[-1]), 0)
    np.maximum.accumulate(position, axis=-1, out=position)
    filled = np.take_along_axis(x, position, axis=-1)
    return np.where(known | np.take_along_axis(known, position, axis=-1), filled, np.nan)


def effects(drivers, weights):
    """Σ weight × prepared driver per period; drivers is (series, driver, period); a driver
    without a known value yet adds nothing."""
    prepared = carry_forward(trailing_zscore(drivers, ZSCORE_WINDOW))
    return np.einsum("d,sdt->st", weights, np.nan_to_num(prepared, nan=0.0))


def moving_average_points(y, cutoffs):
    """The mean of the last MOVING_AVERAGE_WINDOW values before each cutoff (all when fewer)."""
    return np.stack([y[:, max(0, c - MOVING_AVERAGE_WINDOW): c].mean(axis=1) for c in cutoffs], axis=1)


def seasonal_points(y, cutoffs, season):
    """(series, cutoffs, horizon): the value one season before; the last value when the history
    is not longer than a season."""
    columns = []
    for c in cutoffs:
        m = season if c > season else 1
        columns.append(y[:, [c - m + (h - 1) % m for h in range(1, HORIZON + 1)]])
    return np.stack(columns, axis=1)


def mase_scale(y, cutoffs):
    """(series, cutoffs): mean |y_t − y_{t−m}| over each cutoff's history, NaN when none or 0."""
    columns = []
    for c in cutoffs:
        m = SEASON if c > SEASON else 1
        if c <= m:
            columns.append(np.full(y.shape[0], np.nan))
            continue
        scale = np.abs(y[:, m:c] - y[:, : c - m]).mean(axis=1)
        columns.append(np.where(scale > 0, scale, np.nan))
    return np.stack(columns, axis=1)


def metrics(forecast, actual, scale, axes):
    """WAPE, MAPE, bias and MASE of (series, window, horizon) arrays over `axes`; NaN when absent."""
    error = forecast - actual
    absolute = np.abs(error)
    with np.errstate(divide="ignore", invalid="ignore"):
        total_actual = np.abs(actual).sum(axis=axes)
        wape = np.where(total_actual != 0, absolute.sum(axis=axes) / total_actual, np.nan)
        positive = actual > 0
        mape = np.where(positive, absolute / np.where(positive, actual, 1.0), 0.0).sum(axis=axes) / positive.sum(axis=axes)
        sum_actual = actual.sum(axis=axes)
        bias = np.where(sum_actual != 0, error.sum(axis=axes) / sum_actual, np.nan)
        scaled = ~np.isnan(scale)
        mase = np.where(scaled, absolute / np.where(scaled, scale, 1.0), 0.0).sum(axis=axes) / scaled.sum(axis=axes)
    return {"wape": wape, "mape": mape, "bias": bias, "mase": mase}


def backtest(y, effect, tracks):
    """Rolling-origin backtests of `tracks` on (series, period) actuals; effect is (series, period).
    The model's moving average is of the history with the drivers' effects taken out."""
    periods = y.shape[1]
    cutoffs = [periods - HORIZON - WINDOWS + 1 + i for i in range(WINDOWS)]
    target = np.array(cutoffs)[:, None] + np.arange(HORIZON)[None, :]
    actual = y[:, target]
    scale = np.broadcast_to(mase_scale(y, cutoffs)[:, :, None], actual.shape)
    average = np.broadcast_to(moving_average_points(y, cutoffs)[:, :, None], actual.shape)
    adjusted = y / np.exp(effect[:, :periods])
    forecasts = {
        "model": lambda: moving_average_points(adjusted, cutoffs)[:, :, None] * np.exp(effect[:, target]),
        "naive": lambda: np.broadcast_to(y[:, np.array(cutoffs) - 1][:, :, None], actual.shape),
        "seasonal_naive": lambda: seasonal_points(y, cutoffs, SEASON),
        "moving_average": lambda: average,
    }
    results = {}
    for track in tracks:
        forecast = forecasts[track]()
        results[track] = {"overall": metrics(forecast, actual, scale, (1, 2)), "by_horizon": metrics(forecast, actual, scale, (1,))}
    return results


class StoreModel:
    """The forecast over the opportunities, from the arrays the CSV export was read into."""

    def __init__(self, arrays, now_day):
        self.names = arrays["names"]
        self.now_week = monday(now_day)
        self.driver_index, self.driver_region = arrays["driver_index"], arrays["driver_region"]
        self.driver_week, self.driver_value = arrays["driver_week"], arrays["driver_value"]

    def run(self, region, cents, day):
        return self.model(*self.sums(region, cents, day))

    def sums(self, region, cents, day):
        """The amounts summed per region and week of history; the first week's day number."""
        weeks = monday(day)
        first = weeks.min()
        periods = int((self.now_week - first) // 7)
        groups = len(self.names)
        week = (weeks - first) // 7
        inside = week < periods
        sums = np.bincount(region[inside].astype(np.int64) * periods + week[inside], weights=cents[inside],
                           minlength=groups * periods)
        return sums.reshape(groups, periods) / 100.0, first

    def model(self, y, first):
        """The forecast, its interval, the plain baseline and the backtests from the sums."""
        groups, periods = y.shape
        drivers = np.full((groups, WEIGHTS.size, periods + HORIZON), np.nan)
        column = (self.driver_week - first) // 7
        keep = (column >= 0) & (column < periods + HORIZON)
        drivers[self.driver_region[keep], self.driver_index[keep], column[keep]] = self.driver_value[keep]
        effect = effects(drivers, WEIGHTS)
        # The model's baseline is fitted on the history without the drivers' effects, y / exp(E).
        adjusted = y / np.exp(effect[:, :periods])
        base = adjusted[:, periods - MOVING_AVERAGE_WINDOW:].mean(axis=1)
        past = sliding_window_view(adjusted, MOVING_AVERAGE_WINDOW, axis=1)[:, : periods - MOVING_AVERAGE_WINDOW, :]
        residuals = adjusted[:, MOVING_AVERAGE_WINDOW:] - past.mean(axis=2)
        sigma = np.sqrt((residuals ** 2).mean(axis=1))
        width = Z95 * sigma[:, None] * np.sqrt(np.arange(1, HORIZON + 1))[None, :]
        move = np.exp(effect[:, periods: periods + HORIZON])
        plain = y[:, periods - MOVING_AVERAGE_WINDOW:].mean(axis=1)
        return {
            "actuals": y,
            "baseline": np.repeat(plain[:, None], HORIZON, axis=1),
            "forecast": base[:, None] * move,
            "lower": (base[:, None] - width) * move,
            "upper": (base[:, None] + width) * move,
            "tracks": backtest(y, effect, TRACKS),
        }


class Difference:
    """The largest relative difference between Swift's numbers and numpy's, and any that only one side has."""

    def __init__(self):
        self.largest, self.where, self.compared, self.unmatched = 0.0, "", 0, []

    def add(self, what, swift, ours):
        ours = np.asarray(ours, dtype=float).ravel()
        swift = np.array([np.nan if value is None else value for value in np.ravel(np.array(swift, dtype=object))], dtype=float)
        if swift.shape != ours.shape:
            self.unmatched.append(f"{what}: {swift.size} values in Swift, {ours.size} in numpy")
            return
        if (np.isnan(swift) != np.isnan(ours)).any():
            self.unmatched.append(f"{what}: absent on one side only")
        both = ~np.isnan(swift) & ~np.isnan(ours)
        if both.any():
            relative = np.abs(swift[both] - ours[both]) / np.maximum(np.maximum(np.abs(swift[both]), np.abs(ours[both])), 1e-12)
            if relative.max() > self.largest:
                self.largest, self.where = float(relative.max()), what
        self.compared += int(both.sum())

    def line(self, name):
        status = "agree" if self.largest <= 1e-6 and not self.unmatched else "DIFFER"
        text = f"  {name}: {status}, max relative difference {self.largest:.2e} over {self.compared} numbers"
        if self.where:
            text += f" (largest at {self.where})"
        return "\n".join([text] + [f"    {problem}" for problem in self.unmatched[:5]])


def compare_report(report, ours):
    difference = Difference()
    labels = list(ours["names"])
    for group in report["groups"]:
        if group["label"] not in labels:
            difference.unmatched.append(f"group {group['label']} only in Swift")
            continue
        row = labels.index(group["label"])
        missing = set(ours["tracks"]) - {track["track"] for track in group["backtest"]}
        if missing:
            difference.unmatched.append(f"{group['label']}: no {', '.join(sorted(missing))} track in Swift")
        for key in ["actuals", "forecast", "lower", "upper", "baseline"]:
            difference.add(f"{group['label']} {key}", group[key], ours[key][row])
        for track in group["backtest"]:
            if track["track"] not in ours["tracks"]:
                continue
            if "overall" not in track:
                difference.unmatched.append(f"{group['label']} {track['track']}: {track.get('unavailable')}")
                continue
            mine = ours["tracks"][track["track"]]
            for metric in METRICS:
                difference.add(f"{group['label']} {track['track']} {metric}", track["overall"][metric], mine["overall"][metric][row])
                difference.add(f"{group['label']} {track['track']} {metric} by horizon",
                               [entry[metric] for entry in track["by_horizon"]], mine["by_horizon"][metric][row])
    if len(report["groups"]) != len(labels):
        difference.unmatched.append(f"{len(report['groups'])} groups in Swift, {len(labels)} in numpy")
    return difference


class Peer:
    """The numpy side's timed runs, one per command."""

    def __init__(self, folder):
        self.folder = folder

    def load(self, day):
        self.arrays, self.row_of = load_csv(self.folder)
        np.savez(self.folder / "opportunities.npz", **self.arrays)
        self.model = StoreModel(self.arrays, int(np.datetime64(day, "D").astype(np.int64)))
        self.cents = self.arrays["cents"].copy()
        self.actuals, self.drivers = load_series(self.folder)

    def full(self):
        loaded = np.load(self.folder / "opportunities.npz")
        return self.model.run(loaded["region"], loaded["cents"], loaded["day"])

    def sums(self):
        loaded = np.load(self.folder / "opportunities.npz")
        return self.model.sums(loaded["region"], loaded["cents"], loaded["day"])

    def change(self, record, cents):
        self.cents[self.row_of[record]] = int(cents)
        return self.model.run(self.arrays["region"], self.cents, self.arrays["day"])

    def backtest(self):
        return backtest(self.actuals, effects(self.drivers, WEIGHTS), ["model"])["model"]


def peer(folder):
    runner = Peer(folder)
    commands = {"load": runner.load, "full": runner.full, "sums": runner.sums, "change": runner.change, "backtest": runner.backtest}
    for line in sys.stdin:
        name, *arguments = line.split()
        start = time.perf_counter()
        commands[name](*arguments)
        print(time.perf_counter() - start, flush=True)


def report(folder):
    swift = json.loads((folder / "swift.json").read_text())
    if [weight["effective"] for weight in swift["report"]["weights"]] != list(WEIGHTS):
        sys.exit("the Swift run used other weights than this model")
    runner = Peer(folder)
    runner.load(swift["now"][:10])
    ours = runner.full()
    ours["names"] = runner.model.names
    for change in swift["changes"]:
        after = runner.change(change["id"], change["amount_cents"])
    after["names"] = runner.model.names
    backtests = runner.backtest()

    pairs = zip(swift["report"]["groups"], swift["report_after_change"]["groups"])
    if all(before["actuals"] == changed["actuals"] for before, changed in pairs):
        sys.exit("the Swift forecast after the changes has the same actuals as before them")
    checks = [("forecast over the store", compare_report(swift["report"], ours)),
              ("forecast after the changes", compare_report(swift["report_after_change"], after))]
    series = Difference()
    for index, result in enumerate(swift["backtests"]):
        for metric in METRICS:
            series.add(f"series {index} {metric}", result["overall"][metric], backtests["overall"][metric][index])
            series.add(f"series {index} {metric} by horizon", [entry[metric] for entry in result["by_horizon"]],
                       backtests["by_horizon"][metric][index])
    checks.append(("backtest metrics of every series", series))

    rows, runs, numpy_times = swift["rows"], swift["runs"], swift["numpy_seconds"]
    print(f"forecast benchmark: {rows:,} opportunities, 20 regions, 8 drivers, {len(swift['report']['history'])} weeks "
          f"of history, horizon {HORIZON}; medians of {runs} runs, Swift and numpy alternating")
    print(f"  SQLite fill (Swift, not measured): {swift['fill_seconds']:.1f} s; "
          f"CSV export read into numpy arrays once (not measured): {swift['numpy_load_seconds']:.1f} s")
    print()
    table = [
        (f"(1) full recompute, {rows:,} rows", "full_seconds", "full"),
        ("    of which the sums by region and week", "aggregate_seconds", "sums"),
        ("(2) recompute after one record changes", "change_seconds", "change"),
        (f"(3) backtest, {swift['series']} series x {WINDOWS} windows", "backtest_seconds", "backtest"),
    ]
    print(f"  {'figure':<46}{'Swift':>12}{'numpy':>12}{'Swift/numpy':>14}")
    for name, swift_key, numpy_key in table:
        mine, theirs = float(np.median(swift[swift_key])), float(np.median(numpy_times[numpy_key]))
        print(f"  {name:<46}{mine * 1000:>9.1f} ms{theirs * 1000:>9.1f} ms{mine / theirs:>14.2f}")
    print("  Swift's sums: SQLite through AppRuntime.aggregate; numpy's: reading the .npz and np.bincount")
    print(f"  Swift's update alone, of (2): {float(np.median(swift['update_seconds'])) * 1000:.1f} ms")
    print()
    print("same model on both sides (to 1e-6 relative):")
    for name, difference in checks:
        print(difference.line(name))
    if any(difference.largest > 1e-6 or difference.unmatched for _, difference in checks):
        sys.exit(1)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("peer", "report"):
        sys.exit("usage: numpy_model.py peer|report FOLDER")
    (peer if sys.argv[1] == "peer" else report)(Path(sys.argv[2]))
