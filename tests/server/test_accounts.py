"""Accounts, tokens and browser sessions: `redline users` with --password-stdin, hashes only in
the database, revocation reaching a running service within seconds, the HttpOnly SameSite cookie
and the CSRF token of issue 12's web page."""

import http.cookies
import json
import sqlite3
import time
import unittest

from harness import PASSWORD, ServiceTest, run_cli


class Accounts(ServiceTest):
    def login(self, name, password=PASSWORD, origin=None):
        headers = {"Origin": origin} if origin else None
        return self.svc.request("POST", "/auth/login", headers=headers,
                                json_body={"username": name, "password": password})

    def session(self, name):
        r = self.login(name)
        self.assertEqual(r.status, 200, r)
        cookie = http.cookies.SimpleCookie(r.headers["set-cookie"])["redline_session"].value
        return cookie, r.json()["csrf_token"]

    def test_the_database_holds_only_salted_argon2id_hashes(self):
        token = self.t["alice"]
        db = sqlite3.connect(self.svc.db)
        dump = "\n".join(db.iterdump())
        self.assertNotIn(PASSWORD, dump)
        secret = token.split("_", 2)[2]  # the secret itself may contain "_"
        self.assertEqual(len(secret), 43, token)
        self.assertNotIn(secret, dump)
        hashes = [h for (h,) in db.execute("SELECT password_hash FROM users")]
        hashes += [h for (h,) in db.execute("SELECT secret_hash FROM tokens")]
        self.assertTrue(all(h.startswith("$argon2id$") for h in hashes), hashes)
        self.assertEqual(len(set(hashes)), len(hashes))  # salted: same password, new hash

    def test_users_command_refuses_bad_requests(self):
        r = run_cli("users", "add", "--db", self.svc.db, "alice", "--role", "approver",
                    "--password-stdin", stdin=(PASSWORD + "\n").encode(), check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"already exists", r.stderr)
        r = run_cli("users", "add", "--db", self.svc.db, "short", "--role", "approver",
                    "--password-stdin", stdin=b"abc\n", check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"at least", r.stderr)
        r = run_cli("users", "add", "--db", self.svc.db, "x", "--role", "boss",
                    "--password-stdin", stdin=(PASSWORD + "\n").encode(), check=False)
        self.assertEqual(r.returncode, 2)
        r = run_cli("users", "token", "--db", self.svc.db, "nobody", check=False)
        self.assertEqual(r.returncode, 1)

    def test_sign_in_sets_an_httponly_samesite_cookie(self):
        r = self.login("alice")
        self.assertEqual(r.status, 200, r)
        cookie = r.headers["set-cookie"]
        for flag in ["HttpOnly", "SameSite=Strict", "Path=/"]:
            self.assertIn(flag, cookie)
        self.assertEqual(r.json()["user"], "alice")
        self.assertEqual(r.json()["role"], "approver")
        self.assertProblem(self.login("alice", "not the password"), 401)
        self.assertProblem(self.login("nobody"), 401)
        self.assertProblem(self.login("alice", origin="https://evil.example"), 403)

    def test_session_requests_need_the_csrf_token_to_change_anything(self):
        cookie, csrf = self.session("alice")
        h = {"Cookie": "redline_session=" + cookie}
        who = self.svc.request("GET", "/auth/session", headers=h)
        self.assertEqual(who.json()["user"], "alice")
        self.assertEqual(who.json()["csrf_token"], csrf)
        body = {"inputs": {"site_wkt": "POINT (563847 3115235)"}}
        self.assertProblem(self.svc.request("POST", "/processes/screen/execution", headers=h,
                                            json_body=body), 403)
        wrong = dict(h, **{"X-CSRF-Token": "x" * 43})
        self.assertProblem(self.svc.request("POST", "/processes/screen/execution", headers=wrong,
                                            json_body=body), 403)
        right = dict(h, **{"X-CSRF-Token": csrf})
        self.assertEqual(self.svc.request("POST", "/processes/screen/execution", headers=right,
                                          json_body=body).status, 200)
        other = dict(right, Origin="https://evil.example")
        self.assertProblem(self.svc.request("POST", "/processes/screen/execution", headers=other,
                                            json_body=body), 403)
        # A browser form carries the token as a field.
        form_ok = self.svc.upload(None, None, name="a.txt", data=b"x", headers=h,
                                  fields={"csrf_token": csrf})
        self.assertEqual(form_ok.status, 400)  # past the CSRF check: the file itself is bad
        form_bad = self.svc.upload(None, None, name="a.txt", data=b"x", headers=h)
        self.assertProblem(form_bad, 403)

    def test_logout_ends_the_session(self):
        cookie, csrf = self.session("bob")
        h = {"Cookie": "redline_session=" + cookie, "X-CSRF-Token": csrf}
        out = self.svc.request("POST", "/auth/logout", headers=h)
        self.assertEqual(out.status, 200)
        self.assertIn("Max-Age=0", out.headers["set-cookie"])
        self.assertProblem(self.svc.request("GET", "/auth/session", headers=h), 401)

    def test_disabling_an_account_stops_its_token_and_sessions_within_seconds(self):
        self.svc.add_user("carol", "approver")
        token = self.svc.token("carol")
        cookie, _ = self.session("carol")
        self.assertEqual(self.svc.request("GET", "/jobs", token).status, 200)  # now cached
        run_cli("users", "disable", "--db", self.svc.db, "carol")
        deadline = time.time() + 10
        while time.time() < deadline and self.svc.request("GET", "/jobs", token).status == 200:
            time.sleep(0.2)
        self.assertProblem(self.svc.request("GET", "/jobs", token), 401)
        self.assertProblem(self.svc.request("GET", "/auth/session",
                                            headers={"Cookie": "redline_session=" + cookie}), 401)
        self.assertProblem(self.login("carol"), 401)

    def test_a_new_password_ends_old_sessions(self):
        self.svc.add_user("dave", "reviewer")
        cookie, _ = self.session("dave")
        run_cli("users", "passwd", "--db", self.svc.db, "dave", "--password-stdin",
                stdin=b"another long password\n")
        self.assertProblem(self.svc.request("GET", "/auth/session",
                                            headers={"Cookie": "redline_session=" + cookie}), 401)
        self.assertEqual(self.login("dave", "another long password").status, 200)


