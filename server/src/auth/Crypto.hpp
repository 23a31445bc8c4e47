#pragma once
// The few cryptographic primitives the service needs, all from libsodium: Argon2id password and
// token hashes (salted, slow: ~0.1 s and 64 MiB each), random secrets, SHA-256, keyed digests
// for the in-memory credential cache, constant-time comparison. Thread-safe after initCrypto().

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace redline::service
{

// Must be called once before any other function here (idempotent).
void initCrypto();

// Argon2id in libsodium's self-describing string form ("$argon2id$v=19$m=65536,t=2,p=1$…").
[[nodiscard]] std::string slowHash(std::string_view secret);
[[nodiscard]] bool slowHashMatches(const std::string& hash, std::string_view secret);

// `bytes` random bytes as URL-safe base64 without padding.
[[nodiscard]] std::string randomSecret(std::size_t bytes);
// `bytes` random bytes as lower-case hex.
[[nodiscard]] std::string randomHex(std::size_t bytes);

using Digest = std::array<std::uint8_t, 32>;
[[nodiscard]] Digest sha256(std::string_view data);
[[nodiscard]] std::string sha256Hex(std::string_view data);
[[nodiscard]] std::string toHex(const std::uint8_t* data, std::size_t size);

// HMAC-SHA-256 under a key drawn at random when the process starts: what the credential cache
// keeps instead of a secret, so that a memory dump does not hand out tokens.
[[nodiscard]] Digest processKeyedDigest(std::string_view data);

[[nodiscard]] bool constantTimeEqual(std::string_view a, std::string_view b);
[[nodiscard]] bool constantTimeEqual(const Digest& a, const Digest& b);

} // namespace redline::service
