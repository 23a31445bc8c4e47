// The engine's PostgreSQL connection layer against a real throw-away cluster: connecting,
// parameters, text and binary results, transactions, COPY, and errors as one line that names the
// database and never carries the password or the SQL text. Values are checked against psql, an
// independent client.

#include <functional>

#include <gtest/gtest.h>

#include "redline/pg/Connection.hpp"

#include "PgCluster.hpp"

namespace redline::pg
{
namespace
{

std::string messageOf(const std::function<void()>& f)
{
    try
    {
        f();
    }
    catch (const DatabaseError& e)
    {
        return e.what();
    }
    return "(no error)";
}

TEST(PgConnection, WrongPasswordIsOneLineWithoutThePassword)
{
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string conn = pg->createDatabase();
    const std::string wrong = "Wr0ngPassw0rd";
    const auto cs = ConnectionString::parse(
        pg->connectionString(test::PgCluster::databaseOf(conn), "postgres", wrong));
    try
    {
        Connection c(cs);
        FAIL() << "connected with a wrong password";
    }
    catch (const DatabaseError& e)
    {
        const std::string what = e.what();
        EXPECT_EQ(what.find(wrong), std::string::npos) << what;
        EXPECT_EQ(what.find(pg->superuserPassword()), std::string::npos) << what;
        EXPECT_EQ(what.find('\n'), std::string::npos) << what;
        EXPECT_NE(what.find("password authentication failed"), std::string::npos) << what;
        EXPECT_EQ(what.rfind("PG:host=127.0.0.1 port=" + std::to_string(pg->port()), 0), 0U)
            << what;
        EXPECT_EQ(e.sqlstate(), "28P01");
    }
}

TEST(PgConnection, UnreachableServerIsOneLine)
{
    const auto cs = ConnectionString::parse(
        "PG:host=127.0.0.1 port=1 dbname=x user=u password=Sekr1t connect_timeout=2");
    const std::string what = messageOf([&] { Connection c(cs); });
    EXPECT_NE(what.find("cannot connect to PostgreSQL"), std::string::npos) << what;
    EXPECT_EQ(what.find("Sekr1t"), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
}

TEST(PgConnection, ParametersAndExactValuesInTextAndBinary)
{
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string conn = pg->createDatabase();
    Connection c(ConnectionString::parse(conn));
    c.exec("CREATE TABLE t (id bigint, x double precision, s text, b bool)");
    const double tricky = 0.1 + 0.2; // 0.30000000000000004: must survive both ways exactly
    c.exec("INSERT INTO t VALUES ($1, $2, $3, $4), ($5, $6, NULL, NULL)",
           {Param::text("9007199254740993"), Param::text("0.30000000000000004"),
            Param::text("永嘉 'quoted'"), Param::text("true"), Param::text("-7"),
            Param::text("1e300")});
    for (const ResultFormat format : {ResultFormat::Text, ResultFormat::Binary})
    {
        const Result r = c.exec("SELECT id, x, s, b FROM t ORDER BY id DESC", {}, format);
        ASSERT_EQ(r.rows(), 2);
        EXPECT_EQ(r.int64(0, 0), 9007199254740993LL);
        EXPECT_EQ(r.float8(0, 1), tricky);
        EXPECT_EQ(r.text(0, 2), "永嘉 'quoted'");
        EXPECT_TRUE(r.boolean(0, 3));
        EXPECT_EQ(r.int64(1, 0), -7);
        EXPECT_EQ(r.float8(1, 1), 1e300);
        EXPECT_TRUE(r.isNull(1, 2));
        EXPECT_EQ(r.columnIndex("s"), 2);
        EXPECT_EQ(r.columnIndex("nope"), -1);
    }
    // psql, another client, sees the same text.
    EXPECT_EQ(pg->psql(test::PgCluster::databaseOf(conn), "SELECT s FROM t WHERE id > 0"),
              "永嘉 'quoted'");
}

TEST(PgConnection, BinaryParameterRoundTripsBytes)
{
    REDLINE_REQUIRE_POSTGIS(pg);
    Connection c(ConnectionString::parse(pg->createDatabase()));
    std::string blob;
    for (int i = 0; i < 256; ++i)
        blob += static_cast<char>(i);
    const Result r =
        c.exec("SELECT $1::bytea, length($1::bytea)", {Param::bytes(blob)}, ResultFormat::Binary);
    EXPECT_EQ(r.bytes(0, 0), blob);
    EXPECT_EQ(r.int64(0, 1), 256);
}

TEST(PgConnection, TransactionRollsBackUnlessCommitted)
{
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string conn = pg->createDatabase();
    const std::string db = test::PgCluster::databaseOf(conn);
    Connection c(ConnectionString::parse(conn));
    c.exec("CREATE TABLE t (v int)");
    {
        Transaction tx(c);
        c.exec("INSERT INTO t VALUES (1)");
    }
    EXPECT_EQ(pg->psql(db, "SELECT count(*) FROM t"), "0");
    {
        Transaction tx(c);
        c.exec("INSERT INTO t VALUES (2)");
        tx.commit();
    }
    EXPECT_EQ(pg->psql(db, "SELECT string_agg(v::text, ',') FROM t"), "2");
    // A failed statement poisons the transaction: commit() refuses instead of "succeeding".
    {
        Transaction tx(c);
        c.exec("INSERT INTO t VALUES (3)");
        EXPECT_THROW(c.exec("INSERT INTO t VALUES ('x')"), DatabaseError);
        EXPECT_THROW(tx.commit(), DatabaseError);
    }
    EXPECT_FALSE(c.inTransaction());
    EXPECT_EQ(pg->psql(db, "SELECT string_agg(v::text, ',') FROM t"), "2");
}

TEST(PgConnection, CopyInLoadsRowsAndAbortsWhenNotFinished)
{
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string conn = pg->createDatabase();
    const std::string db = test::PgCluster::databaseOf(conn);
    Connection c(ConnectionString::parse(conn));
    c.exec("CREATE TABLE t (id int, s text)");
    {
        Connection::CopyIn copy(c, "COPY t (id, s) FROM STDIN", "loading t");
        for (int i = 0; i < 5000; ++i)
            copy.put(std::to_string(i) + "\trow\\t" + std::to_string(i) + "\n");
        copy.finish();
    }
    EXPECT_EQ(pg->psql(db, "SELECT count(*), max(id) FROM t"), "5000|4999");
    EXPECT_EQ(pg->psql(db, "SELECT s FROM t WHERE id = 7"), "row\t7");
    {
        Transaction tx(c);
        {
            Connection::CopyIn copy(c, "COPY t (id, s) FROM STDIN", "loading t");
            copy.put("1\tnever\n");
        } // destroyed without finish(): aborted
        EXPECT_THROW(tx.commit(), DatabaseError);
    }
    EXPECT_EQ(pg->psql(db, "SELECT count(*) FROM t WHERE s = 'never'"), "0");
}

TEST(PgConnection, ErrorsNameTheDatabaseButNotTheSqlOrPassword)
{
    REDLINE_REQUIRE_POSTGIS(pg);
    const std::string conn = pg->createDatabase();
    Connection c(ConnectionString::parse(conn));
    // PostgreSQL echoes the statement in syntax errors ("LINE 1: …"): it must not reach us.
    const std::string syntax =
        messageOf([&] { c.exec("SELECT 'Sekr1t' FROM", "changing a role"); });
    EXPECT_EQ(syntax.find("Sekr1t"), std::string::npos) << syntax;
    EXPECT_EQ(syntax.find(pg->superuserPassword()), std::string::npos) << syntax;
    EXPECT_NE(syntax.find("changing a role"), std::string::npos) << syntax;
    EXPECT_NE(syntax.find("syntax error"), std::string::npos) << syntax;
    EXPECT_EQ(syntax.find('\n'), std::string::npos) << syntax;
    EXPECT_EQ(syntax.rfind("PG:host=127.0.0.1", 0), 0U) << syntax;

    // Constraint violations keep their detail (which key), and the SQLSTATE.
    c.exec("CREATE TABLE z (zone_id text PRIMARY KEY)");
    c.exec("INSERT INTO z VALUES ('HX-01')");
    try
    {
        c.exec("INSERT INTO z VALUES ($1)", {Param::text("HX-01")}, ResultFormat::Text,
               "adding zone HX-01");
        FAIL();
    }
    catch (const DatabaseError& e)
    {
        EXPECT_EQ(e.sqlstate(), "23505");
        EXPECT_NE(std::string(e.what()).find("(zone_id)=(HX-01)"), std::string::npos) << e.what();
    }
}

TEST(PgConnection, QuotingIdentifiersAndLiterals)
{
    REDLINE_REQUIRE_POSTGIS(pg);
    Connection c(ConnectionString::parse(pg->createDatabase()));
    const std::string table = c.quoteIdentifier("odd \"name\"");
    EXPECT_EQ(table, "\"odd \"\"name\"\"\"");
    c.exec("CREATE TABLE " + table + " (v text)");
    c.exec("INSERT INTO " + table + " VALUES (" + c.quoteLiteral("it's") + ")");
    EXPECT_EQ(c.exec("SELECT v FROM " + table).text(0, 0), "it's");
    EXPECT_GE(c.serverVersion(), 150000);
}

} // namespace
} // namespace redline::pg
