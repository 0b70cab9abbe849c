"""Maps pytest's exceptions and reports onto Salvo's failure kinds and outcomes."""
import pytest

MAX_DETAIL = 5000
MAX_OUTPUT = 64 * 1024


class SalvoTestTimeout(BaseException):
    """Raised in the test's thread when --salvo-test-timeout expires.

    A BaseException, so a test's own `except Exception` cannot swallow it.
    """


def failure_kind(excinfo, when):
    """The kind of a failure raised during phase `when` (collect, setup, call, teardown)."""
    if excinfo is None:
        return "OTHER"
    error = excinfo.value
    if isinstance(error, SalvoTestTimeout):
        return "TIMEOUT"
    if when == "collect":
        cause = error.__cause__ if error.__cause__ is not None else error
        if isinstance(cause, SyntaxError):
            return "SYNTAX"
        if isinstance(cause, ImportError):
            return "IMPORT"
        return "COLLECTION"
    if when in ("setup", "teardown"):
        return "FIXTURE"
    if isinstance(error, (AssertionError, pytest.fail.Exception)):
        return "ASSERTION"
    return "OTHER"


def one_line(excinfo, report):
    """A one-line reason: the exception's own first line, else the report's."""
    lookup = getattr(getattr(report, "longrepr", None), "errorstring", None)
    if lookup:  # a missing fixture: pytest's own sentence beats the exception's repr
        return _clip(lookup.strip().splitlines()[0], 300)
    if excinfo is not None:
        try:
            text = excinfo.exconly()
        except Exception:  # a broken __str__ must not lose the result
            text = type(excinfo.value).__name__
        for line in text.splitlines():
            if line.strip():
                return _clip(line.strip(), 300)
    longrepr = getattr(report, "longreprtext", "") or ""
    for line in reversed(longrepr.splitlines()):
        if line.strip():
            return _clip(line.strip(), 300)
    return ""


def detail(report):
    return tail(getattr(report, "longreprtext", "") or "", MAX_DETAIL)


def tail(text, limit):
    if len(text) <= limit:
        return text
    cut = len(text) - limit
    return "[... %d characters cut ...]\n" % cut + text[cut:]


def middle(text, limit):
    if len(text) <= limit:
        return text
    half = limit // 2
    return "%s\n[... %d characters cut ...]\n%s" % (text[:half], len(text) - 2 * half, text[-half:])


def _clip(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe_text(text):
    """Lone surrogates (from undecodable bytes) cannot travel as JSON: replace them."""
    return text.encode("utf-8", "replace").decode("utf-8")


def detail_of_exception(excinfo, limit):
    """The traceback of an error no report holds (a session fixture's teardown at shutdown)."""
    try:
        text = str(excinfo.getrepr(style="long"))
    except Exception:  # a broken __repr__ in a frame must not lose the error
        text = excinfo.exconly()
    return tail(text, limit)
