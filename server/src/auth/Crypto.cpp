#include "auth/Crypto.hpp"

#include <mutex>
#include <stdexcept>
#include <vector>

#include <sodium.h>

namespace redline::service
{

namespace
{

std::array<std::uint8_t, crypto_auth_hmacsha256_KEYBYTES> g_processKey;

} // namespace

void initCrypto()
{
    static std::once_flag once;
    std::call_once(once,
                   []
                   {
                       if (sodium_init() < 0)
                           throw std::runtime_error("libsodium cannot be initialised");
                       crypto_auth_hmacsha256_keygen(g_processKey.data());
                   });
}

std::string slowHash(std::string_view secret)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing a secret");
    return out;
}

bool slowHashMatches(const std::string& hash, std::string_view secret)
{
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

std::string randomSecret(std::size_t bytes)
{
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.find('\0'));
    return out;
}

std::string randomHex(std::size_t bytes)
{
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    return toHex(raw.data(), raw.size());
}

std::string toHex(const std::uint8_t* data, std::size_t size)
{
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

Digest sha256(std::string_view data)
{
    Digest d;
    crypto_hash_sha256(d.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return d;
}

std::string sha256Hex(std::string_view data)
{
    const Digest d = sha256(data);
    return toHex(d.data(), d.size());
}

Digest processKeyedDigest(std::string_view data)
{
    Digest d;
    crypto_auth_hmacsha256(d.data(), reinterpret_cast<const unsigned char*>(data.data()),
                           data.size(), g_processKey.data());
    return d;
}

bool constantTimeEqual(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool constantTimeEqual(const Digest& a, const Digest& b)
{
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace redline::service
