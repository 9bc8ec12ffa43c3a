#!/usr/bin/env python3
"""Writes the seed data of apps/sales-forecast: three years of weekly sales with known driver effects.

    python3 examples/sales-data/generate.py --out apps/sales-forecast/data --seed 7

Standard library only. The same seed gives the same files, byte for byte: the history ends at a
fixed week, not at today. The model, per region r, product p and week t:

    log revenue = log base[r] + log share[p] + trend[r] * years(t) + season[r](t)
                  + sum over drivers k of weight[k] * z[k][r][t] + noise

    z[k][r][t] = (value[k][r][t] - mean of the 52 weeks before t) / sd of those 52 weeks

the driver's z-score over a trailing year, as the app normalises it (`normalise: { method:
zscore, window: 52 }`; the population standard deviation; 0 when the year's values are all
equal). Drivers start a year before the sales so that the first week has its trailing year.
value is the number as written to the CSV file, and noise ~ Normal(0, NOISE_SD). Every won deal
is a sale, so the sales of a week add up to that week's revenue; the plan is last year's same
week times a growth factor, the traditional annual plan that knows nothing of the drivers.
"""

import argparse
import csv
import datetime
import json
import math
import os
import random

# The last week of history starts on this Monday; the history is HISTORY_WEEKS long.
LAST_WEEK = datetime.date(2026, 11, 23)
HISTORY_WEEKS = 156
# Weeks after the history for which drivers (plans and assumptions), plan and open pipeline exist.
FUTURE_WEEKS = 13
WEEKS_PER_YEAR = 52
# Weeks of driver values before the first week of sales: the trailing window of its z-score.
DRIVER_WINDOW = 52
DAYS_PER_YEAR = 365.2425

# Weekly revenue of a region at the first week (in yuan), its yearly growth on the log scale,
# and its yearly season: amplitude on the log scale and the day of the year of its peak.
REGIONS = {
    "east": {"base": 1_200_000.0, "trend": 0.06, "season_amplitude": 0.18, "season_peak_day": 330},
    "north": {"base": 800_000.0, "trend": 0.02, "season_amplitude": 0.25, "season_peak_day": 15},
    "south": {"base": 1_000_000.0, "trend": 0.08, "season_amplitude": 0.12, "season_peak_day": 200},
    "west": {"base": 600_000.0, "trend": -0.03, "season_amplitude": 0.20, "season_peak_day": 280},
}
# Each product's share of a region's revenue.
PRODUCTS = {"starter": 0.20, "pro": 0.40, "enterprise": 0.30, "services": 0.10}
NOISE_SD = 0.06

# The true effect of one standard deviation of each driver on log revenue.
TRUE_WEIGHTS = {"subsidies": 0.05, "ads": 0.12, "competitor_prices": 0.20}
# Each driver table: its value field, how many decimals the CSV keeps, how it moves from week to
# week, and its mean and standard deviation per region.
DRIVERS = {
    "subsidies": {
        "value": "level", "decimals": 1, "process": "steps", "change_probability": 1 / 6,
        "mean": {"east": 6.0, "north": 4.0, "south": 5.0, "west": 3.0},
        "sd": {"east": 1.2, "north": 1.0, "south": 1.1, "west": 0.8},
    },
    "ads": {
        "value": "spend", "decimals": 0, "process": "ar1", "persistence": 0.5, "money": True,
        "mean": {"east": 80_000.0, "north": 50_000.0, "south": 65_000.0, "west": 40_000.0},
        "sd": {"east": 15_000.0, "north": 10_000.0, "south": 12_000.0, "west": 8_000.0},
    },
    "competitor_prices": {
        "value": "index", "decimals": 1, "process": "ar1", "persistence": 0.7,
        "mean": {"east": 100.0, "north": 98.0, "south": 102.0, "west": 100.0},
        "sd": {"east": 4.0, "north": 3.5, "south": 4.5, "west": 3.0},
    },
}

# The annual plan: last year's same week (52 weeks before) times this factor.
PLAN_GROWTH = 1.05
# Stage probabilities for the weighted pipeline; open deals are drawn so that amount times
# probability adds up to the expected revenue of their week, give or take PIPELINE_NOISE_SD.
STAGE_PROBABILITIES = {"prospect": 0.10, "qualified": 0.25, "proposal": 0.50, "negotiation": 0.75, "won": 1.00, "lost": 0.00}
PIPELINE_NOISE_SD = 0.10


