"""Adversarial inputs: does any pattern over user text grow faster than the text?

Each class of input that once took super-linear time (issue 14) is built at
10 KB, 100 KB and 1 MB and checked; the script prints seconds per MB at the
largest size and the growth ratio from one size to the next (10× the input
should take at most 12× the time). Targets: every class ≤ 5 s per MB, and
growth ≤ 12×.

Usage: python benchmarks/adversarial.py [--sizes 10000,100000,1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

import glossary
from glossary.source import mask

Make = Callable[[int], str]


def _repeat(unit: str, n: int) -> str:
    return unit * max(1, n // len(unit))


#: name → (what it runs, how the input of about n characters is made)
CASES: dict[str, tuple[str, Make]] = {
    "after-gloss spaces": ("check_text", lambda n: "Li Qiang (李" + " " * n + "x"),
    "after-gloss tabs": ("check_text", lambda n: "Li Qiang (李" + "\t" * n + "x"),
    "before-gloss spaces": ("check_text", lambda n: "李强(Li" + " " * n),
    "Han run, no bracket": ("check_text", lambda n: "强" * n),
    "Han run as a pair": ("check_pair", lambda n: "强" * n),
    "link label lines": ("mask", lambda n: "[\n" * (n // 2) + "]:"),
    "growing backtick runs": ("mask", lambda n: "".join("`" * k + " a " for k in range(1, int((2 * n) ** 0.5)))),
    "link targets": ("mask", lambda n: "](" * (n // 2)),
    "unknown-name path": ("check_text", lambda n: "赵明远(" + "Hello " * (n // 6) + "x)"),
    "many web glosses": ("check_text", lambda n: _repeat("Wang Yaping (Chinese: 王亚平; pinyin: Wáng Yàpíng) ", n)),
    "brackets never closed": ("check_text", lambda n: _repeat("(Chinese: 王亚平; ", n)),
    "series prefixes": ("check_text", lambda n: _repeat("Long March ", n)),
    "series members, Chinese": ("check_pair", lambda n: _repeat("长征五号", n)),
    "footnote digits": ("check_text", lambda n: _repeat("Report1 ", n)),
    "mixed line ends": ("check_text", lambda n: _repeat("Wang Yapin\r\r\n\n", n)),
}


def _run(kind: str, text: str) -> None:
    if kind == "check_text":
        glossary.check_text(text)
    elif kind == "check_pair":
        glossary.check_pair("强" if text.startswith("强") else text, text)
    else:
        mask(text)


def measure(sizes: list[int], repeat: int) -> list[tuple[str, list[float]]]:
    """Median seconds per size, for every case."""
    glossary.check_pair("王亚平", "Wang Yaping")  # load jieba and the bundled table once
    out = []
    for name, (kind, make) in CASES.items():
        times = []
        for n in sizes:
            text = make(n)
            runs = []
            for _ in range(repeat):
                t = time.perf_counter()
                _run(kind, text)
                runs.append(time.perf_counter() - t)
            times.append(statistics.median(runs))
        out.append((name, times))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="input sizes in characters")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size (median)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    failed = 0
    print(f"{'class':26s}" + "".join(f"{n:>12,}" for n in sizes) + f"{'s per MB':>11s}{'growth':>9s}  result")
    for name, times in measure(sizes, args.repeat):
        per_mb = times[-1] / (sizes[-1] / 1e6)
        growth = max((b / a if a > 1e-4 else 1.0) / (m / k) * 10 for (a, b), (k, m) in
                     zip(zip(times, times[1:]), zip(sizes, sizes[1:])))
        ok = per_mb <= 5 and growth <= 12
        failed += not ok
        cells = "".join(f"{t * 1000:10.1f}ms" for t in times)
        print(f"{name:26s}{cells}{per_mb:10.2f}s{growth:8.1f}×  {'PASS' if ok else 'FAIL'}")
    print("growth: the time ratio between one size and the next, scaled to a 10× step; target ≤ 12×, ≤ 5 s per MB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
