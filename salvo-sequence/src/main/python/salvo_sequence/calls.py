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

from . import tm

_count = itertools.count(1)


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
    out = io.StringIO()
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
        return {"ok": False, "error": traceback.format_exc(), "output": out.getvalue()}
    value = _plain(value)
    try:
        json.dumps([value, reported], allow_nan=False)
    except (TypeError, ValueError):
        return {"ok": False, "output": out.getvalue(),
                "error": "returned %r, which is not a JSON value (use numbers, strings, booleans, None, "
                         "lists and dicts)" % (value,)}
    return {"ok": True, "value": value, "reported": reported, "output": out.getvalue()}


def _plain(value):
    """Tuples become lists, as JSON would make them anyway."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
