"""The coordinator's side of Salvo's worker protocol, small enough to script from a test.

It listens on a real loopback socket, starts a real pytest worker process that connects to
it, records every event the worker sends, answers its `call`s with the handlers a test
gives, and sends the ops a test asks for. Every wait has a deadline, so a broken worker
fails the test instead of hanging it.
"""
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time

WAIT_SECONDS = 60
TOKEN = "test-token"


class WorkerFailed(AssertionError):
    pass


class FakeCoordinator:
    def __init__(self, rootdir, handlers=None):
        self.rootdir = rootdir
        self.handlers = dict(handlers or {})
        self.calls = []
        self.events = []
        self._inbox = queue.Queue()
        self._server = socket.create_server(("127.0.0.1", 0))
        self._conn = None
        self._send_lock = threading.Lock()
        self.process = None
        self._output_path = os.path.join(str(rootdir), ".worker-output")

    @property
    def spec(self):
        return "%d:%s" % (self._server.getsockname()[1], TOKEN)

    def start_worker(self, *pytest_args, worker_mode=True):
        """Starts `python -m pytest ... --salvo-worker` in the rootdir and waits for its hello.

        With worker_mode=False, a file-mode process: pytest_args name the files.
        """
        command = [sys.executable, "-m", "pytest", "-p", "salvo_pytest.plugin", "-p", "no:cacheprovider",
                   *(["--salvo-worker"] if worker_mode else []), *pytest_args]
        env = dict(os.environ, SALVO_CHANNEL=self.spec, PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTEST_ADDOPTS", None)
        with open(self._output_path, "wb") as output:
            self.process = subprocess.Popen(command, cwd=str(self.rootdir), env=env, stdout=output,
                                            stderr=subprocess.STDOUT)
        self._server.settimeout(WAIT_SECONDS)
        try:
            self._conn, _ = self._server.accept()
            self._conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except socket.timeout:
            raise WorkerFailed("the worker never connected\n" + self.output()) from None
        threading.Thread(target=self._read, daemon=True).start()
        hello = self.next_event()
        assert hello["ev"] == "hello" and hello["token"] == TOKEN, hello
        return hello

    def send(self, message):
        with self._send_lock:
            self._conn.sendall((json.dumps(message) + "\n").encode())

    def collect(self, file):
        """Sends `collect` and returns the events up to the following `idle`."""
        self.send({"op": "collect", "file": file})
        return self.until("idle")

    def run(self, file, tests):
        """Sends `run` and returns the events up to the following `idle`."""
        self.send({"op": "run", "file": file, "tests": list(tests)})
        return self.until("idle")

    def shutdown(self):
        """Sends `shutdown`; returns the events up to `session_finished` and the exit status."""
        self.send({"op": "shutdown"})
        events = self.until("session_finished")
        return events, self.wait()

    def wait(self):
        try:
            return self.process.wait(WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            raise WorkerFailed("the worker did not exit\n" + self.output()) from None

    def next_event(self):
        try:
            event = self._inbox.get(timeout=WAIT_SECONDS)
        except queue.Empty:
            raise WorkerFailed("no event from the worker; so far %r\n%s" % (self.events, self.output())) from None
        if event is None:
            raise WorkerFailed("the worker closed the channel; so far %r\n%s" % (self.events, self.output()))
        return event

    def until(self, ev):
        """The events up to and including the next one named `ev`."""
        seen = []
        while True:
            event = self.next_event()
            seen.append(event)
            if event["ev"] == ev:
                return seen

    def output(self):
        """What the worker wrote to its stdout and stderr (complete once it exited)."""
        try:
            with open(self._output_path, encoding="utf-8", errors="replace") as output:
                return output.read()
        except OSError:
            return ""

    def disconnect(self):
        """Ends the connection as a dying coordinator would."""
        self._conn.shutdown(socket.SHUT_RDWR)

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for closable in (self._conn, self._server):
            if closable is not None:
                closable.close()

    def _read(self):
        with self._conn.makefile("rb") as lines:
            for line in lines:
                message = json.loads(line)
                self.events.append(message)
                if message.get("ev") == "call":
                    self.calls.append((message["method"], message["args"]))
                    threading.Thread(target=self._answer, args=(message,), daemon=True).start()
                else:
                    self._inbox.put(message)
        self._inbox.put(None)

    def _answer(self, call):
        handler = self.handlers.get(call["method"])
        if handler is None:
            reply = {"op": "reply", "req": call["req"], "ok": False, "error": "no handler for " + call["method"]}
        else:
            try:
                reply = {"op": "reply", "req": call["req"], "ok": True, "value": handler(**call["args"])}
            except Exception as error:
                reply = {"op": "reply", "req": call["req"], "ok": False, "error": str(error)}
        try:
            self.send(reply)
        except OSError:
            pass


def finished(events):
    """test_finished events by node id."""
    return {e["nodeid"]: e for e in events if e["ev"] == "test_finished"}


def wait_until(condition, seconds=WAIT_SECONDS):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in %ss" % seconds)
        time.sleep(0.02)
