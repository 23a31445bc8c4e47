#include "redline/core/AtomicFile.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <system_error>

#include "redline/core/Error.hpp"

namespace fs = std::filesystem;

namespace redline
{

AtomicFile::AtomicFile(std::string target) : m_target(std::move(target))
{
    const fs::path t(m_target);
    std::random_device rd;
    // Keep the extension: GDAL picks drivers by it.
    m_temp = (t.parent_path() / ("." + t.stem().string() + ".tmp" + std::to_string(rd() % 1000000) +
                                 t.extension().string()))
                 .string();
}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
    {
        std::error_code ec;
        fs::remove(m_temp, ec);
    }
}

void AtomicFile::commit()
{
    std::error_code ec;
    fs::rename(m_temp, m_target, ec);
    if (ec)
        throw IoError(m_target + ": cannot write the output file (" + ec.message() + ").");
    m_committed = true;
}

void writeTextFileAtomically(const std::string& path, const std::string& text)
{
    AtomicFile file(path);
    {
        std::ofstream out(file.tempPath(), std::ios::binary);
        if (!out)
            throw IoError(path + ": cannot create the output file (folder missing or not writable).");
        out << text;
        out.flush();
        if (!out)
            throw IoError(path + ": writing the output file failed (disk full?).");
    }
    file.commit();
}

} // namespace redline
