#!/usr/bin/env python3
"""Draws the geolocation test set: 200 coded events at random (seed 14) from the shared corpora.

    swift build && python3 Scripts/geo-sample.py [--annals .build/debug/annals] [--seed 14] [--n 200]
    python3 Scripts/geo-sample.py --seed 15 --n 100 --exclude Tests/Fixtures/geo/testset.tsv   # held-out set
    python3 Scripts/geo-sample.py --seed 17 --n 100 --exclude Tests/Fixtures/geo/testset.tsv \
        --exclude Tests/Fixtures/geo/heldout.tsv --skeleton /tmp/heldout2.tsv          # fresh held-out set

Codes ../shared/corpora/guardian-2019-sample.csv and ../shared/corpora/conflibert-pentaclass-dev.jsonl
with `annals code --emit events`, pools the events, samples n of them with Python's `random.Random(seed)`
and prints each one for annotation (sentence text, trigger, source, target) to standard output, with
no location (the annotator writes the place down before looking at Annals' output). With --skeleton
FILE it also writes the annotation file's rows (doc, sentence, trigger span) without the text,
which stays in ../shared (the corpora are not ours to commit).

Tests/Fixtures/geo/testset.tsv holds the annotated rows; Tests/Fixtures/geo/README.md the rules.
"""
import argparse
import json
import os
import random
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = ["guardian-2019-sample.csv", "conflibert-pentaclass-dev.jsonl"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--annals", default=os.path.join(ROOT, ".build", "debug", "annals"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--skeleton")
    ap.add_argument("--exclude", action="append", default=[],
                    help="an annotation file whose events are left out of the pool (repeatable)")
    args = ap.parse_args()
    excluded = set()
    for path in args.exclude:
        for line in open(path, encoding="utf-8"):
            if not line.startswith("#") and line.strip():
                f = line.rstrip("\n").split("\t")
                excluded.add((f[1], f[2], f[3], f[4]))
    events = []
    for name in CORPORA:
        path = os.path.join(args.shared, "corpora", name)
        out = subprocess.run([args.annals, "code", path, "--emit", "events", "--threads", "1"],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            r = json.loads(line)
            if r.get("kind") == "event":
                r["corpus"] = name
                key = (name.split("-")[0], r["doc"], str(r["sentence"]),
                       f"{r['evidence']['span'][0]}-{r['evidence']['span'][1]}")
                if key not in excluded:
                    events.append(r)
    # One order independent of threads: corpus, document, sentence, trigger offset.
    events.sort(key=lambda r: (r["corpus"], r["doc"], r["sentence"], r["evidence"]["span"][0], r["id"]))
    sample = random.Random(args.seed).sample(events, args.n)
    rows = []
    for i, r in enumerate(sample, 1):
        src = (r.get("source") or {}).get("text", "")
        tgt = (r.get("target") or {}).get("text", "")
        print(f"## {i} {r['corpus']} doc={r['doc']} s={r['sentence']} verb={r['evidence']['verb']!r} "
              f"span={r['evidence']['span']} cameo={r['cameo']}")
        print(f"   source={src!r} target={tgt!r}")
        print(f"   {r['text']}")
        rows.append([str(i), r["corpus"].split("-")[0], r["doc"], str(r["sentence"]),
                     f"{r['evidence']['span'][0]}-{r['evidence']['span'][1]}"])
    if args.skeleton:
        with open(args.skeleton, "w", encoding="utf-8") as f:
            f.write("# n\tcorpus\tdoc\tsentence\ttrigger_span\tplace\tcountry\n")
            for row in rows:
                f.write("\t".join(row + ["", ""]) + "\n")


if __name__ == "__main__":
    main()
