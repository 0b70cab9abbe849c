"""Keeps pytest 8+'s directory collectors for the life of a worker.

pytest 8 collects a file argument by walking down from the rootdir, collecting each
directory on the way, which lists all its entries, and it forgets those collectors when
perform_collect returns. Collecting a directory's files one at a time would therefore list
that directory once per file: quadratic, seconds for a few hundred files. Here each
directory is listed once (its other files get collectors but are not imported) and its
report is reused for every later file. pytest 7 collects a file argument directly and
needs none of this.

It wraps two private Session methods. Where they are missing (pytest 7, or a pytest that
renamed them), nothing is wrapped: collection still works, only slower.
"""
import pytest


def keep_directory_collectors(session):
    directory_type = getattr(pytest, "Directory", None)
    collect_path = getattr(session, "_collect_path", None)
    collect_one_node = getattr(session, "_collect_one_node", None)
    if directory_type is None or collect_path is None or collect_one_node is None:
        return
    roots = {}
    reports = {}

    def collect_path_once(path, path_cache):
        return collect_path(path, roots)  # the same root collectors every time

    def collect_directory_once(node, handle_dupes=True):
        if not isinstance(node, directory_type):
            return collect_one_node(node, handle_dupes)
        if node in reports:
            return reports[node], True
        report, duplicate = collect_one_node(node, handle_dupes)
        if report.passed:  # one that failed (its conftest.py) fails again for each file under it
            reports[node] = report
        return report, duplicate

    session._collect_path = collect_path_once
    session._collect_one_node = collect_directory_once
