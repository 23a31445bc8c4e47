#pragma once
// Orientation of three points with a certified sign (engine-internal): Shewchuk's adaptive
// filter ("Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates",
// 1997, stage A). When the double-precision determinant is larger than its proven rounding-error
// bound its sign is exact; otherwise the answer is "uncertain" and the caller must fall back to
// an exact library (GEOS). A certain sign therefore always equals GEOS's (exact) orientation.

#include <cmath>

#include "redline/geo/Geometry.hpp"

namespace redline::detail
{

enum class Side
{
    Right = -1,    // c is right of a -> b (clockwise)
    Uncertain = 0, // collinear, or too close to tell in double precision
    Left = 1       // c is left of a -> b (counter-clockwise)
};

struct Orientation
{
    Side side = Side::Uncertain;
    double det = 0; // (b - a) x (c - a), twice the signed triangle area
};

[[nodiscard]] inline Orientation orientation(const Point& a, const Point& b, const Point& c)
{
    // (3 + 16 eps) eps with eps = 2^-53: Shewchuk's ccwerrboundA.
    constexpr double kErrBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53;
    const double detLeft = (a.x - c.x) * (b.y - c.y);
    const double detRight = (a.y - c.y) * (b.x - c.x);
    const double det = detLeft - detRight;
    double detSum = 0;
    if (detLeft > 0)
    {
        if (detRight <= 0)
            return {Side::Left, det};
        detSum = detLeft + detRight;
    }
    else if (detLeft < 0)
    {
        if (detRight >= 0)
            return {Side::Right, det};
        detSum = -detLeft - detRight;
    }
    else
    {
        // detLeft is exactly 0, so det = -detRight is exact.
        return {det > 0 ? Side::Left : det < 0 ? Side::Right : Side::Uncertain, det};
    }
    const double bound = kErrBound * detSum;
    if (det > bound)
        return {Side::Left, det};
    if (-det > bound)
        return {Side::Right, det};
    return {Side::Uncertain, det};
}

} // namespace redline::detail
