#pragma once
// RFC 7807 problem documents (application/problem+json). The detail is a sentence the service
// wrote itself or an input error about the client's own data; exception text from anywhere else
// never reaches a client (it goes to the log with an incident id, which the 500 names).

#include <string>

#include "http/Http.hpp"

namespace redline::service
{

// OGC API – Processes exception types, and the service's own.
namespace problem
{
inline constexpr const char* kNoSuchProcess =
    "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process";
inline constexpr const char* kNoSuchJob =
    "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job";
inline constexpr const char* kResultNotReady =
    "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-ready";
inline constexpr const char* kInvalidInput = "urn:redline:problem:invalid-input";
inline constexpr const char* kInvalidParameter = "urn:redline:problem:invalid-parameter";
inline constexpr const char* kNotFound = "urn:redline:problem:not-found";
inline constexpr const char* kUnauthorized = "urn:redline:problem:unauthorized";
inline constexpr const char* kForbidden = "urn:redline:problem:forbidden";
inline constexpr const char* kTooLarge = "urn:redline:problem:too-large";
inline constexpr const char* kTooMany = "urn:redline:problem:rate-limited";
inline constexpr const char* kMethod = "urn:redline:problem:method-not-allowed";
inline constexpr const char* kInternal = "urn:redline:problem:internal-error";
inline constexpr const char* kUnavailable = "urn:redline:problem:unavailable";
} // namespace problem

[[nodiscard]] Response problemResponse(http::status status, const std::string& type,
                                       const std::string& detail);

} // namespace redline::service
