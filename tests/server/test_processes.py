"""OGC API – Processes against a live `redline serve`: discovery documents, synchronous and
asynchronous execution, jobs, dismiss, object-level authorization, reports, bad inputs."""

import json
import os
import subprocess
import tempfile
import unittest

from harness import YONGJIA, ServiceTest, run_cli, sha256_file, b64_file

D27_ATTRIBUTES = {"industry_code": "C2929", "project_type": "industrial", "construction": "new",
                  "discharges_pollutants": 0, "sewage_outfall": 0, "increases_discharge": 0,
                  "heavy_water_polluter": 0, "high_total_nitrogen": 0,
                  "new_construction_land": 0, "unavoidable": 0, "in_county_plan": 0,
                  "national_major": 0, "zj_industrial_class": 2}


def designed_sites_geojson():
    """The dataset's sites as GeoJSON in EPSG:4549, written by GDAL (not by redline)."""
    r = subprocess.run(["ogr2ogr", "-f", "GeoJSON", "/vsistdout/",
                        os.path.join(YONGJIA, "sites.gpkg"), "sites", "-lco", "RFC7946=NO"],
                       capture_output=True, check=True)
    return json.loads(r.stdout)


class Discovery(ServiceTest):
    def test_landing_page_links_the_api_data_and_processes(self):
        r = self.svc.request("GET", "/")
        self.assertEqual(r.status, 200)
        rels = {l["rel"]: l["href"] for l in r.json()["links"]}
        self.assertEqual(rels["service-desc"], self.svc.base + "/api")
        self.assertEqual(rels["data"], self.svc.base + "/collections")
        self.assertEqual(rels["conformance"], self.svc.base + "/conformance")
        self.assertEqual(rels["http://www.opengis.net/def/rel/ogc/1.0/processes"],
                         self.svc.base + "/processes")
        self.assertEqual(rels["http://www.opengis.net/def/rel/ogc/1.0/job-list"],
                         self.svc.base + "/jobs")

    def test_links_ignore_a_forged_host_header(self):
        r = self.svc.request("GET", "/", headers={"Host": "evil.example",
                                                  "X-Forwarded-Host": "evil.example"})
        self.assertNotIn(b"evil.example", r.body)

    def test_conformance_declares_processes_and_features_classes(self):
        classes = self.svc.request("GET", "/conformance").json()["conformsTo"]
        for c in ["ogcapi-processes-1/1.0/conf/core", "ogcapi-processes-1/1.0/conf/job-list",
                  "ogcapi-processes-1/1.0/conf/dismiss", "ogcapi-processes-1/1.0/conf/json",
                  "ogcapi-processes-1/1.0/conf/ogc-process-description",
                  "ogcapi-features-1/1.0/conf/core", "ogcapi-features-1/1.0/conf/geojson",
                  "ogcapi-features-1/1.0/conf/oas30"]:
            self.assertIn("http://www.opengis.net/spec/" + c, classes)

    def test_openapi_document_describes_every_endpoint(self):
        r = self.svc.request("GET", "/api")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.headers["content-type"].startswith("application/vnd.oai.openapi+json"))
        doc = r.json()
        self.assertTrue(doc["openapi"].startswith("3.0"))
        self.assertEqual(doc["servers"][0]["url"], self.svc.base)
        for p in ["/processes", "/processes/{processId}", "/processes/{processId}/execution",
                  "/jobs", "/jobs/{jobId}", "/jobs/{jobId}/results", "/collections",
                  "/collections/{collectionId}/items", "/auth/login"]:
            self.assertIn(p, doc["paths"])
        self.assertIn("delete", doc["paths"]["/jobs/{jobId}"])

    def test_process_list_and_description(self):
        r = self.svc.request("GET", "/processes", self.t["alice"])
        self.assertEqual([p["id"] for p in r.json()["processes"]], ["screen"])
        d = self.svc.request("GET", "/processes/screen", self.t["alice"]).json()
        self.assertEqual(set(d["jobControlOptions"]), {"sync-execute", "async-execute", "dismiss"})
        for name in ["sites", "site_wkt", "site_crs", "buffer", "rules", "site_attributes"]:
            self.assertIn(name, d["inputs"])
        self.assertIn("report", d["outputs"])
        self.assertProblem(self.svc.request("GET", "/processes/nope", self.t["alice"]), 404)

    def test_unknown_paths_and_wrong_methods(self):
        self.assertProblem(self.svc.request("GET", "/nowhere", self.t["alice"]), 404)
        r = self.svc.request("PUT", "/jobs", self.t["alice"], body=b"{}")
        self.assertProblem(r, 405)
        self.assertEqual(r.headers["allow"], "GET")
        self.assertProblem(self.svc.request("GET", "/processes/screen/execution", self.t["alice"]),
                           405)


