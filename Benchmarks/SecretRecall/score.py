#!/usr/bin/env python3
"""Benchmarks/SecretRecall/score.py - scores secret scanners' reports against make_set.py's manifest.

Usage: python3 score.py --manifest M --set DIR --runs RUNS.tsv [--out SUMMARY.json] [--misses TOOL]

RUNS.tsv has one line per tool: name, parser (sot-lint | detect-secrets | betterleaks | kingfisher),
report path, version, wall seconds, status ("ok", or why the tool did not run). Prints Markdown tables
to standard output. A file counts as detected when the tool reports a finding whose line range meets
the secret's lines (for a multi-line case, the block); for a negative, any finding on the case's
lines is a false positive. With --misses TOOL, also lists that tool's missed positives and false
positives as path:line, showing only the first 4 characters and the length of each secret.
"""
import argparse
import json
import os
import re
import sys
from collections import defaultdict

ABBREV = {"code-span": "span", "fence": "fence", "plain": "plain", "html-comment": "comment"}


def rel(path, root):
    path = path[2:] if path.startswith("./") else path
    if os.path.isabs(path):
        path = os.path.relpath(os.path.realpath(path), root)
    return path


def parse(parser, report, root):
    """{relative path: [(first line, last line, label)]} from one tool's report."""
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    found = defaultdict(list)
    if parser == "sot-lint":
        for d in data["diagnostics"]:
            if d.get("rule") != "secret-leak":
                continue
            m = re.search(r"\(([a-z0-9-]+), fingerprint", d.get("message", ""))
            found[rel(d["path"], root)].append((d["line"], d.get("endLine") or d["line"], m.group(1) if m else "secret-leak"))
    elif parser == "detect-secrets":
        for path, results in data.get("results", {}).items():
            for r in results:
                found[rel(path, root)].append((r["line_number"], r["line_number"], r.get("type", "")))
    elif parser == "betterleaks":
        for r in data.get("findings") or []:
            loc = r["location"]
            found[rel(loc["path"], root)].append((loc["start_line"], loc.get("end_line") or loc["start_line"], r.get("rule_id", "")))
    elif parser == "kingfisher":
        for r in data.get("findings") or []:
            fnd = r["finding"]
            found[rel(fnd["path"], root)].append((fnd["line"], fnd["line"], r.get("rule", {}).get("id", "")))
    else:
        raise SystemExit(f"score.py: unknown parser {parser}")
    return found


def pct(hit, n):
    return f"{hit}/{n} ({100.0 * hit / n:.1f}%)" if n else "-"


