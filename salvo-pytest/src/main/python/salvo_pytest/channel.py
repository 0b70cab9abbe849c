"""The worker's side of Salvo's protocol: JSON lines on a loopback socket.

The channel is private to Salvo, so nothing a test prints can corrupt it. If the
coordinator goes away (killed, crashed), the socket reaches EOF and this process exits at
once rather than running on as an orphan.
"""
import json
import os
import socket
import threading

EXIT_COORDINATOR_GONE = 70


class Channel:
    def __init__(self, sock):
        self._sock = sock
        self._lock = threading.Lock()
        self.closing = False

    @classmethod
    def connect(cls, spec):
        """spec is "port:token", from the SALVO_CHANNEL environment variable."""
        port, token = spec.split(":", 1)
        sock = socket.create_connection(("127.0.0.1", int(port)), timeout=30)
        sock.settimeout(None)
        channel = cls(sock)
        channel.send({"ev": "hello", "token": token, "pid": os.getpid()})
        threading.Thread(target=channel._exit_when_coordinator_leaves, name="salvo-channel",
                         daemon=True).start()
        return channel

    def send(self, message):
        data = (json.dumps(message, ensure_ascii=True) + "\n").encode("ascii")
        with self._lock:
            self._sock.sendall(data)

    def _exit_when_coordinator_leaves(self):
        try:
            while self._sock.recv(4096):
                pass
        except OSError:
            pass
        if not self.closing:
            os._exit(EXIT_COORDINATOR_GONE)
