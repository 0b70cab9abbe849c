"""`@salvo_pytest.once`: a session fixture set up once per run, not once per worker.

pytest-xdist runs a session fixture in every worker (its issues #271 and #783). Here the
coordinator picks one worker, the owner, to run the setup; it publishes the value and every
other worker gets that value instead of running the setup. Teardown also runs once, in the
owner, after every worker released the fixture at the end of its session. Without a
coordinator (file mode, plain pytest) it is an ordinary session fixture.
"""
import inspect
import json
import os
import traceback

import pytest

from .shared import shared_for


class OnceSetupFailed(Exception):
    """The owner's setup of a session-once fixture failed; every user fails with it."""


def once(function=None, *, name=None):
    """Use in place of `@pytest.fixture(scope="session")`, as `@once` or `@once(name=...)`.

    In worker mode the value must be JSON-serialisable, and every worker, the owner
    included, gets it as it travelled: the same value whichever worker runs a test.
    `name` identifies the fixture across workers; by default its file, relative to the
    rootdir, and its qualified name: `tests/conftest.py::database`.
    """
    def decorate(fixture_function):
        return _session_once_fixture(fixture_function, name)
    return decorate(function) if function is not None else decorate


def _session_once_fixture(fixture_function, name):
    signature = inspect.signature(fixture_function)
    wants_request = "request" in signature.parameters

    def fixture(**kwargs):
        request = kwargs["request"] if wants_request else kwargs.pop("request")
        shared = shared_for(request.config)
        if shared.distributed:
            key = name or _default_name(fixture_function, request.config.rootpath)
            return (yield from _shared_once(shared.state, key, fixture_function, kwargs))
        value, finish = _start(fixture_function, kwargs)
        yield value
        finish()

    # pytest reads a fixture's arguments from its signature: the user's, plus `request`.
    # No __wrapped__, or pytest would unwrap this back to the user's function.
    fixture.__signature__ = signature if wants_request else _with_request(signature)
    for attribute in ("__name__", "__qualname__", "__module__", "__doc__"):
        setattr(fixture, attribute, getattr(fixture_function, attribute))
    return pytest.fixture(scope="session")(fixture)


def _shared_once(state, key, fixture_function, kwargs):
    role = state.call("once.setup", {"name": key})
    if role.get("role") == "owner":
        value, finish = _set_up_and_publish(state, key, fixture_function, kwargs)
        yield value
        state.call("once.release", {"name": key})
        state.call("once.await_last", {"name": key})
        finish()
        return
    if "error" in role:
        state.call("once.release", {"name": key})
        raise OnceSetupFailed("session-once fixture %s failed in the worker that set it up: %s"
                              % (key, role["error"]))
    yield role.get("value")
    state.call("once.release", {"name": key})


def _set_up_and_publish(state, key, fixture_function, kwargs):
    try:
        value, finish = _start(fixture_function, kwargs)
    except BaseException as error:
        _give_up(state, key, error)
        raise
    try:
        travelled = json.loads(json.dumps(value))
    except (TypeError, ValueError) as error:
        unserialisable = TypeError("session-once fixture %s must give a JSON-serialisable value: %s"
                                   % (key, error))
        _give_up(state, key, unserialisable)
        finish()  # what the setup created must still be cleaned up
        raise unserialisable from None
    state.call("once.publish", {"name": key, "value": travelled})
    return travelled, finish


def _give_up(state, key, error):
    state.call("once.publish", {"name": key, "error": _describe(error)})
    state.call("once.release", {"name": key})


def _start(fixture_function, kwargs):
    """Runs a fixture function's setup; returns its value and the function that tears it down."""
    if not inspect.isgeneratorfunction(fixture_function):
        return fixture_function(**kwargs), _nothing
    generator = fixture_function(**kwargs)
    value = next(generator)

    def finish():
        try:
            next(generator)
        except StopIteration:
            return
        raise ValueError("fixture function %s has more than one 'yield'" % fixture_function.__name__)
    return value, finish


def _default_name(fixture_function, rootdir):
    """The same in every worker, whatever its directory, and distinct for two conftest.py
    files that define a fixture of the same name."""
    path = os.path.abspath(inspect.getsourcefile(fixture_function) or fixture_function.__module__)
    relative = os.path.relpath(path, str(rootdir)) if path.startswith(str(rootdir) + os.sep) else path
    return "%s::%s" % (relative.replace(os.sep, "/"), fixture_function.__qualname__)


def _with_request(signature):
    parameters = list(signature.parameters.values())
    request = inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY)
    if parameters and parameters[-1].kind is inspect.Parameter.VAR_KEYWORD:
        parameters.insert(len(parameters) - 1, request)
    else:
        parameters.append(request)
    return signature.replace(parameters=parameters)


def _describe(error):
    return traceback.format_exception_only(type(error), error)[-1].strip()


def _nothing():
    pass
