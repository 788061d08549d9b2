#!/usr/bin/env python3
"""Derives disclosure.csv (the share of real county reports that state each catalog indicator) from
the five hand-labelled full reports (src/test/resources/gold) and the report openings read through a
search of public pages (disclosure-openings.csv). The method is explained in README.md, "Disclosure".

    python3 schema/generator/derive-disclosure.py      (from the repository root; rewrites disclosure.csv)
"""
import csv
import re
import statistics

import yaml
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "src/test/resources/gold"
HERE = ROOT / "schema/generator"

gold = [r for r in csv.DictReader(open(GOLD / "seeds-gold.csv", encoding="utf-8")) if r["optional"] == "no"]
catalog = [i["code"] for i in yaml.safe_load(open(ROOT / "schema/indicators.yaml", encoding="utf-8"))["indicators"]
           if i.get("core")]
openings = list(csv.DictReader(open(HERE / "disclosure-openings.csv", encoding="utf-8")))
docs = sorted({r["doc"] for r in gold})

# where each figure stands in its report (0 = first character, 1 = last), and where the first subsection ends
positions, first_subsection = {}, []
for doc in docs:
    text = (GOLD / doc).read_text(encoding="utf-8")
    length = len(text) / 2 if doc.startswith("003") else len(text)  # 003 is one report pasted twice
    boundary = re.search(r"（二）|\(二\)|二、", text)
    first_subsection.append(boundary.start() / length)
    for r in gold:
        if r["doc"] == doc:
            at = text.find(r["evidence"][:12])
            positions.setdefault(r["indicator"], []).append(min(1.0, at / length))
opening_end = statistics.median(first_subsection)
pooled = [p for v in positions.values() for p in v]
pooled_visible = sum(p < opening_end for p in pooled) / len(pooled)

seen = {}
for o in openings:
    for code in filter(None, o["indicators_seen"].split(";")):
        seen[code] = seen.get(code, 0) + 1

rows = ["indicator,full_reports,full_reports_disclosing,openings,openings_disclosing,opening_visibility,share"]
for code in catalog:
    ps = positions.get(code, [])
    # chance that a disclosed figure stands inside an opening: its own positions, shrunk to the pooled share
    visibility = (sum(p < opening_end for p in ps) + pooled_visible) / (len(ps) + 1)
    disclosing = len({r["doc"] for r in gold if r["indicator"] == code})
    hits = seen.get(code, 0)
    # Jeffreys prior Beta(1/2, 1/2); an opening counts as `visibility` of a report
    share = min(1.0, (disclosing + hits + 0.5) / (len(docs) + len(openings) * visibility + 1))
    rows.append(f"{code},{len(docs)},{disclosing},{len(openings)},{hits},{visibility:.4f},{share:.4f}")
(HERE / "disclosure.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
print(f"opening_end={opening_end:.3f} pooled_visible={pooled_visible:.3f} reports={len(docs)}+{len(openings)}")
