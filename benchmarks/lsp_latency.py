"""How long the language server takes to answer, measured over stdio.

Starts ``glossary lsp`` in a temporary workspace that uses the bundled table,
opens a Markdown document (docs/examples/article.md, or --file, repeated
--copies times), then changes it --repeat times, and prints the median time
from a ``didChange`` to its ``publishDiagnostics``; also the time to the
first diagnostics after ``didOpen`` (which includes building the automata)
and of a hover and a code-action request.

    python benchmarks/lsp_latency.py [--file FILE] [--copies N] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class _Client:
    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "glossary", "lsp"], cwd=cwd,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method: str, params: Any, request: bool = False) -> int | None:
        msg: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            msg["id"] = self.next_id
        body = json.dumps(msg).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return msg.get("id")

    def receive(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        length = 0
        while (line := self.proc.stdout.readline()) not in (b"\r\n", b""):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))  # type: ignore[no-any-return]

    def wait(self, *, method: str | None = None, id: int | None = None) -> dict[str, Any]:
        while True:
            msg = self.receive()
            if (method and msg.get("method") == method) or (id is not None and msg.get("id") == id):
                return msg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=ROOT / "docs" / "examples" / "article.md")
    parser.add_argument("--copies", type=int, default=1, help="repeat the document's text N times")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    text = args.file.read_text(encoding="utf-8") * args.copies
    work = Path(tempfile.mkdtemp(prefix="lsp-bench-"))
    try:
        client = _Client(work)
        rid = client.send("initialize", {"processId": None, "rootUri": work.as_uri(), "capabilities": {}}, True)
        client.wait(id=rid)
        client.send("initialized", {})
        uri = (work / "doc.md").as_uri()
        start = time.perf_counter()
        client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                             "text": text}})
        first = client.wait(method="textDocument/publishDiagnostics")
        opened = time.perf_counter() - start
        changes = []
        for version in range(2, args.repeat + 2):
            start = time.perf_counter()
            client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                   "contentChanges": [{"text": text + " " * version}]})
            client.wait(method="textDocument/publishDiagnostics")
            changes.append(time.perf_counter() - start)
        where = first["params"]["diagnostics"][0]["range"] if first["params"]["diagnostics"] else \
            {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
        timed: dict[str, list[float]] = {"hover": [], "codeAction": []}
        for _ in range(args.repeat):
            for name, method, params in (
                ("hover", "textDocument/hover", {"textDocument": {"uri": uri}, "position": where["start"]}),
                ("codeAction", "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": where,
                                                           "context": {"diagnostics": []}}),
            ):
                start = time.perf_counter()
                client.wait(id=client.send(method, params, True))
                timed[name].append(time.perf_counter() - start)
        client.wait(id=client.send("shutdown", None, True))
        client.send("exit", None)
        client.proc.wait(10)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ms = 1000
    print(f"document: {args.file.name} x{args.copies} ({len(text):,} characters, "
          f"{len(first['params']['diagnostics'])} diagnostics)")
    print(f"didOpen -> first diagnostics (builds the automata): {opened * ms:.0f} ms")
    print(f"didChange -> diagnostics, median of {args.repeat}: {statistics.median(changes) * ms:.1f} ms")
    for name, values in timed.items():
        print(f"{name}, median of {args.repeat}: {statistics.median(values) * ms:.1f} ms")


if __name__ == "__main__":
    main()