class Authentication(ServiceTest):
    def test_no_token_is_401_with_a_bearer_challenge(self):
        r = self.svc.request("GET", "/jobs")
        self.assertProblem(r, 401)
        self.assertIn("Bearer", r.headers["www-authenticate"])

    def test_a_mistyped_or_unknown_token_is_401(self):
        good = self.t["alice"]
        self.assertProblem(self.svc.request("GET", "/jobs", good[:-1] + "x"), 401)
        self.assertProblem(self.svc.request("GET", "/jobs", "not-a-token"), 401)
        self.assertProblem(self.svc.request("GET", "/jobs", headers={"Authorization": "Basic eDp5"}),
                           401)

    def test_only_approvers_screen(self):
        for who in ["rita", "paul", "adam"]:
            r = self.svc.execute(self.t[who], {"site_wkt": "POINT (563847 3115235)"})
            self.assertProblem(r, 403)

    def test_admins_list_accounts_and_nobody_else_does(self):
        r = self.svc.request("GET", "/users", self.t["adam"])
        self.assertEqual(r.status, 200)
        self.assertEqual({u["user"] for u in r.json()["users"]},
                         {"alice", "bob", "rita", "paul", "adam"})
        self.assertNotIn(b"argon2", r.body)
        self.assertProblem(self.svc.request("GET", "/users", self.t["alice"]), 403)


