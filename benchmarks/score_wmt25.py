"""The two `glossary score` metrics on the WMT25 terminology data (track 2, zh→en).

1. The references scored against themselves with ``--metric wmt25``, with and
   without the reference filter: the issue's figures are 0.9544 / 0.8565
   (2016) and 0.9645 / 0.8645 (2024).
2. Where the ``glossary`` metric differs from ``wmt25`` on the same data: how
   many (document, term) pairs only one of them scores, how many have other
   counts, and the corpus rates (docs/score.md, "How the metrics differ").
3. With ``--submissions DIR`` (laid out as the organisers' repository's
   ``ranking/submissions/track2``: ``TEAM/TEAM.YEAR.zhen.MODE.jsonl``) and
   ``--published FILE`` (their ``ranking/metric_track2/track2_score_dict.json``):
   every team's ``proper_term_success_rate`` recomputed with ``wmt25`` over the
   years given and compared with the published figure to six decimals, and
   each team's ``proper`` run against its ``noterm`` run under the ``glossary``
   metric. The published figures pool the five zh→en years 2016–2024, so
   ``--references`` must hold all five ``full_data_YEAR.jsonl`` files (the
   shared data holds 2016 and 2024 only, and no system outputs).

Usage: python benchmarks/score_wmt25.py [--references DIR] [--submissions DIR --published FILE]
Exit status 1 when a figure differs (with ``--strict``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from glossary.score import Document, Score, score
from glossary.score_inputs import pair, read_side

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "wmt25-terminology-track2-zhen"
ISSUE = {2016: (0.9544, 0.8565), 2024: (0.9645, 0.8645)}
ZHEN_YEARS = (2016, 2018, 2020, 2022, 2024)


def _references(folder: Path, year: int) -> list[Document]:
    path = folder / f"full_data_{year}.jsonl"
    return pair(str(path), read_side(path), str(path), read_side(path))


def _pairs(s: Score) -> dict[tuple[int, str], tuple[int, int, float]]:
    return {(d.index, t.zh): (t.expected, t.found, t.score) for d in s.documents for t in d.terms}


def reference_figures(folder: Path) -> bool:
    ok = True
    print("1. References against themselves (--metric wmt25)")
    print(f"{'year':>6}  {'filter':>8}  {'pairs':>5}  {'rate':>8}  {'issue':>6}")
    for year in sorted(ISSUE):
        if not (folder / f"full_data_{year}.jsonl").is_file():
            print(f"{year:>6}  absent")
            continue
        docs = _references(folder, year)
        for filt, want in zip((True, False), ISSUE[year]):
            s = score(docs, metric="wmt25", reference_filter=filt)
            assert s.rate is not None
            same = round(s.rate, 4) == want
            ok &= same
            print(f"{year:>6}  {'on' if filt else 'off':>8}  {len(s.pairs):>5}  {s.rate:.6f}  {want:.4f}"
                  f"  {'same' if same else 'DIFFERENT'}")
    return ok


def differences(folder: Path) -> None:
    print("\n2. glossary against wmt25, references against themselves")
    print(f"{'year':>6}  {'filter':>6}  {'wmt25':>6}  {'glossary':>8}  {'wmt25 only':>10}  {'glossary only':>13}"
          f"  {'source count':>12}  {'target count':>12}  {'score':>5}  {'rate wmt25':>10}  {'rate glossary':>13}"
          f"  {'cons. wmt25':>11}  {'cons. glossary':>14}")
    for year in sorted(ISSUE):
        if not (folder / f"full_data_{year}.jsonl").is_file():
            continue
        docs = _references(folder, year)
        for filt in (True, False):
            w, g = (score(docs, metric=m, reference_filter=filt) for m in ("wmt25", "glossary"))
            wp, gp = _pairs(w), _pairs(g)
            both = wp.keys() & gp.keys()
            print(f"{year:>6}  {'on' if filt else 'off':>6}  {len(wp):>6}  {len(gp):>8}  {len(wp.keys() - gp.keys()):>10}"
                  f"  {len(gp.keys() - wp.keys()):>13}  {sum(wp[k][0] != gp[k][0] for k in both):>12}"
                  f"  {sum(wp[k][1] != gp[k][1] for k in both):>12}  {sum(wp[k][2] != gp[k][2] for k in both):>5}"
                  f"  {w.rate:>10.4f}  {g.rate:>13.4f}  {w.consistency:>11.4f}  {g.consistency:>14.4f}")


def submissions(folder: Path, subs: Path, published: Path, years: list[int]) -> bool:
    figures = json.loads(published.read_text(encoding="utf-8"))["zhen"]
    refs = {y: [json.loads(line) for line in (folder / f"full_data_{y}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()] for y in years}
    ok = True
    print(f"\n3. Submissions, years {', '.join(map(str, years))}: wmt25 against the published "
          "proper_term_success_rate, and the glossary metric")
    print(f"{'team':<14} {'mode':<7} {'wmt25':>9} {'published':>9} {'':>11} {'glossary':>9}")
    glossary_rates: dict[tuple[str, str], float] = {}
    for team_dir in sorted(p for p in subs.iterdir() if p.is_dir()):
        team = team_dir.name
        for mode in ("proper", "noterm", "random"):
            docs: list[Document] = []
            for y in years:
                path = team_dir / f"{team}.{y}.zhen.{mode}.jsonl"
                if not path.is_file():
                    break
                hyps = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
                if len(hyps) != len(refs[y]):
                    raise SystemExit(f"{path}: {len(hyps)} documents, the reference has {len(refs[y])}")
                # the organisers always score the proper terms of the reference
                docs += [Document(r["zh"], h["en"], r["en"], r["proper"]) for h, r in zip(hyps, refs[y])]
            else:
                w = score(docs, metric="wmt25").rate
                gl = score(docs).rate
                assert w is not None and gl is not None
                glossary_rates[(team, mode)] = gl
                want = figures.get(mode, {}).get(team, {}).get("proper_term_success_rate")
                if want is None:
                    shown, verdict = "-", "unpublished"
                else:
                    same = f"{w:.6f}" == f"{want:.6f}"
                    ok &= same
                    shown, verdict = f"{want:.6f}", "same" if same else "DIFFERENT"
                print(f"{team:<14} {mode:<7} {w:>9.6f} {shown:>9} {verdict:>11} {gl:>9.6f}")
    for (team, mode), rate in sorted(glossary_rates.items()):
        if mode == "proper" and (team, "noterm") in glossary_rates:
            other = glossary_rates[(team, "noterm")]
            print(f"{team}: proper {rate:.4f} {'>' if rate > other else '<='} noterm {other:.4f} (glossary metric)")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--references", type=Path, default=DATA, help="folder of full_data_YEAR.jsonl")
    ap.add_argument("--submissions", type=Path, help="the organisers' ranking/submissions/track2 folder")
    ap.add_argument("--published", type=Path, help="their ranking/metric_track2/track2_score_dict.json")
    ap.add_argument("--years", default=",".join(map(str, ZHEN_YEARS)), help="zh→en years to pool (default: all five)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a figure differs")
    args = ap.parse_args()
    if not args.references.is_dir():
        print(f"{args.references}: absent; nothing to measure")
        return 0
    ok = reference_figures(args.references)
    differences(args.references)
    if args.submissions and args.published:
        ok &= submissions(args.references, args.submissions, args.published, [int(y) for y in args.years.split(",")])
    else:
        print("\n3. Submissions: not given (--submissions, --published); the shared data holds no system outputs")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
