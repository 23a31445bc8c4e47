#pragma once
// Helpers shared by the test suites: temporary folders, small files, running the CLI.

#include <filesystem>
#include <string>

namespace redline::test
{

// A fresh folder under the system temp dir, removed when the object goes away.
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

void writeFile(const std::string& path, const std::string& content);
[[nodiscard]] std::string readFile(const std::string& path);

struct CommandResult
{
    int exitCode = -1;
    std::string out;
    std::string err;
};
// Runs the redline CLI with `args` (shell-quoted by the caller), capturing stdout and stderr.
[[nodiscard]] CommandResult runRedline(const std::string& args);
// Runs any shell command the same way.
[[nodiscard]] CommandResult runCommand(const std::string& command);

// Absolute path of a file in the source tree / in ../shared.
[[nodiscard]] std::string sourcePath(const std::string& relative);
[[nodiscard]] std::string sharedPath(const std::string& relative);

} // namespace redline::test
