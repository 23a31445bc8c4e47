#include "db/WalCheckpointer.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "TestSupport.hpp"
#include "db/DbWriter.hpp"
#include "db/ServiceDb.hpp"
#include "ledger/Ledger.hpp"

using namespace redline;
using namespace redline::service;

namespace
{

std::uintmax_t walBytes(const std::string& db)
{
    std::error_code ec;
    const auto n = std::filesystem::file_size(db + "-wal", ec);
    return ec ? 0 : n;
}

} // namespace

// The writer never checkpoints inside a commit any more; the checkpointer must still keep the WAL
// bounded while the writer commits without pause and readers read, and leave it empty at the end.
// Small sizes make the test quick: trigger 250 frames, limit 1000 (4 KiB pages).
TEST(WalCheckpointer, TheWalStaysBoundedUnderManyWritesAndEndsEmpty)
{
    test::TempDir dir;
    const std::string path = dir.file("service.sqlite");
    {
        auto db = openServiceDb(path, true);
        db->exec("INSERT INTO users (id, name, role, created_at, updated_at) VALUES "
                 "(1, 'load', 'approver', '2026-11-30T00:00:00Z', '2026-11-30T00:00:00Z')");
    }
    constexpr int kBursts = 40;
    constexpr int kPerBurst = 200;
    const WalSizes sizes{250, 1000};
    std::uintmax_t largest = 0;
    std::atomic<bool> reading{true};
    std::atomic<long> reads{0};
    {
        DbWriter writer(path, false, {}, sizes);
        std::thread reader(
            [&]
            {
                // As the service reads while it screens: a job's archived report now and then.
                Database db(path, false);
                while (reading)
                {
                    (void)ledgerReport(db, std::to_string(reads % kBursts) + "-0");
                    ++reads;
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
            });
        std::mt19937 random(11);
        std::vector<std::uint8_t> report(3000);
        for (int burst = 0; burst < kBursts; ++burst)
        {
            std::vector<std::future<void>> done;
            for (int i = 0; i < kPerBurst; ++i)
            {
                for (auto& b : report)
                    b = static_cast<std::uint8_t>(random());
                auto promise = std::make_shared<std::promise<void>>();
                done.push_back(promise->get_future());
                LedgerEntry e;
                e.jobId = std::to_string(burst) + "-" + std::to_string(i);
                e.userName = "load";
                e.store = "catalog.yaml";
                LedgerSite site;
                site.verdict = "allowed";
                site.geometryCrs84 = R"({"type":"Point","coordinates":[120.7,28.1]})";
                writer.submit([e, site, report](Database& db)
                              { (void)appendScreening(db, e, {site}, report); },
                              [promise](std::exception_ptr error)
                              {
                                  if (error)
                                      promise->set_exception(error);
                                  else
                                      promise->set_value();
                              });
                largest = std::max(largest, walBytes(path));
            }
            for (auto& f : done)
                f.get();
            largest = std::max(largest, walBytes(path));
        }
        reading = false;
        reader.join();
    }
    const std::uintmax_t frame = 4096 + 24;
    // Without the checkpointer's bound the WAL would hold every frame written: 8,000 rows of
    // 3 KB, far more than 2 × 1,000 frames.
    EXPECT_LE(largest, 2 * 1000 * frame) << largest / frame << " frames";
    EXPECT_GT(reads.load(), 0);
    EXPECT_EQ(walBytes(path), 0u); // the last checkpoint truncated it
    Database db(path, false);
    auto count = db.prepare("SELECT count(*) FROM ledger");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.integer(0), kBursts * kPerBurst);
    auto check = db.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
}
