"""The helper's end of the channel: JSON lines on a loopback socket, one request at a time.

The engine sends one request and waits for its answer; while the helper works on it, the
helper may ask the engine (the global dictionary) and read the engine's reply before going on.
Requests therefore never interleave, so a plain blocking reader suffices.
"""
import json
import os
import socket
import sys

EXIT_ENGINE_GONE = 70


class Channel:
    def __init__(self, sock):
        self._sock = sock
        self._in = sock.makefile("r", encoding="utf-8", newline="\n")

    @classmethod
    def connect(cls, spec):
        """spec is "port:token", from the SALVO_CHANNEL environment variable."""
        port, token = spec.split(":", 1)
        sock = socket.create_connection(("127.0.0.1", int(port)), timeout=30)
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        channel = cls(sock)
        channel.send({"ev": "hello", "token": token, "pid": os.getpid()})
        return channel

    def send(self, message):
        data = (json.dumps(message, ensure_ascii=True, allow_nan=False) + "\n").encode("ascii")
        self._sock.sendall(data)

    def receive(self):
        line = self._in.readline()
        if not line:
            # The engine is gone (killed, crashed): never run on as an orphan.
            os._exit(EXIT_ENGINE_GONE)
        return json.loads(line)

    def ask(self, method, args):
        """Asks the engine and returns its answer; only called while serving a request."""
        self.send({"ev": "call", "method": method, "args": args})
        reply = self.receive()
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return reply.get("value")


_current = None


def current():
    return _current


def install(channel):
    global _current
    _current = channel
