"""Turn a text into what the checks read: a masked copy and a line map.

Masking replaces skipped regions with spaces (keeping line breaks), so that
offsets into the masked text are offsets into the original. Skipped: Markdown
code spans and fenced or indented code blocks, link and image targets,
autolinks, HTML comments, HTML tags (their attribute values), YAML front
matter (a ``---`` block at the very top opening with a ``key:`` line), and everything between
``<!-- glossary off -->`` and ``<!-- glossary on -->``. In Markdown and in
plain text alike: URLs (with a scheme, or starting ``www.``), email addresses
and path-like tokens (see :func:`_path_like`). A name inside them is part of an
address, not prose: a slug or a file name must keep its spelling.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["LineIndex", "blank", "is_markdown", "mask"]

_OFF_ON = re.compile(r"<!--\s*glossary\s+off\s*-->.*?(?:<!--\s*glossary\s+on\s*-->|\Z)", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*\r?$|\Z)", re.S | re.M)
# An indented code block: indented lines after a blank line (or at the start).
_INDENTED = re.compile(r"(?:\A|(?<=\n)[ \t]*\r?\n)((?:(?: {4}|\t)[^\n]*(?:\n|\Z))+)")
_BACKTICKS = re.compile(r"`+")
# Bounded, line-local quantifiers: no pattern here rescans the rest of the text
# from every opening mark (CommonMark caps a link label at 999 characters).
_LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\n]{0,500}\))*(?:[ \t]+\"[^\"\n]{0,500}\")?\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]{1,999}\]:[ \t]*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>|\bhttps?://[^\s)>\]]+", re.I)
# YAML front matter: a --- line at the very top, a first line that is a YAML key, up to a --- or ... line
# (a thematic break followed by a paragraph is not front matter).
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?=[A-Za-z_][\w-]*[ \t]*:)(?:[^\n]*\n){0,500}?"
                           r"(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,2000})?/?>")
_URL = re.compile(r"(?:\b[A-Za-z][A-Za-z0-9+.-]{0,20}://|\bwww\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]]", re.I)
# Both start only where a token starts, and are bounded, so a long token is scanned once, not from every
# character (a run of letters with no @ or slash would otherwise cost its length squared).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,200}@[\w-]{1,100}(?:\.[\w-]{1,100}){1,20}")
# A token holding / or \ (up to white space, quotes or brackets); :func:`_path_like` decides.
_SLASHED = re.compile(r"(?<![^\s<>\"'`()\[\]{}])[^\s<>\"'`()\[\]{}/\\]{0,500}[/\\][^\s<>\"'`()\[\]{}]{0,1000}")
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+/")
_TRAILING = ".,;:!?"


def is_markdown(path: str, language_id: str | None = None) -> bool:
    """Whether a document is read as Markdown: every one but a ``.txt`` file (or an editor's ``plaintext``).

    >>> is_markdown("a.md"), is_markdown("notes.TXT"), is_markdown("x", "plaintext")
    (True, False, False)
    """
    return not (path.lower().endswith(".txt") or language_id == "plaintext")


def blank(text: str) -> str:
    """``text`` as spaces, keeping its line breaks.

    >>> blank("ab\\r\\ncd")
    '  \\r\\n  '
    """
    if "\n" not in text and "\r" not in text:
        return " " * len(text)
    return re.sub(r"[^\n\r]", " ", text)


def _blank(match: re.Match[str]) -> str:
    return blank(match.group())


#: What a comment is blanked with until the end of :func:`mask`: not a space,
#: so that the text after a comment at the start of a line does not look
#: indented (an indented code block) to the later patterns. A Unicode
#: noncharacter, which texts do not hold (and not NUL, which the chunked
#: reader of glossary.bilingual uses as its sentinel).
_HIDDEN = "\ufdd0"


def _hide(match: re.Match[str]) -> str:
    return re.sub(r"[^\n\r]", _HIDDEN, match.group())


def _blank_group(match: re.Match[str]) -> str:
    """Blank group 1 of the match, keep what precedes it."""
    whole, start = match.group(), match.start(1) - match.start()
    return whole[:start] + blank(whole[start:])


def _mask_code_spans(text: str) -> str:
    """Blank Markdown code spans: a run of n backticks up to the next run of
    exactly n. One pass over the backtick runs (with a bisect per length), so
    an unclosed run costs nothing more than its own length.

    >>> _mask_code_spans("a `b` c ``d ` e`` f ` g")
    'a     c           f ` g'
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(runs):
        by_length.setdefault(b - a, []).append(i)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        a, b = runs[i]
        same = by_length[b - a]
        k = bisect_right(same, i)
        if k == len(same):
            i += 1  # no closing run of this length: the backticks are literal
            continue
        j = same[k]
        spans.append((a, runs[j][1]))
        i = j + 1
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for a, b in spans:
        parts += [text[pos:a], blank(text[a:b])]
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def _path_like(token: str) -> bool:
    """Whether a token with a slash or backslash is a file path or an address, not words joined by a
    slash (``Beidou/GPS``, ``and/or``, ``24/7``): it ends in a file extension (``docs/a.md``), starts
    like a path (``/``, ``./``, ``../``, ``~/``, ``C:\\``, ``\\``), has two separators or more
    (``a/b/c``), or starts with a domain (``cmsa.cn/x``).

    >>> [_path_like(t) for t in ("docs/Shenzou-20.md", "C:/data/x", "a/b/c", "x.cn/y", "Beidou/GPS", "1/2")]
    [True, True, True, True, False, False]
    """
    if _EXTENSION.search(token) and not token.endswith(("/", "\\")):
        return True
    if token.startswith(("/", "./", "../", "~/", "\\")) or re.match(r"[A-Za-z]:[\\/]", token):
        return True
    return token.count("/") + token.count("\\") >= 2 or _DOMAIN.match(token) is not None


def _mask_path(match: re.Match[str]) -> str:
    token = match.group().rstrip(_TRAILING)
    if len(token) < 3 or not _path_like(token):
        return match.group()
    return blank(token) + match.group()[len(token):]


def _mask_addresses(text: str) -> str:
    """Blank URLs, email addresses and path-like tokens (in Markdown and plain text alike)."""
    if "://" in text or "www." in text.lower():
        text = _URL.sub(_blank, text)
    if "@" in text:
        text = _EMAIL.sub(_blank, text)
    if "/" in text or "\\" in text:
        text = _SLASHED.sub(_mask_path, text)
    return text


def mask(text: str, *, markdown: bool = True, comments: bool = True) -> str:
    """``text`` with skipped regions blanked out; same length, same line breaks.

    With ``comments=False`` HTML comments and ``<!-- glossary off -->``
    markers are left as they are (code is still blanked): what
    :mod:`glossary.suppress` searches for its comments.

    >>> mask("Use `Li Qiang` here; see [Tianjin](https://x.cn/Tianjin).")
    'Use            here; see [Tianjin]                      .'
    """
    hidden = False
    if "<!--" in text and comments:
        hidden = _HIDDEN not in text
        text = _OFF_ON.sub(_hide if hidden else _blank, text)
    if not markdown:
        text = _mask_addresses(text)
        return text.replace(_HIDDEN, " ") if hidden else text
    # Each pattern runs only where its marker occurs at all: cheap on long texts.
    if text.startswith(("---", "\ufeff---")):
        text = _FRONT_MATTER.sub(_blank, text)
    if "<!--" in text and comments:
        text = _COMMENT.sub(_hide if hidden else _blank, text)
    if "```" in text or "~~~" in text:
        text = _FENCE.sub(_blank, text)
    if text.startswith(("    ", "\t")) or "\n    " in text or "\n\t" in text:
        text = _INDENTED.sub(_blank_group, text)
    if "`" in text:
        text = _mask_code_spans(text)
    if "](" in text:
        text = _LINK_TARGET.sub(_blank, text)
    if "]:" in text:
        text = _REF_DEF.sub(_blank, text)
    if "://" in text or "mailto:" in text:
        text = _AUTOLINK.sub(_blank, text)
    if "<" in text:
        text = _HTML_TAG.sub(_blank, text)
    text = _mask_addresses(text)
    return text.replace(_HIDDEN, " ") if hidden else text


class LineIndex:
    """Maps 0-based character offsets to 1-based (line, column).

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac files); a
    ``\\r`` before ``\\n`` belongs to no column anyone sees, so Windows line
    ends do not shift columns.

    >>> LineIndex("ab\\r\\ncd").position(4), LineIndex("ab\\rcd").position(3)
    ((2, 1), (2, 1))
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\r\n|\r|\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a 0-based offset."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line end."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
