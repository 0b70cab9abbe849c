"""The helper against a fake engine: a loopback server speaking its JSON lines."""
import json
import os
import socket
import subprocess
import sys
import textwrap

import pytest

SRC = os.path.join(os.path.dirname(__file__), "..", "..", "main", "python")


class FakeEngine:
    def __init__(self, tmp_path, dictionary=None):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(1)
        env = dict(os.environ, SALVO_CHANNEL="%d:tok" % self.server.getsockname()[1],
                   PYTHONPATH=os.pathsep.join([os.path.abspath(SRC), str(tmp_path)]))
        self.proc = subprocess.Popen([sys.executable, "-m", "salvo_sequence.helper"], env=env, cwd=str(tmp_path))
        self.conn, _ = self.server.accept()
        self.lines = self.conn.makefile("r")
        hello = json.loads(self.lines.readline())
        assert hello["ev"] == "hello" and hello["token"] == "tok"
        self.dictionary = dictionary if dictionary is not None else {}
        self.req = 0
        self.output = []

    def ask(self, **request):
        self.req += 1
        request["req"] = self.req
        self.conn.sendall((json.dumps(request) + "\n").encode())
        while True:
            message = json.loads(self.lines.readline())
            if message["ev"] == "call":
                name = message["args"][0]
                if message["method"] == "gd":
                    reply = {"ev": "reply", "value": self.dictionary.get(name)}
                elif message["method"] == "setgd":
                    self.dictionary[name] = message["args"][1]
                    reply = {"ev": "reply", "value": None}
                else:
                    self.dictionary.pop(name, None)
                    reply = {"ev": "reply", "value": None}
                self.conn.sendall((json.dumps(reply) + "\n").encode())
                continue
            if message["ev"] == "output":
                self.output.append(message["line"])
                continue
            assert message["req"] == self.req
            return message

    def close(self):
        self.conn.sendall(b'{"op": "stop"}\n')
        assert self.proc.wait(10) == 0
        self.conn.close()
        self.server.close()


@pytest.fixture
def engine(tmp_path):
    e = FakeEngine(tmp_path, {"rate": 3})
    yield e
    e.close()


def test_eval_gives_json_values_and_tuples_become_lists(engine):
    assert engine.ask(op="eval", expr="(1, 'a', None, True)")["value"] == [1, "a", None, True]
    assert engine.ask(op="eval", expr="math.sqrt(16) + len(os.sep)")["value"] == 5.0


def test_eval_reaches_the_dictionary(engine):
    assert engine.ask(op="eval", expr="tm.gd('rate') * 2")["value"] == 6
    assert engine.ask(op="eval", expr="tm.setgd('x', [1])")["ok"]
    assert engine.dictionary["x"] == [1]


def test_eval_errors_are_answers(engine):
    answer = engine.ask(op="eval", expr="1 +")
    assert not answer["ok"] and "syntax" in answer["error"]
    answer = engine.ask(op="eval", expr="1 / 0")
    assert not answer["ok"] and "ZeroDivisionError" in answer["error"]


def test_parse_only_checks(engine):
    assert engine.ask(op="parse", expr="_v == 1")["ok"]
    assert not engine.ask(op="parse", expr="== 1")["ok"]


def test_literal(engine):
    assert engine.ask(op="literal", text="[1, 'a']")["value"] == [1, "a"]
    assert not engine.ask(op="literal", text="hello")["ok"]


def test_render_maps_lines_back_to_the_source(engine):
    template = "a: 1\n{% for i in range(2) %}\nb{{ i }}: {{ rate }}\n{% endfor %}\nc: {{ missing }}\n"
    answer = engine.ask(op="render", template=template, vars={"rate": True})
    assert answer["text"] == "a: 1\n\nb0: True\n\nb1: True\n\nc: \n"
    lines = answer["lines"]
    assert lines[0] == 1
    assert lines[answer["text"].split("\n").index("c: ")] == 5


def test_render_errors_name_their_line(engine):
    answer = engine.ask(op="render", template="a: 1\n{% if %}\n", vars={})
    assert not answer["ok"] and answer["line"] == 2


def test_call_imports_afresh_and_reports(engine, tmp_path):
    (tmp_path / "lib.py").write_text(textwrap.dedent("""
        import py_func.tm as tm
        n = 0
        def f(a):
            global n
            n += 1
            print("hello", a)
            tm.setgd("seen", a)
            return (a, n)
        class K(tm.FunctionItem):
            def exec(self, x):
                self.reportValue("k", x)
                return x
    """))
    first = engine.ask(op="call", file=str(tmp_path / "lib.py"), func="f", params=[5])
    second = engine.ask(op="call", file=str(tmp_path / "lib.py"), func="f", params=[6])
    assert first["value"] == [5, 1] and second["value"] == [6, 1]
    assert engine.output == ["hello 5", "hello 6"]
    assert engine.dictionary["seen"] == 6
    k = engine.ask(op="call", file=str(tmp_path / "lib.py"), func="K", params=[2])
    assert k["value"] == 2 and k["reported"] == {"k": 2}


def test_call_checks_the_signature_and_refuses_non_json(engine, tmp_path):
    (tmp_path / "lib2.py").write_text("def f(a):\n    return {1}\n")
    bad = engine.ask(op="call", file=str(tmp_path / "lib2.py"), func="f", params=[])
    assert not bad["ok"] and "does not take these parameters" in bad["error"]
    nojson = engine.ask(op="call", file=str(tmp_path / "lib2.py"), func="f", params=[1])
    assert not nojson["ok"] and "not a JSON value" in nojson["error"]


def test_the_helper_exits_when_the_engine_goes(tmp_path):
    e = FakeEngine(tmp_path)
    e.lines.close()
    e.conn.close()
    assert e.proc.wait(10) == 70
    e.server.close()
