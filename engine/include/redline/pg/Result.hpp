#pragma once
// The rows of one statement (RAII over libpq's PGresult; libpq types stay out of this header).
// Values are read by row and column; text-format and binary-format results are both decoded by
// the typed accessors (int64, float8, boolean, text). Views returned by text()/bytes() live as
// long as the Result. Not copyable; movable.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct pg_result;

namespace redline::pg
{

class Result
{
  public:
    Result() = default;
    explicit Result(pg_result* result); // takes ownership
    ~Result();
    Result(Result&&) noexcept;
    Result& operator=(Result&&) noexcept;
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;

    [[nodiscard]] int rows() const;
    [[nodiscard]] int columns() const;
    [[nodiscard]] std::string columnName(int column) const;
    // -1 when there is no such column.
    [[nodiscard]] int columnIndex(const std::string& name) const;
    [[nodiscard]] unsigned typeOid(int column) const;
    [[nodiscard]] bool isBinary(int column) const;
    // Rows changed by INSERT/UPDATE/DELETE (PQcmdTuples), 0 otherwise.
    [[nodiscard]] std::int64_t affectedRows() const;

    [[nodiscard]] bool isNull(int row, int column) const;
    // The raw value: text for text-format columns, the binary representation otherwise.
    [[nodiscard]] std::string_view bytes(int row, int column) const;
    [[nodiscard]] std::string_view text(int row, int column) const { return bytes(row, column); }
    // Typed values (int2/int4/int8, float4/float8, bool); throw IoError on a type mismatch.
    [[nodiscard]] std::int64_t int64(int row, int column) const;
    [[nodiscard]] double float8(int row, int column) const;
    [[nodiscard]] bool boolean(int row, int column) const;

  private:
    friend class Connection;
    struct Clear
    {
        void operator()(pg_result* r) const;
    };
    std::unique_ptr<pg_result, Clear> m_result;
};

} // namespace redline::pg
