#pragma once
// One write to a zoning store (ZoningSource::beginTransaction): features, audit rows and a
// revision row, all or nothing. Holds the store's write lock from start to commit, so the
// revision read at the start cannot move. Destroying it without commit() rolls everything back;
// a process killed before commit() leaves the store as it was (SQLite journal / PostgreSQL).
// Geometries go in in the analysis CRS given to beginTransaction and are written in each layer's
// stored CRS. Not thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "redline/data/Feature.hpp"
#include "redline/edit/Revision.hpp"

namespace redline
{

class StoreTransaction
{
  public:
    virtual ~StoreTransaction() = default;
    StoreTransaction(const StoreTransaction&) = delete;
    StoreTransaction& operator=(const StoreTransaction&) = delete;

    // The newest revision, under the write lock.
    [[nodiscard]] virtual int revision() = 0;
    // Who changed which feature after `revision` (AuditRow without before/after), commit order.
    [[nodiscard]] virtual std::vector<AuditRow> changesAfter(int revision) = 0;

    // Returns the fid the store gave the new feature (f.fid is ignored).
    virtual std::int64_t insert(const std::string& layer, const Feature& f) = 0;
    virtual void update(const std::string& layer, const Feature& f) = 0;
    virtual void remove(const std::string& layer, std::int64_t fid) = 0;
    // before/after in the analysis CRS.
    virtual void addAudit(const AuditRow& row) = 0;
    virtual void addRevision(const RevisionInfo& revision) = 0;
    virtual void commit() = 0;

  protected:
    StoreTransaction() = default;
};

} // namespace redline
