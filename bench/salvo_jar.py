"""What both benchmarks share: Salvo run as users run it, from a private copy of the jar."""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_JAR = os.path.join(HERE, "..", "salvo-cli", "target", "salvo.jar")


def add_arguments(parser):
    """--jar and --python, which every comparison with Salvo's peers takes."""
    parser.add_argument("--jar", default=DEFAULT_JAR)
    parser.add_argument("--python", default=shutil.which("python3"))


def launcher(jar):
    """The `salvo` launcher (which sets the JVM's options) on a copy of `jar`, so that a rebuild
    during the benchmark cannot change what is measured. The copy is removed at exit. Its class
    archive is made first, as a user's first two starts make it, so no timed run pays for it."""
    if not os.path.isfile(jar):
        sys.exit("no jar at %s: build it first (mvn -q -DskipTests package)" % jar)
    copy_dir = tempfile.mkdtemp(prefix="salvo-bench-jar-")
    atexit.register(shutil.rmtree, copy_dir, True)
    os.environ["SALVO_JAR"] = shutil.copy(jar, os.path.join(copy_dir, "salvo.jar"))
    salvo = os.path.join(HERE, "..", "salvo")
    suite = os.path.join(copy_dir, "suite")
    os.makedirs(suite)
    with open(os.path.join(suite, "test_one.py"), "w") as f:
        f.write("def test_one():\n    pass\n")
    for _ in range(2):  # the first run lists the classes it loads, the next start archives them
        done = subprocess.run([salvo, "run", "--store", os.path.join(suite, ".salvo")], cwd=suite,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit("salvo could not run a one-test suite with %s:\n%s" % (jar, done.stderr[-3000:]))
    return salvo
