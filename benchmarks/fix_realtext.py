"""What ``--fix`` does to real text that nobody on the project wrote, and whether injected errors come back out.

Reads ../shared/eval/realnews-zhen at run time (never copied into the repository):

* as found: for each of the 9 glossed English articles and the English of the 129 news pairs, the safe and
  unsafe fixes by rule, whether a second pass changes anything (idempotence), and fixable findings left;
* injected: in each article, every occurrence of a term in its preferred form is replaced, one at a time,
  by each of the term's forbidden forms and same-name variants (Tianwen 3 for Tianwen-3, Wang Yapin for
  Wang Yaping); the text is fixed with safe fixes only, and counted as restored when it equals the
  original fixed the same way (the articles have fixable findings of their own).

Usage: python benchmarks/fix_realtext.py [--data DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import glossary
from glossary.fix import apply_fixes, fix_text
from glossary.rules.consistency import _same_name

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval"


def as_found(texts: list[tuple[str, str]], g: glossary.Glossary, verbose: bool) -> None:
    safe: Counter[str] = Counter()
    unsafe: Counter[str] = Counter()
    changed = not_idempotent = left = 0
    for name, text in texts:
        findings = glossary.check_text(text, g, markdown=False)
        for f in findings:
            if f.fix is not None:
                (safe if f.fix.safe else unsafe)[f.rule] += 1
        fixed = fix_text(text, g, markdown=False)
        if fixed != text:
            changed += 1
            if verbose:
                print(f"  {name}: {sum(1 for f in findings if f.fix and f.fix.safe)} safe fixes")
        again = glossary.check_text(fixed, g, markdown=False)
        if apply_fixes(fixed, again, markdown=False) != fixed:
            not_idempotent += 1
        left += sum(1 for f in again if f.fix is not None and f.fix.safe)
    print(f"  texts {len(texts)}, changed by --fix {changed}, not idempotent {not_idempotent}, "
          f"safe fixes left after fixing {left}")
    print(f"  safe fixes by rule:   {dict(sorted(safe.items()))}")
    print(f"  unsafe fixes by rule: {dict(sorted(unsafe.items()))}")


def injected(texts: list[tuple[str, str]], g: glossary.Glossary, verbose: bool) -> None:
    tried = restored = 0
    by_kind: Counter[str] = Counter()
    failed: list[str] = []
    for name, text in texts:
        want = fix_text(text, g, markdown=False)
        for m in glossary.find_terms(text, g):
            if m.lang != "en" or m.form != "en" or m.text != m.term.en:
                continue
            wrong = [("forbidden", f) for f in m.term.forbidden if "{n}" not in f]
            wrong += [("variant", v) for v in m.term.variants if "{n}" not in v and _same_name(v, m.term.en)]
            for kind, form in wrong:
                broken = text[:m.start] + form + text[m.end:]
                tried += 1
                if fix_text(broken, g, markdown=False) == want:
                    restored += 1
                    by_kind[kind] += 1
                else:
                    failed.append(f"{name}: {m.term.en!r} → {form!r}")
    print(f"  injected {tried}, restored exactly {restored} ({restored / max(tried, 1):.1%}): {dict(by_kind)}")
    for line in failed if verbose else failed[:5]:
        print(f"    not restored: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    base = args.data / "realnews-zhen"
    if not base.exists():
        print(f"{base} is absent", file=sys.stderr)
        return 2
    g = glossary.load()
    articles = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((base / "articles").glob("*.txt"))]
    pairs = [(f"pair {i}", json.loads(line)["en"]) for i, line in
             enumerate((base / "pairs.jsonl").read_text(encoding="utf-8").splitlines()) if line.strip()]
    print("realnews articles, as found:")
    as_found(articles, g, args.verbose)
    print("realnews pairs (English side), as found:")
    as_found(pairs, g, args.verbose)
    print("realnews articles, errors injected one at a time:")
    injected(articles, g, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
