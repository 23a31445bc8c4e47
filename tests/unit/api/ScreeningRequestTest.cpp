#include "redline/api/ScreeningRequest.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

using namespace redline;

// ScreeningRequest::problem() is the one validation that the CLI and the service share: each row
// is a request and the input the problem must name ("" = the request is valid).
namespace
{

struct Row
{
    const char* what;
    ScreeningRequest request;
    const char* input;
};

ScreeningRequest wkt()
{
    ScreeningRequest r;
    r.siteWkt = "POINT (563847 3115235)";
    return r;
}

template <typename F> ScreeningRequest with(F change)
{
    ScreeningRequest r = wkt();
    change(r);
    return r;
}

class RequestProblemTable : public testing::TestWithParam<Row>
{
};

} // namespace

TEST_P(RequestProblemTable, NamesTheInput)
{
    const Row& row = GetParam();
    const auto problem = row.request.problem();
    if (std::string(row.input).empty())
        EXPECT_FALSE(problem) << row.what << ": " << problem->message;
    else
    {
        ASSERT_TRUE(problem) << row.what;
        EXPECT_EQ(problem->input, row.input) << row.what;
        EXPECT_FALSE(problem->message.empty());
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, RequestProblemTable,
    testing::Values(
        Row{"WKT only", wkt(), ""},
        Row{"file only",
            with(
                [](auto& r)
                {
                    r.siteWkt.clear();
                    r.sitesPath = "a.gpkg";
                }),
            ""},
        Row{"no sites", with([](auto& r) { r.siteWkt.clear(); }), "sites"},
        Row{"file and WKT", with([](auto& r) { r.sitesPath = "a.gpkg"; }), "sites"},
        Row{"buffer 0", with([](auto& r) { r.bufferM = 0.0; }), ""},
        Row{"buffer 100 km", with([](auto& r) { r.bufferM = 100000.0; }), ""},
        Row{"negative buffer", with([](auto& r) { r.bufferM = -1.0; }), "buffer"},
        Row{"buffer over 100 km", with([](auto& r) { r.bufferM = 100000.5; }), "buffer"},
        Row{"NaN buffer",
            with([](auto& r) { r.bufferM = std::numeric_limits<double>::quiet_NaN(); }), "buffer"},
        Row{"infinite buffer",
            with([](auto& r) { r.bufferM = std::numeric_limits<double>::infinity(); }), "buffer"},
        Row{"EPSG site CRS", with([](auto& r) { r.siteCrs = "EPSG:4490"; }), ""},
        Row{"gcj02 site CRS", with([](auto& r) { r.siteCrs = "gcj02"; }), ""},
        Row{"unknown site CRS", with([](auto& r) { r.siteCrs = "EPSG:99999999"; }), "site_crs"},
        Row{"3-parameter towgs84", with([](auto& r) { r.towgs84 = "15.8,-154.4,-82.3"; }), ""},
        Row{"2 numbers towgs84", with([](auto& r) { r.towgs84 = "15.8,-154.4"; }), "towgs84"},
        Row{"text towgs84", with([](auto& r) { r.towgs84 = "a,b,c"; }), "towgs84"},
        Row{"too many threads", with([](auto& r) { r.threads = 5000; }), "threads"}));
