#include "model/EnvelopeTransform.hpp"

namespace redline::detail
{

Envelope transformEnvelope(const Envelope& e, const CrsTransform& t)
{
    if (e.isEmpty() || t.isIdentity())
        return e;
    constexpr int kSteps = 20;
    Envelope out;
    for (int i = 0; i <= kSteps; ++i)
    {
        const double fx = e.minX + (e.maxX - e.minX) * i / kSteps;
        const double fy = e.minY + (e.maxY - e.minY) * i / kSteps;
        for (const Point p :
             {Point{fx, e.minY}, Point{fx, e.maxY}, Point{e.minX, fy}, Point{e.maxX, fy}})
        {
            const Point q = t.apply(p);
            out.expandToInclude(q.x, q.y);
        }
    }
    return out;
}

} // namespace redline::detail
