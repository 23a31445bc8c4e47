"""Accounts of a service on a PostGIS store live in the store's own database (schema
redline_service), not in a SQLite file: `redline users add|passwd|token|disable|list --zones
PG-STORE` work on it, the service signs in with those passwords and tokens, its sessions are
rows there, disabling an account there stops its token, and the SQLite service database (jobs,
ledger) holds no credential. Checked with psql against a throw-away PostgreSQL + PostGIS
cluster, no mocks."""

import http.cookies
import os
import sqlite3
import time
import unittest

from harness import PASSWORD, ZONES, Service, run_cli
from pgcluster import PgCluster, available

WHY_NOT = available()


@unittest.skipIf(WHY_NOT, WHY_NOT or "")
class PostgisAccounts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pg = PgCluster()
        try:
            cls.store = cls.pg.store("yongjia")
            run_cli("store", "push", ZONES, cls.store)
            for name, role in [("alice", "approver"), ("rita", "reviewer")]:
                run_cli("users", "add", "--zones", cls.store, name, "--role", role,
                        "--password-stdin", stdin=(PASSWORD + "\n").encode())
            cls.token = run_cli("users", "token", "--zones", cls.store,
                                "alice").stdout.decode().strip()
            cls.svc = Service(zones=cls.store).start()
        except BaseException:
            cls.pg.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.svc.close()
        cls.pg.stop()

    def sql(self, query):
        return self.pg.psql("redline", query).strip()

    def test_the_accounts_are_rows_of_the_store_database_with_hashes_only(self):
        mine = "FROM redline_service.users WHERE name IN ('alice', 'rita')"  # others add carol
        self.assertEqual(self.sql("SELECT string_agg(name || ':' || role, ',' ORDER BY name) " +
                                  mine), "alice:approver,rita:reviewer")
        hashes = self.sql("SELECT string_agg(password_hash, ',') " + mine)
        self.assertNotIn(PASSWORD, hashes)
        self.assertEqual(hashes.count("$argon2id$"), 2)
        secret = self.token.split("_", 2)[2]
        self.assertNotIn(secret, self.sql("SELECT string_agg(secret_hash, ',') FROM "
                                          "redline_service.tokens"))
        listed = run_cli("users", "list", "--zones", self.store).stdout.decode()
        self.assertIn("alice\tapprover\tactive", listed)
        # The service's own SQLite file keeps jobs and the ledger, never a credential.
        db = sqlite3.connect(self.svc.db)
        self.assertEqual(db.execute("SELECT count(*) FROM users WHERE password_hash IS NOT NULL "
                                    "OR id IN (SELECT user_id FROM tokens)").fetchone()[0], 0)
        self.assertEqual(db.execute("SELECT count(*) FROM sessions").fetchone()[0], 0)
        db.close()

    def test_a_token_screens_and_the_job_names_its_account(self):
        r = self.svc.execute(self.token, {"site_wkt": "POINT (563847 3115235)",
                                          "site_attributes": {"project_type": "道路"}})
        self.assertEqual(r.status, 200, r)
        doc = r.json()
        self.assertEqual(doc["user"], "alice")
        self.assertIn("schemas=yongjia", doc["store"])
        jobs = self.svc.request("GET", "/jobs", self.token).json()["jobs"]
        self.assertIn(doc["job_id"], [j["jobID"] for j in jobs])
        self.assertEqual({j["user"] for j in jobs}, {"alice"})

    def test_a_browser_session_is_a_row_of_the_store_database(self):
        r = self.svc.request("POST", "/auth/login",
                             json_body={"username": "rita", "password": PASSWORD})
        self.assertEqual(r.status, 200, r)
        cookie = http.cookies.SimpleCookie(r.headers["set-cookie"])["redline_session"].value
        self.assertEqual(self.sql("SELECT count(*) FROM redline_service.sessions s JOIN "
                                  "redline_service.users u ON u.id = s.user_id "
                                  "WHERE u.name = 'rita'"), "1")
        h = {"Cookie": "redline_session=" + cookie}
        who = self.svc.request("GET", "/auth/session", headers=h)
        self.assertEqual((who.status, who.json()["user"], who.json()["role"]),
                         (200, "rita", "reviewer"))
        self.assertEqual(self.svc.request("POST", "/auth/login", json_body={
            "username": "rita", "password": "not the password"}).status, 401)

    def test_disabling_the_account_in_the_database_stops_its_token(self):
        run_cli("users", "add", "--zones", self.store, "carol", "--role", "approver",
                "--password-stdin", stdin=(PASSWORD + "\n").encode())
        token = run_cli("users", "token", "--zones", self.store, "carol").stdout.decode().strip()
        self.assertEqual(self.svc.request("GET", "/jobs", token).status, 200)  # now cached
        run_cli("users", "disable", "--zones", self.store, "carol")
        self.assertEqual(self.sql("SELECT disabled FROM redline_service.users "
                                  "WHERE name = 'carol'"), "1")
        # The service polls the auth version once a second: wait for it to act, at most HANG.
        deadline = time.time() + 60
        while time.time() < deadline and self.svc.request("GET", "/jobs", token).status == 200:
            time.sleep(0.2)
        self.assertEqual(self.svc.request("GET", "/jobs", token).status, 401)

    def test_signing_in_works_across_a_restart_of_the_database(self):
        session = self.svc.request("POST", "/auth/login",
                                   json_body={"username": "rita", "password": PASSWORD})
        self.assertEqual(session.status, 200, session)
        cookie = http.cookies.SimpleCookie(session.headers["set-cookie"])["redline_session"].value
        self.pg.restart()  # the service's connections to it are cut
        # Each thread's connection is opened again for its next statement: no request fails.
        for _ in range(4):
            r = self.svc.request("POST", "/auth/login",
                                 json_body={"username": "rita", "password": PASSWORD})
            self.assertEqual(r.status, 200, r)
            r = self.svc.request("GET", "/auth/session",
                                 headers={"Cookie": "redline_session=" + cookie})
            self.assertEqual(r.status, 200, r)

    def test_users_refuses_a_sqlite_file_for_a_postgis_store(self):
        r = run_cli("users", "list", "--zones", self.store, "--db",
                    os.path.join(self.svc.folder, "other.sqlite"), check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(b"in its database", r.stderr)


if __name__ == "__main__":
    unittest.main()
