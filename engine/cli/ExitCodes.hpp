#pragma once
// Exit codes of DESIGN A3.
namespace exitcode
{
constexpr int kOk = 0;
constexpr int kInputError = 1;   // bad input or processing error
constexpr int kUsage = 2;        // command-line usage error
constexpr int kFailOn = 3;       // --fail-on threshold reached
} // namespace exitcode
