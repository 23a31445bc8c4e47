#pragma once
// Deterministic random numbers for the generator. std::uniform_*_distribution is avoided on
// purpose: its output is implementation-defined, so the same seed could give different datasets
// with another standard library. Only the raw 64-bit engine output is used, mapped by hand.

#include <cstdint>
#include <random>

namespace redline::datagen
{

class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [0, n); the tiny modulo bias is irrelevant here.
    std::uint64_t below(std::uint64_t n) { return m_engine() % n; }

private:
    std::mt19937_64 m_engine;
};

} // namespace redline::datagen
