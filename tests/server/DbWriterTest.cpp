#include "db/DbWriter.hpp"

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "TestSupport.hpp"
#include "db/ServiceDb.hpp"

using namespace redline;
using namespace redline::service;

namespace
{

void insertUser(Database& db, int id)
{
    auto s = db.prepare("INSERT INTO users (id, name, role, created_at, updated_at) VALUES (?1, ?2, "
                        "'approver', '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z')");
    s.bind(1, static_cast<std::int64_t>(id)).bind(2, "u" + std::to_string(id));
    s.run();
}

std::int64_t users(const std::string& path)
{
    Database db(path, false);
    auto count = db.prepare("SELECT count(*) FROM users");
    return count.step() ? count.integer(0) : -1;
}

} // namespace

// With a commit interval of an hour, work after a quiet hour is committed at once, work that
// follows within the interval waits for the next commit (it is not visible to a reader yet), and
// stopping the writer commits what waits instead of sitting out the interval. A writer that
// ignored the interval would show the second row at once; one that did not commit at once, or
// waited at shutdown, would hang this test past ctest's timeout.
TEST(DbWriter, CommitsAtMostOncePerIntervalButAtOnceAfterQuietAndAtStop)
{
    test::TempDir dir;
    const std::string path = dir.file("service.sqlite");
    (void)openServiceDb(path, true);
    std::atomic<int> committed{0};
    {
        DbWriter writer(path, true, std::chrono::hours(1));
        writer.run([](Database& db) { insertUser(db, 1); });
        EXPECT_EQ(users(path), 1);
        for (int id = 2; id <= 4; ++id)
            writer.submit([id](Database& db) { insertUser(db, id); },
                          [&committed](std::exception_ptr error)
                          {
                              if (!error)
                                  ++committed;
                          });
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        EXPECT_EQ(users(path), 1);
        EXPECT_EQ(committed.load(), 0);
    }
    EXPECT_EQ(committed.load(), 3);
    EXPECT_EQ(users(path), 4);
}

// Without an interval each piece of work is committed as soon as the writer takes it.
TEST(DbWriter, WithoutAnIntervalEveryRunIsCommittedAtOnce)
{
    test::TempDir dir;
    const std::string path = dir.file("service.sqlite");
    (void)openServiceDb(path, true);
    DbWriter writer(path, false);
    for (int id = 1; id <= 20; ++id)
    {
        writer.run([id](Database& db) { insertUser(db, id); });
        EXPECT_EQ(users(path), id);
    }
}
