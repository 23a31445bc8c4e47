#pragma once
// Test helpers for shared stores: push a store into a fresh database of the throw-away cluster,
// compare two stores feature by feature (fid, geometry type and every coordinate, every attribute
// value and type), and check that a text carries no password.

#include <string>

#include <gtest/gtest.h>

#include "redline/model/StoreTransfer.hpp"
#include "redline/qa/RawZoning.hpp"

#include "PgCluster.hpp"

namespace redline::test
{

// A fresh database holding `source` in schema `schema`; returns the store's connection string
// (with the superuser's password).
inline std::string pushToFreshDatabase(PgCluster& pg, const std::string& source,
                                       const std::string& schema = "zoning")
{
    const std::string locator = pg.createDatabase() + " schemas=" + schema;
    PushOptions o;
    o.user = "tester";
    (void)pushStore(source, locator, o);
    return locator;
}

// Every layer, feature, coordinate and attribute equal (doubles compared exactly). Reads both
// stores as stored (no repair), in the first store's analysis CRS.
inline void expectSameFeatures(const std::string& a, const std::string& b)
{
    const auto sa = loadZoningRaw(a);
    const auto sb = loadZoningRaw(b, sa->analysisCrs());
    ASSERT_EQ(sa->layers().size(), sb->layers().size());
    std::size_t features = 0;
    for (std::size_t i = 0; i < sa->layers().size(); ++i)
    {
        const ZoneLayer& la = sa->layers()[i];
        const ZoneLayer& lb = sb->layers()[i];
        EXPECT_EQ(la.name, lb.name);
        EXPECT_EQ(la.kind, lb.kind);
        EXPECT_EQ(la.idField, lb.idField);
        EXPECT_EQ(la.nameField, lb.nameField);
        EXPECT_EQ(la.bufferM, lb.bufferM);
        EXPECT_EQ(la.screened, lb.screened);
        EXPECT_EQ(la.officialAreaKm2, lb.officialAreaKm2);
        EXPECT_EQ(la.layer->fieldNames, lb.layer->fieldNames) << la.name;
        ASSERT_EQ(la.layer->features.size(), lb.layer->features.size()) << la.name;
        for (std::size_t k = 0; k < la.layer->features.size(); ++k)
        {
            const Feature& fa = la.layer->features[k];
            const Feature& fb = lb.layer->features[k];
            EXPECT_EQ(fa.fid, fb.fid) << la.name;
            EXPECT_EQ(fa.geometry.type(), fb.geometry.type()) << la.name << " fid " << fa.fid;
            EXPECT_TRUE(fa.geometry.parts() == fb.geometry.parts())
                << la.name << " fid " << fa.fid << ": coordinates differ";
            EXPECT_TRUE(fa.attributes.items() == fb.attributes.items())
                << la.name << " fid " << fa.fid << ": attributes differ";
            ++features;
        }
    }
    EXPECT_GT(features, 0U);
}

inline void expectNoSecret(const std::string& text, const std::string& secret)
{
    EXPECT_EQ(text.find(secret), std::string::npos) << "the password appears in: " << text;
}

} // namespace redline::test
