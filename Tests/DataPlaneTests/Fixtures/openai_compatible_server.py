#!/usr/bin/env python3
"""A small OpenAI-compatible server for ForwardingBackendTests, standard library only.

Serves /v1/chat/completions (JSON, or SSE when "stream": true), /v1/completions, /v1/embeddings
(floats only, whatever encoding_format says, as Ollama does) and /v1/responses. Behaviour is chosen
per request by path prefixes, so one server can serve concurrent tests:

    /delay/{seconds}/v1/...   wait before answering (before the first byte of a stream)
    /status/{code}/v1/...     answer {code} with an OpenAI-shaped error body
    /text-status/{code}/v1/.. answer {code} with a plain-text body
    ?delay={seconds}          same as /delay/

GET /_last answers the last POST it got: {"path", "headers", "body"}. GET /_events lists what
happened to streams ("stream-complete", "stream-aborted").

Prints "PORT {n}" on stdout once it listens on 127.0.0.1 (port 0: the system picks one).
"""

import json
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOCK = threading.Lock()
LAST = {}
EVENTS = []
EMBEDDING = [0.5, -1.25, 3.0, 0.1]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # bodies end when the connection closes: streams need no framing

    def log_message(self, format, *args):  # keep the test output clean
        pass

    def do_GET(self):
        with LOCK:
            answer = {"/_last": LAST, "/_events": EVENTS}.get(urlsplit(self.path).path)
            body = json.dumps(answer) if answer is not None else None
        if body is None:
            self.send_json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
        else:
            self.send_json(200, json.loads(body))

    def do_POST(self):
        url = urlsplit(self.path)
        segments = [s for s in url.path.split("/") if s]
        delay = float(parse_qs(url.query).get("delay", ["0"])[0])
        status, plain = 200, False
        while len(segments) >= 2 and segments[0] in ("delay", "status", "text-status"):
            if segments[0] == "delay":
                delay = float(segments[1])
            else:
                status, plain = int(segments[1]), segments[0] == "text-status"
            segments = segments[2:]
        route = "/" + "/".join(segments)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {"unparsed": raw.decode("utf-8", "replace")}
        with LOCK:
            LAST.clear()
            LAST.update({"path": url.path, "route": route, "headers": dict(self.headers.items()), "body": body})
        if delay:
            time.sleep(delay)
        if status != 200:
            if plain:
                self.send_text(status, "backend exploded")
            else:
                self.send_json(status, {"error": {"message": "the backend refused this request", "type": "invalid_request_error",
                                                  "param": None, "code": "backend_says_no"}})
            return
        model = body.get("model", "")
        if route == "/v1/chat/completions":
            if body.get("stream"):
                self.stream_chat(model)
            else:
                self.send_json(200, {
                    "id": "chatcmpl-fixture", "object": "chat.completion", "created": 1700000000, "model": model,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello from the fixture."},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 11, "completion_tokens": 5, "total_tokens": 16}})
        elif route == "/v1/completions":
            self.send_json(200, {
                "id": "cmpl-fixture", "object": "text_completion", "created": 1700000000, "model": model,
                "choices": [{"index": 0, "text": "Once upon a time", "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}})
        elif route == "/v1/embeddings":
            inputs = body.get("input", "")
            count = len(inputs) if isinstance(inputs, list) else 1
            self.send_json(200, {
                "object": "list", "model": model,
                "data": [{"object": "embedding", "index": i, "embedding": [v * (i + 1) for v in EMBEDDING]} for i in range(count)],
                "usage": {"prompt_tokens": 2 * count, "total_tokens": 2 * count}})
        elif route == "/v1/responses":
            self.send_json(200, {
                "id": "resp_fixture", "object": "response", "created_at": 1700000000, "status": "completed", "model": model,
                "output": [{"type": "message", "id": "msg_fixture", "role": "assistant", "status": "completed",
                            "content": [{"type": "output_text", "text": "Hi.", "annotations": []}]}],
                "usage": {"input_tokens": 9, "output_tokens": 2, "total_tokens": 11}})
        else:
            self.send_json(404, {"error": {"message": "no route " + route, "type": "invalid_request_error"}})

    def stream_chat(self, model):
        """Three content chunks, the third cut in two writes (a network read may split an event), then [DONE]
        unless the request asked for none (model "no-done"), like a server that just closes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        chunks = []
        for index, word in enumerate(["Hel", "lo", "!"]):
            chunk = {"id": "chatcmpl-fixture", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
                     "choices": [{"index": 0, "delta": {"content": word}, "finish_reason": None}]}
            chunks.append(("data: " + json.dumps(chunk) + "\n\n").encode())
        if model != "no-done":
            chunks.append(b"data: [DONE]\n\n")
        if model == "endless":
            chunks = chunks[:1] + [b": keep-alive\n\n"] * 600
        try:
            for index, chunk in enumerate(chunks):
                if index == 2:
                    self.wfile.write(chunk[:10])
                    self.wfile.flush()
                    time.sleep(0.05)
                    chunk = chunk[10:]
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(0.05)
            outcome = "stream-complete"
        except (BrokenPipeError, ConnectionResetError):
            outcome = "stream-aborted"
        with LOCK:
            EVENTS.append(outcome)

    def send_json(self, status, value):
        self.send_text(status, json.dumps(value), "application/json")

    def send_text(self, status, text, content_type="text/plain"):
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    # A test runner may start us with SIGTERM blocked (an inherited signal mask): unblock it so a
    # plain kill ends us.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT", server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
