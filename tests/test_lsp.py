"""The language server (glossary/lsp.py), driven by a real LSP client over stdio (pytest-lsp)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any, Union

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from glossary.errors import GlossaryError  # noqa: E402
from glossary.lsp import from_units, to_units  # noqa: E402
from glossary.project import Project, add_row  # noqa: E402
from glossary.model import Term  # noqa: E402
from glossary.suggest import ORIGINS  # noqa: E402
from glossary.table import read_table  # noqa: E402

TABLE = (
    "id,zh,en,variants,forbidden,pinyin,category,note\n"
    "wang-yaping,王亚平,Wang Yaping,,Wang Yapin,Wáng Yàpíng,person,astronaut; taught a class from orbit\n"
    "tianwen-3,天问三号,Tianwen-3,Tianwen 3,,Tiānwèn Sān Hào,spacecraft,\n"
)
# Line 0 puts astral characters (two code units each in UTF-16) before the forbidden form.
DOC = (
    "🚀🚀 Astronaut Wang Yapin waved.\n"
    "Wang Yaping (王亚平) spoke first.\n"
    "The engineer Zhao Mingyuan (赵明远) spoke next.\n"
)


# -- positions: code points to code units and back ---------------------------------------------------

@pytest.mark.parametrize(("text", "utf16", "utf8", "utf32"), [
    ("", 0, 0, 0),
    ("abc", 3, 3, 3),
    ("王亚平", 3, 9, 3),
    ("🚀", 2, 4, 1),
    ("a𝒜b🚀", 6, 10, 4),
])
def test_to_units(text: str, utf16: int, utf8: int, utf32: int) -> None:
    assert (to_units(text), to_units(text, "utf-8"), to_units(text, "utf-32")) == (utf16, utf8, utf32)


@pytest.mark.parametrize(("line", "units", "column"), [
    ("🚀🚀 Wang", 0, 0),
    ("🚀🚀 Wang", 2, 1),
    ("🚀🚀 Wang", 1, 0),  # inside a surrogate pair: the character's start
    ("🚀🚀 Wang", 5, 3),
    ("🚀🚀 Wang", 99, 7),  # past the end: the end
])
def test_from_units(line: str, units: int, column: int) -> None:
    assert from_units(line, units) == column
    assert to_units(line[:column]) <= units


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_ranges_of_findings_after_any_line_end(end: str) -> None:
    from glossary import check_text
    from glossary.lsp_positions import finding_range as _range, text_lines as _lines

    text = f"Intro.{end}Wang Yapin 🚀 Wang Yapin.{end}"
    found = [f for f in check_text(text) if f.code == "GL202"]
    ranges = [_range(f, _lines(text), "utf-16") for f in found]
    assert [(r.start.line, r.start.character, r.end.line, r.end.character) for r in ranges] == \
        [(1, 0, 1, 10), (1, 14, 1, 24)]
    assert [(r.start.character, r.end.character) for r in (_range(f, _lines(text), "utf-8") for f in found)] == \
        [(0, 10), (16, 26)]


# -- add a row -----------------------------------------------------------------------------------------

def test_add_row_appends_in_the_files_columns(tmp_path: Path) -> None:
    table = tmp_path / "terms.csv"
    table.write_text(TABLE, encoding="utf-8")
    row = Term(id="wang-yaping", zh="赵明远", en="Zhao Mingyuan", pinyin="Zhào Míngyuǎn", category="person")
    written = add_row(table, row)
    assert written.id == "wang-yaping-2"  # made unique
    assert table.read_text(encoding="utf-8") == TABLE + "wang-yaping-2,赵明远,Zhao Mingyuan,,,Zhào Míngyuǎn,person,\n"
    assert [t.zh for t in read_table(table)] == ["王亚平", "天问三号", "赵明远"]


def test_add_row_refuses_a_known_name_and_leaves_the_file(tmp_path: Path) -> None:
    table = tmp_path / "terms.csv"
    table.write_bytes(TABLE.replace("\n", "\r\n").encode())
    with pytest.raises(GlossaryError, match=r"terms.csv:2: 王亞平 is already in the table \(王亚平, Wang Yaping\)"):
        add_row(table, Term(id="x", zh="王亞平", en="Wang Yaping"))
    assert table.read_bytes() == TABLE.replace("\n", "\r\n").encode()
    add_row(table, Term(id="zhao", zh="赵明远", en="Zhao Mingyuan"))
    assert table.read_bytes().endswith(b"\r\nzhao,\xe8\xb5\xb5\xe6\x98\x8e\xe8\xbf\x9c,Zhao Mingyuan,,,,,\r\n")


def test_add_row_reads_past_a_byte_order_mark(tmp_path: Path) -> None:
    table = tmp_path / "bom.csv"
    before = "\ufeffid,zh,en,pinyin,romanization,category\nbeijing,北京,Beijing,Běijīng,pinyin,place".encode()
    table.write_bytes(before)  # as Excel's "CSV UTF-8" saves it, and without a final line end
    written = add_row(table, Term(id="zhao", zh="赵明远", en="Zhao Mingyuan", pinyin="Zhào Míngyuǎn",
                                  romanization="pinyin", category="person"))
    assert written.id == "zhao" and written.line == 3
    assert table.read_bytes() == before + "\nzhao,赵明远,Zhao Mingyuan,Zhào Míngyuǎn,pinyin,person\n".encode()
    assert [t.id for t in read_table(table)] == ["beijing", "zhao"]


SOURCED = Term(id="tiangong", zh="天宫空间站", en="Tiangong space station", aliases=("Tiangong",),
               forbidden=("Heavenly Palace station",), pinyin="Tiāngōng Kōngjiānzhàn", category="spacecraft",
               note="English from CC-CEDICT (ref: CC-CEDICT, CC BY-SA 4.0)", source="reference")


def test_a_rows_columns_round_trip_through_the_add_row_command() -> None:
    from glossary.lsp import _row_from
    from glossary.project import term_cells as _row_args

    args = _row_args(SOURCED)
    assert args["note"] == SOURCED.note and args["source"] == "reference" and args["aliases"] == "Tiangong"
    assert _row_from([args]) == SOURCED
    with pytest.raises(GlossaryError, match=r"glossary.addRow:2: unknown source 'blog'"):
        _row_from([{**args, "source": "blog"}])
    # A column of the user's own is kept (issue 11); a misspelt one is an error.
    assert _row_from([{**args, "colour": "red"}]).extra == (("colour", "red"),)
    with pytest.raises(GlossaryError, match=r"glossary.addRow:1: .*'aliasses'"):
        _row_from([{**args, "aliasses": "x"}])


def test_add_row_keeps_a_suggestions_note_and_source(tmp_path: Path) -> None:
    from glossary.lsp import _row_from
    from glossary.project import term_cells as _row_args
    from glossary.table_lint import lint_terms

    table = tmp_path / "terms.csv"
    table.write_text(TABLE, encoding="utf-8")  # a note column, but no aliases, source or romanization
    added = add_row(table, _row_from([_row_args(SOURCED)]))
    assert added == SOURCED
    rows = read_table(table)
    assert rows[-1] == SOURCED
    assert not [p for p in lint_terms(rows, str(table)) if "tiangong" in p.message]  # sourced: passes --strict
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,zh,en,variants,forbidden,pinyin,category,note,aliases,source"  # columns added
    assert lines[1:3] == [line + ",," for line in TABLE.splitlines()[1:]]
    assert lines[3] == ("tiangong,天宫空间站,Tiangong space station,,Heavenly Palace station,"
                        "Tiāngōng Kōngjiānzhàn,spacecraft,\"English from CC-CEDICT (ref: CC-CEDICT, CC BY-SA 4.0)\","
                        "Tiangong,reference")


def test_add_row_adds_a_column_to_a_table_with_quoted_line_breaks(tmp_path: Path) -> None:
    table = tmp_path / "terms.csv"
    table.write_bytes(b'sep=,\r\nzh,en\r\n\r\n\xe7\x8e\x8b\xe4\xba\x9a\xe5\xb9\xb3,"Wang\r\nYaping"\r\n')
    add_row(table, Term(id="zhao", zh="赵明远", en="Zhao Mingyuan", note="ref: Xinhua, 2024-10-30"))
    assert table.read_bytes().decode() == ('sep=,\r\nzh,en,note\r\n\r\n王亚平,"Wang\r\nYaping",\r\n'
                                           "赵明远,Zhao Mingyuan,\"ref: Xinhua, 2024-10-30\"\r\n")
    assert [t.note for t in read_table(table)] == ["", "ref: Xinhua, 2024-10-30"]


def test_add_row_will_not_guess_past_empty_header_columns(tmp_path: Path) -> None:
    table = tmp_path / "terms.csv"
    table.write_text("zh,en,,\n北京,Beijing,,\n", encoding="utf-8")  # as a spreadsheet saves it
    with pytest.raises(GlossaryError, match=r"terms.csv:1: the table has no column for the row's note, and its "
                                            r"header ends in empty columns \(hint: delete the empty columns"):
        add_row(table, Term(id="z", zh="赵明远", en="Zhao Mingyuan", note="ref: Xinhua"))
    assert table.read_text(encoding="utf-8") == "zh,en,,\n北京,Beijing,,\n"
    add_row(table, Term(id="z", zh="赵明远", en="Zhao Mingyuan"))  # nothing to lose: appended
    assert [t.en for t in read_table(table)] == ["Beijing", "Zhao Mingyuan"]


# -- the project's table ------------------------------------------------------------------------------

def test_project_reads_the_table_of_its_pyproject_and_reloads_it(tmp_path: Path) -> None:
    import os

    (tmp_path / "pyproject.toml").write_text('[tool.glossary]\nglossary = "terms.csv"\nignore = ["GL102"]\n',
                                             encoding="utf-8")
    table = tmp_path / "terms.csv"
    table.write_text(TABLE, encoding="utf-8")
    project = Project(tmp_path)
    assert project.table == tmp_path / "terms.csv" and project.error is None
    assert [t.id for t in project.current()] == ["wang-yaping", "tianwen-3"]
    assert "unknown-term" not in project.rules and "forbidden" in project.rules
    table.write_text(TABLE + "zhao,赵明远,Zhao Mingyuan,,,,,\n", encoding="utf-8")
    os.utime(table, ns=(1, 1))  # a different modification time, however fast the write
    assert len(project.current()) == 3  # noticed by its modification time alone


def test_project_rules_per_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.glossary]\nexclude = ["drafts/*"]\n[tool.glossary.per-file-ignores]\n"quotes/*.md" = ["GL201"]\n',
        encoding="utf-8")
    project = Project(tmp_path)
    assert "variant" in (project.rules_for(str(tmp_path / "news" / "a.md")) or ())
    assert "variant" not in (project.rules_for(str(tmp_path / "quotes" / "a.md")) or {"variant"})
    assert project.rules_for(str(tmp_path / "drafts" / "a.md")) is None


def test_project_with_a_broken_table_keeps_working(tmp_path: Path) -> None:
    (tmp_path / "terms.csv").write_text("zh,en\n王亚平\n", encoding="utf-8")
    project = Project(tmp_path, "terms.csv")
    assert project.error is not None and "terms.csv:2" in project.error
    from glossary.index import default_glossary

    assert project.current() is default_glossary()  # the bundled table meanwhile


# -- a client session over stdio -------------------------------------------------------------------------

@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "glossary", "lsp"]))
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    root: Path = request.getfixturevalue("tmp_path")
    (root / "pyproject.toml").write_text('[tool.glossary]\nglossary = "terms.csv"\n', encoding="utf-8")
    (root / "terms.csv").write_text(TABLE, encoding="utf-8")
    lsp_client.root = root  # type: ignore[attr-defined]
    # lsprotocol reads any code action that has a "command" as a Command, though a CodeAction's
    # command is an object and a Command's a string (the LSP spec tells them apart that way, as
    # editors do); read them as the spec says.
    converter = lsp_client.protocol._converter

    def code_action_or_command(obj: Any, _: type) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(obj.get("command"), str) else types.CodeAction
        return converter.structure(obj, kind)  # type: ignore[no-any-return]

    converter.register_structure_hook(Union[types.Command, types.CodeAction], code_action_or_command)
    lsp_client.registrations = []  # type: ignore[attr-defined]

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations += params.registrations  # type: ignore[attr-defined]

    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri()))
    yield
    await lsp_client.shutdown_session()


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    return list(client.diagnostics[uri])


def _open(client: LanguageClient, name: str, text: str) -> str:
    uri = (client.root / name).as_uri()  # type: ignore[attr-defined]
    (client.root / name).write_text(text, encoding="utf-8")  # type: ignore[attr-defined]
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    return uri


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions) to a text, as an editor would."""
    lines = text.split("\n")

    def offset(p: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: p.line])
        return before + from_units(lines[p.line], p.character)

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


