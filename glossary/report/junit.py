"""Findings → JUnit XML (``junit``), as CI systems show test results.

One ``<testsuite>`` per file, one failing ``<testcase>`` per finding (its
``<failure>`` typed by the rule's code); a checked file without findings
(named in ``paths``) gets a suite with one passing test case, so CI lists
every file; with no findings and no ``paths``, one passing test case. Characters that XML 1.0 cannot hold (most control characters) are
dropped from the text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..model import Finding
from .text import sort_findings

__all__ = ["format_junit"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("", text)


def format_junit(findings: Sequence[Finding], files: int = 1, *, paths: Sequence[str] = ()) -> str:
    """A JUnit XML report.

    >>> from glossary.model import Finding
    >>> f = Finding("forbidden", "GL202", "error", "use 'Wang Yaping' <now>", 1, 5, 1, 15, "Wang Yapin", path="a.md")
    >>> print(format_junit([f]).splitlines()[3].strip())
    <testcase name="GL202 forbidden at 1:5" classname="a.md" file="a.md" line="1">
    """
    ordered = sort_findings(findings)
    by_path: dict[str, list[Finding]] = {}
    for f in ordered:
        by_path.setdefault(f.path or "<text>", []).append(f)
    clean = sorted(set(paths) - set(by_path))
    tests = len(ordered) + len(clean)
    root = ET.Element("testsuites", name="glossary", tests=str(max(1, tests)), failures=str(len(ordered)))
    if not by_path and not clean:
        suite = ET.SubElement(root, "testsuite", name="glossary", tests="1", failures="0", errors="0", skipped="0")
        ET.SubElement(suite, "testcase", name=f"No problems found in {files} file{'s' if files != 1 else ''}",
                      classname="glossary")
    for path in sorted([*by_path, *clean]):
        if path not in by_path:
            suite = ET.SubElement(root, "testsuite", name=_x(path), tests="1", failures="0", errors="0",
                                  skipped="0")
            ET.SubElement(suite, "testcase", name="no problems found", classname=_x(path), file=_x(path))
            continue
        items = by_path[path]
        suite = ET.SubElement(root, "testsuite", name=_x(path), tests=str(len(items)), failures=str(len(items)),
                              errors="0", skipped="0")
        for f in items:
            case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.rule} at {f.line}:{f.column}",
                                 classname=_x(path), file=_x(path), line=str(f.line))
            failure = ET.SubElement(case, "failure", message=_x(f.message), type=f.code)
            failure.text = _x(f"{path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
