#include "TestSupport.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace redline::test
{

TempDir::TempDir()
{
    std::random_device rd;
    m_path = fs::temp_directory_path() / ("redline-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

void writeFile(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out)
        throw std::runtime_error("cannot write " + path);
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

CommandResult runCommand(const std::string& command)
{
    TempDir tmp;
    const std::string out = tmp.file("out"), err = tmp.file("err");
    const std::string full = command + " >'" + out + "' 2>'" + err + "' </dev/null";
    const int status = std::system(full.c_str());
    CommandResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = readFile(out);
    r.err = readFile(err);
    return r;
}

CommandResult runRedline(const std::string& args)
{
    return runCommand(std::string("'") + REDLINE_CLI + "' " + args);
}

std::string sourcePath(const std::string& relative)
{
    return (fs::path(REDLINE_SOURCE_DIR) / relative).string();
}

std::string sharedPath(const std::string& relative)
{
    return (fs::path(REDLINE_SHARED_DIR) / relative).string();
}

} // namespace redline::test
