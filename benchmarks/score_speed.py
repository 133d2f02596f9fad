"""How fast `glossary score` scores a WMT25-sized year (docs/performance.md, "Scoring").

Target: a 25-document year of WMT25 track 2 (about 0.5 MB of Chinese source)
scores in under 2 s of work once its glossary is loaded, with the default
``glossary`` metric and the reference filter on (so the reference is scanned
too).

The year is made from the shared WMT25 data (../shared/eval/, read at run
time): 25 documents taken in turn from the 2016 and 2024 files, each
document's source, reference and hypothesis repeated until the sources
reach ``--bytes`` (UTF-8) in all, scored with the 2024 term dictionary
(1,428 terms). The hypothesis is the reference with every tenth accepted
English form dropped, so that there are misses to count.

Printed: loading the glossary (the dictionary → Glossary, its automata and
the glossary-aware tokenizer), then medians of ``--repeat`` scoring runs
for each metric, the segmentation memo emptied before each run (cold), and a
warm run (memo kept). Figures are medians measured in one process, rounds
alternating between the metrics.

Usage: python benchmarks/score_speed.py [--bytes N] [--docs N] [--repeat N] [--strict]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from statistics import median

from glossary.automata import automata_of
from glossary.score import Document, glossary_of, score
from glossary.score_glossary import _glossary_of

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "wmt25-terminology-track2-zhen"
TARGET_S = 2.0


def build_year(folder: Path, n_docs: int, size: int) -> tuple[list[Document], dict[str, list[str]]]:
    years = {y: [json.loads(line) for line in (folder / f"full_data_{y}.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()] for y in (2016, 2024)}
    pool = [d for pair in zip(years[2016], years[2024]) for d in pair] + years[2024][len(years[2016]):]
    terms: dict[str, list[str]] = years[2024][0]["proper"]
    picked = [pool[i % len(pool)] for i in range(n_docs)]
    base = sum(len(d["zh"].encode("utf-8")) for d in picked)
    times = max(1, -(-size // base))
    forms = sorted({f.strip() for fs in terms.values() for f in fs if len(f.strip()) > 3}, key=lambda f: (-len(f), f))
    drop = re.compile("|".join(re.escape(f) for f in forms[::10]))  # one simple pass; this is test data, not the metric
    docs = []
    for d in picked:
        src, ref = "\n\n".join([d["zh"]] * times), "\n\n".join([d["en"]] * times)
        docs.append(Document(src, drop.sub("", ref), ref, terms))
    return docs, terms


def clear_memo(docs: list[Document]) -> None:
    cache = vars(automata_of(glossary_of(docs[0].terms or {}))).get("_cuts")
    if isinstance(cache, dict):
        cache.clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--docs", type=int, default=25)
    ap.add_argument("--bytes", type=int, default=500_000, help="UTF-8 bytes of source in all (default 0.5 MB)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = ap.parse_args()
    if not (args.data / "full_data_2024.jsonl").is_file():
        print(f"{args.data}: absent; nothing to measure")
        return 0
    docs, terms = build_year(args.data, args.docs, args.bytes)
    src_bytes = sum(len(d.source.encode("utf-8")) for d in docs)
    hyp_bytes = sum(len(d.hypothesis.encode("utf-8")) for d in docs)
    print(f"{len(docs)} documents, {src_bytes / 1e6:.2f} MB of source ({sum(len(d.source) for d in docs):,} characters), "
          f"{hyp_bytes / 1e6:.2f} MB of hypothesis, {len(terms):,} terms")

    _glossary_of.cache_clear()
    t0 = time.perf_counter()
    g = glossary_of(terms)
    a = automata_of(g)
    a.en, a.zh, a.tokenizer  # noqa: B018  (built on first access)
    score([Document("金管局", "HKMA", None, terms)])  # the rest of the lazy set-up: jieba's table
    load = time.perf_counter() - t0
    print(f"load: dictionary → Glossary, automata, tokenizer, first score: {load:.2f} s")

    runs: dict[str, list[float]] = {"glossary": [], "wmt25": []}
    pairs: dict[str, int] = {}
    rates: dict[str, float | None] = {}
    for _ in range(args.repeat):
        for metric in runs:
            clear_memo(docs)
            t = time.perf_counter()
            s = score(docs, metric=metric)
            runs[metric].append(time.perf_counter() - t)
            pairs[metric], rates[metric] = len(s.pairs), s.rate
    t = time.perf_counter()
    score(docs)
    warm = time.perf_counter() - t
    print(f"{'metric':<10} {'median s':>9} {'min s':>7} {'max s':>7} {'pairs':>6} {'rate':>7}")
    for metric, times in runs.items():
        print(f"{metric:<10} {median(times):>9.3f} {min(times):>7.3f} {max(times):>7.3f} {pairs[metric]:>6} "
              f"{rates[metric]:>7.4f}")
    print(f"glossary, memo warm: {warm:.3f} s")
    ratio = median(runs["glossary"]) / median(runs["wmt25"])
    print(f"glossary / wmt25 (medians, same run): {ratio:.1f}×")
    ok = median(runs["glossary"]) < TARGET_S
    print(f"target: {args.docs} documents, {src_bytes / 1e6:.2f} MB of source, glossary metric < {TARGET_S:.0f} s after "
          f"loading: {median(runs['glossary']):.2f} s  {'PASS' if ok else 'FAIL'}")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
