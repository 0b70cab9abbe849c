"""The two-way channel on a real loopback socket: replies find their callers, ops queue up."""
import json
import queue
import random
import signal
import socket
import threading
import time

import pytest

from salvo_pytest.channel import CallFailed, Channel
from salvo_pytest.shared import NamedLock


class Peer:
    """The coordinator's end of one channel, answering calls as the test says."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.conn = None
        self.lines = None
        self.send_lock = threading.Lock()

    def accept(self):
        self.conn, _ = self.server.accept()
        self.lines = self.conn.makefile("rb")
        return self.receive()

    def receive(self):
        return json.loads(self.lines.readline())

    def send(self, message):
        with self.send_lock:
            self.conn.sendall((json.dumps(message) + "\n").encode())

    def reply(self, call, value):
        self.send({"op": "reply", "req": call["req"], "ok": True, "value": value})

    def close(self):
        self.conn.close()
        self.server.close()


@pytest.fixture
def connected():
    peer = Peer()
    hello = []
    accepting = threading.Thread(target=lambda: hello.append(peer.accept()))
    accepting.start()
    channel = Channel.connect("%d:secret" % peer.server.getsockname()[1], "worker")
    accepting.join(10)
    assert hello == [{"ev": "hello", "token": "secret", "pid": hello[0]["pid"], "mode": "worker"}]
    yield channel, peer
    channel.closing = True  # the peer's close is not the coordinator dying
    peer.close()


def test_concurrent_calls_each_get_their_own_reply_while_ops_queue_in_order(connected):
    channel, peer = connected
    threads, calls_per_thread = 16, 20
    incoming = queue.Queue()
    threading.Thread(target=lambda: [incoming.put(peer.receive()) for _ in range(threads * calls_per_thread)],
                     daemon=True).start()
    ops_sent = []

    def answer_out_of_order():
        """Holds calls back and answers them shuffled, with ops in between."""
        pending = []
        answered = 0
        while answered < threads * calls_per_thread:
            try:
                pending.append(incoming.get(timeout=0.02))
                if len(pending) < 8:
                    continue
            except queue.Empty:
                pass
            random.shuffle(pending)
            for call in pending:
                peer.reply(call, call["args"]["n"] * 2)
            answered += len(pending)
            pending.clear()
            peer.send({"op": "run", "seq": len(ops_sent)})
            ops_sent.append(len(ops_sent))
    server = threading.Thread(target=answer_out_of_order, daemon=True)
    server.start()

    wrong = []

    def caller(offset):
        for i in range(calls_per_thread):
            n = offset * 1000 + i
            if channel.call("echo.double", {"n": n}) != 2 * n:
                wrong.append(n)
    callers = [threading.Thread(target=caller, args=(t,)) for t in range(threads)]
    for thread in callers:
        thread.start()
    for thread in callers:
        thread.join(30)
    assert not any(thread.is_alive() for thread in callers)
    assert wrong == []
    server.join(10)
    received = [channel.ops.get(timeout=10)["seq"] for _ in ops_sent]
    assert received == ops_sent


def test_a_refused_call_raises(connected):
    channel, peer = connected
    threading.Thread(target=lambda: peer.send(
        {"op": "reply", "req": peer.receive()["req"], "ok": False, "error": "no such lock"}), daemon=True).start()
    with pytest.raises(CallFailed, match="no such lock"):
        channel.call("lock.release", {"name": "x"})


def test_a_lock_granted_after_its_waiter_gave_up_is_handed_back(connected):
    channel, peer = connected
    lock = NamedLock(channel, "db")
    acquire = []
    threading.Thread(target=lambda: acquire.append(peer.receive()), daemon=True).start()

    def give_up(signum, frame):
        raise TimeoutError("the test's time is up")
    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        with pytest.raises(TimeoutError):
            lock.acquire()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    assert acquire[0]["method"] == "lock.acquire"
    peer.reply(acquire[0], True)  # granted, too late
    handed_back = peer.receive()
    assert (handed_back["method"], handed_back["args"]) == ("lock.release", {"name": "db"})
    # The local half was released when the waiter gave up: the lock can be taken again.
    threading.Thread(target=lambda: peer.reply(peer.receive(), True), daemon=True).start()
    assert lock.acquire(timeout=5)


def test_a_malformed_line_is_ignored(connected):
    channel, peer = connected
    peer.conn.sendall(b"this is not json\n")
    peer.send({"op": "shutdown"})
    deadline = time.monotonic() + 10
    while channel.ops.empty() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert channel.ops.get_nowait() == {"op": "shutdown"}
