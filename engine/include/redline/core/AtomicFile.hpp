#pragma once
// The one way Redline writes an output file (DESIGN A3: "written atomically, nothing partial left
// behind"). Writers write the whole output into tempPath(), then call commit(); if commit() is
// never called (an exception unwinds), the temporary file is removed and the destination is
// untouched. What commit() does depends on what is at the destination:
//
// - "-": standard output. The finished bytes are copied to file descriptor 1.
// - an existing character or block device, FIFO or socket (/dev/null, a named pipe): never
//   replaced. The temporary file lives in the system temp folder and its bytes are written into
//   the destination at commit() (a FIFO's open waits for its reader, as the shell's does).
// - anything else (a regular file, or nothing yet): symbolic links are followed to the file they
//   name (relative links from the link's folder; a dangling link creates the file it names, as
//   the shell does), the temporary file is made in that file's folder and renamed over it. An
//   existing file keeps its permission bits and, where the process may set them, its owner and
//   group; a new file gets the writer's default (0666 less the umask).
//
// Not thread-safe; one object per output. Throws IoError naming the destination.

#include <string>

namespace redline
{

class AtomicFile
{
  public:
    // `tempExtension` (with its dot) overrides the extension of tempPath(), which GDAL and Qt use
    // to pick the format; by default it is the destination's own extension.
    explicit AtomicFile(std::string target, const std::string& tempExtension = {});
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // The destination as given, for messages.
    [[nodiscard]] const std::string& target() const { return m_target; }
    // Where the writer writes. Not created yet: the writer creates it.
    [[nodiscard]] const std::string& tempPath() const { return m_temp; }
    // True when commit() copies bytes into the destination rather than renaming onto it.
    [[nodiscard]] bool isStream() const { return m_stream; }

    // Moves an already written file (e.g. one of a Shapefile's parts written by GDAL in a
    // temporary folder) to tempPath(), copying when it lies on another file system.
    void adopt(const std::string& writtenPath);
    // Puts the finished temporary file in place (see above). Throws IoError.
    void commit();

  private:
    std::string m_target;
    std::string m_destination; // after following symbolic links (regular destinations)
    std::string m_temp;
    bool m_stream = false;
    bool m_committed = false;
};

// Writes text (bytes as given) through an AtomicFile.
void writeTextFileAtomically(const std::string& path, const std::string& text);

} // namespace redline
