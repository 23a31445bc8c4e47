"""A job's HTML and PDF report maps show the zoning of the revision it was screened against, not
the store's current one. A copy of the Yongjia GeoPackage gets one more ecological-redline zone
(a 200 m square 250 m east of the test site, beyond the 100 m proximity buffer: on the map, not
in the hits) with `redline store import-layer` (revision N); the service screens the site; the
zone is withdrawn again (N+1). Once the service answers from N+1, the old job's report.html draws
the square where it is (its corners, turned into the map's pixels by the transform the site's own
outline gives) and its report.pdf labels it by name (pdftotext); a new job's reports show
neither. Then the service is restarted on a store that never had revision N, and then on another
store: the old job's map is the current zoning, and both reports say so, naming both revisions
(and both stores)."""

import json
import os
import re
import shutil
import subprocess
import time
import unittest

from harness import PASSWORD, YONGJIA, Service, run_cli

PDF_BUILD = os.environ.get("REDLINE_SERVICE_PDF") == "1"
SHOTS = os.environ.get("REDLINE_SCREENSHOT_DIR", "/tmp/redline-web-screenshots")

SITE = (561000, 3105000, 561400, 3105400)   # EPSG:4549, 14 km from any ecological redline
ZONE = (561650, 3105100, 561850, 3105300)   # 250 m east of the site
ZONE_ID, ZONE_NAME = "ER-TEST-1", "回溯测试区"


def box_wkt(b):
    x0, y0, x1, y1 = b
    return f"POLYGON (({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def pdf_text(pdf):
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                       check=True)
    return re.sub(r"\s+", "", r.stdout.decode("utf-8"))


