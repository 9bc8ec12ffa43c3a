#!/usr/bin/env python3
"""A small sentiment scoring service to run beside `formwright serve`.

    python3 examples/sentiment-service/server.py --port 8090

POST /score with {"text": "..."} answers {"score": -1..1, "label": "negative|neutral|positive"}.
GET /stats answers how many requests it has seen and the last idempotency keys; GET /healthz
answers "ok". Only Python's standard library is used.

- SENTIMENT_TOKEN in the environment, when set, is required as `Authorization: Bearer TOKEN`.
- An `Idempotency-Key` header is echoed back; a request repeating a key gets the answer given
  the first time, so a retried call is scored once.
- A body over 64 KiB is refused with 413.
"""

import argparse
import collections
import hmac
import json
import math
import os
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY_BYTES = 64 * 1024
REMEMBERED_KEYS = 1000

ENGLISH = {
    "good": 1.9, "great": 3.1, "excellent": 3.2, "happy": 2.7, "love": 3.2, "thanks": 1.9, "thank": 1.5,
    "helpful": 1.8, "fast": 1.2, "satisfied": 2.0, "recommend": 1.5, "perfect": 2.7, "fine": 0.8,
    "bad": -2.5, "slow": -1.7, "expensive": -1.6, "refund": -1.5, "cancel": -1.8, "angry": -2.3,
    "disappointed": -2.6, "terrible": -3.2, "awful": -3.1, "broken": -2.1, "problem": -1.4,
    "complaint": -2.0, "late": -1.2, "worst": -3.1, "unhappy": -2.3,
}
CHINESE = {
    "满意": 2.3, "喜欢": 2.4, "感谢": 2.2, "推荐": 2.0, "很好": 2.5, "不错": 1.8,
    "失望": -2.6, "生气": -2.6, "退款": -1.6, "投诉": -2.2, "太贵": -2.0, "糟糕": -2.8, "取消": -1.7, "问题": -1.4,
}
NEGATIONS = {"not", "no", "never", "don't", "dont", "isn't", "wasn't", "can't", "cannot", "didn't"}
CHINESE_NEGATIONS = ("不", "没")
WORD = re.compile(r"[A-Za-z']+|[\u4e00-\u9fff]+")


def score_text(text):
    """The text's score from -1 to 1 and its label."""
    total = 0.0
    negate = 0
    for token in WORD.findall(text):
        if token[0].isascii():
            word = token.lower()
            if word in NEGATIONS:
                negate = 3
                continue
            weight = ENGLISH.get(word, 0.0)
            total += -0.8 * weight if negate else weight
            negate = max(0, negate - 1)
        else:
            index = 0
            while index < len(token):
                match = next((w for w in sorted(CHINESE, key=len, reverse=True) if token.startswith(w, index)), None)
                if match is None:
                    index += 1
                    continue
                negated = index > 0 and token[index - 1] in CHINESE_NEGATIONS
                total += -0.8 * CHINESE[match] if negated else CHINESE[match]
                index += len(match)
    score = round(total / math.sqrt(total * total + 15), 4)
    label = "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"
    return score, label


class Stats:
    """What the service has seen, shared by its request threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.scored = 0
        self.answers = collections.OrderedDict()

    def snapshot(self):
        with self.lock:
            return {"requests": self.requests, "scored": self.scored, "idempotency_keys": list(self.answers)}


class Handler(BaseHTTPRequestHandler):
    server_version = "sentiment-service/1"

    def do_GET(self):
        if self.path == "/healthz":
            self.answer(200, "ok")
        elif self.path == "/stats":
            self.answer(200, self.server.stats.snapshot())
        else:
            self.answer(404, {"error": "not found"})

    def do_POST(self):
        stats = self.server.stats
        with stats.lock:
            stats.requests += 1
        if self.path != "/score":
            return self.answer(404, {"error": "not found"})
        token = os.environ.get("SENTIMENT_TOKEN", "")
        if token and not hmac.compare_digest(self.headers.get("Authorization", ""), "Bearer " + token):
            return self.answer(401, {"error": "a valid bearer token is required"})
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return self.answer(400, {"error": "invalid Content-Length"})
        if length < 0:
            return self.answer(400, {"error": "invalid Content-Length"})
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            return self.answer(413, {"error": f"the body is over {MAX_BODY_BYTES} bytes"})
        try:
            body = json.loads(self.rfile.read(length) or b"null")
        except (UnicodeDecodeError, ValueError):
            return self.answer(400, {"error": "the body is not JSON"})
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            return self.answer(400, {"error": 'send {"text": "..."}'})
        key = self.headers.get("Idempotency-Key")
        with stats.lock:
            remembered = stats.answers.get(key) if key else None
        if remembered is None:
            score, label = score_text(body["text"])
            remembered = {"score": score, "label": label}
            with stats.lock:
                stats.scored += 1
                if key:
                    stats.answers[key] = remembered
                    while len(stats.answers) > REMEMBERED_KEYS:
                        stats.answers.popitem(last=False)
        self.answer(200, remembered, key)

    def answer(self, status, body, key=None):
        data = (body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8" if isinstance(body, str) else "application/json")
        self.send_header("Content-Length", str(len(data)))
        if key:
            self.send_header("Idempotency-Key", key)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        sys.stderr.write("%s %s\n" % (self.log_date_time_string(), format % args))


def main():
    parser = argparse.ArgumentParser(description="A small sentiment scoring service.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8090, help="port to listen on; 0 picks a free one (default 8090)")
    options = parser.parse_args()
    # A parent may have blocked these signals; a service must still stop on Ctrl-C and SIGTERM.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    server = ThreadingHTTPServer((options.host, options.port), Handler)
    server.daemon_threads = True
    server.stats = Stats()
    host, port = server.server_address[:2]
    print(f"sentiment service listening on http://{host}:{port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