class SessionExpiry(ServiceTest):
    """A session unused for the configured idle time ends: the cookie is refused (401), and the
    web page, which gets the 401, asks to sign in again (tests/server/test_web.py)."""

    IDLE = 2
    config = f"auth:\n  session_idle_s: {IDLE}\n"

    def test_an_idle_session_ends(self):
        r = self.svc.request("POST", "/auth/login",
                             json_body={"username": "alice", "password": PASSWORD})
        self.assertEqual(r.status, 200, r)
        cookie = http.cookies.SimpleCookie(r.headers["set-cookie"])["redline_session"].value
        headers = {"Cookie": "redline_session=" + cookie}
        db = sqlite3.connect(self.svc.db)
        created, expires = db.execute("SELECT created_at, expires_at FROM sessions").fetchone()
        db.close()
        self.assertEqual(expires - created, self.IDLE)  # the configured lifetime, in the table
        time.sleep(self.IDLE + 1)  # let the configured idle time pass, unused
        self.assertProblem(self.svc.request("GET", "/auth/session", headers=headers), 401)
        self.assertProblem(self.svc.request("GET", "/jobs", headers=headers), 401)
        # Signing in again gives a new session.
        r = self.svc.request("POST", "/auth/login",
                             json_body={"username": "alice", "password": PASSWORD})
        self.assertEqual(r.status, 200, r)


if __name__ == "__main__":
    unittest.main()
