#!/usr/bin/env python3
"""Benchmark for the foundation: Salvo's file-per-process runner against its peers, in one run.

Generates a suite of FILES test files, then times, interleaved over ROUNDS rounds so that
machine noise hits every contender alike:
  salvo      salvo run -w 2 (the launcher)          (file per process, 2 workers)
  serial     python -m pytest <file>, one after another (seed 000's model done serially)
  pytest     python -m pytest on the whole suite   (one process, no isolation)
and prints the median wall time of each and the ratios.

usage: bench/foundation.py [--files 60] [--rounds 5] [--jar salvo-cli/target/salvo.jar]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import salvo_jar

HERE = os.path.dirname(os.path.abspath(__file__))

TEST_FILE = '''import time

import pytest


@pytest.mark.parametrize("i", range({tests}))
def test_work(i):
    time.sleep({sleep})
    assert sum(range(100)) == 4950
'''


def generate(root, files, tests, sleep):
    os.makedirs(os.path.join(root, "tests"))
    with open(os.path.join(root, "pytest.ini"), "w") as f:
        f.write("[pytest]\ntestpaths = tests\n")
    for n in range(files):
        with open(os.path.join(root, "tests", "test_gen_%03d.py" % n), "w") as f:
            f.write(TEST_FILE.format(tests=tests, sleep=sleep))


def timed(cmd, cwd):
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("benchmark command failed (%d): %s\n%s" % (done.returncode, " ".join(cmd), done.stderr.decode()[-2000:]))
    return elapsed


def run_serial(python, root):
    start = time.perf_counter()
    for name in sorted(os.listdir(os.path.join(root, "tests"))):
        subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/" + name], cwd=root,
                       stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=60)
    parser.add_argument("--tests", type=int, default=5, help="tests per file")
    parser.add_argument("--sleep", type=float, default=0.01, help="seconds each test sleeps")
    parser.add_argument("--rounds", type=int, default=5)
    salvo_jar.add_arguments(parser)
    args = parser.parse_args()
    launcher = salvo_jar.launcher(args.jar)

    root = tempfile.mkdtemp(prefix="salvo-bench-")
    try:
        generate(root, args.files, args.tests, args.sleep)
        store = os.path.join(root, ".salvo")
        contenders = {
            "salvo -w 2": lambda: timed([launcher, "run", "-w", "2", "--store", store,
                                         "--python", args.python], root),
            "serial per-file pytest": lambda: run_serial(args.python, root),
            "plain pytest": lambda: timed([args.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], root),
        }
        times = {name: [] for name in contenders}
        for r in range(args.rounds):
            for name, run in contenders.items():
                times[name].append(run())
            print("round %d: %s" % (r + 1, ", ".join("%s %.2fs" % (n, t[-1]) for n, t in times.items())), flush=True)
        medians = {name: statistics.median(t) for name, t in times.items()}
        print("\n%d files x %d tests (each sleeping %gs), %d rounds, medians:" % (
            args.files, args.tests, args.sleep, args.rounds))
        for name, m in medians.items():
            print("  %-24s %6.2fs" % (name, m))
        salvo = medians["salvo -w 2"]
        print("ratios: salvo/serial = %.2f, salvo/plain pytest = %.2f" % (
            salvo / medians["serial per-file pytest"], salvo / medians["plain pytest"]))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    

if __name__ == "__main__":
    main()
