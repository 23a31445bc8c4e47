#pragma once
// Transformation between two CRSs (PROJ through GDAL, traditional GIS axis order on both sides).
// Not thread-safe: create one per thread.

#include <memory>

#include "redline/geo/Crs.hpp"
#include "redline/geo/Geometry.hpp"

namespace redline
{

class CrsTransform
{
public:
    CrsTransform(const Crs& from, const Crs& to);
    ~CrsTransform();
    CrsTransform(const CrsTransform&) = delete;
    CrsTransform& operator=(const CrsTransform&) = delete;

    // Throws CrsError when a coordinate cannot be transformed.
    [[nodiscard]] Point apply(Point p) const;
    [[nodiscard]] Geometry apply(const Geometry& g) const;
    [[nodiscard]] bool isIdentity() const { return m_identity; }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    bool m_identity = false;
};

} // namespace redline
