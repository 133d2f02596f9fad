"""``glossary score``: term success rates of machine-translation systems (docs/score.md)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from typing import Any

from .common import UsageError, glossary_path, load, names, write
from .common import config as cli_config

_FORMATS = ("text", "json", "csv")


def register(sub: Any, glossary_opt: argparse.ArgumentParser) -> None:
    """Add ``score`` to the parser."""
    from ..score_model import METRICS  # (the records alone: registering imports no scorer)

    p = sub.add_parser(
        "score", parents=[glossary_opt], help="score MT systems on how well they keep to the terms",
        description="Score each system's translations: the share of source terms rendered with their accepted "
                    "English (term success rate), and how consistently each term is rendered in a document.",
    )
    p.add_argument("hyp", nargs="+", metavar="HYP",
                   help="one system's translations; several files of one system joined with commas")
    p.add_argument("--reference", metavar="REF",
                   help="reference translations, paired with each HYP document by document (commas: one per HYP file)")
    p.add_argument("--source", metavar="SRC",
                   help="line-aligned Chinese for plain-text HYP and REF files (commas: one per HYP file)")
    p.add_argument("--metric", choices=METRICS, default="glossary",
                   help="glossary: counted as the checker matches (default); wmt25: the WMT25 scorer exactly")
    p.add_argument("--format", choices=_FORMATS, default="text", help="output format")
    p.add_argument("--terms-key", metavar="KEY",
                   help="JSON key of the per-document term dictionary (default: proper, else terms); "
                        "with --reference, the reference's dictionary is the one scored")
    p.add_argument("--no-reference-filter", dest="reference_filter", action="store_false",
                   help="score every term in the source, not only those whose English the reference has")
    p.add_argument("--top", type=int, default=5, metavar="N", help="most-missed terms shown per system (text)")
    p.add_argument("--no-config", action="store_true", help="ignore [tool.glossary] in pyproject.toml")
    p.set_defaults(func=_cmd_score)


def _split(value: str | None, count: int, what: str) -> list[str | None]:
    if value is None:
        return [None] * count
    parts = names(value)
    if len(parts) != count:
        raise UsageError(f"{what} names {len(parts)} file{'s' if len(parts) != 1 else ''} but each HYP has {count}")
    return list(parts)


def _cmd_score(args: argparse.Namespace) -> int:
    from ..score import score
    from ..score_inputs import pair, read_side

    if args.top < 0:
        raise UsageError("--top must be 0 or more")
    systems = [names(h) for h in args.hyp]
    if any(not files for files in systems):
        raise UsageError("an empty HYP")
    counts = {len(files) for files in systems}
    if len(counts) > 1 and (args.reference or args.source):
        raise UsageError("with --reference or --source, every HYP needs the same number of files")
    count = counts.pop() if len(counts) == 1 else 0
    refs = _split(args.reference, count, "--reference")
    sources = _split(args.source, count, "--source")
    ref_sides = {}
    for i, ref in enumerate(refs):
        if ref is not None:
            ref_sides[i] = read_side(ref, source=sources[i], terms_key=args.terms_key)
    docs_per_system = []
    for files in systems:
        docs = []
        for i, path in enumerate(files):
            source, ref = (sources[i], refs[i]) if i < len(refs) else (None, None)
            hyps = read_side(path, source=source, terms_key=args.terms_key)
            docs.extend(pair(path, hyps, ref, ref_sides.get(i)))
        docs_per_system.append(docs)
    g = None
    if any(d.terms is None for docs in docs_per_system for d in docs):
        g = load(glossary_path(args.glossary, cli_config(args.no_config)))
    results = [score(docs, g, metric=args.metric, reference_filter=args.reference_filter) for docs in docs_per_system]
    labels = [",".join(files) for files in systems]
    render = {"text": _text, "json": _json, "csv": _csv}[args.format]
    write(sys.stdout, render(labels, results, args))
    return 0


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def _text(labels: list[str], results: list[Any], args: argparse.Namespace) -> str:
    filt = "on" if args.reference_filter and any(r.referenced for r in results) else "off"
    lines = [f"metric: {args.metric}, reference filter {filt}", ""]
    order = sorted(range(len(results)), key=lambda i: (-(results[i].rate if results[i].rate is not None else -1), i))
    width = max(len(label) for label in labels)
    lines.append(f"{'rank':>4}  {'system':<{width}}  {'rate':>6}  {'consistency':>11}  {'terms':>5}")
    for rank, i in enumerate(order, start=1):
        r = results[i]
        lines.append(f"{rank:>4}  {labels[i]:<{width}}  {_fmt(r.rate):>6}  {_fmt(r.consistency):>11}  {len(r.pairs):>5}")
    if args.top:
        for i in order:
            missed = [t for t in results[i].by_term() if t.missed][: args.top]
            if not missed:
                continue
            lines += ["", f"most missed by {labels[i]}:"]
            for t in missed:
                lines.append(f"  {t.zh} → {' | '.join(t.forms)}: below 1 in {t.missed} of {t.documents} "
                             f"document{'s' if t.documents != 1 else ''}, found {t.found} of {t.expected}")
    return "\n".join(lines) + "\n"


def _term(t: Any) -> dict[str, Any]:
    return {"zh": t.zh, "forms": list(t.forms), "expected": t.expected, "found": t.found, "score": t.score,
            "consistency": t.consistency, "renderings": dict(t.renderings)}


def _json(labels: list[str], results: list[Any], args: argparse.Namespace) -> str:
    systems = []
    for label, r in zip(labels, results):
        systems.append({
            "path": label,
            "rate": r.rate,
            "consistency": r.consistency,
            "pairs": len(r.pairs),
            "documents": [{"index": d.index, "path": d.path, "line": d.line, "rate": d.rate,
                           "terms": [_term(t) for t in d.terms]} for d in r.documents],
            "terms": [{"zh": t.zh, "forms": list(t.forms), "documents": t.documents, "expected": t.expected,
                       "found": t.found, "rate": t.rate, "missed": t.missed} for t in r.by_term()],
        })
    return json.dumps({"metric": args.metric, "systems": systems}, ensure_ascii=False, indent=2) + "\n"


def _csv(labels: list[str], results: list[Any], args: argparse.Namespace) -> str:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(["system", "document", "path", "line", "zh", "forms", "expected", "found", "score", "consistency"])
    for label, r in zip(labels, results):
        for d in r.documents:
            for t in d.terms:
                c = t.consistency
                out.writerow([label, d.index + 1, d.path, d.line, t.zh, " | ".join(t.forms), t.expected, t.found,
                              repr(t.score), "" if c is None else repr(c)])
    return buf.getvalue()
