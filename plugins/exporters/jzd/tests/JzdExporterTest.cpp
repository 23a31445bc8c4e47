// export.jzd: hand-checked text for a simple square, and export → import round trips (same
// coordinates at the file's 3 decimals, same rings) in UTF-8 and GBK.

#include <gtest/gtest.h>

#include <string>

#include "TestSupport.hpp"
#include "exporters/jzd/JzdExporter.hpp"
#include "importers/jzd/JzdImporter.hpp"
#include "redline/core/Error.hpp"

using namespace redline;
using redline::test::readFile;
using redline::test::TempDir;

namespace
{

Ring square(double e, double n, double side)
{
    return {{e, n}, {e + side, n}, {e + side, n + side}, {e, n + side}, {e, n}};
}

Layer sampleLayer()
{
    Layer l;
    l.source = "memory";
    l.name = "sites";
    l.crs = Crs::fromEpsg(4528); // CGCS2000 3-degree zone 40, zone-prefixed eastings
    Feature a;
    a.fid = 1;
    a.geometry =
        Geometry::polygon(square(40567700.125, 3115200.5, 100), {square(40567740, 3115240, 20)});
    a.attributes.set("site_id", std::string("YJ-01"));
    a.attributes.set("name", std::string("测试地块,含逗号"));
    a.attributes.set("地块用途", std::string("工业用地"));
    a.attributes.set("地类编码", std::string("0601"));
    Feature b;
    b.fid = 2;
    // Shell with hole, an island in the hole, and a separate part.
    b.geometry = Geometry(GeometryType::MultiPolygon,
                          {{square(40568000, 3115200, 100), square(40568040, 3115240, 20)},
                           {square(40568048, 3115248, 4)},
                           {square(40568200, 3115200, 50)}});
    b.attributes.set("site_id", std::string("YJ-02"));
    Feature c;
    c.fid = 3;
    c.geometry = Geometry::lineString({{40567000, 3115000}, {40567100, 3115000.25}});
    c.attributes.set("site_id", std::string("PIPE"));
    l.features = {a, b, c};
    return l;
}

void expectSameGeometry(const Geometry& a, const Geometry& b)
{
    EXPECT_EQ(a.type(), b.type());
    ASSERT_EQ(a.parts().size(), b.parts().size());
    for (std::size_t p = 0; p < a.parts().size(); ++p)
    {
        ASSERT_EQ(a.parts()[p].size(), b.parts()[p].size());
        for (std::size_t r = 0; r < a.parts()[p].size(); ++r)
            EXPECT_EQ(a.parts()[p][r], b.parts()[p][r]) << "part " << p << " ring " << r;
    }
}

} // namespace

TEST(JzdExporter, WritesHandCheckedLines)
{
    Layer l = sampleLayer();
    l.features.resize(1);
    const std::string text = JzdExporter().render(l);
    EXPECT_NE(text.find("坐标系=2000国家大地坐标系\n"), std::string::npos);
    EXPECT_NE(text.find("几度分带=3\n"), std::string::npos);
    EXPECT_NE(text.find("带号=40\n"), std::string::npos);
    EXPECT_NE(text.find("精度=0.001\n"), std::string::npos);
    // 10 point lines; area (100 × 100 − 20 × 20) m² = 0.96 ha; the comma in the name is made
    // full-width so the field count stays right.
    EXPECT_NE(text.find("[地块坐标]\n10,0.9600,YJ-01,测试地块，含逗号,面,,工业用地,0601,@\n"),
              std::string::npos)
        << text;
    // X = northing first, Y = easting with zone prefix; the closing point repeats J1.
    EXPECT_NE(text.find("J1,1,3115200.500,40567700.125\nJ2,1,3115200.500,40567800.125\n"),
              std::string::npos);
    EXPECT_NE(text.find("J1,1,3115200.500,40567700.125\nJ5,2,3115240.000,40567740.000\n"),
              std::string::npos);
}

TEST(JzdExporter, RoundTripsThroughImporterUtf8AndGbk)
{
    for (TextEncoding enc : {TextEncoding::Utf8, TextEncoding::Gbk})
    {
        TempDir dir;
        const Layer original = sampleLayer();
        const std::string path = dir.file("out.txt");
        JzdExporter(enc).write(original, path);
        const std::string bytes = readFile(path);
        // "[地块坐标]" in GBK is 5b b5d8 bfe9 d7f8 b1ea 5d (iconv -f UTF-8 -t GBK | xxd -p).
        EXPECT_EQ(bytes.find("[\xb5\xd8\xbf\xe9\xd7\xf8\xb1\xea]") != std::string::npos,
                  enc == TextEncoding::Gbk);

        JzdImporter importer;
        ASSERT_TRUE(importer.canRead(path));
        const Layer back = importer.read(path);
        EXPECT_TRUE(back.warnings.empty()) << back.warnings.front();
        EXPECT_EQ(back.crs.epsg(), 4528);
        ASSERT_EQ(back.features.size(), original.features.size());
        for (std::size_t i = 0; i < original.features.size(); ++i)
        {
            expectSameGeometry(original.features[i].geometry, back.features[i].geometry);
            EXPECT_EQ(back.features[i].attributes.text("site_id"),
                      original.features[i].attributes.text("site_id"));
        }
        EXPECT_EQ(back.features[0].attributes.text("name"), "测试地块，含逗号");
        EXPECT_DOUBLE_EQ(*back.features[0].attributes.number("area_ha"), 0.96);
        // A second export of what was read is the same text.
        EXPECT_EQ(JzdExporter().render(back), JzdExporter().render(original));
    }
}

TEST(JzdExporter, CmVariantWritesZoneNumberAndNoPrefix)
{
    Layer l;
    l.crs = Crs::fromEpsg(4549);
    Feature f;
    f.geometry = Geometry::polygon(square(567700, 3115200, 10));
    l.features = {f};
    const std::string text = JzdExporter().render(l);
    EXPECT_NE(text.find("带号=40\n"), std::string::npos);
    EXPECT_NE(text.find("J1,1,3115200.000,567700.000\n"), std::string::npos);
}

TEST(JzdExporter, RefusesNonGaussKrugerCrs)
{
    Layer l = sampleLayer();
    l.crs = Crs::fromEpsg(4490);
    EXPECT_THROW((void)JzdExporter().render(l), IoError);
}
