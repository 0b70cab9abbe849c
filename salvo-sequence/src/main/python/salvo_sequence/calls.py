"""py_func calls: import the user's file afresh, check the signature, call, report."""
import contextlib
import importlib.util
import inspect
import io
import itertools
import json
import os
import sys
import traceback

from . import channel, tm

_count = itertools.count(1)


class _LiveOutput(io.TextIOBase):
    """The function's prints, sent to the engine line by line as they come (the item's log)."""

    def __init__(self, send):
        self._send = send
        self._partial = ""

    def writable(self):
        return True

    def write(self, text):
        self._partial += text
        while "\n" in self._partial:
            line, self._partial = self._partial.split("\n", 1)
            self._send(line)
        return len(text)

    def flush(self):
        pass

    def close_line(self):
        if self._partial:
            self._send(self._partial)
            self._partial = ""


def load(path):
    """Imports the file under a fresh name, so module state never survives a call."""
    name = "salvo_seq_user_%d" % next(_count)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None:
        raise ImportError("cannot import %s: not a Python file" % path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def call(request):
    path = request["file"]
    func_name = request["func"]
    params = request.get("params") or []
    ch = channel.current()
    out = _LiveOutput((lambda line: ch.send({"ev": "output", "line": line})) if ch is not None else (lambda line: None))
    reported = {}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            module = load(path)
            target = getattr(module, func_name, None)
            if target is None:
                raise AttributeError("%s has no function or class named %r" % (path, func_name))
            if inspect.isclass(target) and issubclass(target, tm.FunctionItem):
                instance = target()
                function = instance.exec
            else:
                instance = None
                function = target
            try:
                inspect.signature(function).bind(*params)
            except TypeError as e:
                raise TypeError("%s(%s) does not take these parameters: %s"
                                % (func_name, ", ".join(map(repr, params)), e)) from None
            except ValueError:
                pass  # builtins without a signature: let the call decide
            value = function(*params)
            if instance is not None:
                reported = dict(instance.reported_values)
    except BaseException as e:  # the user's code may raise anything, SystemExit included
        if isinstance(e, KeyboardInterrupt):
            raise
        out.close_line()
        return {"ok": False, "error": traceback.format_exc()}
    out.close_line()
    value = _plain(value)
    try:
        json.dumps([value, reported], allow_nan=False)
    except (TypeError, ValueError):
        return {"ok": False,
                "error": "returned %r, which is not a JSON value (use numbers, strings, booleans, None, "
                         "lists and dicts)" % (value,)}
    return {"ok": True, "value": value, "reported": reported}


def _plain(value):
    """Tuples become lists, as JSON would make them anyway."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
