#pragma once
// Attributes as a JSON object: integers, reals and strings keep their JSON types, nulls stay null.
// Templated on the nlohmann JSON flavour (ordered or not). Used by the report writers, the
// revision tables and the service's Features API.

#include <nlohmann/json.hpp>

#include "redline/data/Attributes.hpp"

namespace redline
{

template <typename Json = nlohmann::json>
[[nodiscard]] Json attributesToJson(const Attributes& attrs)
{
    Json j = Json::object();
    for (const auto& [name, value] : attrs.items())
    {
        if (const auto* i = std::get_if<std::int64_t>(&value))
            j[name] = *i;
        else if (const auto* d = std::get_if<double>(&value))
            j[name] = *d;
        else if (const auto* s = std::get_if<std::string>(&value))
            j[name] = *s;
        else
            j[name] = nullptr;
    }
    return j;
}

} // namespace redline
