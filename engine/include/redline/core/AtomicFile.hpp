#pragma once
// Atomic output: write into a temporary file beside the target, then rename over it. If commit()
// is never called (an exception unwinds), the temporary file is removed and the target untouched.

#include <string>

namespace redline
{

class AtomicFile
{
public:
    explicit AtomicFile(std::string target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // The temporary path to write to (same folder and extension as the target).
    [[nodiscard]] const std::string& tempPath() const { return m_temp; }
    // Renames the temporary file onto the target. Throws IoError.
    void commit();

private:
    std::string m_target;
    std::string m_temp;
    bool m_committed = false;
};

// Writes text to `path` atomically.
void writeTextFileAtomically(const std::string& path, const std::string& text);

} // namespace redline
