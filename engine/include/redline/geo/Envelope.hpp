#pragma once
// Axis-aligned bounding box in the units of the geometry's CRS. Value type, thread-safe.

#include <algorithm>
#include <limits>

namespace redline
{

struct Envelope
{
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    [[nodiscard]] bool isEmpty() const { return minX > maxX || minY > maxY; }
    void expandToInclude(double x, double y)
    {
        minX = std::min(minX, x);
        minY = std::min(minY, y);
        maxX = std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    void expandToInclude(const Envelope& o)
    {
        if (o.isEmpty())
            return;
        expandToInclude(o.minX, o.minY);
        expandToInclude(o.maxX, o.maxY);
    }
    [[nodiscard]] Envelope grownBy(double d) const { return {minX - d, minY - d, maxX + d, maxY + d}; }
    [[nodiscard]] bool intersects(const Envelope& o) const
    {
        return !(o.minX > maxX || o.maxX < minX || o.minY > maxY || o.maxY < minY);
    }
    [[nodiscard]] double width() const { return maxX - minX; }
    [[nodiscard]] double height() const { return maxY - minY; }
};

} // namespace redline
