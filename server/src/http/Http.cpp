#include "http/Http.hpp"

namespace redline::service
{

Response makeResponse(http::status status, std::string contentType, std::string body)
{
    Response r{status, 11};
    r.set(http::field::server, "redline");
    r.set(http::field::content_type, std::move(contentType));
    r.set(http::field::cache_control, "no-store");
    r.set("X-Content-Type-Options", "nosniff");
    r.set("Referrer-Policy", "no-referrer");
    r.set("X-Frame-Options", "DENY");
    r.body() = std::move(body);
    return r;
}

} // namespace redline::service
