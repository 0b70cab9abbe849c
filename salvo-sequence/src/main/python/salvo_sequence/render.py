"""Whole-file templating with Jinja2, and the map from rendered lines back to source lines."""
import re


def render(template, variables):
    import jinja2  # only files that use templating need it

    env = jinja2.Environment(undefined=jinja2.Undefined, keep_trailing_newline=True)
    try:
        text = env.from_string(template).render(**variables)
    except jinja2.TemplateSyntaxError as e:
        return {"ok": False, "error": "template error: " + str(e.message), "line": e.lineno}
    except jinja2.TemplateError as e:
        return {"ok": False, "error": "template error: " + str(e), "line": 1}
    return {"ok": True, "text": text, "lines": line_map(template, text)}


_EXPR = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")


def _pattern(line):
    """A source line as a regex over its rendered forms: each {{ }} may become anything."""
    parts = _EXPR.split(line)
    return re.compile(".*".join(re.escape(p) for p in parts) + r"\Z", re.DOTALL)


def line_map(source, rendered):
    """For each rendered line (from 1), the source line (from 1) it most likely came from.

    Each rendered line goes to the source line whose pattern it matches, the nearest at or
    after the previous one, else the nearest before it (a loop repeating its body). A line
    that matches nothing (blank lines left by {% %}, multi-line values) stays with the
    previous one.
    """
    src = source.split("\n")
    out = rendered.split("\n")
    patterns = [_pattern(line) for line in src]
    meaningful = [bool(_EXPR.sub("", line).strip()) or "{{" in line for line in src]
    mapping = []
    at = 0
    for text in out:
        candidates = [i for i, p in enumerate(patterns)
                      if (meaningful[i] or not text.strip()) and p.match(text)]
        if text.strip() or not candidates:
            forward = [i for i in candidates if i >= at]
            backward = [i for i in candidates if i < at]
            if forward:
                at = forward[0]
            elif backward:
                at = backward[-1] if not text.strip() else min(backward, key=lambda i: (at - i))
        elif candidates:
            forward = [i for i in candidates if i >= at]
            at = forward[0] if forward else at
        mapping.append(at + 1)
    return mapping
