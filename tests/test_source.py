"""glossary.source: what the checks skip (mask) and where findings point (LineIndex)."""

from __future__ import annotations

import pytest

from glossary.source import LineIndex, mask


def _blank(s: str) -> str:
    return "".join(c if c in "\r\n" else " " for c in s)


# ============================================================ mask
# Each row: (markdown text, substrings that must be blanked, substrings that must stay).

MASK_CASES = [
    pytest.param("Use `Li Qiang` here.", ["`Li Qiang`"], ["Use ", " here."], id="code-span"),
    pytest.param("Use ``a ` Tianwen 3`` here.", ["``a ` Tianwen 3``"], ["Use ", " here."], id="double-backtick-span"),
    pytest.param("Intro\n```\nTianwen 3 李强\n```\nAfter Tianwen 3", ["```\nTianwen 3 李强\n```"],
                 ["Intro\n", "\nAfter Tianwen 3"], id="backtick-fence"),
    pytest.param("Intro\n~~~python\n李强 = 1\n~~~\nAfter", ["~~~python\n李强 = 1\n~~~"], ["Intro\n", "\nAfter"],
                 id="tilde-fence"),
    pytest.param("Para.\n\n    Tianwen 3 李强\n    more\n\nAfter", ["    Tianwen 3 李强\n    more"],
                 ["Para.\n\n", "\n\nAfter"], id="indented-block"),
    pytest.param("Line one\n    indented continuation", [], ["Line one\n    indented continuation"],
                 id="indented-line-without-blank-is-text"),
    pytest.param("See [Tianjin](https://x.cn/Tianjin_李强) now", ["(https://x.cn/Tianjin_李强)"], ["See [Tianjin]", " now"],
                 id="link-target-not-text"),
    pytest.param('![Tianwen 3](img/t3.png "Tianwen 3") ok', ['(img/t3.png "Tianwen 3")'], ["![Tianwen 3]", " ok"],
                 id="image-target"),
    pytest.param("[1]: https://x.cn/Tianwen-3 \"Tianwen 3\"\nText", ['[1]: https://x.cn/Tianwen-3 "Tianwen 3"'],
                 ["\nText"], id="reference-definition"),
    pytest.param("See <https://x.cn/李强> and https://x.cn/两会 now.", ["<https://x.cn/李强>", "https://x.cn/两会"],
                 ["See ", " and ", " now."], id="autolinks-and-bare-urls"),
    pytest.param("a <!-- Tianwen 3 两会 --> b", ["<!-- Tianwen 3 两会 -->"], ["a ", " b"], id="html-comment"),
    pytest.param("a <!-- glossary off --> 李强 Tianwen 3 <!-- glossary on --> b 两会",
                 ["<!-- glossary off --> 李强 Tianwen 3 <!-- glossary on -->"], ["a ", " b 两会"], id="off-on"),
    pytest.param("a <!-- GLOSSARY OFF -->李强<!--glossary on--> b", ["<!-- GLOSSARY OFF -->李强<!--glossary on-->"],
                 ["a ", " b"], id="off-on-any-case-and-spacing"),
    pytest.param("a\n<!-- glossary off -->\n李强\n\nTianwen 3", ["<!-- glossary off -->\n李强\n\nTianwen 3"], ["a\n"],
                 id="off-without-on-runs-to-the-end"),
    # -- Windows line ends must not change what is skipped
    pytest.param("Intro\r\n```\r\nTianwen 3\r\n```\r\nAfter Tianwen 3\r\n", ["```\r\nTianwen 3\r\n```"],
                 ["Intro\r\n", "\r\nAfter Tianwen 3\r\n"], id="crlf-fence-closes"),
    pytest.param("Para.\r\n\r\n    Tianwen 3 code\r\n\r\nAfter", ["    Tianwen 3 code"], ["Para.\r\n\r\n", "\r\n\r\nAfter"],
                 id="crlf-indented-block"),
]


@pytest.mark.parametrize("text, hidden, kept", MASK_CASES)
def test_mask(text, hidden, kept):
    masked = mask(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c in "\r\n"] == [i for i, c in enumerate(masked) if c in "\r\n"]
    for part in hidden:
        i = text.index(part)
        assert masked[i:i + len(part)] == _blank(part), f"{part!r} should be skipped"
    for part in kept:
        i = text.index(part)
        assert masked[i:i + len(part)] == part, f"{part!r} should be kept"


def test_mask_docstring_example():
    assert mask("Use `Li Qiang` here; see [Tianjin](https://x.cn/Tianjin).") == (
        "Use            here; see [Tianjin]                      ."
    )


def test_mask_plain_text_keeps_markdown_but_honours_off_regions():
    text = "a `李强` [x](http://y) <!-- glossary off -->两会<!-- glossary on --> b"
    masked = mask(text, markdown=False)
    assert masked.startswith("a `李强` [x](        ) ")  # Markdown kept; the URL skipped (in text too)
    assert "两会" not in masked
    assert masked.endswith(" b") and len(masked) == len(text)


def test_mask_leaves_plain_text_alone():
    text = "Premier Li Qiang (李强) met Zhang Qi (张琦).\nTianwen-3 (天问三号) flies."
    assert mask(text) == text


# ============================================================ LineIndex

@pytest.mark.parametrize(
    "text, offset, position",
    [
        ("abc", 0, (1, 1)),
        ("abc", 2, (1, 3)),
        ("abc", 3, (1, 4)),  # the end of the text, for exclusive end columns
        ("ab\ncd", 3, (2, 1)),
        ("ab\ncd", 4, (2, 2)),
        ("ab\r\ncd", 4, (2, 1)),  # CRLF: the \r belongs to line 1, column counting restarts after \n
        ("ab\r\ncd\r\nef", 9, (3, 2)),
        ("李强\n王亚平", 4, (2, 2)),  # characters, not bytes
        ("🚀 x", 2, (1, 3)),  # astral characters count once
        ("", 0, (1, 1)),
        ("a\n", 2, (2, 1)),
    ],
)
def test_line_index_position(text, offset, position):
    assert LineIndex(text).position(offset) == position


def test_line_index_line_text_drops_line_ends():
    idx = LineIndex("ab\r\ncd\nef")
    assert [idx.line_text(n) for n in (1, 2, 3)] == ["ab", "cd", "ef"]


def test_line_index_round_trips_every_offset():
    text = "Intro\r\n李强 (Li Qiang)\n\n🚀 Tianwen-3\r\nend"
    idx = LineIndex(text)
    for offset, ch in enumerate(text):
        if ch in "\r\n":
            continue
        line, col = idx.position(offset)
        assert idx.line_text(line)[col - 1] == ch
