#pragma once
// A small, independent overlay of one candidate site against the generated zoning layers, used
// only to *place* designed screening cases where they hit exactly the zones their expected
// verdict was reasoned from. It does not decide verdicts.

#include <functional>
#include <string>
#include <vector>

#include "World.hpp"

namespace redline::datagen
{

struct SiteHit
{
    const OutLayer* layer = nullptr;
    const OutFeature* feature = nullptr;
    double overlap = 0;  // m² (areas), m (lines), 1 (point inside)
    double distance = 0; // m, 0 when touching or overlapping
    double share = 0;    // overlap / site size (areas, lines), 1 for points inside
};

enum class Rel
{
    Overlap, // overlap > 0
    Within,  // share >= 0.999
    Touch,   // distance 0, overlap 0
    Near,    // 0 < distance <= buffer
    Any
};

struct Expect
{
    std::string layer;
    std::string field; // "" = any feature of the layer
    std::string value;
    Rel rel = Rel::Any;
    bool required = true;
};

class SiteScreen
{
public:
    SiteScreen(const World& w, double bufferM);
    [[nodiscard]] std::vector<SiteHit> hits(const GEOSGeometry* site) const;
    // Every hit matches some expectation, and every required expectation is met. With
    // 'allowOthers', hits matching no expectation are tolerated.
    [[nodiscard]] bool matches(const std::vector<SiteHit>& hits, const std::vector<Expect>& expects,
                               bool allowOthers) const;

private:
    struct Candidate
    {
        const OutLayer* layer;
        const OutFeature* feature;
        double minX, minY, maxX, maxY;
    };
    std::vector<Candidate> m_candidates;
    double m_buffer;
};

} // namespace redline::datagen
