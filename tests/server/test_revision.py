"""A new store revision while the service runs: `redline store import-layer` commits one (the
prohibited zones without JZ-06, cut by GDAL's ogr2ogr, not by redline) to a copy of the Yongjia
GeoPackage; the service notices it, switches, and keeps answering: every request screened while
clients hammer it succeeds and reports the revision it used, the site in JZ-06 loses that hit
from the new revision on, and the ledger records each screening's revision."""

import csv
import io
import os
import shutil
import subprocess
import threading
import time
import unittest

from harness import PASSWORD, YONGJIA, Service, run_cli

SITE = "POINT (563847 3115235)"  # inside the prohibited zone JZ-06 (楠溪江流域)


def jz06_hits(report):
    return [h for h in report["sites"][0]["hits"] if h.get("zone_id") == "JZ-06"]


class NewRevision(unittest.TestCase):
    def test_the_service_switches_to_a_new_revision_without_failing_a_request(self):
        svc = Service("revision_poll_s: 1\nrate_limit: {per_second: 100000, burst: 100000}\n")
        store = os.path.join(svc.folder, "zoning.gpkg")
        shutil.copy(os.path.join(YONGJIA, "zoning.gpkg"), store)
        svc.zones = store
        try:
            svc.add_user("alice", "approver", PASSWORD)
            token = svc.token("alice")
            svc.start()
            first = svc.execute(token, {"site_wkt": SITE})
            self.assertEqual(first.status, 200, first)
            before = first.json()["store_revision"]
            self.assertEqual(len(jz06_hits(first.json())), 1)

            replies, stop = [], threading.Event()

            def client():
                while not stop.is_set():
                    replies.append(svc.execute(token, {"site_wkt": SITE}))

            threads = [threading.Thread(target=client) for _ in range(3)]
            for t in threads:
                t.start()
            source = os.path.join(svc.folder, "prohibited.gpkg")
            subprocess.run(["ogr2ogr", "-f", "GPKG", source, store, "prohibited_zones",
                            "-where", "zone_id <> 'JZ-06'"], check=True, capture_output=True)
            run_cli("store", "import-layer", store, "prohibited_zones", source,
                    "--reason", "test: JZ-06 withdrawn")
            deadline = time.time() + 120
            while time.time() < deadline:
                if replies and replies[-1].status == 200 and \
                        replies[-1].json()["store_revision"] != before:
                    break
                time.sleep(0.2)
            time.sleep(1)  # a few more requests on the new revision
            stop.set()
            for t in threads:
                t.join()

            self.assertTrue(replies)
            self.assertEqual({r.status for r in replies}, {200}, [r for r in replies
                                                                  if r.status != 200][:3])
            revisions = [r.json()["store_revision"] for r in replies]
            after = revisions[-1]
            self.assertEqual(after, before + 1)
            self.assertEqual(set(revisions), {before, after})
            # Monotonic per client is not guaranteed across threads, but each answer is
            # consistent with the revision it names.
            for r in replies:
                doc = r.json()
                self.assertEqual(len(jz06_hits(doc)), 1 if doc["store_revision"] == before else 0)
            self.assertIn("now serving revision", svc.log_text())

            rows = list(csv.DictReader(io.StringIO(run_cli("ledger", "--db", svc.db)
                                                    .stdout.decode())))
            by_job = {r["job_id"]: r["store_revision"] for r in rows}
            for r in replies:
                doc = r.json()
                self.assertEqual(by_job[doc["job_id"]], str(doc["store_revision"]))
        finally:
            svc.close()


if __name__ == "__main__":
    unittest.main()
