#include "redline/core/Error.hpp"

namespace redline
{

std::string describeLocation(const std::string& file, const std::string& layer,
                             const std::string& feature)
{
    std::string s = file;
    if (!layer.empty())
        s += ", layer '" + layer + "'";
    if (!feature.empty())
        s += ", feature " + feature;
    return s;
}

} // namespace redline
