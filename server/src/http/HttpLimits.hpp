#pragma once
// Limits on every connection (issue 11): what a client may send and how long it may take.

#include <chrono>
#include <cstddef>

namespace redline::service
{

struct HttpLimits
{
    std::size_t bodyBytes = 20 * 1024 * 1024; // larger bodies: 413
    std::size_t headerBytes = 16 * 1024;      // larger request line + headers: 431
    std::chrono::seconds readTimeout{30};     // to receive one request (headers and body)
    std::chrono::seconds writeTimeout{60};    // to send one response
    std::chrono::seconds keepAlive{5};        // idle time allowed between requests
    unsigned keepAliveRequests = 1000;        // requests per connection before it is closed
    std::size_t maxConnections = 1024;        // more are accepted and closed at once
};

} // namespace redline::service
