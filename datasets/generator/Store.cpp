#include "Store.hpp"

#include <stdexcept>

namespace redline::datagen
{

int OutLayer::fieldIndex(const std::string& fieldName) const
{
    for (std::size_t i = 0; i < fields.size(); ++i)
    {
        if (fields[i].name == fieldName)
        {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void OutLayer::add(GeomPtr geometry, const std::vector<std::pair<std::string, Value>>& values)
{
    OutFeature f;
    f.geometry = std::move(geometry);
    f.values.resize(fields.size());
    for (const auto& [fieldName, value] : values)
    {
        const int i = fieldIndex(fieldName);
        if (i < 0)
        {
            throw std::logic_error("layer " + name + " has no field " + fieldName);
        }
        f.values[static_cast<std::size_t>(i)] = value;
    }
    features.push_back(std::move(f));
}

} // namespace redline::datagen
