"""A throw-away PostgreSQL 15 + PostGIS cluster for the service's tests: a temporary folder, a
random loopback port, trust authentication on loopback only, fsync off; stopped and removed by
stop(). Run as the `postgres` user when the tests run as root (initdb refuses root)."""

import os
import shutil
import socket
import subprocess
import tempfile

PGBIN = os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin")


def available():
    """None when PostgreSQL and PostGIS can be used, otherwise why not."""
    if not os.path.exists(os.path.join(PGBIN, "initdb")):
        return f"PostgreSQL 15 is not installed ({PGBIN}/initdb)"
    extensions = "/usr/share/postgresql/15/extension"
    if not os.path.isdir(extensions) or not any(f.startswith("postgis.control")
                                                for f in os.listdir(extensions)):
        return "PostGIS for PostgreSQL 15 is not installed"
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="redline-serve-pg-")
        self.port = free_port()
        root = os.geteuid() == 0
        self.as_pg = ["runuser", "-u", "postgres", "--"] if root else []
        data = os.path.join(self.folder, "data")
        if root:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(os.path.join(PGBIN, "initdb"), "-D", data, "-U", "postgres",
                  "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--locale=C",
                  "--no-sync")
        options = (f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run(os.path.join(PGBIN, "pg_ctl"), "-D", data, "-l",
                  os.path.join(self.folder, "server.log"), "-w", "-o", options, "start")
        self.data = data
        self.psql("postgres", "CREATE DATABASE redline")
        self.psql("redline", "CREATE EXTENSION postgis")

    def _run(self, *args):
        r = subprocess.run(self.as_pg + list(args), capture_output=True, timeout=120)
        if r.returncode != 0:
            raise AssertionError(f"{args[0]} failed: {r.stderr.decode()}{r.stdout.decode()}")
        return r

    def restart(self):
        """Stops the server (every client connection is cut) and starts it again."""
        self._run(os.path.join(PGBIN, "pg_ctl"), "-D", self.data, "-l",
                  os.path.join(self.folder, "server.log"), "-w", "-m", "fast", "restart")

    def psql(self, database, sql):
        r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-h", "127.0.0.1", "-p",
                            str(self.port), "-U", "postgres", "-d", database, "-v",
                            "ON_ERROR_STOP=1", "-c", sql], capture_output=True, timeout=120)
        if r.returncode != 0:
            raise AssertionError(f"psql failed: {r.stderr.decode()}")
        return r.stdout.decode()

    def store(self, schema):
        return (f"PG:host=127.0.0.1 port={self.port} dbname=redline user=postgres "
                f"schemas={schema}")

    def stop(self):
        subprocess.run(self.as_pg + [os.path.join(PGBIN, "pg_ctl"), "-D", self.data, "-m",
                                     "immediate", "stop"], capture_output=True, timeout=120)
        shutil.rmtree(self.folder, ignore_errors=True)
