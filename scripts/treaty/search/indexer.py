"""Pagefind's indexer, driven through its service protocol: one language's records go in as
messages, the index comes back as one message. Pagefind reads and writes no file.

Each message, both ways, is JSON in base64 followed by a comma. Pagefind's own Python wrapper (the
`pagefind` package, whose `get_executable` finds the indexer of the pagefind-bin package) speaks
the same protocol but reads one answer per 0.1 s. Here one thread writes the records and another
reads the answers as they come, so neither side waits on a full pipe, and the process that started
the indexer goes on with its own work meanwhile.

The command-line indexer it replaces read a page per record from disk and wrote a file per page
back (its fragments, which the edition does not publish): on a shared virtual disk, the creating
and removing of those files took longer than the indexing.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterable

NEW_INDEX = 1  # the message id of the first message; the records follow it


class IndexerError(Exception):
    """Pagefind did not index the records (the message says why, for a person)."""


class Indexer:
    """Pagefind, in a process of its own from the moment this is made, indexing as `language`
    the records given to `index`; `files()` waits for the index: {path in the bundle: bytes}.
    `chunk_size`: the index in pieces of about that many entries."""

    def __init__(self, language: str, chunk_size: int | None = None):
        self.language = language
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop) a crash's message (a file: never a full pipe)
        self.process = subprocess.Popen([executable(), "--service"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.errors, env=environment(chunk_size))
        self.changed = threading.Condition()
        self.index_id: int | None = None
        self.result: dict[str, bytes] | None = None
        self.problem: str | None = None
        self.threads: list[threading.Thread] = []

    def index(self, records: Iterable[tuple[str, str]]) -> None:
        """Have Pagefind index `records`: (url, content) pairs, content the words to index."""
        if self.threads:
            raise RuntimeError("an indexer indexes one set of records")
        self.threads = [threading.Thread(target=self.write, args=(records,), daemon=True),
                        threading.Thread(target=self.read, daemon=True)]
        for thread in self.threads:
            thread.start()

    @property
    def indexing(self) -> bool:
        return bool(self.threads)

    # -- the caller's side -------------------------------------------------------------

    def done(self) -> bool:
        """The index or a failure arrived (no wait)."""
        return self.result is not None or self.problem is not None

    def files(self) -> dict[str, bytes]:
        """Wait for the index (of the records given to `index`); IndexerError if there is none."""
        if not self.threads:
            raise RuntimeError("no records to index: Indexer.index first")
        with self.changed:
            self.changed.wait_for(self.done)
        self.stop()
        if self.result is None:
            raise IndexerError(self.problem)
        return self.result

    def stop(self) -> None:
        """End the indexer, done or not (its process, its threads, its files)."""
        if self.result is None:
            self.process.kill()  # failed, or no longer wanted: the writer's next write fails
        writer, reader = self.threads or (None, None)
        if writer is not None:
            writer.join()
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.close()  # at the end of its input, the service ends
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if reader is not None:
            reader.join()
        self.process.stdout.close()
        self.errors.close()

    # -- the threads -------------------------------------------------------------------

    def write(self, records) -> None:
        try:
            self.send(NEW_INDEX, {"type": "NewIndex", "config": {"force_language": self.language}})
            with self.changed:
                self.changed.wait_for(lambda: self.index_id is not None or self.done())
            if self.index_id is None:
                return
            number = NEW_INDEX
            for number, (url, content) in enumerate(records, start=NEW_INDEX + 1):
                self.send(number, {"type": "AddRecord", "index_id": self.index_id, "url": url,
                                   "content": content, "language": self.language})
            self.send(number + 1, {"type": "GetFiles", "index_id": self.index_id})
        except (OSError, ValueError):  # the indexer ended, or was stopped: the reader says why
            pass

    def send(self, number: int, payload: dict) -> None:
        message = json.dumps({"message_id": number, "payload": payload}, ensure_ascii=False)
        self.process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        self.process.stdin.flush()

    def read(self) -> None:
        pieces: list[bytes] = []
        try:
            while chunk := self.process.stdout.read1(1 << 16):
                *ends, rest = chunk.split(b",")
                for end in ends:
                    self.receive(b"".join(pieces) + end)
                    pieces = []
                if rest:
                    pieces.append(rest)
        except Exception as error:  # in a thread: said to the caller, who waits for an outcome
            self.fail(f"its answer could not be read ({type(error).__name__}: {error})")
            return
        self.fail(f"it stopped before the index was complete (exit code {self.process.wait()}){self.said()}")

    def receive(self, message: bytes) -> None:
        payload = json.loads(base64.b64decode(message))["payload"]
        kind = payload.get("type")
        with self.changed:
            if kind == "NewIndex":
                self.index_id = payload["index_id"]
            elif kind == "GetFiles":
                self.result = {item["path"]: base64.b64decode(item["content"]) for item in payload["files"]}
            elif kind == "Error":
                self.problem = self.problem or f"it answered: {payload.get('message')}"
            self.changed.notify_all()

    def fail(self, problem: str) -> None:
        with self.changed:
            if not self.done():
                self.problem = problem
            self.changed.notify_all()

    def said(self) -> str:
        try:
            self.errors.seek(0)
            text = self.errors.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""
        return f": {text[-2000:]}" if text else ""


def executable() -> str:
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise IndexerError("the Pagefind indexer is not installed (pip install -r requirements.txt)")
    return str(found)


def environment(chunk_size: int | None) -> dict:
    values = dict(os.environ)
    values.pop("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", None)
    if chunk_size:
        # Pagefind 1.5 reads the size of its index pieces from this variable only.
        values["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = str(int(chunk_size))
    return values
