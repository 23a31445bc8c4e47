// Connection strings as users write them (DESIGN A5): GDAL's "PG:" form and libpq URIs, the
// schema, libpq's own validation, and redaction — no password in any printable form or message.

#include "redline/pg/ConnectionString.hpp"

#include <gtest/gtest.h>

#include "redline/core/Error.hpp"

namespace redline::pg
{
namespace
{

TEST(ConnectionString, RecognisesOnlyPostgresLocators)
{
    EXPECT_TRUE(ConnectionString::looksLike("PG:dbname=x"));
    EXPECT_TRUE(ConnectionString::looksLike("postgresql://h/db"));
    EXPECT_TRUE(ConnectionString::looksLike("postgres://h/db"));
    EXPECT_FALSE(ConnectionString::looksLike("datasets/yongjia/zoning.gpkg"));
    EXPECT_FALSE(ConnectionString::looksLike("pg.gpkg"));
    EXPECT_FALSE(ConnectionString::looksLike("PG.yaml"));
}

TEST(ConnectionString, GdalFormWithSchemaAndQuotedValues)
{
    const auto cs = ConnectionString::parse(
        "PG:dbname=redline host=127.0.0.1 port=5433 user=alice password='s3 cr\\'t' "
        "schemas=yongjia");
    EXPECT_EQ(cs.schema(), "yongjia");
    EXPECT_EQ(cs.value("dbname"), "redline");
    EXPECT_EQ(cs.value("host"), "127.0.0.1");
    EXPECT_EQ(cs.value("port"), "5433");
    EXPECT_EQ(cs.value("user"), "alice");
    EXPECT_EQ(cs.value("password"), "s3 cr't");
    EXPECT_FALSE(cs.value("schemas")) << "the schema is ours, not libpq's";
    EXPECT_EQ(cs.redacted(), "PG:dbname=redline host=127.0.0.1 port=5433 user=alice "
                             "schemas=yongjia");
    ASSERT_EQ(cs.secrets().size(), 1U);
    EXPECT_EQ(cs.secrets()[0], "s3 cr't");
}

TEST(ConnectionString, SpacesAroundEqualsAndSchemaAliases)
{
    const auto a = ConnectionString::parse("PG: dbname = x  host=h schema=s1");
    EXPECT_EQ(a.value("dbname"), "x");
    EXPECT_EQ(a.schema(), "s1");
    EXPECT_EQ(a.redacted(), "PG:dbname=x host=h schemas=s1");
    EXPECT_EQ(ConnectionString::parse("PG:dbname=x active_schema=s2").schema(), "s2");
    EXPECT_EQ(ConnectionString::parse("PG:dbname=x").schema(), "");
}

TEST(ConnectionString, UriWithPasswordInUserInfoAndQuery)
{
    const auto cs = ConnectionString::parse(
        "postgresql://alice:p%40ss@db.example:5433/redline?schema=yongjia&sslmode=disable");
    EXPECT_EQ(cs.schema(), "yongjia");
    EXPECT_EQ(cs.value("host"), "db.example");
    EXPECT_EQ(cs.value("port"), "5433");
    EXPECT_EQ(cs.value("dbname"), "redline");
    EXPECT_EQ(cs.value("user"), "alice");
    EXPECT_EQ(cs.value("password"), "p@ss") << "percent-decoded by libpq";
    EXPECT_EQ(cs.value("sslmode"), "disable");
    EXPECT_EQ(cs.redacted(),
              "postgresql://alice@db.example:5433/redline?sslmode=disable&schema=yongjia");
    const auto q = ConnectionString::parse("postgres://h/db?password=hunter2&schema=s");
    EXPECT_EQ(q.value("password"), "hunter2");
    EXPECT_EQ(q.redacted(), "postgres://h/db?schema=s");
}

TEST(ConnectionString, WithSchemaReplacesTheSchema)
{
    const auto cs = ConnectionString::parse("PG:dbname=x password=pw schemas=a");
    EXPECT_EQ(cs.withSchema("b").redacted(), "PG:dbname=x schemas=b");
    EXPECT_EQ(cs.withSchema("").redacted(), "PG:dbname=x");
    const auto uri = ConnectionString::parse("postgresql://u:pw@h/db?schema=a");
    EXPECT_EQ(uri.withSchema("b").redacted(), "postgresql://u@h/db?schema=b");
}

// Every error message about a bad string must leave the password out.
void expectConfigErrorWithout(const std::string& text, const std::string& secret,
                              const std::string& mention)
{
    try
    {
        (void)ConnectionString::parse(text);
        ADD_FAILURE() << "parsed: " << mention;
    }
    catch (const ConfigError& e)
    {
        const std::string what = e.what();
        EXPECT_EQ(what.find(secret), std::string::npos) << what;
        EXPECT_NE(what.find(mention), std::string::npos) << what;
        EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
}

TEST(ConnectionString, ErrorsNeverShowThePassword)
{
    expectConfigErrorWithout("PG:dbname=x password=Sekr1t bogus=1", "Sekr1t", "bogus");
    expectConfigErrorWithout("PG:dbname=x password='Sekr1t", "Sekr1t", "not closed");
    expectConfigErrorWithout("PG:dbname=x password=Sekr1t tables=a,b", "Sekr1t", "tables");
    expectConfigErrorWithout("PG:dbname=x password=Sekr1t schemas=a,b", "Sekr1t", "one schema");
    expectConfigErrorWithout("postgresql://u:Sekr1t@h/db?bogus=1", "Sekr1t", "bogus");
    expectConfigErrorWithout("PG:dbname=x password=Sekr1t novalue", "Sekr1t", "novalue");
}

TEST(ConnectionString, RedactLocatorLeavesFilesAlone)
{
    EXPECT_EQ(redactLocator("datasets/yongjia/zoning.gpkg"), "datasets/yongjia/zoning.gpkg");
    EXPECT_EQ(redactLocator("PG:dbname=x password=pw schemas=s"), "PG:dbname=x schemas=s");
    // Unparseable strings are still stripped of anything that looks like a password.
    const std::string bad = redactLocator("PG:dbname=x password='pw bogus=1");
    EXPECT_EQ(bad.find("pw"), std::string::npos) << bad;
    EXPECT_EQ(redactLocator("postgresql://u:pw@h/db?bogus=1").find("pw"), std::string::npos);
}

TEST(ConnectionString, ScrubSecrets)
{
    EXPECT_EQ(scrubSecrets("a pw b pw", {"pw"}), "a *** b ***");
    EXPECT_EQ(scrubSecrets("nothing", {""}), "nothing");
}

} // namespace
} // namespace redline::pg
