#pragma once
// The generator's in-memory layers: named fields with fixed types, features as GEOS geometry
// (EPSG:4549 unless the layer says otherwise) plus values in field order.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "Geos.hpp"

namespace redline::datagen
{

enum class FieldType
{
    Integer,
    Real,
    Text
};

struct Field
{
    std::string name;
    FieldType type = FieldType::Text;
};

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct OutFeature
{
    GeomPtr geometry;
    std::vector<Value> values; // one per field, std::monostate = NULL
};

struct OutLayer
{
    std::string name;
    std::vector<Field> fields;
    std::vector<OutFeature> features;
    int geometryType = 0; // OGRwkbGeometryType; 0 = unknown/mixed

    // Appends a feature; values are matched to fields by name, missing ones are NULL.
    void add(GeomPtr geometry, const std::vector<std::pair<std::string, Value>>& values);
    [[nodiscard]] int fieldIndex(const std::string& name) const;
};

} // namespace redline::datagen
