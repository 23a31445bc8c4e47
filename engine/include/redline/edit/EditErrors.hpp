#pragma once
// Errors of edit sessions. All derive from redline::Error so the CLI and viewer report them as one
// line; CommitRefused also carries the QA findings that stopped the commit.

#include "redline/core/Error.hpp"
#include "redline/qa/QaReport.hpp"

namespace redline
{

// An operation that cannot be applied (unknown layer or feature, a line that does not split…).
class EditError : public Error
{
  public:
    using Error::Error;
};

// The commit found QA errors, or warnings without a reason. Nothing was written.
class CommitRefused : public Error
{
  public:
    CommitRefused(const std::string& message, QaReport report)
        : Error(message), m_report(std::move(report))
    {
    }
    [[nodiscard]] const QaReport& report() const { return m_report; }

  private:
    QaReport m_report;
};

// Another session committed changes to features this session also changed, after this session
// started. Nothing was written; the session keeps its operations (EditSession::rebase()).
class EditConflict : public Error
{
  public:
    using Error::Error;
};

} // namespace redline
