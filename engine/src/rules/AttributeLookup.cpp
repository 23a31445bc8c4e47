#include "AttributeLookup.hpp"

#include <algorithm>
#include <cctype>

namespace redline::detail
{

std::string storedName(const Attributes& attributes, const std::string& name)
{
    if (attributes.find(name) != nullptr)
        return name;
    const auto sameLetters = [&](const std::string& other)
    {
        return other.size() == name.size() &&
               std::equal(other.begin(), other.end(), name.begin(),
                          [](char a, char b)
                          {
                              return std::tolower(static_cast<unsigned char>(a)) ==
                                     std::tolower(static_cast<unsigned char>(b));
                          });
    };
    for (const auto& [stored, value] : attributes.items())
    {
        if (sameLetters(stored))
            return stored;
    }
    return name;
}

} // namespace redline::detail
