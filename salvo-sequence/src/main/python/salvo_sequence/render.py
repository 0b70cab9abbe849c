"""Whole-file templating with Jinja2, and the map from rendered lines back to source lines."""
import difflib


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


def line_map(source, rendered):
    """For each rendered line (from 1), the source line (from 1) it came from."""
    a = source.split("\n")
    b = rendered.split("\n")
    mapping = [1] * len(b)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            if tag == "equal":
                mapping[j] = i1 + (j - j1) + 1
            elif i2 > i1:
                mapping[j] = i1 + min(j - j1, i2 - i1 - 1) + 1
            else:
                mapping[j] = max(1, i1)
    return mapping
