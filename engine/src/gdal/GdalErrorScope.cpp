#include "gdal/GdalErrorScope.hpp"

#include <algorithm>
#include <cstdio>

namespace redline::detail
{

GdalErrorScope::GdalErrorScope(std::string where)
    : m_where(std::move(where)), m_pusher(&GdalErrorScope::collect, this)
{
}

void CPL_STDCALL GdalErrorScope::collect(CPLErr type, CPLErrorNum /*number*/, const char* message)
{
    auto* self = static_cast<GdalErrorScope*>(CPLGetErrorHandlerUserData());
    if (self == nullptr || message == nullptr)
        return;
    if (type == CE_Warning)
        self->add(self->m_warnings, self->m_droppedWarnings, message);
    else if (type == CE_Failure || type == CE_Fatal)
        self->add(self->m_failures, self->m_droppedFailures, message);
}

void GdalErrorScope::add(std::vector<std::string>& to, std::size_t& dropped, const char* message)
{
    std::string text(message);
    std::replace(text.begin(), text.end(), '\n', ' ');
    while (!text.empty() && (text.back() == '.' || text.back() == ' '))
        text.pop_back(); // our sentences add their own full stop
    if (std::find(to.begin(), to.end(), text) != to.end())
        return;
    if (to.size() < kMaxMessages)
        to.push_back(std::move(text));
    else
        ++dropped;
}

std::vector<std::string> GdalErrorScope::warnings() const
{
    std::vector<std::string> out;
    for (const auto& w : m_warnings)
        out.push_back(m_where + ": GDAL: " + w);
    if (m_droppedWarnings > 0)
        out.push_back(m_where + ": GDAL: " + std::to_string(m_droppedWarnings) +
                      " more warning(s) not shown.");
    return out;
}

std::string GdalErrorScope::failureReason() const
{
    return m_failures.empty() ? std::string() : " (GDAL: " + m_failures.front() + ")";
}

void CPL_STDCALL reportUnscopedGdalMessage(CPLErr type, CPLErrorNum /*number*/, const char* message)
{
    if ((type == CE_Warning || type == CE_Failure || type == CE_Fatal) && message != nullptr)
        std::fprintf(stderr, "redline: GDAL: %s\n", message);
}

} // namespace redline::detail
