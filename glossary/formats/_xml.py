"""Safe XML: every XML file the package reads (TBX, XLIFF, TMX) goes through here first.

The parser is lxml with entity resolution and network access off and no DTD
loaded. On top of that a file that declares entities (``<!ENTITY``, the
carrier of external-entity reads, billion laughs and quadratic blow-up) or
uses an entity the parser did not expand is refused with one line that
names the file and says why, never quoting the file. A DOCTYPE that only
names an external DTD (``<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">``,
as most TBX and TMX files do) is allowed: it is never fetched.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

from ..errors import GlossaryError, Problem

__all__ = ["XML_LANG", "check", "iterparse", "localname", "neutralized", "parser", "utf8"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_ROOT_START = re.compile(rb"<[A-Za-z_:]")
_DOCTYPE = re.compile(rb"<!DOCTYPE\b[^\[>]*(?:\[.*?\]\s*)?>", re.DOTALL)
_REFUSED = "the file declares XML entities (<!ENTITY>), which glossary does not read: they can read other files " \
           "or expand without end"
_DECLARATION = re.compile(rb"""\A<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def parser() -> Any:
    """A new lxml parser with entities, DTD loading and the network off."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def utf8(data: bytes) -> bytes:
    """XML bytes in UTF-8: UTF-16 and UTF-32 (with a byte-order mark) re-encoded, the declaration to match."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            data = data.decode(codec).encode("utf-8")
            break
    data = data.removeprefix(codecs.BOM_UTF8)
    m = _DECLARATION.match(data)
    if m is not None and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        data = data[:m.start(1)] + b"UTF-8" + data[m.end(1):]
    return data


def check(data: bytes, name: str) -> None:
    """Refuse a document that declares entities (GlossaryError, one line, nothing of the file quoted)."""
    root = _ROOT_START.search(data)
    prolog = data[:root.start()] if root else data
    if b"<!ENTITY" in prolog:
        raise GlossaryError(Problem(name, prolog.count(b"\n", 0, prolog.index(b"<!ENTITY")) + 1, _REFUSED))


def neutralized(data: bytes) -> bytes:
    """``data`` (already :func:`check`-ed) with its DOCTYPE blanked, line breaks kept: for parsers not our own."""
    root = _ROOT_START.search(data)
    end = root.start() if root else len(data)
    m = _DOCTYPE.search(data, 0, end)
    if m is None:
        return data
    blank = re.sub(rb"[^\n]", b" ", m.group())
    return data[:m.start()] + blank + data[m.end():]


def localname(tag: object) -> str:
    """An element's tag without its namespace (``""`` for comments and other nodes)."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _syntax_problem(exc: Any, name: str) -> GlossaryError:
    message = str(getattr(exc, "msg", "") or exc).split("\n")[0]
    message = re.sub(r",? line \d+, column \d+$", "", message)
    return GlossaryError(Problem(name, getattr(exc, "lineno", 0) or 0, f"not well-formed XML: {message}"))


#: A reference to an entity other than XML's five and character references.
_UNDECLARED = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)")


def iterparse(data: bytes, name: str, tags: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """("start", root) first, then ("end", element) for each element whose local name is in ``tags``
    (the root comes before the first such element, or at the end when there is none).

    The caller may clear each element after use. Entity references left
    unexpanded (an entity from an external DTD) are refused.
    """
    import io

    from lxml import etree

    data = utf8(data)
    check(data, name)
    events = etree.iterparse(io.BytesIO(data), events=("end",), tag=tuple(f"{{*}}{t}" for t in tags),
                             resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    started = False
    # Only a reference to an entity not declared (none are) leaves an Entity node; without one in the
    # bytes (a quick scan, quicker still for a file without "&"), no element needs to be walked for it.
    undeclared = b"&" in data and _UNDECLARED.search(data) is not None
    try:
        for _, element in events:
            if not started:
                started = True
                yield "start", element.getroottree().getroot()
            for entity in element.iter(etree.Entity) if undeclared else ():
                raise GlossaryError(Problem(name, entity.sourceline or 0,
                                            "the file uses an XML entity that is not declared in it "
                                            f"(&{entity.name};), which glossary does not read"))
            yield "end", element
        if not started and events.root is not None:
            started = True
            yield "start", events.root
    except etree.XMLSyntaxError as exc:
        raise _syntax_problem(exc, name) from None
    if not started:
        raise GlossaryError(Problem(name, 0, "empty file: no XML element"))
