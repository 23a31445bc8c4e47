"""A live `redline serve` for the HTTP tests: a fresh service database in a temporary folder,
accounts made with `redline users`, the service on a random loopback port (port 0; the port is
read from the "listening on" line), plain http.client requests. No mocks: the real executable,
the real Yongjia store, the real SQLite ledger."""

import base64
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest

SOURCE = os.environ.get("REDLINE_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "../..")))
CLI = os.environ.get("REDLINE_CLI", os.path.join(SOURCE, "build/release/engine/cli/redline"))
YONGJIA = os.path.join(SOURCE, "datasets/yongjia")
ZONES = os.path.join(YONGJIA, "catalog.yaml")
PASSWORD = "correct horse battery staple"


def run_cli(*args, stdin=None, cwd=None, check=True):
    r = subprocess.run([CLI, *args], input=stdin, capture_output=True, cwd=cwd, timeout=300)
    if check and r.returncode != 0:
        raise AssertionError(f"redline {' '.join(args)} failed ({r.returncode}): {r.stderr.decode()}")
    return r


class Service:
    def __init__(self, config=None, zones=ZONES, folder=None):
        self.folder = folder or tempfile.mkdtemp(prefix="redline-serve-test-")
        self.db = os.path.join(self.folder, "service.sqlite")
        self.zones = zones
        self.config = config
        self.proc = None
        self.base = None
        self.tokens = {}

    # Accounts -------------------------------------------------------------------------------
    def add_user(self, name, role, password=PASSWORD):
        run_cli("users", "add", "--db", self.db, name, "--role", role, "--password-stdin",
                stdin=(password + "\n").encode())

    def token(self, name):
        t = run_cli("users", "token", "--db", self.db, name).stdout.decode().strip()
        self.tokens[name] = t
        return t

    # Process --------------------------------------------------------------------------------
    def start(self, extra=()):
        args = [CLI, "serve", "--zones", self.zones, "--listen", "127.0.0.1:0", "--db", self.db]
        if self.config is not None:
            path = os.path.join(self.folder, "server.yaml")
            with open(path, "w") as f:
                f.write(self.config)
            args += ["--config", path]
        args += list(extra)
        self.log = open(os.path.join(self.folder, "serve.log"), "w+")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"listening on (http://127\.0\.0\.1:(\d+))", line)
        if not m:
            self.proc.wait(10)
            self.log.seek(0)
            raise AssertionError("redline serve did not start: " + line + self.log.read())
        self.base, self.port = m.group(1), int(m.group(2))
        return self

    def stop(self, kill=False):
        if self.proc:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
                self.proc.wait(30)
            self.proc.stdout.close()
            self.log.close()
        self.proc = None

    def close(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def log_text(self):
        with open(os.path.join(self.folder, "serve.log")) as f:
            return f.read()

    # HTTP -----------------------------------------------------------------------------------
    def request(self, method, path, token=None, body=None, headers=None, json_body=None,
                timeout=120):
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if json_body is not None:
            body = json.dumps(json_body).encode()
            h.setdefault("Content-Type", "application/json")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, data)

    def execute(self, token, inputs, headers=None):
        return self.request("POST", "/processes/screen/execution", token,
                            json_body={"inputs": inputs}, headers=headers)

    def upload(self, token, path, fields=None, name=None, headers=None, data=None):
        boundary = "redline-test-boundary-7d1f"
        parts = []
        for k, v in (fields or {}).items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'
                         .encode() + v.encode() + b"\r\n")
        if data is None:
            with open(path, "rb") as f:
                data = f.read()
        fname = name or os.path.basename(path)
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="sites"; '
                     f'filename="{fname}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + data + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        h = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        h.update(headers or {})
        return self.request("POST", "/processes/screen/execution", token, body=body, headers=h)

    def wait_job(self, token, job, statuses=("successful", "failed"), timeout=300):
        deadline = time.time() + timeout
        while time.time() < deadline:
            r = self.request("GET", f"/jobs/{job}", token)
            if r.status == 200 and r.json()["status"] in statuses:
                return r.json()
            time.sleep(0.2)
        raise AssertionError(f"job {job} did not reach {statuses}")


class Reply:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<{self.status} {self.body[:300]!r}>"


class ServiceTest(unittest.TestCase):
    """One service per test class, with an approver `alice`, a second approver `bob`, a reviewer
    `rita`, a planner `paul` and an admin `adam`, each with a token."""

    config = None

    @classmethod
    def setUpClass(cls):
        cls.svc = Service(cls.config)
        for name, role in [("alice", "approver"), ("bob", "approver"), ("rita", "reviewer"),
                           ("paul", "planner"), ("adam", "admin")]:
            cls.svc.add_user(name, role)
            cls.svc.token(name)
        cls.svc.start()
        cls.t = cls.svc.tokens

    @classmethod
    def tearDownClass(cls):
        cls.svc.close()

    def assertProblem(self, reply, status):
        self.assertEqual(reply.status, status, reply)
        self.assertTrue(reply.headers["content-type"].startswith("application/problem+json"),
                        reply.headers)
        doc = reply.json()
        self.assertEqual(doc["status"], status)
        self.assertTrue(doc["detail"])
        return doc


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def b64_file(path):
    with open(path, "rb") as f:
        return base64.b64encode(f.read()).decode()
