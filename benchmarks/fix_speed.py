"""How long fixing takes beside checking, on one generated Markdown text (side by side, medians).

Builds a seeded text of about ``--size`` bytes (sentences of listed names in their house, variant and
forbidden forms, code spans, comments), then times, in one process, ``check_text``, ``apply_fixes`` on
those findings, and ``fix_text`` (check and fix until nothing changes), and prints the medians and the
ratios to checking.

Usage: python benchmarks/fix_speed.py [--size BYTES] [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

import glossary
from glossary.fix import apply_fixes, fix_text


def make_text(g: glossary.Glossary, size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    forms = sorted({f for t in g for f in (t.en, *t.variants, *t.forbidden) if "{n}" not in f})
    words = ["the", "crew", "said", "launch", "orbit", "station", "and", "later"]
    parts: list[str] = []
    total = 0
    while total < size:
        sentence = " ".join(rng.choice(forms) if rng.random() < 0.2 else rng.choice(words) for _ in range(30))
        extra = rng.choice(["", "", " `code span`", " <!-- a note -->"])
        parts.append(sentence + "." + extra + "\n\n")
        total += len(parts[-1])
    return "".join(parts)


def median_time(func, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    g = glossary.load()
    text = make_text(g, args.size)
    glossary.check_text(text[:20_000], g)  # warm the automata
    findings = glossary.check_text(text, g)
    fixable = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    check = median_time(lambda: glossary.check_text(text, g), args.repeat)
    apply = median_time(lambda: apply_fixes(text, findings), args.repeat)
    full = median_time(lambda: fix_text(text, g), args.repeat)
    print(f"text {len(text):,} characters, {len(findings):,} findings, {fixable:,} with a safe fix")
    print(f"check_text   {check:.3f} s")
    print(f"apply_fixes  {apply:.3f} s  ({apply / check:.2f} x checking)")
    passes, fixed = 0, text
    while True:  # what fix_text does: check and apply until a pass changes nothing
        passes += 1
        again = apply_fixes(fixed, glossary.check_text(fixed, g))
        if again == fixed:
            break
        fixed = again
    print(f"fix_text     {full:.3f} s  ({full / check:.2f} x checking: one check per pass, {passes} passes here,"
          " the last finding nothing to change)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
