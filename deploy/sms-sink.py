#!/usr/bin/env python3
"""A stand-in SMS gateway for the local cluster: takes Tongban's POST {to, text} (bearer key) and appends each
message as a JSON line to a file instead of sending it, so that whoever tries the cluster can read the codes.
usage: sms-sink.py PORT FILE KEY"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, path, key = int(sys.argv[1]), sys.argv[2], sys.argv[3]


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.headers.get("Authorization") != "Bearer " + key:
            self.send_response(401)
            self.end_headers()
            return
        body = self.body()
        message = json.loads(body)
        with open(path, "a", encoding="utf-8") as sink:
            sink.write(json.dumps({"to": message["to"], "text": message["text"]}, ensure_ascii=False) + "\n")
        self.send_response(202)
        self.end_headers()

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return self.rfile.read(int(self.headers.get("Content-Length", "0")))
        # .NET's JsonContent streams its body in chunks, without a length.
        chunks = []
        while True:
            size = int(self.rfile.readline().split(b";")[0], 16)
            if size == 0:
                self.rfile.readline()
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Sink).serve_forever()
