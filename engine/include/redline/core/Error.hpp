#pragma once
// Engine exception hierarchy. Every message is one plain sentence that names the file, layer and
// feature involved where there is one. The CLI maps each type to an exit code (see cli/ExitCodes).

#include <stdexcept>
#include <string>

namespace redline
{

class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A file that cannot be opened, read or written, or whose format is unknown.
class IoError : public Error
{
public:
    using Error::Error;
};

// Missing, unknown or unusable coordinate reference system, or coordinates outside its area of use.
class CrsError : public Error
{
public:
    using Error::Error;
};

// A feature whose geometry cannot be used (empty, unsupported type, unrepairable).
class GeometryError : public Error
{
public:
    using Error::Error;
};

// A catalog, rule file or option value that is malformed.
class ConfigError : public Error
{
public:
    using Error::Error;
};

// Where a problem happened: builds the "file, layer 'x', feature 'y'" prefix of messages.
std::string describeLocation(const std::string& file, const std::string& layer = {},
                             const std::string& feature = {});

} // namespace redline
