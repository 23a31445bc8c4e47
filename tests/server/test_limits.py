"""Every limit of the HTTP layer against a live service with small limits: body size (413, also
refused before the body is sent when the client asks with Expect: 100-continue), header size
(431), slow clients (408 / closed), keep-alive (reuse, idle close), per-user rate limit (429
with Retry-After), failed sign-ins per peer address (429), loopback-only binding."""

import socket
import unittest

from harness import PASSWORD, Service, ServiceTest, run_cli

SMALL = """
limits:
  body_bytes: 1048576
  header_bytes: 4096
  read_timeout_s: 2
  keep_alive_s: 2
rate_limit:
  per_second: 2
  burst: 6
auth:
  failures_per_minute: 6
  failure_burst: 5
"""


# Only a guard against a hang: every test below waits for the service to act (answer or close
# the connection), never for a length of time; reaching this is a failure, not a measurement.
HANG = 120.0


def exchange(port, data, shut=False):
    """Sends `data`, reads until the service closes the connection: (bytes, closed by it)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=HANG)
    s.sendall(data)
    if shut:
        s.shutdown(socket.SHUT_WR)
    out = b""
    closed = False
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                closed = True
                break
            out += chunk
    except socket.timeout:
        pass
    s.close()
    return out, closed


def raw(port, data, shut=False):
    return exchange(port, data, shut)[0]


class Limits(ServiceTest):
    config = SMALL

    def test_a_body_over_the_limit_is_413(self):
        r = self.svc.request("POST", "/processes/screen/execution", self.t["bob"],
                             body=b"x" * (2 * 1024 * 1024),
                             headers={"Content-Type": "application/json"})
        self.assertProblem(r, 413)

    def test_expect_continue_gets_413_without_sending_the_body(self):
        head = (f"POST /processes/screen/execution HTTP/1.1\r\nHost: x\r\n"
                f"Authorization: Bearer {self.t['bob']}\r\nContent-Type: application/json\r\n"
                f"Content-Length: 5000000\r\nExpect: 100-continue\r\n\r\n").encode()
        out = raw(self.svc.port, head)
        self.assertTrue(out.startswith(b"HTTP/1.1 413"), out[:200])
        self.assertNotIn(b"100 Continue", out)

    def test_headers_over_the_limit_are_431(self):
        out = raw(self.svc.port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 8000 +
                  b"\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 431"), out[:200])

    def test_a_malformed_request_is_400(self):
        out = raw(self.svc.port, b"GET / HTTP/1.1\r\nHost x\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 400"), out[:200])

    def test_a_client_that_stalls_is_cut_off(self):
        # The body never comes: the service ends the exchange itself (read_timeout_s), with a 408
        # or by closing the connection, whatever the machine's speed.
        out, closed = exchange(self.svc.port, b"POST /processes/screen/execution HTTP/1.1\r\n"
                                              b"Host: x\r\nContent-Length: 100\r\n\r\n{")
        self.assertTrue(closed, "the service kept the stalled connection open")
        self.assertTrue(out == b"" or out.startswith(b"HTTP/1.1 408"), out[:200])

    def test_keep_alive_serves_several_requests_then_closes_when_idle(self):
        s = socket.create_connection(("127.0.0.1", self.svc.port), timeout=HANG)
        for _ in range(3):
            s.sendall(b"GET /conformance HTTP/1.1\r\nHost: x\r\n\r\n")
            data = b""
            while b"conformsTo" not in data or not data.rstrip().endswith(b"}"):
                data += s.recv(65536)
            self.assertTrue(data.startswith(b"HTTP/1.1 200"))
        # Idle: the service closes the connection (keep_alive_s); recv sees the end, not HANG.
        self.assertEqual(s.recv(100), b"")
        s.close()

    def test_a_user_over_the_rate_limit_gets_429_with_retry_after(self):
        replies = [self.svc.request("GET", "/processes", self.t["rita"]) for _ in range(12)]
        limited = [r for r in replies if r.status == 429]
        self.assertTrue(limited, [r.status for r in replies])
        self.assertProblem(limited[0], 429)
        self.assertGreaterEqual(int(limited[0].headers["retry-after"]), 1)
        # Another user is not affected.
        self.assertEqual(self.svc.request("GET", "/processes", self.t["paul"]).status, 200)


class FailedSignIns(ServiceTest):
    config = SMALL

    def test_repeated_bad_tokens_from_one_address_get_429(self):
        statuses = [self.svc.request("GET", "/jobs", "rl_0123456789abcdef_" + "x" * 43).status
                    for _ in range(12)]
        self.assertEqual(statuses[0], 401)
        self.assertEqual(statuses[-1], 429)


class FailedPasswords(ServiceTest):
    config = SMALL

    def test_repeated_wrong_passwords_get_429(self):
        statuses = [self.svc.request("POST", "/auth/login",
                                     json_body={"username": "paul", "password": "wrong" * 3}
                                     ).status for _ in range(12)]
        self.assertIn(401, statuses)
        self.assertEqual(statuses[-1], 429)


class Binding(unittest.TestCase):
    def test_a_non_loopback_address_is_refused_unless_allowed(self):
        svc = Service()
        try:
            svc.add_user("alice", "approver", PASSWORD)
            r = run_cli("serve", "--zones", svc.zones, "--db", svc.db, "--listen",
                        "0.0.0.0:0", check=False)
            self.assertEqual(r.returncode, 1)
            self.assertIn(b"not a loopback address", r.stderr)
        finally:
            svc.close()


if __name__ == "__main__":
    unittest.main()
