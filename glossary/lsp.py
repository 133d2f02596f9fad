"""The language server behind ``glossary lsp``: LSP over stdio, built on pygls.

A thin layer over :func:`glossary.check_text` and the findings' fixes:

* diagnostics for Markdown and plain-text documents on open, change and save
  (a document that is mostly Chinese is a source, not English: no diagnostics,
  as with ``glossary check``);
* code actions: a finding's :class:`~glossary.model.Fix` (its range becomes
  the replacement; unsafe fixes are offered but not preferred), and "add a
  row" for an unknown name, which appends the finding's suggested row to the
  project's table (:func:`add_row`);
* hover on a term shows its row: Chinese, English, pinyin, category, note;
* the table is reloaded when it changes (``workspace/didChangeWatchedFiles``,
  and a modification-time check before every check), and every open
  document is checked again.

The table is, in order: ``glossary lsp --glossary``, the client's
``initializationOptions.glossary``, ``[tool.glossary] glossary`` of the
workspace's pyproject.toml, else the bundled table (which "add a row" never
writes to). ``select``, ``ignore``, ``exclude`` and ``per-file-ignores`` of
``[tool.glossary]`` apply as they do for ``glossary check``, and so do inline
suppressions (``<!-- glossary-ignore-next-line GL201 -->``).

Positions: findings count code points; LSP counts in the position encoding
agreed at initialization, UTF-16 code units unless the client offers
another. :mod:`glossary.lsp_positions` converts (:func:`to_units` and
:func:`from_units` are re-exported here).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .errors import GlossaryError
from .lsp_positions import finding_range, from_units, offsets_range, overlaps, text_lines, text_offset, to_units
from .model import Finding, Term
from .normalize import is_chinese_text
from .project import Project, add_row, term_cells, term_from_cells
from .source import is_markdown

__all__ = ["ADD_ROW_COMMAND", "build_server", "from_units", "serve", "to_units"]

#: The command a client runs for "add a row for this name"; its one argument is the row (a dict of columns).
ADD_ROW_COMMAND = "glossary.addRow"
_TEXT_LANGUAGES = frozenset({"markdown", "plaintext", "text"})
_TEXT_SUFFIXES = (".md", ".markdown", ".txt")
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def _row_from(args: Any) -> Term:
    """The Term in an addRow command's arguments (a list holding one dict of columns, as :func:`glossary.project.term_cells` makes)."""
    data = args[0] if isinstance(args, (list, tuple)) and args else args
    if not isinstance(data, dict) or not data.get("zh") or not data.get("en"):
        raise GlossaryError(f"{ADD_ROW_COMMAND}: expected a row with zh and en, got {data!r}")
    return term_from_cells(data, ADD_ROW_COMMAND)


# -- the server ----------------------------------------------------------------------------------------

@dataclass
class _Checked:
    version: int | None
    lines: list[str]
    findings: list[Finding]


class _Server(LanguageServer):
    def __init__(self, glossary: str | None) -> None:
        from . import __version__

        super().__init__("glossary", __version__)
        self.glossary_arg = glossary
        self.project: Project | None = None
        self.checked: dict[str, _Checked] = {}

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def get_project(self) -> Project:
        if self.project is None:
            root = self.workspace.root_path
            self.project = Project(Path(root) if root else None, self.glossary_arg)
        return self.project

    def check(self, uri: str) -> _Checked:
        from .check import check_text

        doc = self.workspace.get_text_document(uri)
        project = self.get_project()
        g = project.current()
        text = doc.source
        lines = text_lines(text)
        suffix = Path(doc.path).suffix.lower()
        rules = project.rules_for(doc.path)
        found: list[Finding] = []
        if rules is not None and (doc.language_id in _TEXT_LANGUAGES or suffix in _TEXT_SUFFIXES) \
                and not is_chinese_text(text):
            markdown = is_markdown(doc.path, doc.language_id)
            found = check_text(text, g, markdown=markdown, rules=rules)
        checked = _Checked(doc.version, lines, found)
        self.checked[uri] = checked
        return checked

    def publish(self, uri: str) -> None:
        checked = self.check(uri)
        diagnostics = [self.diagnostic(f, checked.lines) for f in checked.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=checked.version))

    def publish_all(self) -> None:
        for uri in list(self.checked):
            if uri in self.workspace.text_documents:
                self.publish(uri)

    def diagnostic(self, f: Finding, lines: Sequence[str]) -> types.Diagnostic:
        return types.Diagnostic(range=finding_range(f, lines, self.encoding), message=f.message, source="glossary",
                                severity=_SEVERITY[f.severity], code=f.code, data={"rule": f.rule})

    def current(self, uri: str) -> _Checked:
        checked = self.checked.get(uri)
        doc = self.workspace.get_text_document(uri)
        if checked is None or checked.version != doc.version:
            checked = self.check(uri)
        return checked

    def show_error(self, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))


