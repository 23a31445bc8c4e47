// The report's JSON is written without building a document (PrettyJson); its text must be what
// nlohmann::json itself prints for the same document: nlohmann's serializer is the reference.

#include "report/PrettyJson.hpp"

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "redline/report/ReportWriter.hpp"

namespace redline
{
namespace
{

using nlohmann::json;

TEST(PrettyJson, LaysOutLikeNlohmannDump)
{
    for (int indent : {1, 2})
    {
        detail::PrettyJson j(indent);
        j.beginObject();
        j.key("a_empty_array").beginArray().endArray();
        j.key("b_empty_object").beginObject().endObject();
        j.key("c_numbers").beginArray();
        for (double v : {1.0, 0.0, -0.0, 1e-05, 123456789012345678.0, 0.1, 456.201874,
                         std::numeric_limits<double>::quiet_NaN()})
            j.number(v);
        j.integer(-42).boolean(true).boolean(false).null();
        j.endArray();
        j.key("d_text").string("楠溪江 \"quoted\" \\ tab\t newline\n bell\x07 é");
        j.key("e_nested").value(json::parse(R"({"z": [1, {"y": []}], "a": {"b": null}})"));
        j.key("f_strings").strings({"一", "", "three"});
        j.endObject();

        json doc = {{"a_empty_array", json::array()},
                    {"b_empty_object", json::object()},
                    {"c_numbers",
                     {1.0, 0.0, -0.0, 1e-05, 123456789012345678.0, 0.1, 456.201874,
                      std::numeric_limits<double>::quiet_NaN(), -42, true, false, nullptr}},
                    {"d_text", "楠溪江 \"quoted\" \\ tab\t newline\n bell\x07 é"},
                    {"e_nested", json::parse(R"({"z": [1, {"y": []}], "a": {"b": null}})")},
                    {"f_strings", {"一", "", "three"}}};
        EXPECT_EQ(j.text(), doc.dump(indent)) << "indent " << indent;
    }
}

TEST(PrettyJson, WritesTextAsNlohmannDoes)
{
    // Every control character, the edges of each UTF-8 length, DEL.
    std::vector<std::string> texts = {
        "\x7f",         "\xc2\x80",         "\xdf\xbf",         "\xe0\xa0\x80", "\xed\x9f\xbf",
        "\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "a\"b\\c/d"};
    for (char c = 0; c < 0x20; ++c)
        texts.emplace_back(1, c);
    for (const auto& text : texts)
    {
        detail::PrettyJson j(2);
        j.string(text);
        EXPECT_EQ(j.text(), json(text).dump());
    }
}

TEST(PrettyJson, RefusesKeysOutOfOrderAndInvalidText)
{
    detail::PrettyJson j(2);
    j.beginObject().key("rules").string("x");
    EXPECT_THROW(j.key("rule_set"), std::logic_error); // a std::map would print it first
    EXPECT_THROW(j.key("rules"), std::logic_error);    // twice
    // Not UTF-8 (overlong, surrogate, beyond U+10FFFF, stray continuation, cut short): refused as
    // nlohmann's dump refuses it.
    for (const std::string bad :
         {"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
          "\xf5\x80\x80\x80", "\x80", "\xe6\xa5", "ok\xff", "\xf0\x9f\x98"})
    {
        EXPECT_THROW((void)json(bad).dump(), json::type_error);
        detail::PrettyJson text(2);
        EXPECT_THROW(text.string(bad), json::type_error);
    }
}

TEST(PrettyJson, ScreeningReportJsonIsNlohmannsLayoutOfItsOwnContent)
{
    ScreeningReport r;
    r.redlineVersion = "1.0";
    r.zones = r.store = "datasets/yongjia/catalog.yaml";
    r.storeRevision = 7;
    r.sites = "sites.geojson";
    r.analysisCrs = "EPSG:4549";
    r.ruleSet = "rules.yongjia";
    r.ruleSetVersion = "2024.1";
    r.warnings = {"zone HX-02 repaired"};
    r.jobId = "0123456789abcdef0123456789abcdef";
    r.user = "alice";
    r.inputSha256 = std::string(64, 'a');
    SiteResult s;
    s.siteId = "S1";
    s.name = "地块一";
    s.geometry = Geometry(GeometryType::Polygon, {{{{0, 0}, {10, 0}, {10, 10}, {0, 0}}}});
    s.areaM2 = 50;
    s.areaEllipsoidalM2 = 49.99876543;
    s.verdict = Verdict::Restricted;
    Hit h;
    h.layer = h.kind = "ecological_redline";
    h.zoneId = "HX-02";
    h.zoneName = "楠溪江饮水工程";
    h.attributes.set("zone_id", std::string("HX-02"));
    h.attributes.set("official_area_km2", 671.0);
    h.attributes.set("level", std::int64_t{1});
    h.overlapM2 = 12.345678;
    h.siteShare = 0.2469135600001;
    h.verdict = Verdict::Restricted;
    h.rules.push_back({"ERL-06", Verdict::Restricted, "自然资发〔2022〕142号", "须符合相关规划",
                       "must fit the plans", "V"});
    s.hits.push_back(h);
    r.results.push_back(s);
    SiteResult e;
    e.siteId = "S2";
    e.verdict = Verdict::Error;
    e.message = "site 'S2': cannot be screened.";
    r.results.push_back(e);

    for (const char* format : {"json", "geojson"})
    {
        std::ostringstream out;
        writeReport(r, format, out);
        const json parsed = json::parse(out.str());
        EXPECT_EQ(out.str(), parsed.dump(std::string(format) == "json" ? 2 : 1) + "\n") << format;
    }
    std::ostringstream out;
    writeReport(r, "json", out);
    const json doc = json::parse(out.str());
    EXPECT_EQ(doc["store_revision"], 7);
    EXPECT_EQ(doc["sites"][0]["area_m2"], 50.0);
    EXPECT_EQ(doc["sites"][0]["area_mu"], 0.075); // 50 m² = 0.075 亩
    EXPECT_EQ(doc["sites"][0]["hits"][0]["overlap_m2"], 12.3457);
    EXPECT_EQ(doc["sites"][0]["hits"][0]["site_share"], 0.24691356);
    EXPECT_EQ(doc["sites"][0]["hits"][0]["attributes"]["level"], 1);
    EXPECT_EQ(doc["sites"][1]["message"], "site 'S2': cannot be screened.");
    EXPECT_TRUE(doc["sites"][1]["geometry_type"].is_null());
    EXPECT_FALSE(doc["sites"][0].contains("message"));
}

} // namespace
} // namespace redline
