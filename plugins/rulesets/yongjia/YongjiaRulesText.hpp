#pragma once
// The Yongjia rule records (yongjia_rules.yaml), embedded at build time so that the CLI works
// from any working directory. Defined in a source file CMake generates (plugins/CMakeLists.txt).

namespace redline
{
[[nodiscard]] const char* yongjiaRulesYaml();
} // namespace redline
