"""An OpenAI-compatible chat server on 127.0.0.1 for tests and the bench, scripted per test.

Real sockets, real HTTP/1.1, JSON and SSE streaming (chunked), so the real ``openai``
client is exercised end to end (respx cannot mock openai 3.x, which uses httpx2).
Each request takes the first scripted :class:`Reply` or :class:`Status` whose ``when``
matches its last user message; faults are plain data: ``delay`` (slow reply),
``stall_after`` (a stream that stops sending), ``cut`` (no finish_reason, no [DONE]),
``reasoning`` (``reasoning_content`` deltas) …

Socket settings from TECH.md §3: ``disable_nagle_algorithm`` (else Nagle + delayed ACK
costs 44 ms a request) and ``request_queue_size = 128`` (else SYN drops under load).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal


@dataclass
class Reply:
    """A chat completion, streamed or not (as the request asks)."""

    text: str = ""
    chunks: list[str] | None = None
    """How to split ``text`` into deltas; default: pieces of 6 characters."""
    finish_reason: str | None = "stop"
    reasoning: str = ""
    """Sent first as ``reasoning_content`` deltas (DeepSeek style)."""
    usage: dict[str, int] | None = field(
        default_factory=lambda: {"prompt_tokens": 120, "completion_tokens": 60, "total_tokens": 180}
    )
    delay: float = 0.0
    """Seconds before the response starts (a slow server)."""
    chunk_delay: float = 0.0
    stall_after: int | None = None
    """Stop sending after this many deltas and wait ``stall`` seconds (or until
    :meth:`FakeOpenAI.resume`: a test that looks at the partial text lets it go on)."""
    stall: float = 0.0
    cut: Literal["eof", "abort"] | None = None
    """End the stream after the deltas without finish_reason or [DONE]: ``eof`` ends the
    body cleanly, ``abort`` drops the connection mid-body."""
    when: str | None = None
    """Only for requests whose last user message contains this text."""

    def deltas(self) -> list[str]:
        if self.chunks is not None:
            return self.chunks
        return [self.text[i : i + 6] for i in range(0, len(self.text), 6)]


@dataclass
class Status:
    """An HTTP error response."""

    status: int
    message: str = "error"
    code: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    when: str | None = None


Script = Reply | Status
Responder = Callable[[dict[str, Any]], Script]


@dataclass
class Seen:
    """One request the server received."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, str]]:
        messages: list[dict[str, str]] = self.body.get("messages", [])
        return messages

    @property
    def last_user(self) -> str:
        return next((m["content"] for m in reversed(self.messages) if m["role"] == "user"), "")


class FakeOpenAI:
    """The server: start it, script it, read what it saw."""

    def __init__(self, models: tuple[str, ...] = ("fake-model",)) -> None:
        self.models = list(models)
        self.script: list[Script] = []
        self.responder: Responder | None = None
        self.requests: list[Seen] = []
        self.timings: list[float] = []
        """Seconds each chat request took to answer, as the server saw it."""
        self.in_flight = 0
        self.max_in_flight = 0
        """Most chat requests being answered at the same moment (concurrency seen)."""
        self.streamed: list[int] = []
        """Content deltas sent so far, one count per streamed reply."""
        self.stopping = threading.Event()
        self.resumed = threading.Event()
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"fake": self})
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def resume(self) -> None:
        """End every stall now and from now on."""
        self.resumed.set()

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def add(self, *entries: Script) -> None:
        with self._lock:
            self.script.extend(entries)

    def chat_requests(self) -> list[Seen]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def next_for(self, body: dict[str, Any]) -> Script:
        seen_user = next(
            (m["content"] for m in reversed(body.get("messages", [])) if m["role"] == "user"), ""
        )
        with self._lock:
            for i, entry in enumerate(self.script):
                if entry.when is None or entry.when in seen_user:
                    return self.script.pop(i)
        if self.responder is not None:
            return self.responder(body)
        return Status(500, "no scripted reply left for this request")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (timeout, cancel) is expected here, not an error."""


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAI
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib name)
        return None

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            data = [
                {"id": m, "object": "model", "created": 0, "owned_by": "fake"}
                for m in self.fake.models
            ]
            self._json(200, {"object": "list", "data": data})
        else:
            self._json(404, {"error": {"message": "not found", "code": "not_found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            body = {}
        self.fake.requests.append(Seen(self.path, dict(self.headers.items()), body))
        if not self.path.endswith("/chat/completions"):
            self._json(404, {"error": {"message": f"no route {self.path}", "code": "not_found"}})
            return
        entry = self.fake.next_for(body)
        started = time.perf_counter()
        with self.fake._lock:
            self.fake.in_flight += 1
            self.fake.max_in_flight = max(self.fake.max_in_flight, self.fake.in_flight)
        try:
            self._answer(entry, body)
        finally:
            with self.fake._lock:
                self.fake.in_flight -= 1
                self.fake.timings.append(time.perf_counter() - started)

    def _answer(self, entry: Script, body: dict[str, Any]) -> None:
        if entry.delay and self.fake.stopping.wait(entry.delay):
            return
        if isinstance(entry, Status):
            error = {"message": entry.message, "type": "error", "code": entry.code}
            self._json(entry.status, {"error": error}, entry.headers)
        elif body.get("stream"):
            include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
            self._stream(entry, body.get("model", ""), include_usage)
        else:
            self._complete(entry, body.get("model", ""))

    # ---------------------------------------------------------------- responses

    def _json(self, status: int, data: object, headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(payload)

    def _complete(self, reply: Reply, model: str) -> None:
        message: dict[str, Any] = {"role": "assistant", "content": reply.text}
        if reply.reasoning:
            message["reasoning_content"] = reply.reasoning
        self._json(
            200,
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason}],
                "usage": reply.usage,
            },
        )

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _event(self, model: str, choices: list[dict[str, Any]], **extra: Any) -> None:
        data = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": model,
            "choices": choices,
            **extra,
        }
        self._chunk(f"data: {json.dumps(data, ensure_ascii=False)}\n\n".encode())

    def _stalled(self, seconds: float) -> bool:
        """Wait ``seconds`` or until resumed; True when the server is stopping."""
        deadline = time.monotonic() + seconds
        while not self.fake.resumed.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            if self.fake.stopping.wait(min(left, 0.02)):
                return True
        return False

    def _stream(self, reply: Reply, model: str, include_usage: bool) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        for piece in _pieces(reply.reasoning):
            self._event(
                model, [{"index": 0, "delta": {"reasoning_content": piece}, "finish_reason": None}]
            )
        with self.fake._lock:
            slot = len(self.fake.streamed)
            self.fake.streamed.append(0)
        for i, piece in enumerate(reply.deltas()):
            if reply.stall_after is not None and i == reply.stall_after:
                if self._stalled(reply.stall):
                    return
            delta = {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
            self._event(model, [{"index": 0, "delta": delta, "finish_reason": None}])
            self.fake.streamed[slot] += 1
            if reply.chunk_delay:
                time.sleep(reply.chunk_delay)
        if reply.cut == "abort":
            self.close_connection = True
            self.wfile.flush()
            self.connection.shutdown(2)
            return
        if reply.cut is None:
            self._event(model, [{"index": 0, "delta": {}, "finish_reason": reply.finish_reason}])
            if include_usage and reply.usage is not None:
                self._event(model, [], usage=reply.usage)
            self._chunk(b"data: [DONE]\n\n")
        self._chunk(b"")


def _pieces(text: str, size: int = 6) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]
