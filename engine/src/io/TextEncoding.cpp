#include "io/TextEncoding.hpp"

#include <cpl_string.h>

#include "gdal/GdalHandles.hpp"

namespace redline::detail
{

bool isValidUtf8(const std::string& s)
{
    return CPLIsUTF8(s.c_str(), static_cast<int>(s.size())) != 0;
}

std::string toUtf8(const std::string& s)
{
    if (isValidUtf8(s))
        return s;
    CplString decoded(CPLRecode(s.c_str(), "CP936", CPL_ENC_UTF8));
    return decoded ? decoded.get() : s;
}

} // namespace redline::detail