def svg_map(html):
    """The (only) site map of a report.html: its zoning layers' paths by kind, and the site's
    outline (the last path of the site group) as pixel points."""
    svg = re.search(r'<svg class="map".*?</svg>', html, re.S).group(0)
    size = tuple(float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', svg).groups())
    layers = {m.group(1): re.findall(r'<path d="([^"]*)"', m.group(2))
              for m in re.finditer(r'<g class="layer" data-kind="([^"]*)">(.*?)</g>', svg, re.S)}
    site = re.search(r'<g class="site">(.*?)</g>', svg, re.S).group(1)
    outline = re.findall(r'<path d="([^"]*)"', site)[-1]
    return layers, points(outline), size


def points(d):
    return [(float(x), float(y)) for x, y in re.findall(r"[ML]([-\d.]+) ([-\d.]+)", d)]


def pixel_transform(outline, inverse=False):
    """Metres -> SVG pixels (or back), from the site's outline, whose corners are SITE's."""
    xs, ys = [p[0] for p in outline], [p[1] for p in outline]
    scale = (max(xs) - min(xs)) / (SITE[2] - SITE[0])
    if inverse:
        return lambda px, py: (SITE[0] + (px - min(xs)) / scale, SITE[3] - (py - min(ys)) / scale)
    return lambda x, y: (min(xs) + (x - SITE[0]) * scale, min(ys) + (SITE[3] - y) * scale)


def draws_zone(layers, outline):
    """Whether an ecological-redline path has the test zone's four corners (to 0.3 px)."""
    to_px = pixel_transform(outline)
    corners = [to_px(x, y) for x, y in [(ZONE[0], ZONE[1]), (ZONE[2], ZONE[1]),
                                        (ZONE[2], ZONE[3]), (ZONE[0], ZONE[3])]]
    for d in layers.get("ecological_redline", []):
        pts = points(d)
        if all(any(abs(px - cx) < 0.3 and abs(py - cy) < 0.3 for px, py in pts)
               for cx, cy in corners):
            return True
    return False


def map_notes(html):
    return re.findall(r'<p class="map-note">(.*?)</p>', html, re.S)


class ReportMapRevision(unittest.TestCase):
    def setUp(self):
        self.svc = Service("revision_poll_s: 1\n")
        self.store = os.path.join(self.svc.folder, "zoning.gpkg")
        shutil.copy(os.path.join(YONGJIA, "zoning.gpkg"), self.store)
        self.svc.zones = self.store

    def tearDown(self):
        self.svc.close()

    def layer_copy(self, name):
        path = os.path.join(self.svc.folder, name)
        subprocess.run(["ogr2ogr", "-f", "GPKG", path, self.store, "ecological_redline"],
                       check=True, capture_output=True)
        return path

    def features_near(self, store, box):
        """ecological_redline features meeting `box` (metres), by GDAL's ogrinfo."""
        r = subprocess.run(["ogrinfo", "-q", "-ro", store, "ecological_redline", "-spat",
                            *map(str, box)], check=True, capture_output=True)
        return len(re.findall(r"^OGRFeature", r.stdout.decode(), re.M))

    def screen(self, token):
        r = self.svc.execute(token, {"site_wkt": box_wkt(SITE)})
        self.assertEqual(r.status, 200, r)
        doc = r.json()
        self.assertNotIn(ZONE_ID, [h.get("zone_id") for h in doc["sites"][0]["hits"]])
        return doc

    def reports(self, token, job):
        html = self.svc.request("GET", f"/jobs/{job}/results/report.html", token)
        self.assertEqual(html.status, 200, html)
        pdf = None
        if PDF_BUILD:
            pdf = self.svc.request("GET", f"/jobs/{job}/results/report.pdf", token)
            self.assertEqual(pdf.status, 200, pdf)
        return html.body.decode(), pdf.body if pdf else None

    def keep(self, name, html, pdf):
        os.makedirs(SHOTS, exist_ok=True)
        with open(os.path.join(SHOTS, name + ".html"), "w") as f:
            f.write(html)
        if pdf:
            with open(os.path.join(SHOTS, name + ".pdf"), "wb") as f:
                f.write(pdf)

    def test_an_old_job_maps_the_revision_it_was_screened_at(self):
        original = self.layer_copy("redline-original.gpkg")
        with_zone = self.layer_copy("redline-with-zone.gpkg")
        square = os.path.join(self.svc.folder, "zone.csv")
        with open(square, "w") as f:
            f.write("zone_id,name,redline_type,origin,WKT\n"
                    f'{ZONE_ID},{ZONE_NAME},water_conservation,test,"{box_wkt(ZONE)}"\n')
        subprocess.run(["ogr2ogr", "-append", "-nln", "ecological_redline", "-a_srs", "EPSG:4549",
                        "-nlt", "MULTIPOLYGON", with_zone, square, "-oo", "GEOM_POSSIBLE_NAMES=WKT",
                        "-oo", "KEEP_GEOM_COLUMNS=NO"], check=True, capture_output=True)
        run_cli("store", "import-layer", self.store, "ecological_redline", with_zone,
                "--reason", "test: a zone near the site")
        self.assertEqual(self.features_near(self.store, ZONE), 1)

        self.svc.add_user("alice", "approver", PASSWORD)
        token = self.svc.token("alice")
        self.svc.start()
        old = self.screen(token)
        screened = old["store_revision"]

        run_cli("store", "import-layer", self.store, "ecological_redline", original,
                "--reason", "test: the zone withdrawn")
        self.assertEqual(self.features_near(self.store, ZONE), 0)
        deadline = time.time() + 60
        new = self.screen(token)
        while new["store_revision"] == screened and time.time() < deadline:
            time.sleep(0.3)
            new = self.screen(token)
        self.assertEqual(new["store_revision"], screened + 1)

        old_html, old_pdf = self.reports(token, old["job_id"])
        new_html, new_pdf = self.reports(token, new["job_id"])
        self.keep("report-revision-old", old_html, old_pdf)
        self.keep("report-revision-new", new_html, new_pdf)

        layers, outline, size = svg_map(old_html)
        self.assertTrue(draws_zone(layers, outline), layers.keys())
        layers, outline, size = svg_map(new_html)
        self.assertFalse(draws_zone(layers, outline))
        # At N+1 no ecological redline meets what the map shows (its pixel box in metres).
        to_m = pixel_transform(outline, inverse=True)
        shown = (*to_m(0, size[1]), *to_m(size[0], 0))
        self.assertEqual(self.features_near(self.store, shown), 0, shown)
        self.assertNotIn("ecological_redline", layers)
        self.assertEqual(map_notes(old_html) + map_notes(new_html), [])
        if PDF_BUILD:
            self.assertIn(ZONE_NAME, pdf_text(old_pdf))
            self.assertNotIn(ZONE_NAME, pdf_text(new_pdf))

        # A store that never had revision N: the map is the current zoning, and says so.
        self.svc.stop()
        shutil.copy(os.path.join(YONGJIA, "zoning.gpkg"), self.store)
        self.svc.start()
        now = self.screen(token)["store_revision"]
        self.assertLess(now, screened)
        html, pdf = self.reports(token, old["job_id"])
        self.keep("report-revision-fallback", html, pdf)
        layers, outline, size = svg_map(html)
        self.assertFalse(draws_zone(layers, outline))
        notes = map_notes(html)
        self.assertEqual(len(notes), 1, notes)
        self.assertEqual(re.findall(r"r(\d+)", notes[0]), [str(now), str(screened)])
        self.assertIn("could not be read", self.svc.log_text())
        if PDF_BUILD:
            text = pdf_text(pdf)
            self.assertNotIn(ZONE_NAME, text)
            self.assertIn(re.sub(r"\s+", "", notes[0]), text)
        # Another store served: the map is its zoning, and the sentence names both stores.
        self.svc.stop()
        other = os.path.join(self.svc.folder, "other.gpkg")
        shutil.copy(os.path.join(YONGJIA, "zoning.gpkg"), other)
        self.svc.zones = other
        self.svc.start()
        html, _ = self.reports(token, old["job_id"])
        notes = map_notes(html)
        self.assertEqual(len(notes), 1, notes)
        self.assertLess(notes[0].index(other), notes[0].index(self.store), notes[0])
        self.assertIn(f"r{screened}", notes[0])
        # The verdicts and figures stay the archived ones.
        doc = self.svc.request("GET", f"/jobs/{old['job_id']}/results", token).json()
        self.assertEqual(doc["store_revision"], screened)
        self.assertEqual([(s["verdict"], s["hits"]) for s in doc["sites"]],
                         [(s["verdict"], s["hits"]) for s in old["sites"]])


if __name__ == "__main__":
    unittest.main()
