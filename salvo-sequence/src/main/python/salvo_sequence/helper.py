"""The helper's main loop: `python -m salvo_sequence.helper`.

Requests (op): eval (an expression), render (a template), call (a py_func), stop. Every
answer carries the request's `req`.
"""
import json
import math
import os
import platform
import random
import re
import socket
import sys
import time
import traceback
import types

from . import calls, channel, render, tm

EXPRESSION_MODULES = {"os": os, "re": re, "sys": sys, "time": time, "math": math, "json": json,
                      "random": random, "platform": platform, "socket": socket, "traceback": traceback}


def _alias_py_func():
    """Sequence files import the helper API as py_func.tm."""
    pkg = types.ModuleType("py_func")
    pkg.tm = tm
    pkg.__path__ = []
    sys.modules.setdefault("py_func", pkg)
    sys.modules.setdefault("py_func.tm", tm)


def evaluate(expr):
    scope = dict(EXPRESSION_MODULES)
    scope["tm"] = tm
    try:
        value = eval(expr, scope)  # the engine's own expression, from the sequence file it loaded
    except SyntaxError as e:
        return {"ok": False, "error": "syntax error: %s" % e.msg, "syntax": True}
    except Exception as e:
        return {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    value = calls._plain(value)
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return {"ok": True, "value": str(value), "text": True}
    return {"ok": True, "value": value}


def check_syntax(expr):
    try:
        compile(expr, "<expression>", "eval")
    except SyntaxError as e:
        return {"ok": False, "error": "syntax error: %s" % e.msg}
    return {"ok": True}


def literal(text):
    import ast
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return {"ok": False, "error": "not a Python literal"}
    value = calls._plain(value)
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return {"ok": False, "error": "not a JSON value"}
    return {"ok": True, "value": value}


def serve(ch):
    while True:
        request = ch.receive()
        op = request.get("op")
        try:
            if op == "eval":
                answer = evaluate(request["expr"])
            elif op == "literal":
                answer = literal(request["text"])
            elif op == "parse":
                answer = check_syntax(request["expr"])
            elif op == "render":
                answer = render.render(request["template"], request.get("vars") or {})
            elif op == "call":
                answer = calls.call(request)
            elif op == "stop":
                return
            else:
                answer = {"ok": False, "error": "unknown request %r" % op}
        except Exception:
            answer = {"ok": False, "error": traceback.format_exc()}
        answer["ev"] = "answer"
        answer["req"] = request.get("req")
        try:
            ch.send(answer)
        except (TypeError, ValueError):
            ch.send({"ev": "answer", "req": request.get("req"), "ok": False, "error": "the answer is not JSON"})


def main():
    spec = os.environ.get("SALVO_CHANNEL")
    if not spec:
        sys.stderr.write("salvo_sequence.helper: SALVO_CHANNEL is not set; only Salvo starts this helper\n")
        return 2
    _alias_py_func()
    ch = channel.Channel.connect(spec)
    channel.install(ch)
    serve(ch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
