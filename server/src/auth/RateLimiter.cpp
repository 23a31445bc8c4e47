#include "auth/RateLimiter.hpp"

#include <algorithm>

namespace redline::service
{

namespace
{
constexpr std::size_t kMaxBuckets = 100000;
}

RateLimiter::RateLimiter(double ratePerSecond, double burst)
    : m_rate(std::max(ratePerSecond, 1e-6)), m_burst(std::max(burst, 1.0))
{
}

RateLimiter::Bucket& RateLimiter::refill(const std::string& key,
                                         std::chrono::steady_clock::time_point now)
{
    if (m_buckets.size() >= kMaxBuckets)
        std::erase_if(m_buckets,
                      [&](const auto& kv)
                      {
                          const double idle =
                              std::chrono::duration<double>(now - kv.second.last).count();
                          return kv.second.tokens + idle * m_rate >= m_burst;
                      });
    auto [it, fresh] = m_buckets.try_emplace(key, Bucket{m_burst, now});
    Bucket& b = it->second;
    if (!fresh)
    {
        const double elapsed = std::chrono::duration<double>(now - b.last).count();
        b.tokens = std::min(m_burst, b.tokens + elapsed * m_rate);
        b.last = now;
    }
    return b;
}

bool RateLimiter::take(const std::string& key, double* retryAfterSeconds)
{
    std::lock_guard lock(m_mutex);
    Bucket& b = refill(key, std::chrono::steady_clock::now());
    if (b.tokens >= 1)
    {
        b.tokens -= 1;
        return true;
    }
    if (retryAfterSeconds)
        *retryAfterSeconds = (1 - b.tokens) / m_rate;
    return false;
}

bool RateLimiter::has(const std::string& key)
{
    std::lock_guard lock(m_mutex);
    return refill(key, std::chrono::steady_clock::now()).tokens >= 1;
}

} // namespace redline::service
