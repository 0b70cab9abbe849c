"""What the scheduler needs to know about a test: its group, the group's strategy, its scope.

Groups come from Salvo's own marker and, so suites move over unchanged, from pytest-mp's
and pytest-xdist's. The scope is what --dist loadscope keeps together: the class for a test
in a class, else the module.
"""
import pytest

DEFAULT_STRATEGY = "free"
STRATEGIES = ("free", "serial", "isolated_free", "isolated_serial")

ISOLATIONS = ("persistent", "fork", "fresh")

MARKERS = (
    "salvo_group(name, strategy='free', isolation=None): run this test in group `name` under one of "
    "Salvo's strategies: free, serial, isolated_free, isolated_serial; isolation='fork' (or 'fresh') "
    "runs the group's tests in a process of their own even on persistent workers",
    "mp_group(group, strategy='free'): pytest-mp's group marker, read by Salvo as salvo_group",
    "xdist_group(name): pytest-xdist's group marker, read by Salvo as salvo_group(name, 'serial')",
)


def describe(items):
    """The `items` entries of a `collected` message, in the items' order.

    A group marker without a strategy takes the one another marker of the same group in the
    same file gave (pytest-mp's rule), else 'free'.
    """
    groups = [_group_of(item) for item in items]
    explicit = {}
    for name, strategy in groups:
        if name is not None and strategy is not None:
            explicit.setdefault(name, strategy)
    return [{
        "id": item.nodeid,
        "group": name,
        "strategy": strategy or explicit.get(name, DEFAULT_STRATEGY),
        "scope": scope_of(item),
    } for item, (name, strategy) in zip(items, groups)]


def own_process(items):
    """The ids of the tests whose group asks for a process of their own; an unknown isolation is
    the file's collection error (ValueError), as an unknown strategy is."""
    return frozenset(item.nodeid for item in items if wants_own_process(item))


def wants_own_process(item):
    """True when the test's group asks for isolation='fork' or 'fresh' (salvo_group only)."""
    marker = item.get_closest_marker("salvo_group")
    isolation = marker.kwargs.get("isolation") if marker is not None else None
    if isolation is not None and isolation not in ISOLATIONS:
        raise ValueError("salvo_group: unknown isolation %r (one of %s)" % (isolation, ", ".join(ISOLATIONS)))
    return isolation in ("fork", "fresh")


def scope_of(item):
    in_class = item.getparent(pytest.Class)
    return in_class.nodeid if in_class is not None else item.nodeid.split("::", 1)[0]


def _group_of(item):
    """(name, strategy or None) from the closest group marker; Salvo's wins over the others."""
    marker = item.get_closest_marker("salvo_group")
    if marker is not None:
        return _name_and_strategy(marker, ("name", "group"))
    marker = item.get_closest_marker("mp_group")
    if marker is not None:
        return _name_and_strategy(marker, ("group", "name"))
    marker = item.get_closest_marker("xdist_group")
    if marker is not None:
        name, _ = _name_and_strategy(marker, ("name",))
        return name, "serial"
    return None, None


def _name_and_strategy(marker, name_keywords):
    args = list(marker.args)
    name = args.pop(0) if args else next(
        (marker.kwargs[k] for k in name_keywords if k in marker.kwargs), None)
    strategy = args.pop(0) if args else marker.kwargs.get("strategy")
    if strategy is not None and strategy not in STRATEGIES:
        raise ValueError("%s: unknown group strategy %r (one of %s)"
                         % (marker.name, strategy, ", ".join(STRATEGIES)))
    return (None if name is None else str(name)), strategy