def week_start(index):
    """The Monday of week `index`, 0 being the first week of history."""
    return LAST_WEEK - datetime.timedelta(weeks=HISTORY_WEEKS - 1 - index)


def years(index):
    return index / WEEKS_PER_YEAR


def season(region, day):
    """The region's yearly season on the log scale, at a date: a cosine peaking on its peak day."""
    params = REGIONS[region]
    phase = 2 * math.pi * (day.timetuple().tm_yday - params["season_peak_day"]) / DAYS_PER_YEAR
    return params["season_amplitude"] * math.cos(phase)


def money(cents):
    return f"{cents // 100}.{cents % 100:02d}"


def rounded(value, decimals):
    return round(value, decimals) if decimals > 0 else float(round(value))


def driver_series(rng, spec, region, count):
    """The driver's values for one region, rounded as written: a stationary process with the
    region's mean and standard deviation."""
    mean, sd = spec["mean"][region], spec["sd"][region]
    values = []
    current = rng.gauss(mean, sd)
    for _ in range(count):
        values.append(max(0.0, rounded(current, spec["decimals"])))
        if spec["process"] == "steps":
            if rng.random() < spec["change_probability"]:
                current = rng.gauss(mean, sd)
        else:
            phi = spec["persistence"]
            current = mean + phi * (current - mean) + sd * math.sqrt(1 - phi * phi) * rng.gauss(0, 1)
    return values


def driver_value_text(spec, value):
    if spec.get("money"):
        return money(int(round(value * 100)))
    return f"{value:.{spec['decimals']}f}"


