#pragma once
// Uploaded site files, checked before the engine sees them: the format is recognised from the
// content and an allowed extension (界址点 .txt, .csv, .kml, .kmz, .dxf, .geojson/.json,
// .xlsx, .gpkg, or a .zip holding one shapefile or one of those files); the file is written under
// a private temporary folder with a name the service chose, never the client's. Zip archives
// (.zip, .kmz, .xlsx) are inflated entry by entry with a byte budget: entry names with `..`,
// absolute paths or backslashes, too many entries, an entry that unpacks more than `zipRatio`
// times its packed size, or more than `unpackedBytes` in all are refused (zip slip, zip bombs).

#include <filesystem>
#include <stdexcept>
#include <string>

#include "ServiceConfig.hpp"

namespace redline::service
{

// A refused upload; the message is for the client (it names no server path).
class UploadError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

// A private folder (mode 0700) removed with everything in it when the object goes away.
class ScratchDir
{
  public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

// Writes the upload into `dir` and returns the path the engine should open. `clientName` is the
// file name as sent (used only for its extension).
[[nodiscard]] std::string storeUpload(const std::filesystem::path& dir,
                                      const std::string& clientName, const std::string& bytes,
                                      const UploadLimits& limits);

// The client's file name reduced to a safe display name (last path component, no control
// characters, at most 200 bytes); "upload" when nothing is left.
[[nodiscard]] std::string displayName(const std::string& clientName);

} // namespace redline::service
