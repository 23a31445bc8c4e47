#!/usr/bin/env bash
# A SYNTHETIC shaded-relief basemap of the Yongjia demo area for the viewer and prints (issue 14):
# a made-up DEM (a fixed sum of ridged sine waves through a slow domain warp, 50 m cells,
# EPSG:4549 over the county's bounding box) with valleys where the demo store's rivers run,
# shaded with `gdaldem hillshade`, tinted with `gdaldem color-relief`, multiplied in a VRT and
# written as a tiled GeoTIFF with overviews. It is NOT real terrain or imagery: the file says so
# in its metadata (DESCRIPTION), which the print footer shows.
# Deterministic (Park–Miller generator in awk, exact in doubles; no awk rand()). Not committed.
# Usage: scripts/demo-basemap.sh [OUT.tif]   (default build/demo/relief.tif)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-build/demo/relief.tif}
ZONES=${ZONES:-datasets/yongjia/zoning.gpkg}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$(dirname "$OUT")"

# County bounding box (layer county of the demo store) grown by ~3 km, 50 m cells.
X0=529000; Y0=3097000; X1=599000; Y1=3170000; CELL=50
NX=$(( (X1 - X0) / CELL )); NY=$(( (Y1 - Y0) / CELL ))

awk -v nx="$NX" -v ny="$NY" -v x0="$X0" -v y0="$Y0" -v cell="$CELL" '
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
BEGIN {
    seed = 20221012; pi = 3.141592653589793
    # 6 octaves from 32 km to 1 km, 5 waves of random direction each; per octave the mean of its
    # sines n (in -1..1) is ridged as (1 - |n|)², so crests are sharp and no direction dominates.
    no = 6; nw = 5
    for (o = 0; o < no; o++) {
        lambda = 32000 / 2 ^ o
        amp[o] = (lambda / 32000) ^ 0.9; total += amp[o]
        for (w = 0; w < nw; w++) {
            a = rnd() * 2 * pi
            kx[o, w] = cos(a) * 2 * pi / lambda; ky[o, w] = sin(a) * 2 * pi / lambda
            ph[o, w] = rnd() * 2 * pi
        }
    }
    wp1 = rnd() * 2 * pi; wp2 = rnd() * 2 * pi
    printf "ncols %d\nnrows %d\nxllcorner %d\nyllcorner %d\ncellsize %d\n", nx, ny, x0, y0, cell
    for (j = 0; j < ny; j++) {
        y = y0 + (ny - j - 0.5) * cell
        line = ""
        for (i = 0; i < nx; i++) {
            x = x0 + (i + 0.5) * cell
            wx = x + 2500 * sin(y / 9000 + wp1); wy = y + 2500 * sin(x / 11000 + wp2)
            h = 0
            for (o = 0; o < no; o++) {
                m = 0
                for (w = 0; w < nw; w++) m += sin(kx[o, w] * wx + ky[o, w] * wy + ph[o, w])
                m /= sqrt(nw); r = 1 - (m < 0 ? -m : m); if (r < 0) r = 0
                h += amp[o] * r * r
            }
            line = line sprintf("%.1f ", 1300 * h / total)
        }
        print line
    }
}' > "$WORK/ridges.asc"
gdal_translate -q -a_srs EPSG:4549 "$WORK/ridges.asc" "$WORK/ridges.tif"

# Valleys: the rivers burnt into 600 m cells, averaged to 1.2 km and spread back to 50 m by a
# cubic spline (a smooth band some 2–3 km wide); dem = ridges × (1 − 1.6 × valley).
gdal_rasterize -q -l rivers -burn 1 -at -ot Float32 -init 0 -tr 600 600 \
    -te "$X0" "$Y0" "$X1" "$Y1" "$ZONES" "$WORK/rivers.tif"
gdalwarp -q -r average -tr 1200 1200 "$WORK/rivers.tif" "$WORK/rivers1200.tif"
gdalwarp -q -r cubicspline -tr "$CELL" "$CELL" -te "$X0" "$Y0" "$X1" "$Y1" \
    "$WORK/rivers1200.tif" "$WORK/valley.tif"
vrt_head() {
    echo "<VRTDataset rasterXSize=\"$NX\" rasterYSize=\"$NY\">"
    echo "  <SRS>EPSG:4549</SRS>"
    echo "  <GeoTransform>$X0, $CELL, 0, $Y1, 0, -$CELL</GeoTransform>"
}
source_xml() { # file band offset ratio
    echo "    <ComplexSource><SourceFilename relativeToVRT=\"1\">$1</SourceFilename>"
    echo "      <SourceBand>$2</SourceBand><ScaleOffset>$3</ScaleOffset><ScaleRatio>$4</ScaleRatio>"
    echo "    </ComplexSource>"
}
{
    vrt_head
    echo '  <VRTRasterBand dataType="Float32" band="1" subClass="VRTDerivedRasterBand">'
    echo '    <PixelFunctionType>mul</PixelFunctionType>'
    source_xml ridges.tif 1 0 1
    source_xml valley.tif 1 1 -1.6
    echo '  </VRTRasterBand>'
    echo '</VRTDataset>'
} > "$WORK/dem.vrt"
gdal_translate -q "$WORK/dem.vrt" "$WORK/dem.tif"
gdaldem hillshade -q -multidirectional -z 1.5 "$WORK/dem.tif" "$WORK/shade.tif"
printf '%s\n' "0 168 204 148" "150 190 214 156" "400 220 214 166" "700 204 182 142" \
    "1000 186 168 150" "1300 236 233 228" > "$WORK/ramp.txt"
gdaldem color-relief -q "$WORK/dem.tif" "$WORK/ramp.txt" "$WORK/colour.tif"

# colour × (0.45 + 0.55 × shade / 255) band by band (built-in "mul" pixel function).
{
    vrt_head
    for b in 1 2 3; do
        case $b in 1) ci=Red ;; 2) ci=Green ;; 3) ci=Blue ;; esac
        echo "  <VRTRasterBand dataType=\"Byte\" band=\"$b\" subClass=\"VRTDerivedRasterBand\">"
        echo "    <ColorInterp>$ci</ColorInterp>"
        echo '    <PixelFunctionType>mul</PixelFunctionType>'
        echo '    <SourceTransferType>Float32</SourceTransferType>'
        source_xml colour.tif "$b" 0 0.0039215686
        source_xml shade.tif 1 114.75 0.55
        echo '  </VRTRasterBand>'
    done
    echo '</VRTDataset>'
} > "$WORK/relief.vrt"
NOTE="合成示意地形晕渲（scripts/demo-basemap.sh 生成，非真实地形或影像）"
gdal_translate -q -of GTiff -co TILED=YES -co COMPRESS=DEFLATE -co PREDICTOR=2 \
    -mo "DESCRIPTION=$NOTE" "$WORK/relief.vrt" "$OUT.tmp.tif"
gdaladdo -q -r average "$OUT.tmp.tif" 2 4 8 16 32
mv "$OUT.tmp.tif" "$OUT"
echo "$OUT"
