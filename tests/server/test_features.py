"""OGC API – Features from the live service, read by GDAL's own OAPIF driver (as QGIS reads it)
and compared with GDAL reading the store's GeoPackage directly and reprojecting it with PROJ:
the same collections, feature counts, ids, attributes and coordinates. Then paging, bbox, and
each user's screened sites."""

import json
import os
import subprocess
import unittest

from harness import YONGJIA, ServiceTest

GPKG = os.path.join(YONGJIA, "zoning.gpkg")


def gdal(*args, headers=None):
    cmd = list(args)
    if headers:
        cmd[1:1] = ["--config", "GDAL_HTTP_HEADERS", headers]
    r = subprocess.run(cmd, capture_output=True, timeout=300)
    if r.returncode != 0:
        raise AssertionError(f"{' '.join(args)}: {r.stderr.decode()}")
    return r.stdout


def features_by_id(geojson_bytes, key):
    return {f["properties"][key]: f for f in json.loads(geojson_bytes)["features"]}


def ring_bbox(geometry):
    xs, ys = [], []

    def walk(c):
        if isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for x in c:
                walk(x)
    walk(geometry["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


class Features(ServiceTest):
    def oapif(self, who="alice"):
        return "OAPIF:" + self.svc.base, "Authorization: Bearer " + self.t[who]

    def test_gdal_lists_every_zoning_layer_and_the_screened_sites(self):
        url, auth = self.oapif()
        listing = gdal("ogrinfo", "-ro", "-q", url, headers=auth).decode()
        for layer in ["ecological_redline", "protected_areas", "water_protection_zones",
                      "prohibited_zones", "control_units", "townships", "county",
                      "screened_sites"]:
            self.assertIn(": " + layer + " ", listing)

    def test_gdal_reads_the_zoning_as_in_the_geopackage(self):
        url, auth = self.oapif()
        for layer, key in [("ecological_redline", "zone_id"), ("control_units", "unit_code"),
                           ("water_protection_zones", "zone_id")]:
            served = features_by_id(
                gdal("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", url, layer, headers=auth), key)
            direct = features_by_id(
                gdal("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", GPKG, layer, "-t_srs",
                     "OGC:CRS84"), key)
            self.assertEqual(set(served), set(direct), layer)
            for k, f in direct.items():
                s = served[k]
                for name, value in f["properties"].items():
                    self.assertEqual(s["properties"].get(name), value, f"{layer} {k} {name}")
                for a, b in zip(ring_bbox(s["geometry"]), ring_bbox(f["geometry"])):
                    self.assertAlmostEqual(a, b, delta=1e-7)  # about 1 cm

    def test_items_page_with_next_links_and_number_matched(self):
        path = "/collections/control_units/items?limit=5"
        total = int(gdal("ogrinfo", "-ro", "-so", GPKG, "control_units").decode()
                    .split("Feature Count: ")[1].split()[0])
        seen, pages = set(), 0
        while path:
            r = self.svc.request("GET", path, self.t["alice"])
            self.assertEqual(r.status, 200, r)
            self.assertEqual(r.headers["content-type"], "application/geo+json")
            doc = r.json()
            self.assertEqual(doc["numberMatched"], total)
            self.assertEqual(doc["numberReturned"], len(doc["features"]))
            seen |= {f["id"] for f in doc["features"]}
            nxt = [l["href"] for l in doc["links"] if l["rel"] == "next"]
            path = nxt[0][len(self.svc.base):] if nxt else None
            pages += 1
        self.assertEqual(len(seen), total)
        self.assertEqual(pages, -(-total // 5))

    def test_bbox_selects_the_features_that_touch_it(self):
        bbox = "120.60,28.10,120.70,28.20"
        doc = self.svc.request("GET", f"/collections/townships/items?bbox={bbox}&limit=1000",
                               self.t["alice"]).json()
        direct = json.loads(gdal("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", GPKG, "townships",
                                 "-t_srs", "OGC:CRS84"))
        expected = set()
        for f in direct["features"]:
            x0, y0, x1, y1 = ring_bbox(f["geometry"])
            if x1 >= 120.60 and x0 <= 120.70 and y1 >= 28.10 and y0 <= 28.20:
                expected.add(f["properties"]["code"])
        self.assertTrue(expected)
        self.assertEqual({f["properties"]["code"] for f in doc["features"]}, expected)
        self.assertEqual(doc["numberMatched"], len(expected))

    def test_one_item_and_bad_parameters(self):
        first = self.svc.request("GET", "/collections/county/items?limit=1", self.t["alice"]).json()
        fid = first["features"][0]["id"]
        one = self.svc.request("GET", f"/collections/county/items/{fid}", self.t["alice"])
        self.assertEqual(one.json()["id"], fid)
        self.assertProblem(self.svc.request("GET", "/collections/county/items/999999",
                                            self.t["alice"]), 404)
        self.assertProblem(self.svc.request("GET", "/collections/nope/items", self.t["alice"]),
                           404)
        for q in ["limit=0", "limit=x", "bbox=1,2,3", "bbox=3,0,1,1", "colour=red",
                  "crs=EPSG:4326"]:
            self.assertProblem(self.svc.request("GET", "/collections/county/items?" + q,
                                                self.t["alice"]), 400)
        self.assertProblem(self.svc.request("GET", "/collections"), 401)

    def test_screened_sites_are_per_user_and_everyone_s_for_reviewers(self):
        self.svc.execute(self.t["bob"], {"site_wkt": "POINT (563847 3115235)"})
        self.svc.execute(self.t["bob"], {"site_wkt": "POINT (563900 3115300)"})
        r = self.svc.execute(self.t["alice"], {"site_wkt": "POINT (565000 3116000)"})
        self.assertEqual(r.status, 200)
        mine = self.svc.request("GET", "/collections/screened_sites/items?limit=100",
                                self.t["alice"]).json()
        self.assertEqual({f["properties"]["user"] for f in mine["features"]}, {"alice"})
        everyone = self.svc.request("GET", "/collections/screened_sites/items?limit=100",
                                    self.t["rita"]).json()
        self.assertEqual({f["properties"]["user"] for f in everyone["features"]},
                         {"alice", "bob"})
        # PROJ's own figure for EPSG:4549 (565000, 3116000); EPSG:4549 reads northing first.
        lonlat = subprocess.run(["cs2cs", "-f", "%.8f", "EPSG:4549", "OGC:CRS84"],
                                input=b"3116000 565000\n", capture_output=True,
                                check=True).stdout.split()
        pt = mine["features"][-1]["geometry"]["coordinates"]
        self.assertAlmostEqual(pt[0], float(lonlat[0]), places=7)
        self.assertAlmostEqual(pt[1], float(lonlat[1]), places=7)
        # And GDAL reads bob's sites for bob only.
        url, auth = self.oapif("bob")
        info = gdal("ogrinfo", "-ro", "-so", url, "screened_sites", headers=auth).decode()
        self.assertIn("Feature Count: 2", info)


if __name__ == "__main__":
    unittest.main()
