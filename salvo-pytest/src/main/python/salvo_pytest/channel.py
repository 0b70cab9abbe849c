"""The worker's side of Salvo's protocol: JSON lines on a loopback socket, both ways.

The channel is private to Salvo, so nothing a test prints can corrupt it. On a remote host
(ssh) the channel is the connection's stdin and stdout instead ("stdio:<token>"): the worker
keeps them for the protocol and points its own fd 1 at stderr, so test output still cannot
reach the channel. A reader thread
takes what the coordinator sends: `op`s go to a queue the run loop serves from the main
thread (where pytest and the per-test alarm must run), `reply`s wake the thread whose `call`
they answer. If the coordinator goes away (killed, crashed), the socket reaches EOF and
this process exits at once rather than running on as an orphan.
"""
import itertools
import json
import os
import queue
import socket
import sys
import threading

EXIT_COORDINATOR_GONE = 70


class CallFailed(RuntimeError):
    """The coordinator answered a `call` with an error."""


class _PendingCall:
    """One `call` awaiting its reply; `abandoned` is set when its caller stopped waiting."""

    def __init__(self):
        self.done = threading.Event()
        self.reply = None
        self.abandoned = None


class Channel:
    def __init__(self, sock):
        self._sock = sock
        self._send_lock = threading.Lock()
        self._pending_lock = threading.Lock()
        self._pending = {}
        self._requests = itertools.count(1)
        self.ops = queue.Queue()
        self.closing = False
        self._forward_fd = None
        self._replies_fd = None
        self._deferred = b""

    @classmethod
    def connect(cls, spec, mode):
        """spec is "port:token" or "stdio:token", from the SALVO_CHANNEL environment variable."""
        where, token = spec.split(":", 1)
        if where == "stdio":
            sock = reserve_standard_streams()
        else:
            sock = socket.create_connection(("127.0.0.1", int(where)), timeout=30)
            sock.settimeout(None)
            # Messages are small and each one matters now: no Nagle delay waiting for an ACK.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        channel = cls(sock)
        channel.send({"ev": "hello", "token": token, "pid": os.getpid(), "mode": mode})
        channel.start_reader()
        return channel

    def start_reader(self):
        threading.Thread(target=self._read_until_coordinator_leaves, name="salvo-channel",
                         daemon=True).start()

    def send(self, message):
        data = _line(message)
        with self._send_lock:
            if self._deferred:
                data, self._deferred = self._deferred + data, b""
            self._sock.sendall(data)

    def send_with_next(self, message):
        """Sends `message` together with the next one, in one write (a test's result with the next
        test's start): half the writes, and half the wake-ups on the coordinator's side. Whoever
        might end the process, or fork it, before another send must `flush` first."""
        data = _line(message)
        with self._send_lock:
            self._deferred += data

    def flush(self):
        with self._send_lock:
            if self._deferred:
                data, self._deferred = self._deferred, b""
                self._sock.sendall(data)

    def call(self, method, args, if_abandoned=None):
        """Asks the coordinator and blocks this thread until it answers; any thread may call.

        If the wait is interrupted (the per-test alarm, Ctrl-C), `if_abandoned(value)` runs
        on the reader thread when the late answer comes, so it can undo what the answer
        granted (a lock). It must not `call`: only `send`.
        """
        pending = _PendingCall()
        with self._pending_lock:
            req = next(self._requests)
            self._pending[req] = pending
            self._start_replies_reader()
        self.send({"ev": "call", "req": req, "method": method, "args": args})
        try:
            pending.done.wait()
        except BaseException:
            with self._pending_lock:
                answered = pending.done.is_set()
                if not answered:
                    pending.abandoned = if_abandoned or _ignore
            if answered and if_abandoned is not None:
                _run_late(if_abandoned, pending.reply)
            raise
        return _value_of(pending.reply, method)

    def call_without_waiting(self, method, args):
        """Sends a `call` whose answer nobody needs (cleanup from the reader thread)."""
        pending = _PendingCall()
        pending.abandoned = _ignore
        with self._pending_lock:
            req = next(self._requests)
            self._pending[req] = pending
            self._start_replies_reader()
        self.send({"ev": "call", "req": req, "method": method, "args": args})

    def _read_until_coordinator_leaves(self):
        buffered = b""
        try:
            while True:
                chunk = self._sock.recv(65536)
                if not chunk:
                    break
                buffered += chunk
                *lines, buffered = buffered.split(b"\n")
                for line in lines:
                    if line.strip():
                        self._dispatch(line)
        except OSError:
            pass
        if not self.closing:
            os._exit(EXIT_COORDINATOR_GONE)

    def _dispatch(self, line):
        try:
            message = json.loads(line)
        except ValueError:
            sys.stderr.write("salvo: ignoring a malformed line from the coordinator: %r\n" % line[:200])
            return
        if message.get("op") == "reply":
            self._answer(message)
        else:
            self.ops.put(message)

    def forward_replies_to(self, fd):
        """Fork isolation: replies this process did not ask for belong to its child; pass them on."""
        self._forward_fd = fd

    def serve_replies_from(self, fd):
        """In a forked child, whose reader thread did not survive the fork: take replies from `fd`,
        from its first `call` on (most children never call: a thread each would cost them a
        millisecond, a tenth of a small file's run)."""
        self._replies_fd = fd

    def _start_replies_reader(self):
        """Under the pending lock: the child's reader of replies, at its first call."""
        fd, self._replies_fd = self._replies_fd, None
        if fd is None:
            return

        def read():
            with os.fdopen(fd, "rb") as pipe:
                for line in pipe:
                    self._answer(json.loads(line))
        threading.Thread(target=read, name="salvo-replies", daemon=True).start()

    def _answer(self, reply):
        with self._pending_lock:
            pending = self._pending.pop(reply.get("req"), None)
            if pending is None:
                if self._forward_fd is not None:
                    os.write(self._forward_fd, (json.dumps(reply) + "\n").encode("ascii"))
                return
            pending.reply = reply
            pending.done.set()
            late = pending.abandoned
        if late is not None:
            _run_late(late, reply)


