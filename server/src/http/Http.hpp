#pragma once
// HTTP message types of the service (Boost.Beast 1.74, from Debian's libboost-dev) and the
// handler contract: a handler receives a complete request and answers exactly once through
// `Respond`, from any thread; the connection writes the answer on its own strand.

#include <functional>
#include <string>
#include <string_view>

#include <boost/beast/http.hpp>

namespace redline::service
{

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;
using Respond = std::function<void(Response)>;

// The peer as the socket reports it; client-sent address headers (X-Forwarded-For…) are never
// read.
struct Peer
{
    std::string address;
};

class RequestHandler
{
  public:
    virtual ~RequestHandler() = default;
    virtual void handle(Request request, const Peer& peer, Respond respond) = 0;
};

// Boost 1.74's beast::string_view is boost::string_view: the standard one, for our code.
[[nodiscard]] inline std::string_view sv(boost::beast::string_view v)
{
    return {v.data(), v.size()};
}

// A response with the security headers every answer carries.
[[nodiscard]] Response makeResponse(http::status status, std::string contentType, std::string body);

} // namespace redline::service
