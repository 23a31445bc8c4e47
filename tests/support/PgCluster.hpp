#pragma once
// A throw-away PostgreSQL 15 + PostGIS cluster for tests: a real server, no mocks.
//
// The first use in a test process copies a template data folder (initdb'd once per build folder,
// PostGIS installed in template1, under a file lock so parallel ctest runs share it) into a fresh
// temporary folder and starts it on 127.0.0.1 at a free port with password authentication
// (scram-sha-256) for TCP. The cluster is stopped and its folder removed when the process exits;
// a watchdog process does the same if the test process dies without cleaning up (crash, SIGKILL),
// so no server outlives its test. When run as root the server runs as the `postgres` user.
//
//   TEST(MyPgTest, Works)
//   {
//       REDLINE_REQUIRE_POSTGIS(pg); // skips the test when PostgreSQL 15 / PostGIS are missing
//       const std::string conn = pg->createDatabase(); // "PG:host=127.0.0.1 port=… dbname=…"
//       …
//   }

#include <string>

namespace redline::test
{

class PgCluster
{
  public:
    // The cluster of this process, started on first use; nullptr when PostgreSQL 15 or PostGIS
    // is not installed or the cluster cannot start (`whyNot` then says why).
    static PgCluster* get(std::string* whyNot);

    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    // A new empty database (PostGIS installed); returns a connection string as the superuser
    // `postgres` with its password: "PG:host=127.0.0.1 port=N dbname=NAME user=postgres
    // password=…".
    [[nodiscard]] std::string createDatabase();
    // The same connection string for another database / user / password.
    [[nodiscard]] std::string connectionString(const std::string& database, const std::string& user,
                                               const std::string& password) const;
    [[nodiscard]] const std::string& host() const { return m_host; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] const std::string& superuserPassword() const { return m_password; }

    // Runs SQL with psql as the superuser over the cluster's unix socket: an independent client
    // for setting up and checking. Returns psql's unaligned, tuples-only output (fields separated
    // by '|', rows by '\n'); throws std::runtime_error on failure.
    [[nodiscard]] std::string psql(const std::string& database, const std::string& sql) const;
    // A hot standby of this cluster, streaming from it (pg_basebackup -R -X stream), started on
    // first use on another free loopback port with the same roles and password; returns the
    // port. Stopped and removed with the cluster.
    [[nodiscard]] int standbyPort();
    // `psql` on the standby.
    [[nodiscard]] std::string psqlStandby(const std::string& database,
                                          const std::string& sql) const;
    // Database name of a connection string returned by createDatabase().
    [[nodiscard]] static std::string databaseOf(const std::string& connectionString);

  private:
    PgCluster() = default;
    void start();
    void stop();

    std::string m_dir; // temporary folder: data/, the socket and the server log
    std::string m_host = "127.0.0.1";
    int m_port = 0;
    std::string m_password;
    [[nodiscard]] std::string psqlAt(int port, const std::string& database,
                                     const std::string& sql) const;

    int m_watchdog = 0;
    int m_standbyPort = 0; // 0: no standby yet (its data folder is m_dir/standby)
    int m_databases = 0;
};

} // namespace redline::test

#define REDLINE_REQUIRE_POSTGIS(var)                                                               \
    std::string var##WhyNot;                                                                       \
    ::redline::test::PgCluster* var = ::redline::test::PgCluster::get(&var##WhyNot);               \
    if (!var)                                                                                      \
    GTEST_SKIP() << var##WhyNot
