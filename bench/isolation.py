#!/usr/bin/env python3
"""What isolation costs: Salvo's persistent workers against its fork modes and against pytest-xdist.

For the small-files and heavy-import suites of workers.py, interleaved over ROUNDS rounds:
`salvo run --isolation persistent`, `--isolation fork` (a warm worker imports each file, then a
forked child runs its tests), `--isolation fork-test` (a child per test), and `pytest -n N`, all
with the same interpreter and worker count, and plain serial `python -m pytest`. Prints the medians
and the ratios fork/persistent and fork/xdist (the drop-in issue's goals: at most 1.15 and 0.75),
and fork/serial (its small-suite goal for the default mode: at most 0.75).

    python3 bench/isolation.py --rounds 5
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile

import salvo_jar
import workers


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suites", default="small,heavy")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    salvo_jar.add_arguments(parser)
    parser.add_argument("--modes", default="persistent,fork,fork-test",
                        help="Salvo's isolation modes to time (fresh too, if you have the time: a pytest start per file)")
    args = parser.parse_args()
    launcher = salvo_jar.launcher(args.jar)
    xdist = subprocess.run([os.path.join(workers.HERE, "setup-xdist.sh")], check=True, capture_output=True,
                           text=True).stdout.strip()
    xdist_env = dict(os.environ, PYTHONPATH=xdist + os.pathsep + os.environ.get("PYTHONPATH", ""))
    print("python %s, %d workers, %d rounds" % (args.python, args.workers, args.rounds))
    builders = {"small": lambda r: workers.small_suite(r, args.files), "heavy": workers.heavy_suite}
    modes = args.modes.split(",")
    for suite in args.suites.split(","):
        root = tempfile.mkdtemp(prefix="salvo-bench-isolation-%s-" % suite)
        try:
            workers.write(os.path.join(root, "pytest.ini"), "[pytest]\ntestpaths = tests\n")
            builders[suite](root)
            commands = {m: [launcher, "run", "--isolation", m, "-w", str(args.workers), "--store",
                            os.path.join(root, ".salvo-" + m), "--python", args.python] for m in modes}
            xdist_cmd = [args.python, "-m", "pytest", "-n", str(args.workers), "-q", "-p", "no:cacheprovider"]
            serial_cmd = [args.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            for m in modes:
                workers.timed(commands[m], root)  # warm-up: history and the page cache
            times = {m: [] for m in modes + ["xdist", "serial"]}
            for r in range(args.rounds):
                for m in modes:
                    times[m].append(workers.timed(commands[m], root))
                times["xdist"].append(workers.timed(xdist_cmd, root, xdist_env))
                times["serial"].append(workers.timed(serial_cmd, root))
                print("  %s round %d: " % (suite, r + 1) + ", ".join("%s %.2fs" % (k, v[-1]) for k, v in times.items()),
                      flush=True)
            med = {k: statistics.median(v) for k, v in times.items()}
            print("%s: medians " % suite + ", ".join("%s %.2fs" % (k, v) for k, v in med.items()))
            ratios = [("fork", "persistent"), ("fork", "xdist"), ("fork", "serial"), ("fork-test", "persistent"),
                      ("persistent", "xdist"), ("persistent", "serial"), ("fresh", "fork")]
            print("%s: " % suite + ", ".join("%s/%s %.2f" % (a, b, med[a] / med[b]) for a, b in ratios
                                               if a in med and b in med))
        finally:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
