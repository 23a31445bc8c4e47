#pragma once
// server/resources/openapi.json, compiled in (generated OpenApiText.cpp).

namespace redline::service
{
extern const char* const kOpenApiText;
}
