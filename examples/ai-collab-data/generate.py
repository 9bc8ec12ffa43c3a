#!/usr/bin/env python3
"""Writes the seed data of apps/ai-collab-log: twelve weeks of AI suggestions and their verdicts.

    python3 examples/ai-collab-data/generate.py --out apps/ai-collab-log/data --seed 3

Standard library only; the same seed gives the same file. Each pod adopts suggestions at its own
rate, rising a little week by week; price hints are rejected most often.
"""

import argparse
import csv
import datetime
import os
import random

FIRST_WEEK = datetime.date(2026, 9, 7)
WEEKS = 12
PODS = {"east": 0.55, "north": 0.40, "south": 0.65, "west": 0.50}
ASSISTANTS = {"email_draft": 0.10, "next_step": 0.00, "price_hint": -0.25, "lead_score": 0.05}
PEOPLE = {"east": ["ana", "ben"], "north": ["chen", "dara"], "south": ["eli", "fay"], "west": ["gus", "hana"]}
REASONS = {"edited": ["tone too formal", "wrong contact name", "shortened it"],
           "rejected": ["price below our floor", "customer already declined", "not relevant to this deal", "out of date"]}


def rows(seed):
    rng = random.Random(seed)
    out = []
    for week in range(WEEKS):
        monday = FIRST_WEEK + datetime.timedelta(weeks=week)
        for pod, base in PODS.items():
            for _ in range(rng.randint(4, 8)):
                assistant = rng.choice(list(ASSISTANTS))
                kept = base + ASSISTANTS[assistant] + 0.02 * week
                verdict = "rejected" if rng.random() > kept else ("edited" if rng.random() < 0.3 else "accepted")
                reason = rng.choice(REASONS[verdict]) if verdict in REASONS else ""
                day = monday + datetime.timedelta(days=rng.randrange(5))
                out.append([pod, assistant, f"{assistant.replace('_', ' ')} for a {pod} customer", day.isoformat(),
                            rng.choice(PEOPLE[pod]), verdict, reason])
    return out


def main():
    parser = argparse.ArgumentParser(description="Write the seed data of apps/ai-collab-log.")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=3)
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    with open(os.path.join(arguments.out, "suggestions.csv"), "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["pod", "assistant", "suggestion", "made_on", "person", "verdict", "reason"])
        writer.writerows(rows(arguments.seed))


if __name__ == "__main__":
    main()
