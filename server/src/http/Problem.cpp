#include "http/Problem.hpp"

#include <nlohmann/json.hpp>

namespace redline::service
{

Response problemResponse(http::status status, const std::string& type, const std::string& detail)
{
    const nlohmann::json doc = {{"type", type},
                                {"title", std::string(http::obsolete_reason(status))},
                                {"status", static_cast<int>(status)},
                                {"detail", detail}};
    return makeResponse(status, "application/problem+json",
                        doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace redline::service