def _actions(ls: _Server, uri: str, wanted: types.Range) -> list[types.CodeAction]:
    checked = ls.current(uri)
    project = ls.get_project()
    doc = ls.workspace.get_text_document(uri)
    actions: list[types.CodeAction] = []
    for f in checked.findings:
        where = finding_range(f, checked.lines, ls.encoding)
        if not overlaps(where, wanted):
            continue
        diagnostic = ls.diagnostic(f, checked.lines)
        if f.fix is not None:
            edit = types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=doc.version),
                edits=[types.TextEdit(range=where, new_text=f.fix.replacement)])
            title = f"Replace {f.found!r} with {f.fix.replacement!r}"
            actions.append(types.CodeAction(
                title=title if f.fix.safe else f"{title} (unsafe: check the text against the Chinese)",
                kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], is_preferred=f.fix.safe,
                edit=types.WorkspaceEdit(document_changes=[edit])))
        if f.suggestion is not None and project.table is not None:
            row = f.suggestion
            title = f"Add a row for {row.zh} ({row.en}) to {project.table.name}"
            actions.append(types.CodeAction(
                title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                command=types.Command(title=title, command=ADD_ROW_COMMAND, arguments=[term_cells(row)])))
    return actions


def _hover(ls: _Server, uri: str, position: types.Position) -> types.Hover | None:
    from .match import find_terms
    from .source import mask

    doc = ls.workspace.get_text_document(uri)
    offset = text_offset(doc.source, position, ls.encoding)
    if offset is None:
        return None
    markdown = is_markdown(doc.path, doc.language_id)
    for m in find_terms(mask(doc.source, markdown=markdown), ls.get_project().current()):
        if m.start <= offset < m.end or (m.start < offset == m.end):
            return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=_term_text(m.term)),
                               range=offsets_range(doc.source, m.start, m.end, ls.encoding))
    return None


def _term_text(t: Term) -> str:
    """A term's row as Markdown for a hover."""
    head = f"**{t.zh}** — **{t.en}**"
    parts = [head, f"pinyin: {t.pinyin}" if t.pinyin else "", f"category: {t.category}" if t.category else ""]
    if t.aliases:
        parts.append("also: " + ", ".join(t.aliases))
    if t.variants:
        parts.append("variants (not preferred): " + ", ".join(t.variants))
    if t.forbidden:
        parts.append("wrong: " + ", ".join(t.forbidden))
    if t.note:
        parts.append(t.note)
    return "\n\n".join(p for p in parts if p)


def build_server(glossary: str | None = None) -> LanguageServer:
    """The language server, not yet started; ``glossary`` overrides the project's table."""
    server = _Server(glossary)

    @server.feature(types.INITIALIZE)
    def initialize(ls: _Server, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if ls.glossary_arg is None and isinstance(options, dict) and isinstance(options.get("glossary"), str):
            ls.glossary_arg = options["glossary"]

    @server.feature(types.INITIALIZED)
    def initialized(ls: _Server, params: types.InitializedParams) -> None:
        project = ls.get_project()
        if project.error:
            ls.show_error(project.error)
        watch = ls.client_capabilities.workspace
        if watch and watch.did_change_watched_files and watch.did_change_watched_files.dynamic_registration:
            globs = [p.as_posix() for p in (project.table, project.config_path) if p is not None]
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="glossary-table", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[types.FileSystemWatcher(glob_pattern=g) for g in globs or ["**/pyproject.toml"]]))]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: _Server, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: _Server, params: types.DidChangeTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: _Server, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: _Server, params: types.DidCloseTextDocumentParams) -> None:
        ls.checked.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                            diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: _Server, params: types.DidChangeWatchedFilesParams) -> None:
        project = ls.get_project()
        changed = {os.path.realpath(to_fs_path(c.uri) or "") for c in params.changes}
        if project.config_path is not None and os.path.realpath(project.config_path) in changed:
            ls.project = None  # the settings changed: read them again
            project = ls.get_project()
        elif project.table is not None and os.path.realpath(project.table) in changed:
            project.reload()
        else:
            return
        if project.error:
            ls.show_error(project.error)
        ls.publish_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: _Server, params: types.CodeActionParams) -> list[types.CodeAction]:
        return _actions(ls, params.text_document.uri, params.range)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: _Server, params: types.HoverParams) -> types.Hover | None:
        return _hover(ls, params.text_document.uri, params.position)

    @server.command(ADD_ROW_COMMAND)
    def add_row_command(ls: _Server, *args: Any) -> dict[str, str] | None:
        project = ls.get_project()
        if project.table is None:
            ls.show_error("glossary: no project table to add to: set [tool.glossary] glossary in pyproject.toml")
            return None
        try:
            written = add_row(project.table, _row_from(list(args)))
        except (GlossaryError, OSError, UnicodeError) as exc:
            ls.show_error(f"glossary: {exc}")
            return None
        project.reload()
        ls.publish_all()
        return term_cells(written)

    return server


def serve(glossary: str | None = None) -> None:
    """Run the language server over stdin and stdout until the client exits."""
    build_server(glossary).start_io()

