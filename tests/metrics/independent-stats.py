#!/usr/bin/env python3
"""An independent check of `waymark stats --json`: imports a survey CSV into a project made
from the digital-journey template, then recomputes every figure from the CSV itself, in plain Python
(the t quantile by bisection on a numerically integrated density), and compares. Then imports
GA4 funnel explorations and checks each funnel's steps, rates and drop-off flags the same way.

    independent-stats.py WAYMARK SURVEY.CSV WORKDIR [FUNNEL.CSV...]
"""
import csv
import json
import math
import os
import re
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


MINIMUM_FLAG_N = 30


def read_funnel(path):
    """The steps of a GA4 funnel export: the table after its '#' comments and blank lines."""
    with open(path, newline="", encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    steps = []
    for record in csv.DictReader(lines):
        def rate(name):
            text = (record.get(name) or "").strip()
            return float(text) if text else None
        abandonments = (record.get("Abandonments") or "").strip()
        steps.append({"name": record["Step"].strip(), "users": float(record["Active users"]),
                      "completion": rate("Completion rate"),
                      "abandonment": rate("Abandonment rate"),
                      "abandonments": float(abandonments) if abandonments else None})
    return steps


def title_key(text):
    return text.strip().casefold()


def expected_funnel(steps, titles_by_id):
    """The funnel's figures as METRICS.md defines them; titles_by_id: the map's cards."""
    by_title = {}
    for touchpoint_id, title in titles_by_id:
        by_title.setdefault(title_key(title), touchpoint_id)

    def match(name):
        # As it is, or without the step number GA4 writes before it ("1. View product").
        for key in (title_key(name), title_key(re.sub(r"^\s*\d+\.\s*", "", name))):
            if key in by_title:
                return by_title[key]
        return None

    result = []
    for i, step in enumerate(steps):
        users = step["users"]
        completion = step["completion"]
        if completion is None and i + 1 < len(steps) and users > 0:
            completion = min(1.0, steps[i + 1]["users"] / users)
        abandonment = step["abandonment"]
        if abandonment is None:
            if step["abandonments"] is not None and users > 0:
                abandonment = step["abandonments"] / users
            elif completion is not None:
                abandonment = 1.0 - completion
        lost = step["abandonments"]
        if lost is None:
            lost = round((abandonment or 0.0) * users)
        result.append({"name": step["name"], "touchpoint_id": match(step["name"]),
                       "active_users": users,
                       "completion_pct": None if completion is None else 100 * completion,
                       "abandonment_pct": None if abandonment is None else 100 * abandonment,
                       "lost": lost, "has_abandonment": abandonment is not None})
    return result


def funnel_flags(steps):
    """The touchpoint ids flagged for drop-off: a step's abandonment against the other steps
    pooled, by the two-proportion z test with a pooled proportion, two-sided at 5%."""
    flagged = []
    for i, step in enumerate(steps):
        if not step["has_abandonment"] or step["touchpoint_id"] is None:
            continue
        if step["active_users"] < MINIMUM_FLAG_N:
            continue
        others = [s for j, s in enumerate(steps) if j != i and s["has_abandonment"]
                  and s["active_users"] > 0]
        n2 = sum(s["active_users"] for s in others)
        if n2 < MINIMUM_FLAG_N:
            continue
        x1, n1 = step["lost"], step["active_users"]
        x2 = sum(s["lost"] for s in others)
        pooled = (x1 + x2) / (n1 + n2)
        se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        if se == 0:
            continue
        z = (x1 / n1 - x2 / n2) / se
        p_value = 2 * (1 - normal_cdf(abs(z)))
        if z > 0 and p_value < 0.05:
            flagged.append(step["touchpoint_id"])
    return flagged


def drop_off_counts(stats):
    return {t["id"]: sum(1 for f in t["flags"] if f["kind"] == "drop-off")
            for t in stats["touchpoints"]}


def check_funnels(waymark, project, funnels, info, problems):
    before = drop_off_counts(json.loads(run(waymark, "stats", "--json", project)))
    for path in funnels:
        run(waymark, "import", project, path)
    got = json.loads(run(waymark, "stats", "--json", project))
    if len(got.get("funnels", [])) != len(funnels):
        problems.append(f"[funnels] expected {len(funnels)} funnels, got "
                        f"{len(got.get('funnels', []))}")
        return
    want_flags = {}
    for path, funnel in zip(funnels, got["funnels"]):
        name = os.path.basename(path)
        steps = read_funnel(path)
        # The map is the one whose cards most steps match (here the template's only map).
        best = None
        for m in info["maps"]:
            cards = [(t["id"], t["title"]) for t in m["touchpoints"]]
            matched = sum(1 for s in expected_funnel(steps, cards) if s["touchpoint_id"])
            if matched and (best is None or matched > best[0]):
                best = (matched, m, cards)
        if best is None:
            problems.append(f"[{name}] the test funnel matches no map")
            continue
        _, m, cards = best
        want = expected_funnel(steps, cards)
        if (funnel.get("map_id"), funnel.get("map")) != (m["id"], m["name"]):
            problems.append(f"[{name}] map {funnel.get('map')!r} ({funnel.get('map_id')}), "
                            f"expected {m['name']!r} ({m['id']})")
        if len(funnel["steps"]) != len(want):
            problems.append(f"[{name}] {len(funnel['steps'])} steps, expected {len(want)}")
            continue
        for step, expected_step in zip(funnel["steps"], want):
            figures = {k: expected_step[k] for k in ("active_users", "completion_pct",
                                                     "abandonment_pct")}
            compare(f"[{name}] {expected_step['name']}", figures, step, problems)
            if step.get("name") != expected_step["name"]:
                problems.append(f"[{name}] step {step.get('name')!r}, expected "
                                f"{expected_step['name']!r}")
            if step.get("touchpoint_id") != expected_step["touchpoint_id"]:
                problems.append(f"[{name}] {expected_step['name']}: touchpoint "
                                f"{step.get('touchpoint_id')!r}, expected "
                                f"{expected_step['touchpoint_id']!r}")
        for touchpoint_id in funnel_flags(want):
            want_flags[touchpoint_id] = want_flags.get(touchpoint_id, 0) + 1
    if not want_flags:
        problems.append("[funnels] the test funnels flag no step")
    after = drop_off_counts(got)
    for touchpoint_id, count in after.items():
        added = count - before.get(touchpoint_id, 0)
        if added != want_flags.get(touchpoint_id, 0):
            problems.append(f"[funnels] {touchpoint_id}: {added} drop-off flags from funnels, "
                            f"expected {want_flags.get(touchpoint_id, 0)}")


def run(*args):
    completed = subprocess.run(args, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({completed.returncode}):\n{completed.stderr}")
    return completed.stdout


def main():
    waymark, survey, workdir = sys.argv[1:4]
    funnels = sys.argv[4:]
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
        if got.get("funnels") != []:
            problems.append(f"[{name}] funnels before any was imported: {got.get('funnels')!r}")
    if funnels:
        check_funnels(waymark, project, funnels, info, problems)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