def _by_code(diagnostics: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in diagnostics}


@pytest.mark.slow
@pytest.mark.asyncio
async def test_session_diagnostics_fix_add_row_hover(client: LanguageClient) -> None:
    uri = _open(client, "article.md", DOC)
    found = _by_code(await _diagnostics(client, uri))
    assert set(found) == {"GL202", "GL102"}

    # The forbidden form's range counts UTF-16 code units: each rocket is two.
    forbidden = found["GL202"]
    assert forbidden.range == types.Range(start=types.Position(line=0, character=15),
                                          end=types.Position(line=0, character=25))
    assert forbidden.severity == types.DiagnosticSeverity.Error and forbidden.source == "glossary"
    assert "use 'Wang Yaping'" in forbidden.message

    # Hover on 王亚平 (line 1) shows its row.
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=14)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert all(part in hover.contents.value for part in ("王亚平", "Wang Yaping", "Wáng Yàpíng", "taught a class"))
    assert hover.range == types.Range(start=types.Position(line=1, character=13),
                                      end=types.Position(line=1, character=16))

    # The fix for the forbidden form: apply it, and its diagnostic goes.
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=forbidden.range,
        context=types.CodeActionContext(diagnostics=[forbidden])))
    fixes = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.edit is not None]
    assert [a.title for a in fixes] == ["Replace 'Wang Yapin' with 'Wang Yaping'"]
    assert fixes[0].is_preferred and fixes[0].kind == types.CodeActionKind.QuickFix
    change = fixes[0].edit.document_changes[0]  # type: ignore[index, union-attr]
    assert isinstance(change, types.TextDocumentEdit)
    fixed = _apply(DOC, list(change.edits))  # type: ignore[arg-type]
    assert fixed.splitlines()[0] == "🚀🚀 Astronaut Wang Yaping waved."
    _change(client, uri, 2, fixed)
    assert set(_by_code(await _diagnostics(client, uri))) == {"GL102"}

    # "Add a row" for the unknown name writes the table; the server reloads it and the diagnostic goes.
    unknown = _by_code(list(client.diagnostics[uri]))["GL102"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=unknown.range,
        context=types.CodeActionContext(diagnostics=[unknown])))
    add = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.command is not None]
    assert [a.title for a in add] == ["Add a row for 赵明远 (Zhao Mingyuan) to terms.csv"]
    command = add[0].command
    assert command is not None
    published = asyncio.ensure_future(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS))
    written = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=command.command, arguments=command.arguments))
    assert written["zh"] == "赵明远"
    await asyncio.wait_for(published, 30)
    assert list(client.diagnostics[uri]) == []
    rows = {t.zh: t for t in read_table(client.root / "terms.csv")}  # type: ignore[attr-defined]
    assert rows["赵明远"].en == "Zhao Mingyuan" and rows["赵明远"].pinyin == "Zhào Míngyuǎn"
    assert rows["赵明远"].note == ORIGINS["text"] == written["note"]  # where its English came from


