#pragma once
// Planar and ellipsoidal area of a union given as pieces with disjoint interiors
// (DisjointPieces), equal to what EllipsoidalMeasure::area gives for the union as one geometry:
// the geodesic area of every piece, or, when the whole union spans at most 2 km, the Transverse
// Mercator areal scale at the union's area centroid (engine-internal).

#include "redline/geo/EllipsoidalArea.hpp"

#include "geos/GeosContext.hpp"

namespace redline::detail
{

// What a piece adds to a DissolvedArea: kept by callers that add the same piece to several totals
// (a feature alone in its class and in its layer), so that it is measured once.
struct PieceArea
{
    double planar = 0;
    double geodesic = 0;
    double momentX = 0; // area · centroid
    double momentY = 0;
    Envelope extent;
};

// What a piece adds, measured on `h` (the thread's context) with `measure` (null: planar only).
[[nodiscard]] PieceArea measurePiece(GeosContext& h, const EllipsoidalMeasure* measure,
                                     const GEOSGeometry* piece);

class DissolvedArea
{
  public:
    // Without a measure only the planar area is summed.
    DissolvedArea(GeosContext& h, const EllipsoidalMeasure* measure) : m_h(h), m_measure(measure) {}

    [[nodiscard]] PieceArea measure(const GEOSGeometry* piece) const;
    void add(const PieceArea& piece);
    void add(const GEOSGeometry* piece) { add(measure(piece)); }
    [[nodiscard]] double planarM2() const { return m_planar; }
    [[nodiscard]] double ellipsoidalM2() const;

  private:
    GeosContext& m_h;
    const EllipsoidalMeasure* m_measure;
    double m_planar = 0;
    double m_geodesic = 0;
    double m_momentX = 0; // Σ area · centroid
    double m_momentY = 0;
    Envelope m_extent;
};

} // namespace redline::detail
