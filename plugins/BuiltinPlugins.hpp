#pragma once
// Fills the registry with every plugin compiled into this build. Called explicitly by main()
// (the CLI and the viewer) before any thread starts; no static-initialiser registration.

namespace redline
{
class Registry;
void registerBuiltinPlugins(Registry& registry);
} // namespace redline
