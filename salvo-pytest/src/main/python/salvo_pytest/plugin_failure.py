"""A pytest plugin that cannot be loaded (not installed, or raising at import) stops pytest
before any hook runs, with a traceback on stderr. Under Salvo that traceback would repeat for
every file or worker; instead the process says once which plugin failed, on a line Salvo knows
(PREFIX), and exits with pytest's usage status, so that Salvo stops the run with that line.
"""
import os
import sys
import traceback

PREFIX = "salvo: pytest plugin "
EXIT_USAGE = 4


def report_plugin_failures():
    previous = sys.excepthook

    def hook(kind, error, tb):
        name = _failed_plugin(tb)
        if name is None:
            previous(kind, error, tb)
            return
        sys.stderr.write(PREFIX + _sentence(name, error, tb) + "\n")
        sys.stderr.flush()
        os._exit(EXIT_USAGE)

    sys.excepthook = hook


def _failed_plugin(tb):
    """The plugin whose loading the traceback passes through: -p NAME, pytest_plugins, an entry point."""
    for frame, _ in traceback.walk_tb(tb):
        code, names = frame.f_code.co_name, frame.f_locals
        if code == "import_plugin" and isinstance(names.get("modname"), str):
            return names["modname"]
        if code == "load_setuptools_entrypoints" and hasattr(names.get("ep"), "name"):
            return names["ep"].name
    return None


def _sentence(name, error, tb):
    cause = error.__cause__ if isinstance(error, ImportError) and error.__cause__ is not None else error
    if isinstance(cause, ModuleNotFoundError) and cause.name == name.split(".")[0]:
        return '"%s" is not installed for %s (%s); install it, or drop -p %s' % (
            name, sys.executable, _exception(cause), name)
    where = _innermost(tb)
    return '"%s" failed at import: %s%s; fix it, or leave it out with -p no:%s' % (
        name, _exception(cause), " (%s)" % where if where else "", name)


def _exception(error):
    text = str(error).strip().splitlines()
    return "%s: %s" % (type(error).__name__, text[0]) if text else type(error).__name__


def _innermost(tb):
    frames = list(traceback.walk_tb(tb))
    if not frames:
        return ""
    frame, line = frames[-1]
    return "%s:%d" % (os.path.relpath(frame.f_code.co_filename), line)
