#include "db/SqliteAccountDb.hpp"

namespace redline::service
{

namespace
{

class SqliteQuery final : public AccountQuery
{
  public:
    explicit SqliteQuery(Statement statement) : m_s(std::move(statement)) {}

    AccountQuery& bind(int index, std::int64_t value) override
    {
        m_s.bind(index, value);
        return *this;
    }
    AccountQuery& bind(int index, const std::string& text) override
    {
        m_s.bind(index, text);
        return *this;
    }
    AccountQuery& bindBlob(int index, const std::vector<std::uint8_t>& bytes) override
    {
        m_s.bindBlob(index, bytes);
        return *this;
    }
    AccountQuery& bindNull(int index) override
    {
        m_s.bindNull(index);
        return *this;
    }
    bool step() override { return m_s.step(); }
    void run() override { m_s.run(); }
    [[nodiscard]] bool isNull(int column) const override { return m_s.isNull(column); }
    [[nodiscard]] std::int64_t integer(int column) const override { return m_s.integer(column); }
    [[nodiscard]] std::string text(int column) const override { return m_s.text(column); }

  private:
    Statement m_s;
};

} // namespace

std::unique_ptr<AccountQuery> SqliteAccountDb::query(const std::string& sql)
{
    return std::make_unique<SqliteQuery>(m_db.prepare(sql));
}

void SqliteAccountDb::rollback() noexcept
{
    try
    {
        m_db.exec("ROLLBACK");
    }
    catch (const std::exception&) // nothing to roll back: the transaction ended already
    {
    }
}

} // namespace redline::service
