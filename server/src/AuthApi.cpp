#include "AuthApi.hpp"

#include <boost/algorithm/string/predicate.hpp>
#include <nlohmann/json.hpp>

#include "auth/Accounts.hpp"
#include "http/Problem.hpp"
#include "http/Target.hpp"
#include "util/JsonDepth.hpp"

namespace redline::service
{

using nlohmann::json;

Response AuthApi::login(const Request& request, const Peer& peer)
{
    std::string name, password;
    const std::string_view type = sv(request[http::field::content_type]);
    if (boost::algorithm::istarts_with(type, "application/json"))
    {
        if (!jsonDepthWithin(request.body(), 8))
            return problemResponse(http::status::bad_request, problem::kInvalidInput,
                                   "The body nests too deeply.");
        const json doc = json::parse(request.body(), nullptr, false);
        if (!doc.is_object() || !doc.contains("username") || !doc["username"].is_string() ||
            !doc.contains("password") || !doc["password"].is_string())
            return problemResponse(http::status::bad_request, problem::kInvalidInput,
                                   "Send {\"username\": …, \"password\": …}.");
        name = doc["username"].get<std::string>();
        password = doc["password"].get<std::string>();
    }
    else if (boost::algorithm::istarts_with(type, "application/x-www-form-urlencoded"))
    {
        const auto form = parseForm(request.body());
        if (!form || !form->count("username") || !form->count("password"))
            return problemResponse(http::status::bad_request, problem::kInvalidInput,
                                   "Send the username and password fields.");
        name = form->at("username");
        password = form->at("password");
    }
    else
        return problemResponse(http::status::unsupported_media_type, problem::kInvalidInput,
                               "Send the sign-in as JSON or as a form.");
    if (name.size() > 64 || password.size() > 1024)
        return problemResponse(http::status::unauthorized, problem::kUnauthorized,
                               "Wrong user name or password.");
    AuthResult failure;
    const auto ticket = m_ctx.auth.login(name, password, peer, failure);
    if (!ticket)
    {
        if (failure.status == AuthStatus::Throttled)
        {
            Response r = problemResponse(http::status::too_many_requests, problem::kTooMany,
                                         "Too many failed sign-ins from this address; wait a "
                                         "minute.");
            r.set(http::field::retry_after,
                  std::to_string(static_cast<long>(failure.retryAfter) + 1));
            return r;
        }
        return problemResponse(http::status::unauthorized, problem::kUnauthorized,
                               "Wrong user name or password.");
    }
    Response r =
        jsonResponse(http::status::ok, json{{"user", ticket->principal.name},
                                            {"role", toString(ticket->principal.role)},
                                            {"csrf_token", ticket->csrfToken}}
                                           .dump(-1, ' ', false, json::error_handler_t::replace));
    r.set(http::field::set_cookie, ticket->cookie);
    return r;
}

Response AuthApi::session(const Principal& who)
{
    json doc = {{"user", who.name}, {"role", toString(who.role)}};
    if (who.viaSession)
        doc["csrf_token"] = who.csrfToken;
    return jsonResponse(http::status::ok, doc.dump(-1, ' ', false, json::error_handler_t::replace));
}

Response AuthApi::logout(const Request& request)
{
    Response r = jsonResponse(http::status::ok, R"({"signed_out":true})");
    r.set(http::field::set_cookie, m_ctx.auth.logout(request));
    return r;
}

Response AuthApi::users(const Principal& who)
{
    if (!manages(who.role))
        return problemResponse(http::status::forbidden, problem::kForbidden,
                               "Only admins list the accounts.");
    json list = json::array();
    for (const auto& u : Accounts(threadAccountDb(m_ctx.auth.accounts())).list())
        list.push_back({{"user", u.name},
                        {"role", toString(u.role)},
                        {"disabled", u.disabled},
                        {"created", u.createdAt}});
    return jsonResponse(http::status::ok,
                        json{{"users", list}}.dump(-1, ' ', false, json::error_handler_t::replace));
}

} // namespace redline::service
