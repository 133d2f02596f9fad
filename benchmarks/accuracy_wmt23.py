"""Accuracy of missing-translation on the WMT23 terminology test set (zh→en).

Reads ../shared/eval/wmt23-terminology-zhen/derived_test_clean_proper.jsonl at
run time: 1,159 sentence pairs in which every listed term occurs verbatim on
both sides. For each pair, the sentence's own terms form the glossary.

* false alarms: terms reported missing although the reference renders them
  (lower is better; target < 1 %);
* recall: after one term's English is deleted from the reference, or
  misspelled (one letter changed), the share of those terms flagged by
  missing-translation (target ≥ 97 %).

Usage: python benchmarks/accuracy_wmt23.py [--data PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import glossary
from glossary import Glossary, Term

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "wmt23-terminology-zhen" / "derived_test_clean_proper.jsonl"
RULES = {"missing-translation"}


@dataclass
class Counts:
    terms: int = 0
    false_alarms: int = 0
    deleted: int = 0
    deleted_flagged: int = 0
    misspelled: int = 0
    misspelled_flagged: int = 0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.terms if self.terms else 0.0

    @property
    def delete_recall(self) -> float:
        return self.deleted_flagged / self.deleted if self.deleted else 0.0

    @property
    def misspell_recall(self) -> float:
        return self.misspelled_flagged / self.misspelled if self.misspelled else 0.0

    @property
    def recall(self) -> float:
        total = self.deleted + self.misspelled
        return (self.deleted_flagged + self.misspelled_flagged) / total if total else 0.0


def read_pairs(path: Path, limit: int | None = None) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


def sentence_glossary(terms: list[dict]) -> Glossary:
    """The sentence's own terms as a glossary (first English wins for a repeated zh)."""
    rows: dict[str, Term] = {}
    for i, t in enumerate(terms):
        zh, en = t["zh"].strip(), t["en"].strip()
        if zh and en and zh not in rows:
            rows[zh] = Term(id=f"t{i}", zh=zh, en=en)
    return Glossary(rows.values())


def misspell(word: str) -> str:
    """Change one letter in the middle of the longest word (never only its case)."""
    words = list(re.finditer(r"[A-Za-z]{2,}", word))
    if not words:
        return word + "x"
    w = max(words, key=lambda m: len(m.group()))
    i = w.start() + len(w.group()) // 2
    ch = word[i]
    repl = "q" if ch.lower() != "q" else "z"
    return word[:i] + (repl.upper() if ch.isupper() else repl) + word[i + 1:]


def flagged(findings: list[glossary.Finding], term: Term) -> bool:
    return any(f.term is not None and f.term.id == term.id for f in findings)


def evaluate(path: Path = DEFAULT, limit: int | None = None) -> Counts:
    counts = Counts()
    for row in read_pairs(path, limit):
        g = sentence_glossary(row["terms"])
        zh, en = row["zh"], row["en"]
        findings = glossary.check_pair(zh, en, g, rules=RULES)
        for term in g:
            counts.terms += 1
            if flagged(findings, term):
                counts.false_alarms += 1
        for term in g:
            pattern = re.compile(re.escape(term.en), re.I)
            if not pattern.search(en):
                continue
            counts.deleted += 1
            deleted = re.sub(r"\s{2,}", " ", pattern.sub("", en))
            if flagged(glossary.check_pair(zh, deleted, g, rules=RULES), term):
                counts.deleted_flagged += 1
            counts.misspelled += 1
            wrong = pattern.sub(lambda m: misspell(m.group()), en)
            if flagged(glossary.check_pair(zh, wrong, g, rules=RULES), term):
                counts.misspelled_flagged += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pairs")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no evaluation data at {args.data}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    c = evaluate(args.data, args.limit)
    seconds = time.perf_counter() - start
    print(f"pairs: {args.limit or 'all'} of {args.data.name}; terms: {c.terms}; {seconds:.1f} s")
    print(f"false missing-translation: {c.false_alarms} / {c.terms} = {c.false_alarm_rate:.2%} (target < 1%)")
    print(f"deleted term flagged:      {c.deleted_flagged} / {c.deleted} = {c.delete_recall:.2%}")
    print(f"misspelled term flagged:   {c.misspelled_flagged} / {c.misspelled} = {c.misspell_recall:.2%}")
    print(f"recall (both):             {c.recall:.2%} (target >= 97%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