class Execution(ServiceTest):
    def test_synchronous_wkt_returns_the_report_with_service_provenance(self):
        wkt = "POINT (563847 3115235)"
        r = self.svc.execute(self.t["alice"], {"site_wkt": wkt})
        self.assertEqual(r.status, 200, r)
        doc = r.json()
        self.assertEqual(doc["user"], "alice")
        self.assertEqual(doc["input_sha256"],
                         __import__("hashlib").sha256(wkt.encode()).hexdigest())
        self.assertEqual(len(doc["job_id"]), 32)
        self.assertEqual(doc["rules"], "rules.yongjia")
        self.assertEqual(len(doc["sites"]), 1)
        self.assertIn(f"/jobs/{doc['job_id']}/results/report.html", r.headers["link"])
        # The job exists and serves the same result.
        again = self.svc.request("GET", f"/jobs/{doc['job_id']}/results", self.t["alice"])
        self.assertEqual(again.body, r.body)

    def test_designed_cases_get_the_dataset_verdicts(self):
        fc = designed_sites_geojson()
        r = self.svc.execute(self.t["alice"], {"sites": fc})
        self.assertEqual(r.status, 200, r)
        expected = {f["properties"]["site_id"]: f["properties"]["expected_verdict"]
                    for f in fc["features"] if f["properties"].get("expected_verdict")}
        got = {s["site_id"]: s["verdict"] for s in r.json()["sites"]}
        self.assertEqual(len(got), 48)
        self.assertEqual({k: got[k] for k in expected}, expected)

    def test_site_attributes_complete_a_jzd_file(self):
        path = os.path.join(YONGJIA, "sites_jzd.txt")
        bare = self.svc.upload(self.t["alice"], path)
        self.assertEqual(bare.status, 200, bare)
        self.assertEqual(bare.json()["sites"][0]["verdict"], "needs_review")  # 信息不足
        full = self.svc.upload(self.t["alice"], path,
                               fields={"site_attributes": json.dumps(D27_ATTRIBUTES)})
        self.assertEqual(full.status, 200, full)
        site = full.json()["sites"][0]
        self.assertEqual(site["site_id"], "D27")
        self.assertEqual(site["verdict"], "restricted")  # the dataset's expected verdict
        self.assertEqual(full.json()["sites_source"], "sites_jzd.txt")
        self.assertEqual(full.json()["input_sha256"], sha256_file(path))

    def test_an_unknown_project_attribute_is_400_naming_the_input(self):
        r = self.svc.execute(self.t["alice"], {"site_wkt": "POINT (563847 3115235)",
                                               "site_attributes": {"township": "桥头镇"}})
        doc = self.assertProblem(r, 400)
        self.assertTrue(doc["detail"].startswith("input 'site_attributes': 'township' is not a "
                                                 "project attribute"), doc)

    def test_a_file_can_also_come_as_base64_in_json(self):
        path = os.path.join(YONGJIA, "sites_jzd.txt")
        r = self.svc.execute(self.t["alice"], {"sites": {"value": b64_file(path),
                                                         "encoding": "base64",
                                                         "filename": "sites_jzd.txt"}})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["sites"][0]["site_id"], "D27")

    def test_asynchronous_job_runs_and_serves_its_results(self):
        fc = designed_sites_geojson()
        r = self.svc.execute(self.t["alice"], {"sites": fc, "buffer": 200},
                             headers={"Prefer": "respond-async"})
        self.assertEqual(r.status, 201, r)
        info = r.json()
        job = info["jobID"]
        self.assertEqual(r.headers["location"], f"{self.svc.base}/jobs/{job}")
        self.assertIn(info["status"], ["accepted", "running"])
        done = self.svc.wait_job(self.t["alice"], job)
        self.assertEqual(done["status"], "successful")
        rels = {l["rel"] for l in done["links"]}
        self.assertIn("http://www.opengis.net/def/rel/ogc/1.0/results", rels)
        result = self.svc.request("GET", f"/jobs/{job}/results", self.t["alice"]).json()
        self.assertEqual(result["job_id"], job)
        self.assertEqual(len(result["sites"]), 48)
        listed = self.svc.request("GET", "/jobs?limit=1000", self.t["alice"]).json()["jobs"]
        self.assertIn(job, [j["jobID"] for j in listed])

    def test_html_report_is_served_with_a_strict_content_security_policy(self):
        r = self.svc.execute(self.t["alice"], {"sites": designed_sites_geojson()})
        job = r.json()["job_id"]
        html = self.svc.request("GET", f"/jobs/{job}/results/report.html", self.t["alice"])
        self.assertEqual(html.status, 200)
        self.assertTrue(html.headers["content-type"].startswith("text/html"))
        self.assertIn("default-src 'none'", html.headers["content-security-policy"])
        self.assertIn("穿越红线的县道改线工程".encode(), html.body)


