"""kill -9 during a batch: after the restart the ledger still holds every screening that
finished, and every job that was waiting or running is failed with a reason (never left
"running"), with a failed entry in the ledger."""

import csv
import io
import json
import random
import unittest

from harness import PASSWORD, Service, run_cli


def many_sites(n, seed):
    rnd = random.Random(seed)
    features = []
    for i in range(n):
        x, y = rnd.uniform(545000, 590000), rnd.uniform(3105000, 3155000)
        w = rnd.uniform(20, 300)
        ring = [[x, y], [x + w, y], [x + w, y + w], [x, y + w], [x, y]]
        features.append({"type": "Feature", "properties": {"site_id": f"S{i}"},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    return {"type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
            "features": features}


class Restart(unittest.TestCase):
    def test_kill_during_a_batch_keeps_the_ledger_and_fails_the_interrupted_jobs(self):
        svc = Service("job_workers: 1\n")
        try:
            svc.add_user("alice", "approver", PASSWORD)
            token = svc.token("alice")
            svc.start()
            finished = []
            for x in (563847, 564000, 565000):
                r = svc.execute(token, {"site_wkt": f"POINT ({x} 3115235)"})
                self.assertEqual(r.status, 200, r)
                finished.append(r.json()["job_id"])
            batch = [svc.execute(token, {"sites": many_sites(20000, seed)},
                                 headers={"Prefer": "respond-async"}) for seed in range(3)]
            jobs = [r.json()["jobID"] for r in batch]
            self.assertTrue(all(r.status == 201 for r in batch), batch)
            svc.wait_job(token, jobs[0], statuses=("running", "successful"))
            svc.stop(kill=True)

            svc.start()
            self.assertIn("marked failed", svc.log_text())
            statuses = {j: svc.request("GET", f"/jobs/{j}", token).json() for j in jobs}
            interrupted = [s for s in statuses.values() if s["status"] == "failed"]
            self.assertGreaterEqual(len(interrupted), 2)  # the queued ones at least
            for s in statuses.values():
                self.assertIn(s["status"], ["successful", "failed"])
                if s["status"] == "failed":
                    self.assertIn("service stopped", s["message"])
            rows = list(csv.DictReader(io.StringIO(
                run_cli("ledger", "--db", svc.db).stdout.decode())))
            ok = {r["job_id"] for r in rows if r["outcome"] == "successful"}
            failed = {r["job_id"]: r["message"] for r in rows if r["outcome"] == "failed"}
            self.assertTrue(set(finished) <= ok)
            for s in interrupted:
                self.assertIn("service stopped", failed[s["jobID"]])
            # Results of the finished jobs survived the restart too.
            r = svc.request("GET", f"/jobs/{finished[0]}/results", token)
            self.assertEqual(r.json()["job_id"], finished[0])
        finally:
            svc.close()


if __name__ == "__main__":
    unittest.main()
