#pragma once
// Captures what GDAL (and PROJ, through GDAL) says during one operation, so that its warnings
// reach the user as warnings naming the file and its failures become the reason in our error
// message, instead of going to stderr or nowhere. The scope pushes an error handler with itself
// as user data (CPLPushErrorHandlerEx) and pops it when it goes away.
//
// GDAL's handler stack is per thread: create the scope on the thread that makes the GDAL calls;
// it sees only that thread's messages. Scopes nest; the innermost one collects. Debug messages
// are ignored. Not copyable or movable (GDAL holds its address).

#include <cstddef>
#include <string>
#include <vector>

#include <cpl_error.h>

namespace redline::detail
{

class GdalErrorScope
{
  public:
    // `where` names the file (and layer) in the messages, e.g. "sites.shp".
    explicit GdalErrorScope(std::string where);
    GdalErrorScope(const GdalErrorScope&) = delete;
    GdalErrorScope& operator=(const GdalErrorScope&) = delete;

    // One line per distinct warning, "<where>: GDAL: <message>", at most kMaxMessages of them
    // (then one line counting the rest).
    [[nodiscard]] std::vector<std::string> warnings() const;
    [[nodiscard]] bool failed() const { return !m_failures.empty(); }
    // The failures' text for an error message, "" when there was none: " (GDAL: <first>)".
    [[nodiscard]] std::string failureReason() const;

    static constexpr std::size_t kMaxMessages = 20;

  private:
    static void CPL_STDCALL collect(CPLErr type, CPLErrorNum number, const char* message);
    void add(std::vector<std::string>& to, std::size_t& dropped, const char* message);

    std::string m_where;
    std::vector<std::string> m_warnings;
    std::vector<std::string> m_failures;
    std::size_t m_droppedWarnings = 0;
    std::size_t m_droppedFailures = 0;
    CPLErrorHandlerPusher m_pusher; // last: pushed once the members above exist
};

// The process-wide handler for messages no scope collects (threads without a scope): warnings
// and failures go to stderr as "redline: GDAL: <message>", so that nothing is lost unseen.
void CPL_STDCALL reportUnscopedGdalMessage(CPLErr type, CPLErrorNum number, const char* message);

} // namespace redline::detail