class ObjectLevelAuthorization(ServiceTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        r = cls.svc.execute(cls.t["alice"], {"site_wkt": "POINT (563847 3115235)"})
        cls.job = r.json()["job_id"]

    def test_another_approvers_job_is_not_found(self):
        for path in [f"/jobs/{self.job}", f"/jobs/{self.job}/results",
                     f"/jobs/{self.job}/results/report.html"]:
            doc = self.assertProblem(self.svc.request("GET", path, self.t["bob"]), 404)
            self.assertEqual(doc["type"], "http://www.opengis.net/def/exceptions/"
                                          "ogcapi-processes-1/1.0/no-such-job")
        self.assertProblem(self.svc.request("DELETE", f"/jobs/{self.job}", self.t["bob"]), 404)
        listed = self.svc.request("GET", "/jobs", self.t["bob"]).json()["jobs"]
        self.assertNotIn(self.job, [j["jobID"] for j in listed])

    def test_reviewers_read_every_job_but_do_not_dismiss_it(self):
        r = self.svc.request("GET", f"/jobs/{self.job}/results", self.t["rita"])
        self.assertEqual(r.status, 200)
        listed = self.svc.request("GET", "/jobs", self.t["rita"]).json()["jobs"]
        self.assertIn(self.job, [j["jobID"] for j in listed])
        self.assertProblem(self.svc.request("DELETE", f"/jobs/{self.job}", self.t["rita"]), 403)

    def test_planners_do_not_read_reports(self):
        self.assertProblem(self.svc.request("GET", f"/jobs/{self.job}", self.t["paul"]), 404)

    def test_dismissed_job_is_gone_from_the_api_but_kept_in_the_ledger(self):
        r = self.svc.execute(self.t["alice"], {"site_wkt": "POINT (563900 3115300)"})
        job = r.json()["job_id"]
        d = self.svc.request("DELETE", f"/jobs/{job}", self.t["alice"])
        self.assertEqual(d.status, 200, d)
        self.assertEqual(d.json()["status"], "dismissed")
        self.assertProblem(self.svc.request("GET", f"/jobs/{job}", self.t["alice"]), 404)
        self.assertProblem(self.svc.request("DELETE", f"/jobs/{job}", self.t["alice"]), 404)
        ledger = run_cli("ledger", "--db", self.svc.db, "--format", "json").stdout
        self.assertIn(job, [e["job_id"] for e in json.loads(ledger)])


class BadInput(ServiceTest):
    def problem(self, inputs=None, body=None, content_type="application/json"):
        if body is None:
            body = json.dumps({"inputs": inputs}).encode()
        r = self.svc.request("POST", "/processes/screen/execution", self.t["alice"], body=body,
                             headers={"Content-Type": content_type})
        doc = self.assertProblem(r, 400)
        self.assertNotIn("/tmp", doc["detail"])
        return doc["detail"]

    def test_malformed_geojson_is_400(self):
        self.assertIn("not valid JSON", self.problem(body=b'{"inputs": {"sites": {"type": '))
        self.assertIn("GeoJSON", self.problem({"sites": {"type": "Circle", "radius": 3}}))
        detail = self.problem({"sites": {"type": "Polygon", "coordinates": [[[1, 2], [3]]]}})
        self.assertIn("sites.geojson", detail)
        self.problem({"sites": {"type": "FeatureCollection", "features": "none"}})

    def test_unknown_or_conflicting_inputs_are_400(self):
        self.assertIn("'colour'", self.problem({"site_wkt": "POINT (1 2)", "colour": "red"}))
        self.assertIn("exactly one", self.problem({}))
        self.assertIn("exactly one", self.problem({"site_wkt": "POINT (563847 3115235)",
                                                   "sites": {"type": "Point",
                                                             "coordinates": [1, 2]}}))
        self.problem({"site_wkt": "POINT (563847"})

    def test_values_that_could_reach_server_files_are_refused(self):
        self.assertIn("site_crs", self.problem({"site_wkt": "POINT (1 2)",
                                                "site_crs": "/etc/passwd"}))
        self.assertIn("site_crs", self.problem({"site_wkt": "POINT (1 2)",
                                                "site_crs": 'GEOGCS["x"]'}))
        self.assertIn("rules", self.problem({"site_wkt": "POINT (1 2)",
                                             "rules": "/etc/passwd"}))
        self.assertIn("references", self.problem({"sites": {"href": "file:///etc/passwd"}}))

    def test_out_of_range_numbers_and_deep_json_are_400(self):
        self.assertIn("buffer", self.problem({"site_wkt": "POINT (1 2)", "buffer": -1}))
        self.assertIn("buffer", self.problem({"site_wkt": "POINT (1 2)", "buffer": 1e9}))
        self.assertIn("deeper", self.problem(body=b'{"inputs": ' + b"[" * 100000 + b"]" * 100000
                                             + b"}"))

    def test_other_content_types_are_400(self):
        self.problem(body=b"POINT (1 2)", content_type="text/plain")


if __name__ == "__main__":
    unittest.main()