def split(rng, cents, parts):
    """`cents` split into `parts` positive amounts that add up to it exactly."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    total = sum(weights)
    amounts = [max(1, int(cents * w / total)) for w in weights[:-1]]
    amounts.append(cents - sum(amounts))
    return amounts


def generate(seed):
    rng = random.Random(seed)
    total_weeks = HISTORY_WEEKS + FUTURE_WEEKS
    regions = list(REGIONS)
    products = list(PRODUCTS)

    # drivers[name][region][DRIVER_WINDOW + index] is the value of week `index`.
    drivers = {name: {r: driver_series(rng, spec, r, DRIVER_WINDOW + total_weeks) for r in regions} for name, spec in DRIVERS.items()}

    def trailing_z(values, position):
        past = values[position - DRIVER_WINDOW:position]
        mean = sum(past) / len(past)
        sd = math.sqrt(sum((value - mean) ** 2 for value in past) / len(past))
        return (values[position] - mean) / sd if sd > 1e-12 * abs(mean) and sd > 0 else 0.0

    def expected(region, product, index):
        log_value = (math.log(REGIONS[region]["base"]) + math.log(PRODUCTS[product]) + REGIONS[region]["trend"] * years(index)
                     + season(region, week_start(index)))
        for name in DRIVERS:
            log_value += TRUE_WEIGHTS[name] * trailing_z(drivers[name][region], DRIVER_WINDOW + index)
        return math.exp(log_value)

    opportunities, sales = [], []
    weekly = {r: [0] * HISTORY_WEEKS for r in regions}
    next_id = 1

    def add_opportunity(region, product, monday, stage, cents, number):
        nonlocal next_id
        identifier = f"opp-{next_id:05d}"
        next_id += 1
        close = monday + datetime.timedelta(days=rng.randrange(5))
        name = f"{region.title()} {product} {monday.isoformat()} #{number}"
        opportunities.append([identifier, name, region, product, stage, money(cents), close.isoformat()])
        return identifier, close

    for index in range(HISTORY_WEEKS):
        monday = week_start(index)
        for region in regions:
            for product in products:
                revenue = expected(region, product, index) * math.exp(rng.gauss(0, NOISE_SD))
                cents = int(round(revenue * 100))
                weekly[region][index] += cents
                won = split(rng, cents, rng.randint(1, 3))
                lost = [int(round(revenue * rng.uniform(0.2, 0.6) * 100)) for _ in range(rng.randint(0, 2))]
                number = 1
                for amount in won:
                    identifier, close = add_opportunity(region, product, monday, "won", amount, number)
                    sales.append([region, product, close.isoformat(), money(amount), identifier])
                    number += 1
                for amount in lost:
                    add_opportunity(region, product, monday, "lost", amount, number)
                    number += 1

    future = {r: [] for r in regions}
    for index in range(HISTORY_WEEKS, total_weeks):
        monday = week_start(index)
        ahead = index - HISTORY_WEEKS + 1
        stages = ["negotiation", "proposal"] if ahead <= 2 else ["proposal", "qualified"] if ahead <= 6 else ["qualified", "prospect"]
        for region in regions:
            region_expected = 0.0
            for product in products:
                mean = expected(region, product, index)
                region_expected += mean
                weighted_target = mean * math.exp(rng.gauss(0, PIPELINE_NOISE_SD))
                deals = [(rng.choice(stages), rng.uniform(0.5, 1.5)) for _ in range(rng.randint(2, 4))]
                scale = weighted_target / sum(STAGE_PROBABILITIES[stage] * weight for stage, weight in deals)
                for number, (stage, weight) in enumerate(deals, start=1):
                    add_opportunity(region, product, monday, stage, int(round(scale * weight * 100)), number)
            future[region].append({"week_of": monday.isoformat(), "expected": money(int(round(region_expected * 100)))})

    plan = []
    for index in range(WEEKS_PER_YEAR, total_weeks):
        for region in regions:
            plan.append([region, week_start(index).isoformat(), money(int(round(weekly[region][index - WEEKS_PER_YEAR] * PLAN_GROWTH)))])

    tables = {
        "opportunities": (["id", "name", "region", "product", "stage", "amount", "expected_close"], opportunities),
        "sales": (["region", "product", "sold_on", "amount", "opportunity"], sales),
        "plan": (["region", "week_of", "amount"], plan),
    }
    for name, spec in DRIVERS.items():
        rows = [[r, week_start(i - DRIVER_WINDOW).isoformat(), driver_value_text(spec, drivers[name][r][i])]
                for i in range(DRIVER_WINDOW + total_weeks) for r in regions]
        tables[name] = (["region", "week_of", spec["value"]], rows)

    truth = {
        "seed": seed,
        "model": "log revenue = log base + log share + trend * years + season + sum(weight * z(driver)) + noise; "
                 "z = (value - mean) / sd with the mean and population sd of the driver's 52 weeks before (0 when they are equal)",
        "history": {"first_week": week_start(0).isoformat(), "last_week": LAST_WEEK.isoformat(), "weeks": HISTORY_WEEKS},
        "weights": TRUE_WEIGHTS,
        "drivers": {name: {"table": name, "value": spec["value"], "mean": spec["mean"], "sd": spec["sd"]} for name, spec in DRIVERS.items()},
        "regions": REGIONS,
        "products": PRODUCTS,
        "noise_sd": NOISE_SD,
        "plan_growth": PLAN_GROWTH,
        "stage_probabilities": STAGE_PROBABILITIES,
        "future_expected_revenue": future,
        "summary": summary(tables),
    }
    return tables, truth


def cents_of(text):
    whole, _, fraction = text.partition(".")
    return int(whole) * 100 + int(fraction or 0)


def summary(tables):
    """Row counts and sums the app must agree with once the files are loaded."""
    sales = tables["sales"][1]
    by_region = {}
    for row in sales:
        by_region[row[0]] = by_region.get(row[0], 0) + cents_of(row[3])
    return {
        "rows": {name: len(rows) for name, (_, rows) in tables.items()},
        "sum": {
            "sales.amount": money(sum(cents_of(row[3]) for row in sales)),
            "opportunities.amount": money(sum(cents_of(row[5]) for row in tables["opportunities"][1])),
            "plan.amount": money(sum(cents_of(row[2]) for row in tables["plan"][1])),
            "ads.spend": money(sum(cents_of(row[2]) for row in tables["ads"][1])),
        },
        "sales.amount by region": {region: money(cents) for region, cents in sorted(by_region.items())},
    }


def write(out, tables, truth):
    os.makedirs(out, exist_ok=True)
    for name, (header, rows) in tables.items():
        with open(os.path.join(out, f"{name}.csv"), "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as file:
        json.dump(truth, file, indent=2)
        file.write("\n")


def main():
    parser = argparse.ArgumentParser(description="Write the seed data of apps/sales-forecast.")
    parser.add_argument("--out", required=True, help="the folder to write the CSV files and truth.json to")
    parser.add_argument("--seed", type=int, default=7, help="the random seed (default 7)")
    arguments = parser.parse_args()
    tables, truth = generate(arguments.seed)
    write(arguments.out, tables, truth)
    print(json.dumps({"weights": truth["weights"], "summary": truth["summary"]}, indent=2))


if __name__ == "__main__":
    main()
