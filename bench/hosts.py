"""Real ssh hosts on this machine for the benchmarks: network namespaces joined by veth pairs,
each with its own address and a real sshd, keys made for the occasion and checked strictly.

    with Hosts(2) as hosts:
        hosts.ssh_config   # names them h1, h2 for ssh, rsync, Salvo and execnet
"""
import os
import random
import shutil
import subprocess
import tempfile
import time


def _run(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Hosts:
    def __init__(self, count):
        self.count = count
        self.dir = tempfile.mkdtemp(prefix="salvo-bench-hosts-")
        self.subnet = random.randint(1, 249)
        self.namespaces = []
        self.links = []
        self.daemons = []
        self.ssh_config = os.path.join(self.dir, "ssh_config")

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _start(self):
        key = os.path.join(self.dir, "client")
        hostkey = os.path.join(self.dir, "hostkey")
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key)
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostkey)
        shutil.copy(key + ".pub", os.path.join(self.dir, "authorized_keys"))
        os.makedirs("/run/sshd", exist_ok=True)
        pub = " ".join(open(hostkey + ".pub").read().split()[:2])
        known, config = [], []
        for i in range(1, self.count + 1):
            ns = "salvo-bench-%d-%d" % (self.subnet, i)
            link, peer = "sb%dx%d" % (self.subnet, i), "sb%dy%d" % (self.subnet, i)
            here, there = "10.214.%d.%d" % (self.subnet, 4 * i + 1), "10.214.%d.%d" % (self.subnet, 4 * i + 2)
            _run("ip", "netns", "add", ns)
            self.namespaces.append(ns)
            _run("ip", "link", "add", link, "type", "veth", "peer", "name", peer)
            self.links.append(link)
            _run("ip", "link", "set", peer, "netns", ns)
            _run("ip", "addr", "add", here + "/30", "dev", link)
            _run("ip", "link", "set", link, "up")
            _run("ip", "netns", "exec", ns, "ip", "addr", "add", there + "/30", "dev", peer)
            _run("ip", "netns", "exec", ns, "ip", "link", "set", peer, "up")
            _run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up")
            sshd_config = os.path.join(self.dir, "sshd_h%d" % i)
            with open(sshd_config, "w") as f:
                f.write("\n".join([
                    "ListenAddress %s:22" % there, "HostKey " + hostkey,
                    "AuthorizedKeysFile " + os.path.join(self.dir, "authorized_keys"),
                    "PidFile " + os.path.join(self.dir, "sshd_h%d.pid" % i),
                    "PermitRootLogin prohibit-password", "PasswordAuthentication no", "UsePAM no",
                    "StrictModes no", "MaxSessions 64", "MaxStartups 64", "LogLevel ERROR", ""]))
            self.daemons.append(subprocess.Popen(["ip", "netns", "exec", ns, "/usr/sbin/sshd", "-D", "-e",
                                                  "-f", sshd_config], stdout=subprocess.DEVNULL,
                                                 stderr=subprocess.DEVNULL))
            known.append("%s %s" % (there, pub))
            config.append("Host h%d\n  HostName %s\n" % (i, there))
        config.append("Host *\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n  UserKnownHostsFile %s\n"
                      "  StrictHostKeyChecking yes\n  LogLevel ERROR\n" % (key, os.path.join(self.dir, "known_hosts")))
        with open(os.path.join(self.dir, "known_hosts"), "w") as f:
            f.write("\n".join(known) + "\n")
        with open(self.ssh_config, "w") as f:
            f.write("".join(config))
        for i in range(1, self.count + 1):
            deadline = time.time() + 20
            while subprocess.run(["ssh", "-F", self.ssh_config, "-o", "BatchMode=yes", "h%d" % i, "true"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
                if time.time() > deadline:
                    raise RuntimeError("sshd on h%d did not let us in" % i)
                time.sleep(0.1)

    def __exit__(self, *exc):
        # TERM first, so that a login shell starting up can clean up after itself (pyenv's rehash lock).
        for sig in (15, 9):
            for ns in self.namespaces:
                pids = subprocess.run(["ip", "netns", "pids", ns], capture_output=True, text=True).stdout.split()
                for pid in pids:
                    try:
                        os.kill(int(pid), sig)
                    except OSError:
                        pass
            time.sleep(0.3)
        for d in self.daemons:
            d.wait()
        for link in self.links:
            subprocess.run(["ip", "link", "del", link], stderr=subprocess.DEVNULL)
        for ns in self.namespaces:
            subprocess.run(["ip", "netns", "del", ns], stderr=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)
