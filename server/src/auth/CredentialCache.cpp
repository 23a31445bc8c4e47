#include "auth/CredentialCache.hpp"

#include <mutex>

namespace redline::service
{

CredentialCache::CredentialCache(std::chrono::seconds ttl, std::size_t capacity)
    : m_ttl(ttl), m_capacity(capacity)
{
}

std::optional<Principal> CredentialCache::find(const std::string& tokenId,
                                               const std::string& secret) const
{
    const Digest mac = processKeyedDigest(secret);
    std::shared_lock lock(m_mutex);
    auto it = m_entries.find(tokenId);
    if (it == m_entries.end() || std::chrono::steady_clock::now() >= it->second.expires ||
        !constantTimeEqual(it->second.mac, mac))
        return std::nullopt;
    return it->second.principal;
}

void CredentialCache::remember(const std::string& tokenId, const std::string& secret,
                               const Principal& who)
{
    Entry e{processKeyedDigest(secret), who, std::chrono::steady_clock::now() + m_ttl};
    std::unique_lock lock(m_mutex);
    if (m_entries.size() >= m_capacity)
        m_entries.clear();
    m_entries[tokenId] = std::move(e);
}

void CredentialCache::clear()
{
    std::unique_lock lock(m_mutex);
    m_entries.clear();
}

} // namespace redline::service