@pytest.mark.slow
@pytest.mark.asyncio
async def test_session_offers_an_unsafe_fix_but_does_not_prefer_it(client: LanguageClient) -> None:
    uri = _open(client, "gloss.md", "Astronaut Tianwen-3 (王亚平) spoke.\n")
    (mismatch,) = await _diagnostics(client, uri)
    assert mismatch.code == "GL101"
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=mismatch.range,
        context=types.CodeActionContext(diagnostics=[mismatch])))
    assert [(a.title, a.is_preferred) for a in actions or [] if isinstance(a, types.CodeAction)] == [
        ("Replace '王亚平' with '天问三号' (unsafe: check the text against the Chinese)", False)]


@pytest.mark.slow
@pytest.mark.asyncio
async def test_session_reloads_the_table_when_it_changes(client: LanguageClient) -> None:
    uri = _open(client, "note.md", "Zhao Mingyuan (赵明远) spoke.\n")
    assert [str(d.code) for d in await _diagnostics(client, uri)] == ["GL102"]
    # The server asked the client to watch the table.
    watched = [w["globPattern"] for r in client.registrations  # type: ignore[attr-defined]
               for w in r.register_options["watchers"]]
    table = client.root / "terms.csv"  # type: ignore[attr-defined]
    assert table.as_posix() in watched
    table.write_text(TABLE + "zhao-mingyuan,赵明远,Zhao Mingyuan,,,,person,\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=table.as_uri(), type=types.FileChangeType.Changed)]))
    assert await _diagnostics(client, uri) == []
    # A table that no longer loads: the server says so and keeps the last good one.
    table.write_text(TABLE + "broken,\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=table.as_uri(), type=types.FileChangeType.Changed)]))
    assert await _diagnostics(client, uri) == []
    assert any("terms.csv" in m.message and m.type == types.MessageType.Error for m in client.messages)


@pytest.mark.slow
@pytest.mark.asyncio
async def test_session_skips_code_chinese_text_and_suppressed_lines(client: LanguageClient) -> None:
    uri = _open(client, "code.md", "Use `Wang Yapin` in code only.\n\n```\nWang Yapin\n```\n")
    assert await _diagnostics(client, uri) == []
    uri = _open(client, "zh.md", "王亚平在天宫空间站给学生们授课。Wang Yapin\n")
    assert await _diagnostics(client, uri) == []
    uri = _open(client, "quote.md", "<!-- glossary-ignore-next-line GL202 -->\nHe wrote “Wang Yapin” then.\n")
    assert await _diagnostics(client, uri) == []
    # The same name outside code, in English and unsuppressed, is reported: the skips above are skips.
    uri = _open(client, "plain.md", "He wrote “Wang Yapin” then.\n")
    assert [str(d.code) for d in await _diagnostics(client, uri)] == ["GL202"]


def test_lsp_command_without_pygls_is_a_usage_error(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from glossary.cli import main

    for name in [m for m in sys.modules if m == "pygls" or m.startswith("pygls.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "glossary.lsp", raising=False)
    assert main(["lsp"]) == 2
    assert "pip install 'zhen-glossary[lsp]'" in capsys.readouterr().err


def test_a_settings_error_survives_loading_the_table(tmp_path: Path) -> None:
    from glossary.project import Project

    (tmp_path / "pyproject.toml").write_text("[tool.glossary]\nselect = 5\n", encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("zh,en\n北京,Beijing\n", encoding="utf-8")
    project = Project(tmp_path, str(table))
    assert project.glossary is not None and project.glossary.lookup("北京") is not None
    assert project.error is not None and "select" in project.error
