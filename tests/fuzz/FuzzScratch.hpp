#pragma once
// For fuzz targets whose code under test reads a path (importers, the zoning store): each input
// is written to a file in a private folder under $TMPDIR (scripts/fuzz.sh points TMPDIR at
// /dev/shm), so the target runs the same file-reading code a user's file goes through.
// One folder per process; removed at exit. Not thread-safe (libFuzzer runs inputs one at a time).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace redline::fuzz
{

class ScratchDir
{
public:
    ScratchDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "redline-fuzz-XXXXXX");
        if (!mkdtemp(pattern.data()))
            throw std::runtime_error("cannot create a scratch folder in " + pattern);
        m_path = pattern;
    }
    ~ScratchDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    ScratchDir(ScratchDir&&) = delete;
    ScratchDir& operator=(ScratchDir&&) = delete;

    // Writes `size` bytes to <folder>/<name> and returns the file's path.
    [[nodiscard]] std::string write(const std::string& name, const void* data,
                                    std::size_t size) const
    {
        const std::string path = (m_path / name).string();
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
        out.close();
        if (!out)
            throw std::runtime_error("cannot write " + path);
        return path;
    }

private:
    std::filesystem::path m_path;
};

} // namespace redline::fuzz
