#!/usr/bin/env python3
"""mt_server.py: a LibreTranslate-compatible stand-in for the tests.

Listens on 127.0.0.1 (port 0 = any free port; the chosen port is printed on
stdout as "PORT <n>" once listening). POST /translate takes JSON
{"q": str | [str], "source", "target", "format"} and answers
{"translatedText": str | [str]}, translating word by word with a tiny
built-in test dictionary (words the unit tests use; unknown words pass
through unchanged). POST /shutdown stops the server; it also exits after
--timeout seconds (default 60) so that a failed test never leaves it
running. "source": "fail" answers HTTP 500 (error-path test); POST
/slow/translate answers after 8 s (the --timeout test).
Python standard library only.
"""
import argparse
import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

# es -> en, test vocabulary only
DICT = {
    "el": "the", "la": "the", "los": "the", "las": "the",
    "alcalde": "mayor", "ciudad": "city", "puente": "bridge",
    "nuevo": "new", "nueva": "new", "abrió": "opened", "abre": "opens",
    "río": "river", "sobre": "over", "lluvia": "rain", "fuerte": "heavy",
    "cerró": "closed", "escuelas": "schools", "tres": "three",
    "días": "days", "durante": "for", "museo": "museum",
    "visitantes": "visitors", "recibió": "received", "ayer": "yesterday",
    "biblioteca": "library", "libros": "books", "compró": "bought",
    "tren": "train", "estación": "station", "llegó": "arrived",
    "tarde": "late", "policía": "police", "investiga": "investigates",
    "robo": "theft", "banco": "bank",
}


def translate(text):
    def one(m):
        w = m.group(0)
        t = DICT.get(w.lower())
        if t is None:
            return w
        return t.capitalize() if w[:1].isupper() else t
    return re.sub(r"\w+", one, text)


class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n)
        if self.path == "/shutdown":
            self.send_response(200)
            self.end_headers()
            threading.Thread(target=self.server.shutdown).start()
            return
        if self.path == "/slow/translate":
            time.sleep(8)
        elif self.path != "/translate":
            self.send_response(404)
            self.end_headers()
            return
        try:
            req = json.loads(body)
        except ValueError:
            self.send_response(400)
            self.end_headers()
            return
        if req.get("source") == "fail":
            self.send_response(500)
            self.end_headers()
            return
        q = req.get("q", "")
        out = [translate(x) for x in q] if isinstance(q, list) \
            else translate(q)
        data = json.dumps({"translatedText": out}).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()
    srv = HTTPServer(("127.0.0.1", a.port), H)
    print("PORT %d" % srv.server_address[1], flush=True)
    t = threading.Timer(a.timeout, srv.shutdown)
    t.daemon = True
    t.start()
    srv.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
