#pragma once
// Opening the database file: directory, pragmas, schema creation and the version check, shared by the
// writer and the readers.

#include "sqlite.hpp"

#include <sagar/core/result.hpp>
#include <sagar/core/vessel_report.hpp>

#include <filesystem>
#include <string>

namespace sagar::storage {

inline constexpr const char* database_file = "history.sqlite";

enum class OpenMode : std::uint8_t {
    writer,       ///< creates the directory and schema
    reader,       ///< the store must exist; `PRAGMA query_only`
    checkpointer, ///< the store must exist; runs checkpoints only
};

/// Opens DIR/history.sqlite with the pragmas of docs/storage.md and checks (or, for the writer, creates)
/// the schema.
Result<sql::Db, std::string> open_database(const std::filesystem::path& dir, OpenMode mode);

/// An identity from a row of `SELECT valid_from,imo,name,callsign,destination,ship_type,length_m,width_m,
/// draught_m,transponder FROM identities` (the writer's merge state and the readers' answers).
IdentityReport identity_from_row(const sql::Statement& s, std::uint32_t mmsi);

} // namespace sagar::storage
