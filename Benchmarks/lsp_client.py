#!/usr/bin/env python3
"""Drive `sot-lint lsp` over stdio and time it (Python 3, standard library only).

    python3 Benchmarks/lsp_client.py --bin BIN --workspace DIR --document PATH [--edits N] [--json]

One server process on the workspace DIR (rootUri), one LSP 3.17 session, offering the file watcher
(workspace/didChangeWatchedFiles with dynamic registration) unless --no-watch:
  index     initialized -> the answer to a workspace/symbol request sent right after it (the server
            indexes every document of the folder when initialized, and answers after that)
  open      didOpen of PATH -> its first publishDiagnostics (the initial lint of the workspace
            from nothing: every document read, parsed and checked; the cache in DIR is used as
            `lint` would use it, so delete DIR/.sot-lint-cache first for a cold figure)
  edit      N didChange notifications, one at a time, each an incremental edit that changes the
            document's verdict (a status word toggles between an unknown word and `active`, so
            every edit publishes); each timed from the write of the notification to the read of the
            publishDiagnostics that answers it
  memory    the server's peak resident set (VmHWM of /proc/PID/status) after the edits
It prints one JSON object (--json) or a few lines: open ms, edit median/best/worst ms, peak MB.
Exit status 0 when measured; 1 when the server misbehaves (exits, answers garbage, no diagnostics
within 120 s).
"""

import argparse
import json
import os
import re
import select
import statistics
import subprocess
import sys
import time
import urllib.parse


class Server:
    def __init__(self, binary, root):
        env = dict(os.environ)
        self.process = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, cwd=root, env=env)
        self.pending = b""
        self.next_id = 1

    def send(self, message):
        message = dict(message, jsonrpc="2.0")
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def read(self, timeout=120.0):
        deadline = time.monotonic() + timeout
        while True:
            header_end = self.pending.find(b"\r\n\r\n")
            if header_end >= 0:
                match = re.search(rb"Content-Length: *(\d+)", self.pending[:header_end], re.I)
                if not match:
                    raise SystemExit("lsp_client: a message without Content-Length")
                length = int(match.group(1))
                start = header_end + 4
                if len(self.pending) >= start + length:
                    body = self.pending[start:start + length]
                    self.pending = self.pending[start + length:]
                    return json.loads(body)
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit("lsp_client: no message from the server within %d s" % timeout)
            ready, _, _ = select.select([self.process.stdout], [], [], left)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 1 << 20)
                if not chunk:
                    raise SystemExit("lsp_client: the server closed its output")
                self.pending += chunk

    def wait_for(self, predicate):
        while True:
            message = self.read()
            # A request from the server (client/registerCapability, a refresh): accepted.
            if "method" in message and "id" in message:
                self.send({"id": message["id"], "result": None})
                continue
            if predicate(message):
                return message

    def peak_mb(self):
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
        return float("nan")

    def close(self):
        try:
            self.request("shutdown", None)
            self.send({"method": "exit"})
            self.process.wait(timeout=30)
        except Exception:
            self.process.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--document", required=True)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-watch", action="store_true", help="do not offer the file watcher (each lint looks at the disk)")
    options = parser.parse_args()

    root = os.path.abspath(options.workspace)
    path = os.path.abspath(options.document)
    uri = "file://" + urllib.parse.quote(path)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    # The first `Status: <word>` line: its word is what each edit replaces.
    match = re.search(r"^Status: ([A-Za-z_-]+)", text, re.M)
    if not match:
        raise SystemExit("lsp_client: %s has no `Status:` line to edit" % path)
    line = text.count("\n", 0, match.start(1))
    column = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1)
    word = match.group(1)

    server = Server(options.bin, root)
    capabilities = {"general": {"positionEncodings": ["utf-8"]}}
    if not options.no_watch:
        capabilities["workspace"] = {"didChangeWatchedFiles": {"dynamicRegistration": True}}
    server.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + urllib.parse.quote(root),
                                  "capabilities": capabilities})
    server.wait_for(lambda m: "id" in m and "method" not in m)
    start = time.perf_counter()
    server.send({"method": "initialized", "params": {}})
    # The server indexes the workspace when initialized; a workspace/symbol request is answered after that.
    asked = server.request("workspace/symbol", {"query": "no such issue title"})
    server.wait_for(lambda m: m.get("id") == asked and "method" not in m)
    index_ms = (time.perf_counter() - start) * 1000

    def diagnostics_for_uri(message):
        return message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri

    start = time.perf_counter()
    server.send({"method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    server.wait_for(diagnostics_for_uri)
    open_ms = (time.perf_counter() - start) * 1000

    timings = []
    current = word
    for version in range(2, options.edits + 2):
        replacement = "actve" if current != "actve" else "active"
        edit = {"range": {"start": {"line": line, "character": column},
                          "end": {"line": line, "character": column + len(current)}}, "text": replacement}
        start = time.perf_counter()
        server.send({"method": "textDocument/didChange",
                     "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [edit]}})
        server.wait_for(diagnostics_for_uri)
        timings.append((time.perf_counter() - start) * 1000)
        current = replacement

    peak = server.peak_mb()
    server.close()
    result = {"index_ms": round(index_ms, 1), "open_ms": round(open_ms, 1), "edit_median_ms": round(statistics.median(timings), 2),
              "edit_best_ms": round(min(timings), 2), "edit_worst_ms": round(max(timings), 2),
              "edits": len(timings), "peak_mb": round(peak, 1)}
    if options.json:
        print(json.dumps(result))
    else:
        print("initial index            %.1f ms" % result["index_ms"])
        print("open (first diagnostics) %.1f ms" % result["open_ms"])
        print("edit -> diagnostics      median %.2f ms, best %.2f, worst %.2f (%d edits)"
              % (result["edit_median_ms"], result["edit_best_ms"], result["edit_worst_ms"], len(timings)))
        print("server peak memory       %.1f MB" % result["peak_mb"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
