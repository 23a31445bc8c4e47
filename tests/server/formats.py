"""Site files in every format the CLI reads, written from the dataset's sites.gpkg by GDAL's own
ogr2ogr (not by redline), plus the bundled 界址点 list and GCJ-02 GeoJSON."""

import os
import shutil
import subprocess
import zipfile

from harness import YONGJIA

SITES = os.path.join(YONGJIA, "sites.gpkg")


def ogr2ogr(*args):
    subprocess.run(["ogr2ogr", *args], check=True, capture_output=True)


def make_formats(folder):
    """Returns {name: (path, extra inputs)} for every format, files named as uploaded."""
    out = {}
    shutil.copy(os.path.join(YONGJIA, "sites_jzd.txt"), folder)
    out["jzd"] = (os.path.join(folder, "sites_jzd.txt"), {})
    shutil.copy(os.path.join(YONGJIA, "sites_gcj02.geojson"), folder)
    out["geojson_gcj02"] = (os.path.join(folder, "sites_gcj02.geojson"), {"site_crs": "gcj02"})
    shutil.copy(SITES, folder)
    out["gpkg"] = (os.path.join(folder, "sites.gpkg"), {})
    polygons = "-where", "site_id IN ('D01','D02','D03','D05','D10','D11','P09')"
    ogr2ogr("-f", "KML", os.path.join(folder, "sites.kml"), SITES, "sites", *polygons)
    out["kml"] = (os.path.join(folder, "sites.kml"), {})
    with zipfile.ZipFile(os.path.join(folder, "sites.kmz"), "w", zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(folder, "sites.kml"), "doc.kml")
    out["kmz"] = (os.path.join(folder, "sites.kmz"), {})
    ogr2ogr("-f", "CSV", os.path.join(folder, "sites.csv"), SITES, "sites",
            "-lco", "GEOMETRY=AS_WKT", *polygons)
    out["csv"] = (os.path.join(folder, "sites.csv"), {"site_crs": "EPSG:4549"})
    # A spreadsheet as officers keep one: a WKT column (ogr2ogr's XLSX has no geometry column).
    ogr2ogr("-f", "XLSX", os.path.join(folder, "sites.xlsx"), SITES, "-dialect", "sqlite",
            "-sql", "SELECT site_id, name, project_type, ST_AsText(geom) AS wkt FROM sites "
            "WHERE site_id IN ('D01','D02','D03','D05','D10','D11','P09')", "-nln", "sites")
    out["xlsx"] = (os.path.join(folder, "sites.xlsx"), {"site_crs": "EPSG:4549"})
    # Site boundaries as CAD users draw them: closed polylines (GDAL writes polygons as HATCH).
    ogr2ogr("-f", "DXF", os.path.join(folder, "sites.dxf"), SITES, "sites", *polygons,
            "-nlt", "LINESTRING")
    out["dxf"] = (os.path.join(folder, "sites.dxf"), {"site_crs": "EPSG:4549"})
    shp = os.path.join(folder, "shp")
    os.makedirs(shp)
    ogr2ogr("-f", "ESRI Shapefile", os.path.join(shp, "parcels.shp"), SITES, "sites",
            "-lco", "ENCODING=GBK", *polygons)
    with zipfile.ZipFile(os.path.join(folder, "parcels.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(os.listdir(shp)):
            z.write(os.path.join(shp, f), f)
    out["zip"] = (os.path.join(folder, "parcels.zip"), {})
    out["shp"] = (os.path.join(shp, "parcels.shp"), {})
    return out
