"""The PDF report of a screening from a live `redline serve` (GET /jobs/{id}/results/report.pdf),
read back by an independent reader (poppler's pdftotext): the report the viewer prints, for every
site of the job, with searchable Chinese (龙湾潭), every hit's zone name from the JSON result,
the store and rule-set lines; the links that lead to it; object-level authorization (another
approver's job is 404, a reviewer reads it); the per-report site limit (413). Builds without the
viewer (the sanitizer presets) have no PDF report: then these tests are skipped."""

import json
import os
import re
import subprocess
import unittest

from harness import YONGJIA, Service, ServiceTest

PDF_BUILD = os.environ.get("REDLINE_SERVICE_PDF") == "1"


def sites_geojson(*ids):
    """Some of the dataset's sites as GeoJSON in EPSG:4549, written by GDAL's ogr2ogr."""
    where = "site_id IN (" + ",".join(f"'{i}'" for i in ids) + ")"
    r = subprocess.run(["ogr2ogr", "-f", "GeoJSON", "/vsistdout/",
                        os.path.join(YONGJIA, "sites.gpkg"), "sites", "-where", where,
                        "-lco", "RFC7946=NO"], capture_output=True, check=True)
    return json.loads(r.stdout)


def pdf_text(pdf):
    """pdftotext's reading of the PDF, without white space (long names wrap in table cells)."""
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                       check=True)
    return re.sub(r"\s+", "", r.stdout.decode("utf-8"))


@unittest.skipUnless(PDF_BUILD, "redline was built without the viewer: no PDF report")
class PdfReport(ServiceTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        r = cls.svc.execute(cls.t["alice"], {"sites": sites_geojson("D12", "D13")})
        assert r.status == 200, r
        cls.reply = r
        cls.doc = r.json()
        cls.job = cls.doc["job_id"]

    def test_the_pdf_names_the_sites_every_hit_and_the_provenance(self):
        r = self.svc.request("GET", f"/jobs/{self.job}/results/report.pdf", self.t["alice"])
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], "application/pdf")
        self.assertTrue(r.body.startswith(b"%PDF-"))
        text = pdf_text(r.body)
        self.assertIn("龙湾潭", text)  # not ⻰湾潭: the text is searchable
        self.assertEqual(len(self.doc["sites"]), 2)
        for site in self.doc["sites"]:
            self.assertIn(site["site_id"], text)
            self.assertIn(re.sub(r"\s+", "", site["name"]), text)
            self.assertIn(site["verdict_zh"], text)
            self.assertTrue(site["hits"], site["site_id"])
            for hit in site["hits"]:
                self.assertIn(re.sub(r"\s+", "", hit["zone_name"]), text, hit)
        # The provenance lines: rule set and version, the store and its revision line.
        self.assertIn(f"{self.doc['rules']}（版本{self.doc['rules_version']}）", text)
        self.assertIn("datasets/yongjia/catalog.yaml", text)
        self.assertIn("数据版本", text)
        # Each site starts a page: the report title once per site.
        self.assertEqual(text.count("建设项目选址生态环境分区管控初筛报告"), 2)

    def test_results_and_job_status_link_the_pdf(self):
        pdf = f"/jobs/{self.job}/results/report.pdf"
        self.assertIn(pdf + '>; rel="alternate"; type="application/pdf"', self.reply.headers["link"])
        results = self.svc.request("GET", f"/jobs/{self.job}/results", self.t["alice"])
        self.assertIn(self.svc.base + pdf + '>; rel="alternate"; type="application/pdf"',
                      results.headers["link"])
        status = self.svc.request("GET", f"/jobs/{self.job}", self.t["alice"]).json()
        links = [l for l in status["links"] if l["type"] == "application/pdf"]
        self.assertEqual([(l["rel"], l["href"]) for l in links],
                         [("alternate", self.svc.base + pdf)])
        listed = self.svc.request("GET", "/jobs", self.t["alice"]).json()["jobs"]
        mine = [j for j in listed if j["jobID"] == self.job]
        self.assertIn(self.svc.base + pdf, [l["href"] for l in mine[0]["links"]])
        api = self.svc.request("GET", "/api").json()
        self.assertIn("application/pdf", api["paths"]["/jobs/{jobId}/results/report.pdf"]["get"]
                      ["responses"]["200"]["content"])

    def test_another_approver_or_a_planner_gets_404_and_a_reviewer_reads_it(self):
        path = f"/jobs/{self.job}/results/report.pdf"
        self.assertProblem(self.svc.request("GET", path, self.t["bob"]), 404)
        self.assertProblem(self.svc.request("GET", path, self.t["paul"]), 404)  # a planner
        self.assertProblem(self.svc.request("GET", path), 401)
        r = self.svc.request("GET", path, self.t["rita"])
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.body.startswith(b"%PDF-"))
        self.assertProblem(self.svc.request("GET", "/jobs/" + "0" * 32 + "/results/report.pdf",
                                            self.t["alice"]), 404)


@unittest.skipUnless(PDF_BUILD, "redline was built without the viewer: no PDF report")
class PdfReportLimit(ServiceTest):
    config = "reports:\n  pdf_max_sites: 1\n"

    def test_a_job_with_more_sites_than_a_pdf_holds_is_413(self):
        r = self.svc.execute(self.t["alice"], {"sites": sites_geojson("D12", "D13")})
        self.assertEqual(r.status, 200, r)
        job = r.json()["job_id"]
        doc = self.assertProblem(
            self.svc.request("GET", f"/jobs/{job}/results/report.pdf", self.t["alice"]), 413)
        self.assertIn("report.html", doc["detail"])
        self.assertEqual(
            self.svc.request("GET", f"/jobs/{job}/results/report.html", self.t["alice"]).status,
            200)


if __name__ == "__main__":
    unittest.main()
