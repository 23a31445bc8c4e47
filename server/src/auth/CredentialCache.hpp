#pragma once
// Verified API tokens kept in memory so that the Argon2id hash (~0.1 s) is paid once per token
// and per `ttl`, not per request: the cache maps the token id to an HMAC-SHA-256 of the secret
// under a per-process random key (never the secret itself) and the principal. A request is
// admitted when the HMAC of the secret it presents equals the cached one (constant time).
// Entries expire after `ttl`; clear() drops everything (an account or token changed).
// Thread-safe.

#include <chrono>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "auth/Crypto.hpp"
#include "auth/Principal.hpp"

namespace redline::service
{

class CredentialCache
{
  public:
    CredentialCache(std::chrono::seconds ttl, std::size_t capacity);
    [[nodiscard]] std::optional<Principal> find(const std::string& tokenId,
                                                const std::string& secret) const;
    void remember(const std::string& tokenId, const std::string& secret, const Principal& who);
    void clear();

  private:
    struct Entry
    {
        Digest mac;
        Principal principal;
        std::chrono::steady_clock::time_point expires;
    };
    std::chrono::seconds m_ttl;
    std::size_t m_capacity;
    mutable std::shared_mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace redline::service
