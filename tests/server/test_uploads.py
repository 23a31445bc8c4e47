"""Uploaded files that must be refused with a 400 naming the problem — zip slip, zip bombs,
archives holding the wrong things, files that are not what their name says, a GDAL VRT dressed
as CSV that would read the server's own files — and never a server path in the answer."""

import io
import os
import zipfile

from harness import YONGJIA, ServiceTest


def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buf.getvalue()


class Uploads(ServiceTest):
    def refused(self, name, data, fields=None):
        r = self.svc.upload(self.t["alice"], None, name=name, data=data, fields=fields)
        doc = self.assertProblem(r, 400)
        self.assertNotIn("/tmp", doc["detail"])
        self.assertNotIn("redline-serve-", doc["detail"])
        return doc["detail"]

    def test_zip_entries_escaping_their_folder_are_refused(self):
        with open(os.path.join(YONGJIA, "sites_jzd.txt"), "rb") as f:
            jzd = f.read()
        for evil in ["../sites.txt", "a/../../sites.txt", "/etc/cron.d/x.txt", "..\\x.txt",
                     "C:/x.txt"]:
            detail = self.refused("parcels.zip", zip_bytes([(evil, jzd)]))
            self.assertIn("outside its folder", detail, evil)

    def test_a_zip_bomb_is_refused_before_it_fills_the_disk(self):
        bomb = zip_bytes([("sites.txt", b"\0" * (64 * 1024 * 1024))])
        self.assertLess(len(bomb), 200 * 1024)
        detail = self.refused("parcels.zip", bomb)
        self.assertIn("zip bomb", detail)
        # Same inside a KMZ or an XLSX, which GDAL would otherwise inflate itself.
        self.assertIn("zip bomb", self.refused("sites.kmz", zip_bytes([("doc.kml", b" " * (64 << 20))])))
        self.assertIn("zip bomb", self.refused("sites.xlsx", zip_bytes([("x.xml", b" " * (64 << 20))])))

    def test_too_many_entries_are_refused(self):
        detail = self.refused("parcels.zip", zip_bytes([(f"f{i}.txt", b"x") for i in range(300)]))
        self.assertIn("entries", detail)

    def test_an_archive_must_hold_one_site_source(self):
        detail = self.refused("parcels.zip", zip_bytes([("a.shp", b"x"), ("b.shp", b"y")]))
        self.assertIn("exactly one shapefile", detail)
        self.refused("parcels.zip", zip_bytes([("readme.md", b"hello")]))
        self.refused("parcels.zip", b"PK\x03\x04 this is not really a zip")

    def test_files_that_are_not_what_they_claim(self):
        self.assertIn("not accepted", self.refused("virus.exe", b"MZ\x90\0"))
        self.assertIn("not text", self.refused("sites.txt", b"\x89PNG\r\n\x1a\n\0\0"))
        self.assertIn("GeoPackage", self.refused("sites.gpkg", b"not sqlite"))
        self.assertIn("zip", self.refused("sites.kmz", b"<kml/>"))
        self.assertIn("zip them together", self.refused("parcels.shp", b"\0\0\x27\x0a"))
        self.assertIn("empty", self.refused("sites.txt", b""))

    def test_a_vrt_posing_as_csv_cannot_read_server_files(self):
        vrt = (b'<OGRVRTDataSource><OGRVRTLayer name="sites"><SrcDataSource>/etc/passwd'
               b'</SrcDataSource><GeometryType>wkbNone</GeometryType></OGRVRTLayer>'
               b'</OGRVRTDataSource>\n')
        r = self.svc.upload(self.t["alice"], None, name="sites.csv", data=vrt)
        self.assertNotEqual(r.status, 200)
        self.assertNotIn(b"root:", r.body)

    def test_a_broken_jzd_list_names_the_file_as_uploaded(self):
        detail = self.refused("申报地块.txt", "[地块坐标]\n1,2,3\n".encode("gbk"))
        self.assertIn("申报地块.txt", detail)
