#include "sqlite.hpp"

namespace sagar::storage::sql {

std::string error_text(sqlite3* db, std::string_view what) {
    std::string text{what};
    text += ": ";
    text += db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    text += " (";
    text += std::to_string(db != nullptr ? sqlite3_extended_errcode(db) : SQLITE_NOMEM);
    text += ')';
    return text;
}

bool exec(sqlite3* db, const char* sql, std::string& error) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) {
        return true;
    }
    error = "SQL failed: ";
    error += message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    return false;
}

Statement::Statement(sqlite3* db, std::string_view sql) noexcept {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                           nullptr) != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

} // namespace sagar::storage::sql
