#include "redline/core/AtomicFile.hpp"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redline/core/Error.hpp"

namespace fs = std::filesystem;

namespace redline
{

namespace
{

// Linux follows at most 40 links in one lookup (path_resolution(7)); so do we.
constexpr int kMaxLinkHops = 40;

std::string errnoText(int err)
{
    return std::generic_category().message(err);
}

// Closes a POSIX file descriptor on scope exit unless release()d.
class Fd
{
  public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] bool ok() const { return m_fd >= 0; }
    // Closes now and reports the result (a failed close can mean lost data on NFS).
    [[nodiscard]] int close()
    {
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc;
    }

  private:
    int m_fd;
};

// Writes all of [data, data+size) to fd, retrying short writes; returns errno or 0.
int writeAll(int fd, const char* data, std::size_t size)
{
    while (size > 0)
    {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return 0;
}

// The file a chain of symbolic links names (the path itself when it is no link).
fs::path followLinks(const std::string& target)
{
    fs::path p(target);
    for (int hop = 0; hop < kMaxLinkHops; ++hop)
    {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(p, ec)))
            return p;
        const fs::path link = fs::read_symlink(p, ec);
        if (ec)
            throw IoError(target + ": cannot read the symbolic link (" + ec.message() + ").");
        p = link.is_absolute() ? link : p.parent_path() / link;
    }
    throw IoError(target + ": too many levels of symbolic links.");
}

std::string randomSuffix()
{
    std::random_device rd;
    const unsigned long long v = (static_cast<unsigned long long>(rd()) << 32) ^ rd();
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", v);
    return buf;
}

void syncFile(const std::string& path)
{
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.ok())
        (void)::fsync(fd.get());
}

} // namespace

AtomicFile::AtomicFile(std::string target, const std::string& tempExtension)
    : m_target(std::move(target))
{
    if (m_target.empty())
        throw IoError("No output file name given.");
    const bool toStdout = m_target == "-";
    struct stat st
    {
    };
    const bool exists = !toStdout && ::stat(m_target.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        throw IoError(m_target + ": is a folder; give a file name.");
    m_stream = toStdout || (exists && !S_ISREG(st.st_mode));
    if (m_stream)
    {
        m_destination = m_target;
        const std::string ext = tempExtension.empty() && !toStdout
                                    ? fs::path(m_target).extension().string()
                                    : tempExtension;
        m_temp = (fs::temp_directory_path() / ("redline-" + randomSuffix() + ext)).string();
        return;
    }
    const fs::path dest = followLinks(m_target);
    if (exists && ::access(dest.c_str(), W_OK) != 0)
        throw IoError(m_target + ": the existing file is not writable (" + errnoText(errno) + ").");
    m_destination = dest.string();
    // Say plainly why a writer could not create its file, whatever the writer's own message.
    const std::string folder = dest.has_parent_path() ? dest.parent_path().string() : ".";
    if (::faccessat(AT_FDCWD, folder.c_str(), W_OK | X_OK, AT_EACCESS) != 0)
        throw IoError(m_target + ": cannot create the output file in '" + folder + "' (" +
                      errnoText(errno) + ").");
    const std::string ext = tempExtension.empty() ? dest.extension().string() : tempExtension;
    m_temp = (dest.parent_path() / ("." + dest.stem().string() + ".tmp" + randomSuffix() + ext))
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

void AtomicFile::adopt(const std::string& writtenPath)
{
    std::error_code ec;
    fs::rename(writtenPath, m_temp, ec);
    if (ec == std::errc::cross_device_link)
    {
        ec.clear();
        fs::copy_file(writtenPath, m_temp, ec);
        if (!ec)
            fs::remove(writtenPath, ec);
    }
    if (ec)
        throw IoError(m_target + ": cannot move the written file into place (" + ec.message() +
                      ").");
}

void AtomicFile::commit()
{
    if (!fs::exists(m_temp))
        throw IoError(m_target + ": the output was not written.");
    if (m_stream)
    {
        Fd in(::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC));
        if (!in.ok())
            throw IoError(m_target + ": cannot read back the written output (" + errnoText(errno) +
                          ").");
        const bool toStdout = m_target == "-";
        if (toStdout)
        {
            std::cout.flush();
            std::fflush(stdout);
        }
        Fd opened(toStdout ? -1 : ::open(m_target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC));
        if (!toStdout && !opened.ok())
            throw IoError(m_target + ": cannot open for writing (" + errnoText(errno) + ").");
        const int out = toStdout ? STDOUT_FILENO : opened.get();
        char buf[1 << 16];
        for (;;)
        {
            const ssize_t n = ::read(in.get(), buf, sizeof buf);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                throw IoError(m_target + ": cannot read back the written output (" +
                              errnoText(errno) + ").");
            if (n == 0)
                break;
            if (const int err = writeAll(out, buf, static_cast<std::size_t>(n)))
                throw IoError(m_target + ": writing failed (" + errnoText(err) + ").");
        }
        if (!toStdout && opened.close() != 0)
            throw IoError(m_target + ": writing failed (" + errnoText(errno) + ").");
        m_committed = true;
        std::error_code ec;
        fs::remove(m_temp, ec);
        return;
    }
    struct stat st
    {
    };
    if (::stat(m_destination.c_str(), &st) == 0 && S_ISREG(st.st_mode))
    {
        // Owner first: chown by a non-root process clears the set-id bits that chmod restores.
        // Only root may give a file away; a member of the file's group may still set the group.
        if (::chown(m_temp.c_str(), st.st_uid, st.st_gid) != 0)
            (void)::chown(m_temp.c_str(), static_cast<uid_t>(-1), st.st_gid);
        if (::chmod(m_temp.c_str(), st.st_mode & 07777) != 0)
            throw IoError(m_target + ": cannot give the new file the permissions of the old one (" +
                          errnoText(errno) + ").");
    }
    syncFile(m_temp);
    std::error_code ec;
    fs::rename(m_temp, m_destination, ec);
    if (ec)
        throw IoError(m_target + ": cannot write the output file (" + ec.message() + ").");
    m_committed = true;
}

void writeTextFileAtomically(const std::string& path, const std::string& text)
{
    AtomicFile file(path);
    {
        Fd fd(::open(file.tempPath().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
        if (!fd.ok())
        {
            const int err = errno;
            const std::string folder = fs::path(file.tempPath()).parent_path().string();
            throw IoError(path + ": cannot create the output file in '" +
                          (folder.empty() ? "." : folder) + "' (" + errnoText(err) + ").");
        }
        int err = writeAll(fd.get(), text.data(), text.size());
        if (fd.close() != 0 && err == 0)
            err = errno;
        if (err != 0)
            throw IoError(path + ": writing the output file failed (" + errnoText(err) + ").");
    }
    file.commit();
}

} // namespace redline
