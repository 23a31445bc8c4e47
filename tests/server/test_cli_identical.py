"""The service answers exactly what `redline screen` writes for the same input: the JSON of a
synchronous execution, minus the three lines the service adds (job_id, user, input_sha256),
equals the CLI's output byte for byte, for the Yongjia sites in every format."""

import json
import os
import re
import tempfile
import unittest

from formats import make_formats
from harness import ZONES, ServiceTest, run_cli

SERVICE_LINES = re.compile(rb'^  "(job_id|user|input_sha256)": "[^"]*",\n', re.M)


class CliIdentical(ServiceTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.folder = tempfile.mkdtemp(prefix="redline-formats-")
        cls.files = make_formats(cls.folder)

    def cli(self, path, extra):
        args = ["screen", "--zones", ZONES, "--sites", os.path.basename(path)]
        for k, v in extra.items():
            args += ["--" + k.replace("_", "-"), v]
        return run_cli(*args, cwd=os.path.dirname(path)).stdout

    def service(self, name, path, extra):
        r = self.svc.upload(self.t["alice"], path, fields=extra)
        self.assertEqual(r.status, 200, f"{name}: {r}")
        return r.body

    def check_identical(self, name):
        path, extra = self.files[name]
        cli = self.cli(path, extra)
        served = self.service(name, path, extra)
        self.assertEqual(len(SERVICE_LINES.findall(served)), 3)
        self.assertEqual(SERVICE_LINES.sub(b"", served), cli, name)
        self.assertGreater(len(json.loads(cli)["sites"]), 0)

    def test_jzd_list(self):
        self.check_identical("jzd")

    def test_gcj02_geojson(self):
        self.check_identical("geojson_gcj02")

    def test_geopackage(self):
        self.check_identical("gpkg")

    def test_kml(self):
        self.check_identical("kml")

    def test_kmz(self):
        self.check_identical("kmz")

    def test_csv(self):
        self.check_identical("csv")

    def test_xlsx(self):
        self.check_identical("xlsx")

    def test_dxf(self):
        self.check_identical("dxf")

    def test_zipped_shapefile_gives_the_sites_of_the_shapefile(self):
        path, extra = self.files["shp"]
        cli = json.loads(self.cli(path, extra))
        served = json.loads(self.service("zip", self.files["zip"][0], extra))
        self.assertEqual(served["sites"], cli["sites"])
        self.assertEqual(served["sites_source"], "parcels.zip")

    def test_wkt(self):
        wkt = "POLYGON ((563800 3115200, 563900 3115200, 563900 3115300, 563800 3115200))"
        cli = run_cli("screen", "--zones", ZONES, "--site-wkt", wkt, "--buffer", "250").stdout
        r = self.svc.execute(self.t["alice"], {"site_wkt": wkt, "buffer": 250})
        self.assertEqual(SERVICE_LINES.sub(b"", r.body), cli)


if __name__ == "__main__":
    unittest.main()
