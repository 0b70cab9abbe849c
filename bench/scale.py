#!/usr/bin/env python3
"""Benchmark at scale: many tiny tests, where Salvo's own cost per test is what shows.

Suite (generated in a temporary directory): FILES files of TESTS tiny parametrized tests each
(default 100 x 1000 = 100 000 tests).

Interleaved over ROUNDS rounds: plain serial `python -m pytest`, `pytest -n WORKERS` (xdist from
Debian's python3-pytest-xdist, see setup-xdist.sh) and `salvo run --isolation persistent -w
WORKERS`. Prints the medians, Salvo's parallel efficiency (serial wall / (workers x Salvo wall)),
the coordinator's peak resident memory (VmHWM of Salvo's JVM) and the time Salvo spends outside
its run (JVM start-up, discovery, and saving the run: wall minus the run's own makespan).

Several --jar compare builds, interleaved within each round, each with a store of its own (all run
with this checkout's launcher and its JVM options):

    python3 bench/scale.py --no-xdist --jar /tmp/salvo-before.jar --jar salvo-cli/target/salvo.jar

usage: bench/scale.py [--rounds 3] [--files 100] [--tests 1000] [--workers 2] [--no-xdist] [--jar JAR ...]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import salvo_jar

HERE = os.path.dirname(os.path.abspath(__file__))


def write_suite(root, files, tests):
    os.makedirs(os.path.join(root, "tests"))
    with open(os.path.join(root, "pytest.ini"), "w") as f:
        f.write("[pytest]\ntestpaths = tests\n")
    for n in range(files):
        with open(os.path.join(root, "tests", "test_scale_%03d.py" % n), "w") as f:
            f.write("import pytest\n\n\n@pytest.mark.parametrize('i', range(%d))\n"
                    "def test_tiny(i):\n    assert i >= 0\n" % tests)


def peak_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def timed(cmd, cwd, env=None):
    """Wall seconds, and the peak resident memory of the process itself (the launcher execs java)."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, peak_kib(process.pid) or 0)
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode()
    if process.returncode != 0:
        sys.exit("benchmark command failed (%d): %s\n%s" % (process.returncode, " ".join(cmd), stderr[-3000:]))
    return elapsed, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--tests", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-xdist", action="store_true", help="leave pytest-xdist out (the longest of the three)")
    parser.add_argument("--jar", action="append", help="a jar to measure (repeat it to compare jars, interleaved); "
                        "default: salvo-cli/target/salvo.jar")
    parser.add_argument("--python", default=shutil.which("python3"))
    args = parser.parse_args()
    jars = {}
    for n, jar in enumerate(args.jar or [salvo_jar.DEFAULT_JAR]):
        launcher = salvo_jar.launcher(jar)  # each call makes a private copy and names it in SALVO_JAR
        label = os.path.basename(jar)
        jars[label if label not in jars else "%s#%d" % (label, n + 1)] = os.environ["SALVO_JAR"]
    xdist_env = None
    if not args.no_xdist:
        xdist = subprocess.run([os.path.join(HERE, "setup-xdist.sh")], check=True, capture_output=True,
                               text=True).stdout.strip()
        xdist_env = dict(os.environ, PYTHONPATH=xdist + os.pathsep + os.environ.get("PYTHONPATH", ""))
    root = tempfile.mkdtemp(prefix="salvo-bench-scale-")
    try:
        write_suite(root, args.files, args.tests)
        serial_cmd = [args.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        xdist_cmd = [args.python, "-m", "pytest", "-n", str(args.workers), "-q", "-p", "no:cacheprovider"]

        def salvo_run(label):
            store = os.path.join(root, ".salvo-%d" % list(jars).index(label))
            cmd = [launcher, "run", "--isolation", "persistent", "-w", str(args.workers), "--store", store,
                   "--python", args.python]
            wall, peak = timed(cmd, root, dict(os.environ, SALVO_JAR=jars[label]))
            with open(os.path.join(store, "last_run.json")) as f:
                return wall, peak, wall - json.load(f)["wallSeconds"]

        print("%d files x %d tests, python %s, %d workers, %d rounds, jars %s"
              % (args.files, args.tests, args.python, args.workers, args.rounds, ", ".join(jars)), flush=True)
        for label in jars:
            salvo_run(label)  # warm-up: history for Salvo, the page cache for all
        serial, xd = [], []
        salvo = {label: [] for label in jars}
        for r in range(args.rounds):
            serial.append(timed(serial_cmd, root)[0])
            if xdist_env is not None:
                xd.append(timed(xdist_cmd, root, xdist_env)[0])
            line = "  round %d: serial %.1fs%s" % (r + 1, serial[-1], ", xdist %.1fs" % xd[-1] if xd else "")
            for label in (list(jars) if r % 2 == 0 else list(reversed(jars))):
                salvo[label].append(salvo_run(label))
                wall, peak, outside = salvo[label][-1]
                line += ", salvo%s %.1fs (peak %d MiB, %.1fs outside its run)" % (
                    " " + label if len(jars) > 1 else "", wall, peak // 1024, outside)
            print(line, flush=True)
        mserial = statistics.median(serial)
        print("medians: serial pytest %.1fs%s" % (mserial, ", pytest -n %d %.1fs" % (args.workers, statistics.median(xd))
                                                   if xd else ""))
        for label, runs in salvo.items():
            ms = statistics.median(w for w, _, _ in runs)
            print("salvo%s -w %d %.1fs; salvo/serial %.2f%s; parallel efficiency %.0f%% (serial / (%d x salvo)); "
                  "coordinator peak %d MiB; %.1fs outside the run"
                  % (" " + label if len(jars) > 1 else "", args.workers, ms, ms / mserial,
                     ", salvo/xdist %.2f" % (ms / statistics.median(xd)) if xd else "",
                     100 * mserial / (args.workers * ms), args.workers,
                     statistics.median(p for _, p, _ in runs) // 1024, statistics.median(o for _, _, o in runs)))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
