#include "PgCluster.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "TestSupport.hpp"

namespace fs = std::filesystem;

namespace redline::test
{

namespace
{

std::string shellQuote(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string pgBin()
{
    const char* env = std::getenv("PGBIN");
    return env && *env ? env : "/usr/lib/postgresql/15/bin";
}

bool asRoot()
{
    return geteuid() == 0;
}

// PostgreSQL refuses to run as root: run its programs as `postgres` when we are root.
std::string asPostgres(const std::string& command)
{
    return asRoot() ? "runuser -u postgres -- " + command : command;
}

void giveToPostgres(const std::string& path)
{
    if (asRoot())
        (void)runCommand("chown -R postgres:postgres " + shellQuote(path));
}

CommandResult mustRun(const std::string& command, const std::string& what)
{
    CommandResult r = runCommand(command);
    if (r.exitCode != 0)
        throw std::runtime_error(what + " failed (exit " + std::to_string(r.exitCode) +
                                 "): " + r.err + r.out);
    return r;
}

std::string randomHex(std::size_t bytes)
{
    std::random_device rd;
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes; ++i)
    {
        const unsigned v = rd() & 0xFF;
        out += kHex[v >> 4];
        out += kHex[v & 0xF];
    }
    return out;
}

int freeLoopbackPort()
{
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 0;
    if (bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    close(s);
    return port;
}

std::string serverOptions(const std::string& socketDir, int port, const std::string& listen)
{
    return "-k " + socketDir + " -p " + std::to_string(port) + " -c listen_addresses='" + listen +
           "' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
           " -c max_connections=40 -c shared_buffers=64MB -c min_wal_size=2MB -c max_wal_size=64MB";
}

// The template data folder of this build: initdb'd once, PostGIS in template1, fast shutdown.
// Returns the folder (holding data/ and password); built under a file lock.
std::string ensureTemplate()
{
    const fs::path root = REDLINE_TEST_PG_TEMPLATE;
    const fs::path ready = root / "ready";
    fs::create_directories(root.parent_path());
    const std::string lockPath = root.string() + ".lock";
    const int lock = open(lockPath.c_str(), O_CREAT | O_RDWR, 0644);
    if (lock < 0)
        throw std::runtime_error("cannot open " + lockPath);
    flock(lock, LOCK_EX);
    const std::unique_ptr<int, void (*)(int*)> unlock(new int(lock),
                                                      [](int* fd)
                                                      {
                                                          flock(*fd, LOCK_UN);
                                                          close(*fd);
                                                          delete fd;
                                                      });
    // Bump when the template's making changes, so that old build folders rebuild it.
    const std::string version =
        "template v3: scram-sha-256, wal-segsize 1, min_wal_size 2MB, postgis\n";
    if (fs::exists(ready) && readFile(ready.string()) == version)
        return root.string();
    std::error_code ec;
    fs::remove_all(root, ec);
    const fs::path partial = root.string() + ".partial";
    fs::remove_all(partial, ec);
    fs::create_directories(partial);
    const std::string password = randomHex(16);
    writeFile((partial / "password").string(), password);
    writeFile((partial / "pwfile").string(), password + "\n");
    giveToPostgres(partial.string());
    const std::string bin = pgBin();
    const std::string data = (partial / "data").string();
    mustRun(asPostgres(bin + "/initdb -D " + shellQuote(data) +
                       " -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile=" +
                       shellQuote((partial / "pwfile").string()) +
                       " -E UTF8 --locale=C --no-sync --wal-segsize=1"),
            "initdb");
    mustRun(asPostgres(bin + "/pg_ctl -D " + shellQuote(data) + " -l " +
                       shellQuote((partial / "server.log").string()) + " -w -o " +
                       shellQuote(serverOptions(partial.string(), 5432, "")) + " start"),
            "starting the template cluster");
    const CommandResult ext =
        runCommand(bin + "/psql -X -q -h " + shellQuote(partial.string()) +
                   " -p 5432 -U postgres -d template1 -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION "
                   "postgis'");
    mustRun(asPostgres(bin + "/pg_ctl -D " + shellQuote(data) + " -m fast -w stop"),
            "stopping the template cluster");
    if (ext.exitCode != 0)
        throw std::runtime_error("CREATE EXTENSION postgis failed: " + ext.err);
    fs::remove(partial / "pwfile");
    fs::rename(partial, root);
    writeFile(ready.string(), version);
    return root.string();
}

} // namespace

PgCluster* PgCluster::get(std::string* whyNot)
{
    static std::unique_ptr<PgCluster> cluster;
    static std::string failure;
    if (cluster)
        return cluster.get();
    if (!failure.empty())
    {
        if (whyNot)
            *whyNot = failure;
        return nullptr;
    }
    const std::string bin = pgBin();
    if (!fs::exists(bin + "/initdb") || !fs::exists(bin + "/pg_ctl"))
        failure = "PostgreSQL 15 is not installed (no " + bin +
                  "/initdb; scripts/install-deps.sh installs postgresql-15)";
    else if (!fs::exists("/usr/share/postgresql/15/extension/postgis.control"))
        failure = "PostGIS is not installed (scripts/install-deps.sh installs "
                  "postgresql-15-postgis-3)";
    else if (asRoot() && runCommand("id postgres").exitCode != 0)
        failure = "running as root and there is no 'postgres' user to run the server";
    if (failure.empty())
    {
        try
        {
            std::unique_ptr<PgCluster> c(new PgCluster());
            c->start();
            cluster = std::move(c);
            return cluster.get();
        }
        catch (const std::exception& e)
        {
            failure = std::string("cannot start a throw-away PostgreSQL cluster: ") + e.what();
        }
    }
    if (whyNot)
        *whyNot = failure;
    return nullptr;
}

void PgCluster::start()
{
    const std::string tmpl = ensureTemplate();
    m_password = readFile(tmpl + "/password");
    char pattern[] = "/tmp/redline-pg-XXXXXX";
    if (!mkdtemp(pattern))
        throw std::runtime_error("mkdtemp failed");
    m_dir = pattern;
    mustRun("cp -a " + shellQuote(tmpl + "/data") + " " + shellQuote(m_dir + "/data"),
            "copying the template");
    fs::permissions(m_dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec);
    giveToPostgres(m_dir);
    fs::remove(m_dir + "/data/postmaster.pid");

    // The watchdog stops the server and removes the folder once this process is gone, however
    // it ended. It is its own session, with no inherited descriptors, so ctest does not wait.
    const std::string stop =
        asPostgres(pgBin() + "/pg_ctl -D " + shellQuote(m_dir + "/data") + " -m immediate stop");
    const std::string stopStandby =
        "if [ -d " + shellQuote(m_dir + "/standby") + " ]; then " +
        asPostgres(pgBin() + "/pg_ctl -D " + shellQuote(m_dir + "/standby") +
                   " -m immediate stop") +
        "; fi";
    const std::string script = "while kill -0 " + std::to_string(getpid()) +
                               " 2>/dev/null; do sleep 1; done; " + stopStandby + "; " + stop +
                               "; rm -rf " + shellQuote(m_dir);
    const pid_t watchdog = fork();
    if (watchdog == 0)
    {
        setsid();
        const int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        for (int fd = 3; fd < 1024; ++fd)
            close(fd);
        execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    m_watchdog = watchdog;

    std::string lastError;
    for (int attempt = 0; attempt < 5; ++attempt)
    {
        m_port = freeLoopbackPort();
        const CommandResult r =
            runCommand(asPostgres(pgBin() + "/pg_ctl -D " + shellQuote(m_dir + "/data") + " -l " +
                                  shellQuote(m_dir + "/server.log") + " -w -t 60 -o " +
                                  shellQuote(serverOptions(m_dir, m_port, m_host)) + " start"));
        if (r.exitCode == 0)
            return;
        lastError = r.err + r.out + readFile(m_dir + "/server.log");
    }
    throw std::runtime_error("pg_ctl start failed: " + lastError);
}

void PgCluster::stop()
{
    if (m_dir.empty())
        return;
    if (m_standbyPort != 0)
        (void)runCommand(asPostgres(pgBin() + "/pg_ctl -D " + shellQuote(m_dir + "/standby") +
                                    " -m immediate -w stop"));
    (void)runCommand(asPostgres(pgBin() + "/pg_ctl -D " + shellQuote(m_dir + "/data") +
                                " -m immediate -w stop"));
    std::error_code ec;
    fs::remove_all(m_dir, ec);
    if (m_watchdog > 0)
    {
        kill(m_watchdog, SIGKILL);
        waitpid(m_watchdog, nullptr, 0);
    }
    m_dir.clear();
}

PgCluster::~PgCluster()
{
    stop();
}

std::string PgCluster::connectionString(const std::string& database, const std::string& user,
                                        const std::string& password) const
{
    return "PG:host=" + m_host + " port=" + std::to_string(m_port) + " dbname=" + database +
           " user=" + user + " password=" + password;
}

std::string PgCluster::createDatabase()
{
    const std::string name = "redline_t" + std::to_string(++m_databases);
    (void)psql("postgres", "CREATE DATABASE " + name);
    return connectionString(name, "postgres", m_password);
}

int PgCluster::standbyPort()
{
    if (m_standbyPort != 0)
        return m_standbyPort;
    const std::string standby = m_dir + "/standby";
    // Local replication connections are trusted (initdb --auth-local=trust); -c fast: no wait
    // for a spread checkpoint.
    mustRun(asPostgres(pgBin() + "/pg_basebackup -h " + shellQuote(m_dir) + " -p " +
                       std::to_string(m_port) + " -U postgres -D " + shellQuote(standby) +
                       " -R -X stream -c fast --no-sync"),
            "pg_basebackup");
    std::string lastError;
    for (int attempt = 0; attempt < 5; ++attempt)
    {
        const int port = freeLoopbackPort();
        const CommandResult r = runCommand(asPostgres(
            pgBin() + "/pg_ctl -D " + shellQuote(standby) + " -l " +
            shellQuote(m_dir + "/standby.log") + " -w -t 60 -o " +
            shellQuote(serverOptions(m_dir, port, m_host) + " -c hot_standby=on") + " start"));
        if (r.exitCode == 0)
        {
            m_standbyPort = port;
            return port;
        }
        lastError = r.err + r.out + readFile(m_dir + "/standby.log");
    }
    throw std::runtime_error("starting the standby failed: " + lastError);
}

std::string PgCluster::psqlStandby(const std::string& database, const std::string& sql) const
{
    return psqlAt(m_standbyPort, database, sql);
}

std::string PgCluster::psql(const std::string& database, const std::string& sql) const
{
    return psqlAt(m_port, database, sql);
}

std::string PgCluster::psqlAt(int port, const std::string& database, const std::string& sql) const
{
    TempDir tmp;
    const std::string file = tmp.file("q.sql");
    writeFile(file, sql);
    const CommandResult r = runCommand(
        pgBin() + "/psql -X -q -At -h " + shellQuote(m_dir) + " -p " + std::to_string(port) +
        " -U postgres -d " + shellQuote(database) + " -v ON_ERROR_STOP=1 -f " + shellQuote(file));
    if (r.exitCode != 0)
        throw std::runtime_error("psql failed: " + r.err);
    std::string out = r.out;
    while (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

std::string PgCluster::databaseOf(const std::string& connectionString)
{
    const std::size_t at = connectionString.find("dbname=");
    if (at == std::string::npos)
        return {};
    const std::size_t end = connectionString.find(' ', at);
    return connectionString.substr(at + 7, end == std::string::npos ? end : end - at - 7);
}

} // namespace redline::test
