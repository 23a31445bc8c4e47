#pragma once
// Token buckets keyed by user (or by peer address for failed sign-ins): `ratePerSecond` refill,
// `burst` capacity. Thread-safe; bounded memory (idle full buckets are forgotten).

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace redline::service
{

class RateLimiter
{
  public:
    RateLimiter(double ratePerSecond, double burst);
    // Takes one token; false (and the seconds until one is back) when the bucket is empty.
    [[nodiscard]] bool take(const std::string& key, double* retryAfterSeconds = nullptr);
    // True when the bucket has a token, without taking it.
    [[nodiscard]] bool has(const std::string& key);

  private:
    struct Bucket
    {
        double tokens;
        std::chrono::steady_clock::time_point last;
    };
    Bucket& refill(const std::string& key, std::chrono::steady_clock::time_point now);

    double m_rate;
    double m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
};

} // namespace redline::service
