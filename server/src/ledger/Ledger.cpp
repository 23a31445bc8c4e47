#include "ledger/Ledger.hpp"

#include <sstream>

#include <nlohmann/json.hpp>

#include "redline/core/CsvField.hpp"
#include "redline/core/Error.hpp"
#include "redline/report/ReportWriter.hpp"

#include "ledger/ReportArchive.hpp"
#include "util/Clock.hpp"

namespace redline::service
{

namespace
{

std::int64_t insertEntry(Database& db, const LedgerEntry& e, const std::string& outcome,
                         const std::optional<std::string>& message,
                         const std::vector<std::uint8_t>* report)
{
    auto& s = db.cached("INSERT INTO ledger (job_id, user_name, screened_at, input_name, "
                        "input_sha256, store, store_revision, rule_set, rule_set_version, "
                        "outcome, message, report, store_fingerprint, parameters) VALUES (?1, "
                        "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    s.bind(1, e.jobId)
        .bind(2, e.userName)
        .bind(3, e.screenedAt.empty() ? nowRfc3339() : e.screenedAt)
        .bind(4, e.inputName)
        .bind(5, e.inputSha256)
        .bind(6, e.store)
        .bind(7, e.storeRevision)
        .bind(8, e.ruleSet)
        .bind(9, e.ruleSetVersion)
        .bind(10, outcome)
        .bind(11, message);
    if (report)
        s.bindBlob(12, *report);
    else
        s.bindNull(12);
    s.bind(13, e.storeFingerprint).bind(14, e.parameters);
    s.run();
    return db.lastInsertId();
}

} // namespace

std::int64_t appendScreening(Database& db, const LedgerEntry& entry,
                             const std::vector<LedgerSite>& sites,
                             const std::vector<std::uint8_t>& archivedReport)
{
    const std::int64_t id = insertEntry(db, entry, "successful", std::nullopt, &archivedReport);
    auto& s = db.cached("INSERT INTO ledger_sites (ledger_id, idx, site_id, name, verdict, "
                        "geometry, min_lon, min_lat, max_lon, max_lat) VALUES (?1, ?2, ?3, ?4, "
                        "?5, ?6, ?7, ?8, ?9, ?10)");
    for (const auto& site : sites)
    {
        s.bind(1, id)
            .bind(2, static_cast<std::int64_t>(site.index))
            .bind(3, site.siteId)
            .bind(4, site.name)
            .bind(5, site.verdict)
            .bind(6, site.geometryCrs84);
        if (site.lonLat.isEmpty())
            s.bindNull(7).bindNull(8).bindNull(9).bindNull(10);
        else
            s.bind(7, site.lonLat.minX)
                .bind(8, site.lonLat.minY)
                .bind(9, site.lonLat.maxX)
                .bind(10, site.lonLat.maxY);
        s.run();
        s.reset();
    }
    return id;
}

std::int64_t appendFailure(Database& db, const LedgerEntry& entry, const std::string& message)
{
    return insertEntry(db, entry, "failed", message, nullptr);
}

std::optional<LedgerReport> ledgerReport(Database& db, const std::string& jobId)
{
    auto s = db.prepare("SELECT report, store_fingerprint FROM ledger WHERE job_id = ?1 AND "
                        "outcome = 'successful' ORDER BY id DESC LIMIT 1");
    s.bind(1, jobId);
    if (!s.step() || s.isNull(0))
        return std::nullopt;
    return LedgerReport{s.blob(0), s.optionalText(1)};
}

void exportLedger(Database& db, const LedgerFilter& f, const std::string& format, std::ostream& out)
{
    if (format != "csv" && format != "json")
        throw ConfigError("--format must be csv or json.");
    auto entries = db.prepare(
        "SELECT id, job_id, screened_at, user_name, input_name, input_sha256, store, "
        "store_revision, rule_set, rule_set_version, outcome, message, report, store_fingerprint, "
        "parameters FROM ledger l "
        "WHERE (?1 IS NULL OR screened_at >= ?1) AND (?2 IS NULL OR screened_at <= ?2) AND "
        "(?3 IS NULL OR user_name = ?3) AND (?4 IS NULL OR EXISTS (SELECT 1 FROM ledger_sites s "
        "WHERE s.ledger_id = l.id AND s.verdict = ?4)) ORDER BY id");
    entries.bind(1, f.from).bind(2, f.to).bind(3, f.user).bind(4, f.verdict);
    auto sites = db.prepare("SELECT idx, site_id, name, verdict FROM ledger_sites WHERE "
                            "ledger_id = ?1 ORDER BY idx");
    const bool csv = format == "csv";
    if (csv)
        out << "ledger_id,job_id,screened_at,user,input_name,input_sha256,store,store_revision,"
               "store_fingerprint,rule_set,rule_set_version,parameters,outcome,message,site_index,"
               "site_id,site_name,verdict\n";
    else
        out << "[";
    bool first = true;
    while (entries.step())
    {
        const std::int64_t id = entries.integer(0);
        const auto revision = entries.optionalInteger(7);
        if (csv)
        {
            const std::string head =
                std::to_string(id) + "," + csvField(entries.text(1)) + "," + entries.text(2) + "," +
                csvField(entries.text(3)) + "," + csvField(entries.text(4)) + "," +
                entries.text(5) + "," + csvField(entries.text(6)) + "," +
                (revision ? std::to_string(*revision) : "") + "," + entries.text(13) + "," +
                csvField(entries.text(8)) + "," + csvField(entries.text(9)) + "," +
                csvField(entries.text(14)) + "," + entries.text(10) + "," +
                csvField(entries.text(11)) + ",";
            sites.bind(1, id);
            bool any = false;
            while (sites.step())
            {
                any = true;
                if (f.verdict && sites.text(3) != *f.verdict)
                    continue;
                out << head << sites.integer(0) << "," << csvField(sites.text(1)) << ","
                    << csvField(sites.text(2)) << "," << sites.text(3) << "\n";
            }
            sites.reset();
            if (!any)
                out << head << ",,,\n";
            continue;
        }
        nlohmann::json e = {{"ledger_id", id},
                            {"job_id", entries.text(1)},
                            {"screened_at", entries.text(2)},
                            {"user", entries.text(3)},
                            {"input_name", entries.optionalText(4).value_or("")},
                            {"input_sha256", entries.optionalText(5).value_or("")},
                            {"store", entries.text(6)},
                            {"store_revision", revision ? nlohmann::json(*revision) : nullptr},
                            {"store_fingerprint", entries.optionalText(13).value_or("")},
                            {"rule_set", entries.optionalText(8).value_or("")},
                            {"rule_set_version", entries.optionalText(9).value_or("")},
                            {"parameters", entries.isNull(14)
                                               ? nlohmann::json()
                                               : nlohmann::json::parse(entries.text(14))},
                            {"outcome", entries.text(10)},
                            {"message", entries.optionalText(11).value_or("")}};
        nlohmann::json list = nlohmann::json::array();
        sites.bind(1, id);
        while (sites.step())
            list.push_back({{"index", sites.integer(0)},
                            {"site_id", sites.text(1)},
                            {"name", sites.text(2)},
                            {"verdict", sites.text(3)}});
        sites.reset();
        e["sites"] = std::move(list);
        if (!entries.isNull(12))
        {
            std::ostringstream report;
            writeReport(restoreReport(entries.blob(12)), "json", report);
            e["report"] = nlohmann::json::parse(report.str());
        }
        out << (first ? "\n" : ",\n") << e.dump();
        first = false;
    }
    if (!csv)
        out << "\n]\n";
}

} // namespace redline::service
