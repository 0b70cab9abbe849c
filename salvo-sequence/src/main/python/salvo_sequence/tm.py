"""The helper API of .tum sequences (`import py_func.tm as tm`).

The global dictionary lives in the engine; gd/setgd/delgd ask it over the channel. A value
that is not JSON cannot travel: it stays in this process, where later calls on the same
worker (the same context_id) still see it.
"""
import json
import os
import platform
import time

from . import channel

_local = {}
_plots = {}


def _t0():
    return float(os.environ.get("SALVO_SEQ_T0_MS", "0")) / 1000.0


def gd(name, default=None):
    if name in _local:
        return _local[name]
    ch = channel.current()
    if ch is None:
        return default
    value = ch.ask("gd", [name])
    return default if value is None else value


def setgd(name, value):
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        _local[name] = value
        return
    _local.pop(name, None)
    ch = channel.current()
    if ch is not None:
        ch.ask("setgd", [name, value])


def delgd(name):
    _local.pop(name, None)
    ch = channel.current()
    if ch is not None:
        ch.ask("delgd", [name])


def timestamp():
    """Ticks of 0.1 ms since the run started."""
    return int((time.time() - _t0()) * 10000)


def timestamp_as_sec(v=None):
    return (timestamp() if v is None else v) / 10000.0


def init_timestamp():
    os.environ["SALVO_SEQ_T0_MS"] = str(int(time.time() * 1000))


def OS():
    return platform.system()


def text_mode():
    return True


def get_main_dir():
    return os.environ.get("SALVO_SEQ_TEST_DIR", os.getcwd())


def add_plot_values(plot, values):
    """Adds {line: value} to the engine's plot (open by a plot item); kept here without an engine."""
    ch = channel.current()
    if ch is None:
        _plots.setdefault(plot, {}).update(values)
        return
    ch.ask("add_plot_values", [plot, values])


def last_plot_value(plot):
    ch = channel.current()
    if ch is None:
        return dict(_plots.get(plot, {}))
    return ch.ask("last_plot_value", [plot]) or {}


class FunctionItem:
    """Class mode of py_func: subclass it and define exec(self, *params)."""

    def __init__(self):
        self.reported_values = {}

    def reportValue(self, key, value):
        self.reported_values[key] = value

    def exec(self, *params):
        raise NotImplementedError("a FunctionItem must define exec(self, *params)")
