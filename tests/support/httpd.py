#!/usr/bin/env python3
"""Loopback HTTP server for the ingest tests (Python 3 standard library).

Listens on 127.0.0.1 on a free port, prints the port on the first line of
stdout, and serves fixed test routes until it is terminated (or after
--lifetime seconds, default 120, so a crashed test never leaves it behind):

  /page.html      200 text/html; charset=utf-8, a small article
  /page.txt       200 text/plain; charset=utf-8
  /gzip.html      the page gzip-compressed (Content-Encoding: gzip)
  /latin1.html    200 text/html; charset=iso-8859-1, Latin-1 bytes
  /ua             200 text/html echoing the User-Agent header
  /chain/N        302 to /chain/N-1, /chain/0 serves the page
  /loop           302 to itself
  /tofile         302 to file:///etc/passwd
  /toftp          302 to ftp://127.0.0.1/x
  /status/N       the status N with a small HTML body
  /slow           waits 10 s before answering
  /endless        200 text/html, streams bytes until the client leaves
  /biglength      200 with Content-Length: 10 GB (sends a few bytes)
"""
import argparse
import gzip
import http.server
import sys
import threading
import time

ARTICLE = (
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Harbour bridge reopens after repairs | Test Gazette</title>"
    "<meta property=\"og:site_name\" content=\"Test Gazette\">"
    "<meta property=\"article:published_time\" content=\"2024-05-06T08:30:00Z\">"
    "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
    "<article><h1>Harbour bridge reopens after repairs</h1>"
    "<p>The old harbour bridge reopened on Monday after eight months of "
    "repairs, the city council said, and the first buses crossed it at dawn.</p>"
    "<p>Engineers replaced 140 steel cables and repainted the towers, which "
    "had rusted badly during the storms of the previous two winters.</p>"
    "<p>Traffic is expected to return to normal by the end of the week, "
    "according to the transport office, which thanked residents for their "
    "patience.</p></article><footer>Copyright Test Gazette</footer>"
    "</body></html>")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    editions = 0  # requests of /edition so far

    def log_message(self, fmt, *args):  # keep test output quiet
        pass

    def send_body(self, status, ctype, body, extra=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where):
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        p = self.path
        if p == "/page.html":
            self.send_body(200, "text/html; charset=utf-8", ARTICLE.encode())
        elif p == "/edition":
            # a story that changes between fetches: the n-th request says
            # the council approved 11 + n parks (session 13, fresh-user
            # M20: --save kept only the last version of a URL)
            Handler.editions += 1
            body = ("<html><head><title>Parks</title></head><body><article>"
                    "<p>The council approved %d new parks on Monday, the "
                    "mayor said at the town hall.</p></article></body>"
                    "</html>" % (11 + Handler.editions)).encode()
            self.send_body(200, "text/html; charset=utf-8", body)
        elif p == "/page.txt":
            self.send_body(200, "text/plain; charset=utf-8",
                           b"A plain headline\n\nFirst paragraph of the "
                           b"text, long enough to be a paragraph.\n")
        elif p == "/gzip.html":
            body = gzip.compress(ARTICLE.encode())
            self.send_body(200, "text/html; charset=utf-8", body,
                           {"Content-Encoding": "gzip"})
        elif p == "/latin1.html":
            self.send_body(200, "text/html; charset=iso-8859-1",
                           ARTICLE.replace("Monday", "Montag f\u00fcr")
                           .encode("latin-1"))
        elif p == "/ua":
            ua = self.headers.get("User-Agent", "")
            body = ("<html><body><article><p>The client identified itself "
                    "as %s in its request to this server.</p></article>"
                    "</body></html>" % ua).encode()
            self.send_body(200, "text/html; charset=utf-8", body)
        elif p.startswith("/chain/"):
            n = int(p.split("/")[2])
            if n <= 0:
                self.send_body(200, "text/html; charset=utf-8",
                               ARTICLE.encode())
            else:
                self.redirect("/chain/%d" % (n - 1))
        elif p == "/loop":
            self.redirect("/loop")
        elif p == "/tofile":
            self.redirect("file:///etc/passwd")
        elif p == "/toftp":
            self.redirect("ftp://127.0.0.1/x")
        elif p.startswith("/status/"):
            n = int(p.split("/")[2])
            self.send_body(n, "text/html; charset=utf-8",
                           b"<html><body><p>status page</p></body></html>")
        elif p == "/slow":
            time.sleep(10)
            self.send_body(200, "text/html; charset=utf-8", ARTICLE.encode())
        elif p == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"endless text " * 500 + b"</p>\n"
            try:
                while True:
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass
            self.close_connection = True
        elif p == "/biglength":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(10 * 1000 ** 3))
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                self.wfile.write(b"<html><body>")
            except OSError:
                pass
            self.close_connection = True
        else:
            self.send_body(404, "text/plain", b"not found")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lifetime", type=float, default=120.0)
    args = ap.parse_args()
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    print(srv.server_address[1], flush=True)
    timer = threading.Timer(args.lifetime, srv.shutdown)
    timer.daemon = True
    timer.start()
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
