#!/usr/bin/env python3
"""An independent check of `waymark stats --json`: imports a survey CSV into a project made
from the digital-journey template, then recomputes every figure from the CSV itself, in plain Python
(the t quantile by bisection on a numerically integrated density), and compares.

    independent-stats.py WAYMARK SURVEY.CSV WORKDIR
"""
import csv
import json
import math
import os
import subprocess
import sys

TOLERANCE = 1e-6
Z_QUANTILE_LEVEL = 0.975


def normal_cdf(x):
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def bisect(f, target, low, high):
    for _ in range(64):
        middle = (low + high) / 2.0
        if f(middle) < target:
            low = middle
        else:
            high = middle
    return (low + high) / 2.0


def t_density(x, df):
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_c - (df + 1) / 2 * math.log1p(x * x / df))


def t_cdf(x, df):
    # Simpson's rule from 0 to x; the density is smooth, so a few thousand panels suffice.
    panels = 4000
    h = x / panels
    total = t_density(0, df) + t_density(x, df)
    for i in range(1, panels):
        total += (4 if i % 2 else 2) * t_density(i * h, df)
    return 0.5 + total * h / 3.0


Z = bisect(normal_cdf, Z_QUANTILE_LEVEL, 0.0, 10.0)


T_CRITICAL = {}


def t_critical(df):
    if df not in T_CRITICAL:
        T_CRITICAL[df] = bisect(lambda x: t_cdf(x, df), Z_QUANTILE_LEVEL, 0.0, 200.0)
    return T_CRITICAL[df]


def nps(values):
    if not values:
        return None
    n = len(values)
    p = sum(1 for v in values if v >= 9)
    d = sum(1 for v in values if v <= 6)
    result = {"n": n, "score": 100.0 * (p - d) / n, "promoters": p,
              "passives": n - p - d, "detractors": d, "ci_low": None, "ci_high": None}
    if n >= 2:
        # Three pseudo-answers: 0.75 promoter, 0.75 detractor, 1.5 passive.
        m = n + 3.0
        pp, dd = (p + 0.75) / m, (d + 0.75) / m
        mean = pp - dd
        var = max(0.0, pp + dd - mean * mean)
        half = Z * math.sqrt(var / m)
        result["ci_low"] = max(-100.0, 100 * (mean - half))
        result["ci_high"] = min(100.0, 100 * (mean + half))
    return result


def wilson(successes, n):
    p = successes / n
    z2 = Z * Z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return max(0.0, centre - half) * 100, min(1.0, centre + half) * 100


def mean(values):
    if not values:
        return None
    n = len(values)
    m = sum(values) / n
    result = {"n": n, "mean": m, "ci_low": None, "ci_high": None}
    if n >= 2:
        sd = math.sqrt(sum((v - m) ** 2 for v in values) / (n - 1))
        half = t_critical(n - 1) * sd / math.sqrt(n)
        result["ci_low"], result["ci_high"] = m - half, m + half
    return result


def number(text):
    text = text.strip()
    return float(text) if text else None


def on_scale(value, low, high, whole=False):
    if value is None or value < low or value > high:
        return False
    return value == int(value) if whole else True


