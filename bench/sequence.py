#!/usr/bin/env python3
"""The sequence engine's speed: items per second, expressions, py_func calls, and start-up.

Generates three .tum sequences in a temporary directory and runs each with the real launcher
(`salvo seq run -b -o FILE`), interleaved over ROUNDS rounds, and prints the medians:

- loop: a `loop` of ITERATIONS rounds whose body is a `let` and a `check`, each with one `<| |>`;
- py_func: CALLS py_func calls without `context_id` (a fresh worker each), then CALLS with one;
- empty: a main without steps (start-up: the JVM, the load, and whatever the engine starts).

Items per second are items executed / (wall - empty wall), and also raw (items / wall). The
issue's goals: at least 10 000 items per second, and a start-up under 0.6 s. Several --jar
compare builds, interleaved within each round (e.g. a copy of the jar before a change).

    python3 bench/sequence.py --rounds 5
    python3 bench/sequence.py --rounds 3 --jar /tmp/salvo-before.jar --jar salvo-cli/target/salvo.jar
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

FUNCS = '''\
def add(a, b):
    return a + b
'''


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def loop_tum(iterations):
    return '''\
main:
  name: loop
  steps:
    - loop:
        name: rounds
        iterator: %d
        steps:
          - let: {values: {x: "<| $(loop_param) * 2 |>"}}
          - check: {values: ["<| $(x) == $(loop_param) + $(loop_param) |>"]}
''' % iterations


def py_func_tum(calls, context):
    ctx = ", context_id: bench" if context else ""
    return '''\
main:
  name: py_func
  steps:
    - loop:
        iterator: %d
        steps:
          - py_func: {file: funcs.py, func_name: add, param: [$(loop_param), 1]%s}
''' % (calls, ctx)


EMPTY_TUM = '''\
main:
  name: empty
  steps: []
'''


def timed(launcher, jar, tum, cwd, python):
    defines = ["-d", "python_bin=" + python] if python else []
    start = time.perf_counter()
    done = subprocess.run([launcher, "seq", "run", "-b", "-o"] + defines + [tum], cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, env=dict(os.environ, SALVO_JAR=jar))
    took = time.perf_counter() - start
    if done.returncode != 0 or "Test run success." not in done.stdout:
        sys.exit("%s failed (status %d):\n%s" % (tum, done.returncode, done.stdout[-3000:]))
    return took


def report(label, med, items):
    empty = med["empty"]
    print("%s: medians " % label + ", ".join("%s %.3fs" % (k, v) for k, v in med.items()))
    print("%s: start-up (empty sequence) %.3f s (goal < 0.6 s)" % (label, empty))
    loop_net = max(med["loop"] - empty, 1e-9)
    print("%s: loop %.0f items/s once started (goal >= 10000), %.0f items/s raw; %.1f us per expression"
          % (label, items["loop"] / loop_net, items["loop"] / med["loop"], loop_net / items["loop"] * 1e6))
    for name, what in (("py_func", "without context_id"), ("py_func_ctx", "with one context_id")):
        net = max(med[name] - empty, 1e-9)
        print("%s: py_func %s %.2f ms per call, %.0f calls/s once started, %.0f raw"
              % (label, what, net / items[name] * 1e3, items[name] / net, items[name] / med[name]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=10000)
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--jar", action="append", help="a jar to measure (repeat it to compare jars, interleaved); "
                        "default: salvo-cli/target/salvo.jar")
    parser.add_argument("--python", help="python_bin for the sequences (default: the sequences' own, python3)")
    args = parser.parse_args()
    jars = {}
    for jar in args.jar or [salvo_jar.DEFAULT_JAR]:
        launcher = salvo_jar.launcher(jar)  # each call makes a private copy and names it in SALVO_JAR
        jars[os.path.basename(jar)] = os.environ["SALVO_JAR"]
    root = tempfile.mkdtemp(prefix="salvo-bench-sequence-")
    try:
        write(os.path.join(root, "funcs.py"), FUNCS)
        files = {"empty": EMPTY_TUM, "loop": loop_tum(args.iterations),
                 "py_func": py_func_tum(args.calls, False), "py_func_ctx": py_func_tum(args.calls, True)}
        for name, text in files.items():
            write(os.path.join(root, name + ".tum"), text)
        # Items executed (rounds and containers not counted): a let and a check per round; a py_func per call.
        items = {"loop": 2 * args.iterations, "py_func": args.calls, "py_func_ctx": args.calls}
        load = os.getloadavg()
        print("%d rounds, loop of %d, %d py_func calls, jars %s; load average %.2f %.2f %.2f, %d cores"
              % (args.rounds, args.iterations, args.calls, ", ".join(jars), load[0], load[1], load[2], os.cpu_count()))
        for jar in jars.values():
            for name in files:
                timed(launcher, jar, name + ".tum", root, args.python)  # warm-up: the page cache, the unpacked helper
        times = {(label, name): [] for label in jars for name in files}
        for r in range(args.rounds):
            for name in files:
                for label, jar in jars.items():
                    times[(label, name)].append(timed(launcher, jar, name + ".tum", root, args.python))
            print("  round %d: " % (r + 1) + ", ".join("%s %s %.2fs" % (k[0], k[1], v[-1]) for k, v in times.items()),
                  flush=True)
        for label in jars:
            report(label, {name: statistics.median(times[(label, name)]) for name in files}, items)
        print("load average at the end: %.2f %.2f %.2f" % os.getloadavg())
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
