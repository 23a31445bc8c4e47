// EditSession::commit: conflict check, QA of the change, then changes + revision + audit rows in
// one StoreTransaction (SQLite for a GeoPackage, PostgreSQL for PostGIS). Every failure before the
// transaction's commit rolls back, so the store is either unchanged or fully at the new revision
// (also when the process is killed).

#include <set>

#include "redline/model/StoreTransaction.hpp"

#include "edit/EditState.hpp"
#include "edit/RevisionTables.hpp"

namespace redline
{

using edit::detail::FeatureKey;
using edit::detail::WorkingLayer;

namespace
{

std::string firstMessages(const QaReport& qa, QaSeverity severity)
{
    std::string out;
    int n = 0;
    for (const auto& f : qa.findings)
        if (f.severity == severity && n++ < 3)
            out += (out.empty() ? "" : "; ") + f.message;
    return out;
}

// What a change touches: its features and the regions of their before/after envelopes.
QaScope scopeOf(const std::vector<FeatureChange>& changes)
{
    QaScope scope;
    for (const auto& c : changes)
    {
        scope.features[c.layer].insert(c.fid);
        if (c.before)
            scope.regions.push_back(c.before->geometry.envelope());
        if (c.after)
            scope.regions.push_back(c.after->geometry.envelope());
    }
    return scope;
}

} // namespace

QaReport EditSession::validate(const QaOptions& options) const
{
    QaOptions qaOptions = options;
    qaOptions.scope = scopeOf(changes());
    qaOptions.storeLabel = m_impl->label;
    return runZoningQa(edit::detail::toZoneLayers(m_impl->work, m_impl->order), m_impl->crs,
                       qaOptions);
}

CommitResult EditSession::commit(const std::string& reason)
{
    CommitOptions o;
    o.reason = reason;
    return commit(o);
}

CommitResult EditSession::commit(const CommitOptions& options)
{
    Impl& s = *m_impl;
    const std::vector<FeatureChange> changes = this->changes();
    if (changes.empty())
        throw EditError(s.label + ": nothing to commit.");
    const auto source = ZoningSource::open(s.storePath);
    const auto tx = source->beginTransaction(s.crs);
    const int current = tx->revision();

    std::set<FeatureKey> touched;
    for (const auto& c : changes)
        touched.insert({c.layer, c.fid});
    std::map<std::string, WorkingLayer> after;
    if (current != s.baseRevision)
    {
        std::string conflicts;
        std::size_t count = 0;
        for (const AuditRow& row : tx->changesAfter(s.baseRevision))
        {
            if (!touched.count({row.layer, row.fid}))
                continue;
            if (count++ < 3)
                conflicts += std::string(conflicts.empty() ? "" : "; ") + "layer '" + row.layer +
                             "' fid " + std::to_string(row.fid) + " changed in revision " +
                             std::to_string(row.revision) + " by " + row.user + " at " + row.time;
        }
        if (count > 0)
            throw EditConflict(s.label + ": commit refused, the session started from revision " +
                               std::to_string(s.baseRevision) +
                               " and the store is now at revision " + std::to_string(current) +
                               ": " + conflicts + (count > 3 ? " (and more)" : "") +
                               ". Nothing was saved; rebase() re-applies this session's " +
                               std::to_string(s.done.size()) + " operation(s) on revision " +
                               std::to_string(current) + ".");
        // Other features changed meanwhile: check and save this change on top of them.
        std::vector<std::string> order;
        Crs crs;
        after = edit::detail::loadWorkingLayers(*source, crs, order);
        for (const auto& c : changes)
        {
            auto& fs = after.at(c.layer).features;
            if (c.after)
                fs[c.fid] = *c.after;
            else
                fs.erase(c.fid);
        }
    }
    else
        after = s.work;

    QaOptions qaOptions = options.qa;
    qaOptions.scope = scopeOf(changes);
    qaOptions.storeLabel = s.label;
    QaReport qa = runZoningQa(edit::detail::toZoneLayers(after, s.order), s.crs, qaOptions);
    if (qa.hasErrors())
        throw CommitRefused(
            s.label + ": commit refused, the change has " + std::to_string(qa.errorCount()) +
                " QA error(s): " + firstMessages(qa, QaSeverity::Error) + ". Nothing was saved.",
            qa);
    if (qa.warningCount() > 0 && options.reason.empty())
        throw CommitRefused(
            s.label + ": commit refused, the change has " + std::to_string(qa.warningCount()) +
                " QA warning(s) that need a reason: " + firstMessages(qa, QaSeverity::Warning) +
                ". Nothing was saved.",
            qa);

    CommitResult result;
    result.revision = current + 1;
    result.qa = qa;
    const std::string time = edit::detail::utcNow();
    std::size_t done = 0;
    for (const FeatureChange& c : changes)
    {
        AuditRow audit;
        audit.revision = result.revision;
        audit.time = time;
        audit.user = s.user;
        audit.layer = c.layer;
        audit.fid = c.fid;
        audit.before = c.before;
        audit.after = c.after;
        audit.reason = options.reason;
        if (!c.after)
        {
            audit.operation = "delete";
            tx->remove(c.layer, c.fid);
            ++result.deleted;
        }
        else if (!c.before)
        {
            audit.operation = "insert";
            audit.fid = tx->insert(c.layer, *c.after);
            audit.after->fid = audit.fid;
            result.newFids.emplace_back(c.fid, audit.fid);
            ++result.added;
        }
        else
        {
            audit.operation = "update";
            tx->update(c.layer, *c.after);
            ++result.modified;
        }
        tx->addAudit(audit);
        if (options.progress)
            options.progress(++done, changes.size());
    }
    RevisionInfo revision;
    revision.revision = result.revision;
    revision.time = time;
    revision.user = s.user;
    revision.reason = options.reason;
    revision.added = result.added;
    revision.modified = result.modified;
    revision.deleted = result.deleted;
    for (const auto& f : qa.findings)
        revision.warnings += (revision.warnings.empty() ? "" : "\n") + f.message;
    tx->addRevision(revision);
    tx->commit();

    // The session continues from the new revision: provisional fids become the store's fids.
    for (const auto& [temp, real] : result.newFids)
    {
        for (const auto& c : changes)
        {
            if (c.fid != temp)
                continue;
            auto& fs = after.at(c.layer).features;
            Feature f = fs.at(temp);
            fs.erase(temp);
            f.fid = real;
            fs[real] = std::move(f);
        }
    }
    s.base = after;
    s.work = after;
    s.baseRevision = result.revision;
    s.done.clear();
    s.undone.clear();
    s.nextTempFid = -1;
    return result;
}

} // namespace redline
