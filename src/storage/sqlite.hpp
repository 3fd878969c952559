#pragma once
// Thin RAII over the SQLite C API: a connection, prepared statements, and the error text of a failure.

#include <cstdint>
#include <memory>
#include <span>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace sagar::storage::sql {

struct DbCloser {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

/// The parts appended in order (GCC 12 warns falsely about `"literal" + std::string` at -O2).
template <class... Parts>
std::string cat(const Parts&... parts) {
    std::string out;
    (out.append(std::string_view{parts}), ...);
    return out;
}

/// "what: SQLite's message (code)".
std::string error_text(sqlite3* db, std::string_view what);

/// Runs one or more statements without results; returns false and sets `error` on failure.
bool exec(sqlite3* db, const char* sql, std::string& error);

class Statement {
public:
    Statement() noexcept = default;
    /// Prepares `sql`; an invalid statement when it fails (error_text tells why).
    Statement(sqlite3* db, std::string_view sql) noexcept;
    Statement(Statement&& other) noexcept
        : m_stmt{other.m_stmt} {
        other.m_stmt = nullptr;
    }
    Statement& operator=(Statement&& other) noexcept {
        std::swap(m_stmt, other.m_stmt);
        return *this;
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(m_stmt); }

    [[nodiscard]] bool valid() const noexcept { return m_stmt != nullptr; }
    [[nodiscard]] sqlite3_stmt* get() const noexcept { return m_stmt; }

    // Parameters are 1-based, as in SQLite.
    void bind(int i, std::int64_t v) noexcept { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, double v) noexcept { sqlite3_bind_double(m_stmt, i, v); }
    void bind_null(int i) noexcept { sqlite3_bind_null(m_stmt, i); }
    /// SQLITE_TRANSIENT would copy: the text outlives the step, so the static form avoids it.
    void bind_text(int i, std::string_view v) noexcept {
        sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    }
    void bind_blob(int i, const void* data, std::size_t size) noexcept {
        sqlite3_bind_blob(m_stmt, i, data, static_cast<int>(size), SQLITE_STATIC);
    }
    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step() noexcept { return sqlite3_step(m_stmt); }
    /// Ready to run again; bindings cleared so no SQLITE_STATIC pointer outlives its buffer.
    void reset() noexcept {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    // Columns are 0-based, as in SQLite.
    [[nodiscard]] std::int64_t int64(int c) const noexcept { return sqlite3_column_int64(m_stmt, c); }
    [[nodiscard]] double real(int c) const noexcept { return sqlite3_column_double(m_stmt, c); }
    [[nodiscard]] bool is_null(int c) const noexcept { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    [[nodiscard]] std::string_view text(int c) const noexcept {
        const auto* p = sqlite3_column_text(m_stmt, c);
        const int n = sqlite3_column_bytes(m_stmt, c);
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): SQLite's text is unsigned char
        return p == nullptr ? std::string_view{}
                            : std::string_view{reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)};
    }
    [[nodiscard]] std::span<const std::uint8_t> blob(int c) const noexcept {
        const void* p = sqlite3_column_blob(m_stmt, c);
        const int n = sqlite3_column_bytes(m_stmt, c);
        return p == nullptr ? std::span<const std::uint8_t>{}
                            : std::span<const std::uint8_t>{static_cast<const std::uint8_t*>(p),
                                                            static_cast<std::size_t>(n)};
    }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace sagar::storage::sql
