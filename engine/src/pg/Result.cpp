#include "redline/pg/Result.hpp"

#include <bit>
#include <charconv>
#include <cstring>

#include <libpq-fe.h>

#include "redline/core/Error.hpp"

namespace redline::pg
{

namespace
{

// PostgreSQL type OIDs (pg_type.dat) of the types decoded here.
constexpr unsigned kBool = 16;
constexpr unsigned kInt8 = 20;
constexpr unsigned kInt2 = 21;
constexpr unsigned kInt4 = 23;
constexpr unsigned kFloat4 = 700;
constexpr unsigned kFloat8 = 701;

template <typename T> T bigEndian(std::string_view b)
{
    T v{};
    if (b.size() != sizeof(T))
        throw IoError("PostgreSQL sent a binary value of unexpected size.");
    unsigned char raw[sizeof(T)];
    std::memcpy(raw, b.data(), sizeof(T));
    std::uint64_t u = 0;
    for (unsigned char c : raw)
        u = (u << 8) | c;
    if constexpr (sizeof(T) == 8)
        v = std::bit_cast<T>(u);
    else if constexpr (sizeof(T) == 4)
        v = std::bit_cast<T>(static_cast<std::uint32_t>(u));
    else
        v = std::bit_cast<T>(static_cast<std::uint16_t>(u));
    return v;
}

std::string typeError(const Result& r, int column, const char* wanted)
{
    return "PostgreSQL column '" + r.columnName(column) + "' is not " + wanted + " (type oid " +
           std::to_string(r.typeOid(column)) + ").";
}

} // namespace

void Result::Clear::operator()(pg_result* r) const
{
    PQclear(r);
}

Result::Result(pg_result* result) : m_result(result) {}
Result::~Result() = default;
Result::Result(Result&&) noexcept = default;
Result& Result::operator=(Result&&) noexcept = default;

int Result::rows() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

int Result::columns() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

std::string Result::columnName(int column) const
{
    const char* n = m_result ? PQfname(m_result.get(), column) : nullptr;
    return n ? n : "";
}

int Result::columnIndex(const std::string& name) const
{
    if (!m_result)
        return -1;
    for (int c = 0; c < columns(); ++c)
        if (columnName(c) == name)
            return c;
    return -1;
}

unsigned Result::typeOid(int column) const
{
    return m_result ? PQftype(m_result.get(), column) : 0;
}

bool Result::isBinary(int column) const
{
    return m_result && PQfformat(m_result.get(), column) == 1;
}

std::int64_t Result::affectedRows() const
{
    const char* n = m_result ? PQcmdTuples(m_result.get()) : nullptr;
    return n && *n ? std::stoll(n) : 0;
}

bool Result::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) == 1;
}

std::string_view Result::bytes(int row, int column) const
{
    return {PQgetvalue(m_result.get(), row, column),
            static_cast<std::size_t>(PQgetlength(m_result.get(), row, column))};
}

std::int64_t Result::int64(int row, int column) const
{
    const std::string_view b = bytes(row, column);
    const unsigned type = typeOid(column);
    if (!isBinary(column))
    {
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), v);
        if (ec != std::errc() || end != b.data() + b.size())
            throw IoError(typeError(*this, column, "an integer"));
        return v;
    }
    switch (type)
    {
    case kInt8:
        return bigEndian<std::int64_t>(b);
    case kInt4:
        return bigEndian<std::int32_t>(b);
    case kInt2:
        return bigEndian<std::int16_t>(b);
    default:
        throw IoError(typeError(*this, column, "an integer"));
    }
}

double Result::float8(int row, int column) const
{
    const std::string_view b = bytes(row, column);
    if (!isBinary(column))
    {
        double v = 0;
        const auto [end, ec] = std::from_chars(b.data(), b.data() + b.size(), v);
        if (ec != std::errc() || end != b.data() + b.size())
            throw IoError(typeError(*this, column, "a number"));
        return v;
    }
    switch (typeOid(column))
    {
    case kFloat8:
        return bigEndian<double>(b);
    case kFloat4:
        return bigEndian<float>(b);
    case kInt8:
    case kInt4:
    case kInt2:
        return static_cast<double>(int64(row, column));
    default:
        throw IoError(typeError(*this, column, "a number"));
    }
}

bool Result::boolean(int row, int column) const
{
    const std::string_view b = bytes(row, column);
    if (typeOid(column) != kBool || b.size() != 1)
        throw IoError(typeError(*this, column, "a boolean"));
    return isBinary(column) ? b[0] != 0 : b[0] == 't';
}

} // namespace redline::pg