def expected(rows, titles, segment=None, date_from=None, date_to=None):
    """rows: the CSV's records in file order, with first_of_key worked out on all of them."""
    by_title = {}
    for row in rows:
        title = row["Touchpoint"].strip().lower()
        if title not in titles:
            continue
        if segment and row[segment[0]] != segment[1]:
            continue
        if date_from and row["Submitted"] < date_from:
            continue
        if date_to and row["Submitted"] >= date_to:
            continue
        by_title.setdefault(title, []).append(row)

    result = {}
    for title, group in by_title.items():
        npsv = [v for v in (number(r["Recommend"]) for r in group) if on_scale(v, 0, 10, True)]
        csat = [v for v in (number(r["Satisfaction"]) for r in group) if on_scale(v, 1, 5)]
        ces = [v for v in (number(r["Effort"]) for r in group) if on_scale(v, 1, 7)]
        stars = [v for v in (number(r["Stars"]) for r in group) if on_scale(v, 0, 10)]
        bought = [r["Bought"] for r in group if r["Bought"] in ("yes", "no")]
        figures = {"rows": len(group), "nps": nps(npsv), "ces": mean(ces), "rating": mean(stars)}
        if csat:
            top = sum(1 for v in csat if v >= 4)
            low, high = wilson(top, len(csat))
            figures["csat"] = {"n": len(csat), "top2_pct": 100.0 * top / len(csat),
                               "mean": sum(csat) / len(csat), "ci_low": low, "ci_high": high}
        else:
            figures["csat"] = None
        if bought:
            yes = bought.count("yes")
            low, high = wilson(yes, len(bought))
            figures["conversion"] = {"n": len(bought), "rate": 100.0 * yes / len(bought),
                                     "ci_low": low, "ci_high": high}
        else:
            figures["conversion"] = None
        order_rows = [r for r in group if r["first_of_key"] and r["Order total"].strip()]
        total = sum(float(r["Order total"]) for r in order_rows)
        orders = len({r["Respondent"] for r in order_rows})
        figures["revenue"] = {"sum": total, "orders": orders,
                              "average_order": total / orders if orders else None}
        result[title] = figures
    return result


def compare(path, want, got, problems):
    if isinstance(want, dict):
        if not isinstance(got, dict):
            problems.append(f"{path}: expected an object, got {got!r}")
            return
        for key, value in want.items():
            compare(f"{path}.{key}", value, got.get(key, "<missing>"), problems)
    elif want is None:
        if got is not None:
            problems.append(f"{path}: expected null, got {got!r}")
    elif isinstance(got, (int, float)) and not isinstance(got, bool):
        if abs(float(want) - float(got)) > TOLERANCE * max(1.0, abs(float(want))):
            problems.append(f"{path}: expected {want!r}, got {got!r}")
    else:
        problems.append(f"{path}: expected {want!r}, got {got!r}")


def run(*args):
    completed = subprocess.run(args, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({completed.returncode}):\n{completed.stderr}")
    return completed.stdout


def main():
    waymark, survey, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    project = os.path.join(workdir, "independent.waymark")
    run(waymark, "new", "--template", "digital-journey", "--force", project)
    # The project first, then the export (waymark import --help).
    run(waymark, "import", project, survey, "--touchpoint-column", "Touchpoint",
        "--role", "Respondent=key", "--role", "Submitted=timestamp", "--role", "Region=segment",
        "--role", "Recommend=nps", "--role", "Satisfaction=csat", "--role", "Effort=ces",
        "--role", "Stars=rating", "--role", "Bought=converted", "--role", "Order total=revenue")

    with open(survey, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    seen = set()
    for row in rows:
        row["first_of_key"] = row["Respondent"] not in seen
        seen.add(row["Respondent"])

    info = json.loads(run(waymark, "info", "--json", project))
    titles = set()
    for m in info["maps"]:
        for t in m["touchpoints"]:
            titles.add(t["title"].strip().lower())

    cases = [
        ([], {}),
        (["--segment", "Region=North"], {"segment": ("Region", "North")}),
        (["--from", "2024-03-01", "--to", "2024-03-15"],
         {"date_from": "2024-03-01", "date_to": "2024-03-16"}),
    ]
    problems = []
    for arguments, filters in cases:
        got = json.loads(run(waymark, "stats", "--json", *arguments, project))
        want = expected(rows, titles, **filters)
        name = " ".join(arguments) or "all rows"
        by_title = {}
        for t in got["touchpoints"]:
            by_title.setdefault(t["title"].strip().lower(), t)
        for title, figures in want.items():
            compare(f"[{name}] {title}", figures, by_title.get(title), problems)
        for title, t in by_title.items():
            if title not in want and t["rows"] != 0:
                problems.append(f"[{name}] {title}: {t['rows']} rows, expected none")
        if not want:
            problems.append(f"[{name}] the test data reaches no touchpoint")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
