#!/usr/bin/env python3
"""What a Salvo run costs before and after its tests: one file of one test, where nothing else counts.

Interleaved over ROUNDS rounds: `salvo --version` (the JVM and the command line alone), `salvo run`
in its default mode and with `--isolation persistent`, and plain `python -m pytest` on the same
file. Prints the medians, and what a run costs over pytest's (Salvo's fixed cost per run).

    python3 bench/startup.py --rounds 10
"""
import argparse
import os
import shutil
import statistics
import tempfile

import salvo_jar
import workers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    salvo_jar.add_arguments(parser)
    args = parser.parse_args()
    launcher = salvo_jar.launcher(args.jar)
    root = tempfile.mkdtemp(prefix="salvo-bench-startup-")
    try:
        workers.write(os.path.join(root, "test_one.py"), "def test_one():\n    assert 1 + 1 == 2\n")
        store = os.path.join(root, ".salvo")
        commands = {
            "version": [launcher, "--version"],
            "run": [launcher, "run", "--store", store, "--python", args.python],
            "persistent": [launcher, "run", "--isolation", "persistent", "--store", store, "--python", args.python],
            "pytest": [args.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        }
        for cmd in commands.values():
            workers.timed(cmd, root)  # warm-up: the page cache, the store
        times = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, cmd in commands.items():
                times[name].append(workers.timed(cmd, root))
        med = {name: statistics.median(t) for name, t in times.items()}
        print("python %s, %d rounds: medians " % (args.python, args.rounds)
              + ", ".join("%s %.3fs" % kv for kv in med.items()))
        print("over pytest: run +%.3fs, persistent +%.3fs; the JVM and the command line alone %.3fs"
              % (med["run"] - med["pytest"], med["persistent"] - med["pytest"], med["version"]))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
