"""Every rule's documentation as Markdown, rendered from :data:`glossary.rules.RULES`.

This module is the one place that turns the registry into prose: docs/rules.md,
the CLI's ``glossary rule`` command and the SARIF rule descriptions all call
it, so they never disagree.

>>> print(render_rule("GL202").splitlines()[0])
## GL202 `forbidden`
"""

from __future__ import annotations

from .rules import RULES, Rule, get_rule

__all__ = ["render_all", "render_rule", "rule_help"]

_APPLIES = {
    "text": "English text (`glossary check FILE`) and the target side of translations",
    "pair": "translations: a Chinese source and its English target",
    "document": "whole documents: one file, or all the segments of one bilingual file",
}

_HEADER = """\
# Rules

<!-- Generated from glossary/rules/__init__.py by glossary/ruledoc.py; do not edit.
     Regenerate with: glossary rule --all > docs/rules.md -->

Every finding names a rule by its code and its name; `--select` and `--ignore`
take either, or a code prefix such as `GL1`. Codes are stable and never reused.
Severity is the rule's default level: `error` findings fail `glossary check`,
`warning` and `info` findings are reported without failing it (see `--fail-on`).

| Code | Name | Severity | Checks |
| --- | --- | --- | --- |
"""


def _resolve(rule: Rule | str) -> Rule:
    return rule if isinstance(rule, Rule) else get_rule(rule)


def _example(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if "  →  " in line:
            given, result = line.split("  →  ", 1)
            lines.append(f"    {given.strip()}\n    → {result.strip()}")
        else:
            lines.append(f"    {line.strip()}")
    return "\n\n".join(lines)


def rule_help(rule: Rule | str) -> str:
    """The body of a rule's page (no heading): What it does / Why / Example / Fix.

    Used as SARIF ``help.markdown``.
    """
    r = _resolve(rule)
    return (
        f"**Severity:** {r.severity} · **Applies to:** {_APPLIES.get(r.applies_to, r.applies_to)}\n\n"
        f"### What it does\n\n{r.summary}\n\n"
        f"### Why\n\n{r.why}\n\n"
        f"### Example\n\nThis fires:\n\n{_example(r.example)}\n\n"
        f"### Fix\n\n{r.fix}\n"
    )


def render_rule(rule: Rule | str) -> str:
    """One rule's page as Markdown, headed ``## CODE `name```.

    ``rule`` is a :class:`Rule`, a code (GL101) or a name (gloss-mismatch);
    an unknown one raises KeyError.
    """
    r = _resolve(rule)
    return f"## {r.code} `{r.name}`\n\n{rule_help(r)}"


def render_all() -> str:
    """docs/rules.md: an index table, then one section per rule in code order."""
    rows = "".join(
        f"| [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | {r.severity} | {_escape(r.summary)} |\n"
        for r in RULES
    )
    sections = "\n".join(render_rule(r) for r in RULES)
    return f"{_HEADER}{rows}\n{sections}"


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
