"""The decision ledger (台账): every screening recorded with user, time, input name and SHA-256,
store (and its fingerprint), rule-set version, the other parameters and each site's verdict;
`redline ledger` filters and exports it; an entry is enough to repeat the screening with the CLI;
the database refuses to change or delete a ledger row."""

import csv
import io
import json
import os
import sqlite3

from harness import YONGJIA, ServiceTest, run_cli, sha256_file


class Ledger(ServiceTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.jzd = os.path.join(YONGJIA, "sites_jzd.txt")
        cls.a = cls.svc.upload(cls.t["alice"], cls.jzd).json()
        cls.b = cls.svc.execute(cls.t["bob"], {"site_wkt": "POINT (563847 3115235)"}).json()
        cls.bad = cls.svc.upload(cls.t["bob"], None, name="broken.txt", data=b"[x]\n1,2\n")
        cls.attributes = {"项目类型": "工业", "建设性质": "新建", "industry_code": "C2929"}
        cls.c = cls.svc.upload(cls.t["alice"], cls.jzd, fields={
            "site_attributes": json.dumps(cls.attributes, ensure_ascii=False), "buffer": "250"
        }).json()

    def ledger(self, *args):
        return run_cli("ledger", "--db", self.svc.db, *args).stdout.decode()

    def test_csv_has_one_row_per_site_with_its_provenance(self):
        rows = list(csv.DictReader(io.StringIO(self.ledger())))
        mine = [r for r in rows if r["job_id"] == self.a["job_id"]]
        self.assertEqual(len(mine), 1)
        r = mine[0]
        self.assertEqual(r["user"], "alice")
        self.assertEqual(r["input_name"], "sites_jzd.txt")
        self.assertEqual(r["input_sha256"], sha256_file(self.jzd))
        self.assertEqual(r["rule_set"], "rules.yongjia")
        self.assertEqual(r["rule_set_version"], self.a["rules_version"])
        self.assertEqual(r["site_id"], "D27")
        self.assertEqual(r["verdict"], self.a["sites"][0]["verdict"])
        self.assertEqual(r["outcome"], "successful")
        self.assertTrue(r["store"].endswith("catalog.yaml"))

    def test_failed_screenings_are_recorded_with_their_reason(self):
        self.assertEqual(self.bad.status, 400)
        rows = [r for r in csv.DictReader(io.StringIO(self.ledger())) if r["outcome"] == "failed"]
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["user"], "bob")
        self.assertEqual(rows[0]["message"], self.bad.json()["detail"])

    def test_filters(self):
        bob = list(csv.DictReader(io.StringIO(self.ledger("--user", "bob"))))
        self.assertEqual({r["user"] for r in bob}, {"bob"})
        verdict = self.b["sites"][0]["verdict"]
        only = list(csv.DictReader(io.StringIO(self.ledger("--verdict", verdict))))
        self.assertTrue(only)
        self.assertEqual({r["verdict"] for r in only}, {verdict})
        self.assertEqual(list(csv.DictReader(io.StringIO(self.ledger("--from", "2999-01-01")))),
                         [])
        self.assertEqual(list(csv.DictReader(io.StringIO(self.ledger("--to", "2000-01-01")))), [])
        bad = run_cli("ledger", "--db", self.svc.db, "--from", "yesterday", check=False)
        self.assertEqual(bad.returncode, 1)

    def test_json_export_carries_the_report_as_served(self):
        entries = json.loads(self.ledger("--format", "json"))
        e = [x for x in entries if x["job_id"] == self.a["job_id"]][0]
        self.assertEqual(e["report"], self.a)
        self.assertEqual(e["sites"][0]["site_id"], "D27")

    def test_an_entry_records_the_parameters_and_the_store_fingerprint(self):
        entries = {e["job_id"]: e for e in json.loads(self.ledger("--format", "json"))}
        bare, full = entries[self.a["job_id"]], entries[self.c["job_id"]]
        self.assertEqual(bare["parameters"], {"buffer_m": None, "rules": None, "site_attributes": [],
                                              "site_crs": None, "site_layer": None,
                                              "towgs84": None})
        self.assertEqual(full["parameters"]["buffer_m"], 250)
        self.assertEqual(sorted(full["parameters"]["site_attributes"]),
                         sorted(list(kv) for kv in self.attributes.items()))
        fingerprints = {e["store_fingerprint"] for e in entries.values()}
        self.assertEqual(len(fingerprints), 1)
        self.assertRegex(fingerprints.pop(), "^[0-9a-f]{64}$")

    def test_an_entry_is_enough_to_repeat_the_screening_with_the_cli(self):
        e = [x for x in json.loads(self.ledger("--format", "json"))
             if x["job_id"] == self.c["job_id"]][0]
        self.assertEqual(sha256_file(self.jzd), e["input_sha256"])  # the same input file
        p = e["parameters"]
        args = ["screen", "--zones", e["store"], "--sites", self.jzd]
        if p["buffer_m"] is not None:
            args += ["--buffer", str(p["buffer_m"])]
        for name, value in p["site_attributes"]:
            args += ["--site-attr", f"{name}={value}"]
        cli = json.loads(run_cli(*args).stdout)
        self.assertEqual(cli["rules_version"], e["rule_set_version"])
        self.assertEqual([(s["site_id"], s["verdict"]) for s in cli["sites"]],
                         [(s["site_id"], s["verdict"]) for s in e["sites"]])
        self.assertEqual(cli["sites"], e["report"]["sites"])
        self.assertNotEqual(e["sites"][0]["verdict"], "needs_review")  # the attributes counted

    def test_the_ledger_is_append_only(self):
        db = sqlite3.connect(self.svc.db)
        for sql in ["UPDATE ledger SET user_name = 'mallory'", "DELETE FROM ledger",
                    "UPDATE ledger_sites SET verdict = 'allowed'", "DELETE FROM ledger_sites"]:
            with self.assertRaises(sqlite3.DatabaseError) as e:
                db.execute(sql)
            self.assertIn("append-only", str(e.exception))
