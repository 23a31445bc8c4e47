#pragma once
// The HTTP/1.1 listener (Boost.Beast on Asio): accepts connections on one endpoint and serves
// each on its own strand of a shared io_context that `workers` threads run, so a few threads
// multiplex many keep-alive clients. Enforces HttpLimits; a request that breaks one gets a
// problem document (413, 431, 400, 408) and the connection is closed. Handles
// `Expect: 100-continue` (curl's uploads) before reading the body.

#include <atomic>
#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "http/Http.hpp"
#include "http/HttpLimits.hpp"

namespace redline::service
{

class HttpServer
{
  public:
    HttpServer(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
               const HttpLimits& limits, RequestHandler& handler);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // The bound endpoint (the real port when asked for port 0).
    [[nodiscard]] boost::asio::ip::tcp::endpoint endpoint() const;
    void start();
    // Stops accepting; open connections finish their current request.
    void stop();

  private:
    struct Listener;
    std::shared_ptr<Listener> m_listener;
};

} // namespace redline::service
