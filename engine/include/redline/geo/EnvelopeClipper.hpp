#pragma once
// Cuts geometries to a rectangle for drawing (map excerpts such as the report's map): GEOS's
// rectangle clipping, which keeps each part's own vertices inside the box and adds the crossing
// points, then, with a tolerance, GEOS's Douglas-Peucker simplification, which drops the detail
// a drawing at that resolution cannot show. The result is for display only (parts may touch
// along the box edge, small rings may vanish): measure overlaps with Screening, not with this.
// Owns one GEOS context: use an object on one thread at a time (make one per thread).

#include <memory>

#include "redline/geo/Geometry.hpp"

namespace redline
{

class EnvelopeClipper
{
  public:
    // `tolerance` in CRS units (e.g. half a pixel in metres); 0 keeps every vertex.
    explicit EnvelopeClipper(const Envelope& box, double tolerance = 0);
    ~EnvelopeClipper();
    EnvelopeClipper(const EnvelopeClipper&) = delete;
    EnvelopeClipper& operator=(const EnvelopeClipper&) = delete;

    [[nodiscard]] const Envelope& box() const { return m_box; }
    // The part of `g` inside the box, of g's own dimension, simplified; empty when nothing of it
    // is inside (or all of it is below the tolerance). Throws GeometryError on invalid input.
    [[nodiscard]] Geometry clip(const Geometry& g);

  private:
    struct Impl;
    Envelope m_box;
    double m_tolerance;
    std::unique_ptr<Impl> m_impl;
};

} // namespace redline
