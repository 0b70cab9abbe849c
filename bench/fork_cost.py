#!/usr/bin/env python3
"""What a forked child costs per file: `salvo run --isolation fork` on many small files, measured
inside the workers.

A sitecustomize put on the workers' PYTHONPATH wraps os.fork, os.waitpid and os._exit: for each
child it records how long fork() took in the worker, the child's own CPU (user, sys) and minor
page faults before it exits, and, from wait4, the same with its exit included. Prints the medians
over all children of all rounds. Compare the child's user time with what the same tests cost in a
persistent worker (bench/isolation.py's persistent column divided by the files) to see what
copy-on-write adds: a child writes to the pages it shares with its worker (CPython's reference
counts), and each first write is a fault that copies a page.

    python3 bench/fork_cost.py --rounds 3
"""
import argparse
import glob
import os
import shutil
import statistics
import sys
import tempfile

import salvo_jar
import workers

SITECUSTOMIZE = r'''
import os, resource, time
_out = os.environ["SALVO_BENCH_FORK_LOG"]
_fork, _waitpid, _exit = os.fork, os.waitpid, os._exit
_child = False
_forked = set()

def fork():
    global _child
    started = time.perf_counter()
    pid = _fork()
    if pid == 0:
        _child = True
        return 0
    with open(os.path.join(_out, "fork.%d" % os.getpid()), "a") as f:
        f.write("%f\n" % ((time.perf_counter() - started) * 1e3))
    _forked.add(pid)
    return pid

def waitpid(pid, options):
    pid, status, usage = os.wait4(pid, options)
    if pid not in _forked:  # a subprocess's, not a forked child's
        return pid, status
    _forked.discard(pid)
    with open(os.path.join(_out, "reaped.%d" % os.getpid()), "a") as f:
        f.write("%f %f %d\n" % (usage.ru_utime * 1e3, usage.ru_stime * 1e3, usage.ru_minflt))
    return pid, status

def _exit_(code):
    if _child:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        with open(os.path.join(_out, "exiting.%d" % os.getpid()), "a") as f:
            f.write("%f %f %d\n" % (usage.ru_utime * 1e3, usage.ru_stime * 1e3, usage.ru_minflt))
    _exit(code)

os.fork, os.waitpid, os._exit = fork, waitpid, _exit_
'''


def rows(log_dir, kind):
    found = []
    for name in glob.glob(os.path.join(log_dir, kind + ".*")):
        with open(name) as f:
            found += [[float(v) for v in line.split()] for line in f if line.strip()]
    return found


def medians(found):
    return [statistics.median(r[i] for r in found) for i in range(len(found[0]))] if found else []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    salvo_jar.add_arguments(parser)
    args = parser.parse_args()
    launcher = salvo_jar.launcher(args.jar)
    root = tempfile.mkdtemp(prefix="salvo-bench-fork-")
    try:
        workers.write(os.path.join(root, "pytest.ini"), "[pytest]\ntestpaths = tests\n")
        workers.small_suite(root, args.files)
        site = os.path.join(root, ".site")
        workers.write(os.path.join(site, "sitecustomize.py"), SITECUSTOMIZE)
        log_dir = os.path.join(root, ".log")
        os.makedirs(log_dir)
        env = dict(os.environ, SALVO_BENCH_FORK_LOG=log_dir,
                   PYTHONPATH=site + os.pathsep + os.environ.get("PYTHONPATH", ""))
        command = [launcher, "run", "--isolation", "fork", "-w", str(args.workers), "--store",
                   os.path.join(root, ".salvo"), "--python", args.python]
        workers.timed(command, root)  # warm-up, not measured: the page cache, the store's history
        for name in os.listdir(log_dir):
            os.remove(os.path.join(log_dir, name))
        walls = [workers.timed(command, root, env) for _ in range(args.rounds)]
        forks, exiting, reaped = rows(log_dir, "fork"), rows(log_dir, "exiting"), rows(log_dir, "reaped")
        if not forks or not reaped:
            sys.exit("no child was measured: did the workers load %s/sitecustomize.py?" % site)
        print("python %s, %d files, %d workers, %d rounds; salvo wall median %.2f s"
              % (args.python, args.files, args.workers, args.rounds, statistics.median(walls)))
        print("forked children measured: %d (%d per round)" % (len(reaped), len(reaped) // args.rounds))
        print("fork() in the worker: %.2f ms (median)" % medians(forks)[0])
        user, system, faults = medians(exiting)
        print("child before its exit: user %.2f ms, sys %.2f ms, %d minor faults" % (user, system, faults))
        user, system, faults = medians(reaped)
        print("child with its exit:   user %.2f ms, sys %.2f ms, %d minor faults" % (user, system, faults))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