def shown(secret):
    """Never the whole secret: its first 4 characters and its length."""
    return f"{secret[:4]!r}…, {len(secret)} chars" if secret else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--set", required=True)
    ap.add_argument("--runs", required=True)
    ap.add_argument("--out")
    ap.add_argument("--misses")
    args = ap.parse_args()
    root = os.path.realpath(args.set)
    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    files, placements = manifest["files"], manifest["placements"]
    runs = []
    with open(args.runs, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                name, parser, report, version, seconds, status = line.rstrip("\n").split("\t")
                runs.append({"name": name, "parser": parser, "report": report, "version": version,
                             "seconds": seconds, "status": status})
    pos_files = [x for x in files if x["kind"] == "positive"]
    neg_files = [x for x in files if x["kind"] == "negative"]
    formats = {k: sorted({x["format"] for x in files if x["kind"] == k}) for k in ("positive", "negative")}
    groups = sorted({x["group"] for x in pos_files})

    summary = {"seed": manifest["seed"], "placements": placements,
               "set": {"positive_files": len(pos_files), "negative_files": len(neg_files),
                       "positive_formats": len(formats["positive"]), "negative_formats": len(formats["negative"])},
               "tools": {}}
    scored = []
    for run in runs:
        entry = {"version": run["version"], "status": run["status"], "seconds": run["seconds"]}
        summary["tools"][run["name"]] = entry
        if run["status"] != "ok":
            continue
        found = parse(run["parser"], run["report"], root)
        known = {x["path"] for x in files}
        hits = {}
        for x in files:
            a, b = x["lines"]
            hits[x["path"]] = [f for f in found.get(x["path"], []) if f[0] <= b and f[1] >= a]
        outside = sum(len(v) for p, v in found.items() if p in known) - sum(len(v) for v in hits.values())

        def rate(subset, want):
            got = sum(1 for x in subset if bool(hits[x["path"]]) == want)
            return {"hit": got, "n": len(subset), "rate": round(got / len(subset), 4) if subset else None}

        entry["recall"] = {"all": rate(pos_files, True)}
        entry["false_positive_rate"] = {"all": rate(neg_files, True)}
        for p in placements:
            entry["recall"][p] = rate([x for x in pos_files if x["placement"] == p], True)
            entry["false_positive_rate"][p] = rate([x for x in neg_files if x["placement"] == p], True)
        entry["recall_by_group"] = {g: rate([x for x in pos_files if x["group"] == g], True) for g in groups}
        missed, flagged = defaultdict(list), defaultdict(list)
        for x in pos_files:
            if not hits[x["path"]]:
                missed[x["format"]].append(x["placement"])
        for x in neg_files:
            if hits[x["path"]]:
                flagged[x["format"]].append(x["placement"])
        caught = [f for f in formats["positive"] if len(missed.get(f, [])) < sum(1 for x in pos_files if x["format"] == f)]
        entry["positive_formats_caught_somewhere"] = len(caught)
        entry["positive_formats_caught_everywhere"] = len(formats["positive"]) - len(missed)
        entry["negative_formats_flagged"] = len(flagged)
        entry["findings_outside_case_lines"] = outside
        entry["missed"] = dict(sorted(missed.items()))
        entry["false_positives"] = dict(sorted(flagged.items()))
        scored.append((run, entry, hits))

    out = sys.stdout
    s = summary["set"]
    print(f"## Secret recall: {s['positive_formats']} positive formats ({s['positive_files']} files), "
          f"{s['negative_formats']} negative formats ({s['negative_files']} files), seed {manifest['seed']}\n", file=out)
    print("| tool | version | status | wall s |\n| --- | --- | --- | --- |", file=out)
    for run in runs:
        print(f"| {run['name']} | {run['version']} | {run['status']} | {run['seconds']} |", file=out)
    head = " | ".join(["tool", "all"] + placements)
    sep = " | ".join(["---"] * (len(placements) + 2))
    print(f"\n### Recall (positive files detected)\n\n| {head} | formats caught anywhere / in every placement |\n| {sep} | --- |", file=out)
    for run, e, _ in scored:
        cells = [pct(e["recall"][k]["hit"], e["recall"][k]["n"]) for k in ["all"] + placements]
        print(f"| {run['name']} | {' | '.join(cells)} | {e['positive_formats_caught_somewhere']} / "
              f"{e['positive_formats_caught_everywhere']} of {s['positive_formats']} |", file=out)
    print(f"\n### False positives (negative files flagged)\n\n| {head} | negative formats flagged | findings outside the case lines |\n| {sep} | --- | --- |", file=out)
    for run, e, _ in scored:
        cells = [pct(e["false_positive_rate"][k]["hit"], e["false_positive_rate"][k]["n"]) for k in ["all"] + placements]
        print(f"| {run['name']} | {' | '.join(cells)} | {e['negative_formats_flagged']} of {s['negative_formats']} | "
              f"{e['findings_outside_case_lines']} |", file=out)
    print(f"\n### Recall by kind of positive\n\n| tool | {' | '.join(groups)} |\n| {' | '.join(['---'] * (len(groups) + 1))} |", file=out)
    for run, e, _ in scored:
        print(f"| {run['name']} | {' | '.join(pct(e['recall_by_group'][g]['hit'], e['recall_by_group'][g]['n']) for g in groups)} |", file=out)

    def cell(places, total):
        if not places:
            return "-"
        return "all" if len(places) == total else ", ".join(ABBREV[p] for p in places)

    if scored:
        names = [r["name"] for r, _, _ in scored]
        per_format = defaultdict(int)
        for x in files:
            per_format[x["format"]] += 1
        group_of = {x["format"]: x["group"] for x in files}
        rows = [f for f in formats["positive"] if any(f in e["missed"] for _, e, _ in scored)]
        print(f"\n### Missed positives (placements missed; - = caught everywhere)\n\n| format | kind | {' | '.join(names)} |\n"
              f"| --- | --- | {' | '.join(['---'] * len(names))} |", file=out)
        for f in rows:
            print(f"| {f} | {group_of[f]} | {' | '.join(cell(e['missed'].get(f, []), per_format[f]) for _, e, _ in scored)} |", file=out)
        rows = [f for f in formats["negative"] if any(f in e["false_positives"] for _, e, _ in scored)]
        print(f"\n### False positives (placements flagged; - = never)\n\n| format | kind | {' | '.join(names)} |\n"
              f"| --- | --- | {' | '.join(['---'] * len(names))} |", file=out)
        for f in rows:
            print(f"| {f} | {group_of[f]} | {' | '.join(cell(e['false_positives'].get(f, []), per_format[f]) for _, e, _ in scored)} |", file=out)

    if args.misses:
        for run, e, hits in scored:
            if run["name"] != args.misses:
                continue
            print(f"\n### {run['name']}: missed positives and false positives\n\n```text", file=out)
            for x in pos_files:
                if not hits[x["path"]]:
                    print(f"MISS {x['path']}:{x['line']} {x['format']} ({x['placement']}; {shown(x['secret'])})", file=out)
            for x in neg_files:
                for first, _, label in hits[x["path"]]:
                    print(f"FP   {x['path']}:{first} {x['format']} ({x['placement']}; reported as {label})", file=out)
            print("```", file=out)

    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