_standard_streams = None


def reserve_standard_streams():
    """Takes stdin and stdout for a "stdio:" channel, once; before pytest's capture swaps fd 1.

    Called when the plugin is imported (pytest imports `-p` plugins before it starts capturing):
    later, fd 1 would be pytest's capture file, not the connection.
    """
    global _standard_streams
    if _standard_streams is None and os.environ.get("SALVO_CHANNEL", "").startswith("stdio:"):
        _standard_streams = _StandardStreams.take()
    return _standard_streams


class _StandardStreams:
    """The process's stdin and stdout as the channel, with a socket's sendall and recv."""

    def __init__(self, read_fd, write_fd):
        self._read_fd = read_fd
        self._write_fd = write_fd

    @classmethod
    def take(cls):
        read_fd, write_fd = os.dup(0), os.dup(1)
        os.dup2(2, 1)  # what tests print goes where the worker's other output goes
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)  # a test reading stdin must not eat the coordinator's messages
        os.close(devnull)
        return cls(read_fd, write_fd)

    def sendall(self, data):
        view = memoryview(data)
        while view:
            view = view[os.write(self._write_fd, view):]

    def recv(self, size):
        return os.read(self._read_fd, size)


def _line(message):
    return (json.dumps(message, ensure_ascii=True) + "\n").encode("ascii")


def _value_of(reply, method):
    if reply.get("ok"):
        return reply.get("value")
    raise CallFailed("coordinator refused %s: %s" % (method, reply.get("error", "no reason given")))


def _run_late(handler, reply):
    if reply.get("ok"):
        try:
            handler(reply.get("value"))
        except Exception as error:  # cleanup is best effort; the reader must survive it
            sys.stderr.write("salvo: cleanup after an abandoned call failed: %s\n" % error)


def _ignore(value):
    pass
