#include "ServiceContext.hpp"

#include <iostream>

#include "auth/Crypto.hpp"
#include "http/Problem.hpp"
#include "util/Clock.hpp"

namespace redline::service
{

std::string logIncident(const std::exception* e)
{
    const std::string incident = randomHex(4);
    std::cerr << nowRfc3339() << " redline serve: incident " << incident << ": "
              << (e ? e->what() : "unknown exception") << "\n";
    return "The service failed to answer; the administrator can find incident " + incident +
           " in its log.";
}

Response internalError(const std::exception* e)
{
    return problemResponse(http::status::internal_server_error, problem::kInternal, logIncident(e));
}

Response internalError(std::exception_ptr error)
{
    try
    {
        std::rethrow_exception(error);
    }
    catch (const std::exception& e)
    {
        return internalError(&e);
    }
    catch (...)
    {
        return internalError(static_cast<const std::exception*>(nullptr));
    }
}

void guarded(const Respond& respond, const std::function<void()>& work)
{
    try
    {
        work();
    }
    catch (const std::exception& e)
    {
        respond(internalError(&e));
    }
    catch (...)
    {
        respond(internalError(static_cast<const std::exception*>(nullptr)));
    }
}

Response jsonResponse(http::status status, const std::string& body, const char* contentType)
{
    return makeResponse(status, contentType, body);
}

} // namespace redline::service
