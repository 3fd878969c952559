#include "schema.hpp"

#include <sagar/storage/history_store.hpp>

#include <system_error>

namespace sagar::storage {
namespace {

// Version 1. Times are Unix milliseconds; the chunk layout is in chunk_codec.hpp.
// - chunks: one row per vessel and up to StoreConfig::chunk_points points. (mmsi, t0) serves track
//   queries; t1 serves retention and latest_positions, which look at recent or old chunks only.
// - identities: a version per change of a vessel's merged static data, keyed by (mmsi, valid_from).
// - events: one row each; indexes for the time-range, per-vessel and retention queries.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE IF NOT EXISTS chunks(
    id INTEGER PRIMARY KEY,
    mmsi INTEGER NOT NULL,
    t0 INTEGER NOT NULL,
    t1 INTEGER NOT NULL,
    n INTEGER NOT NULL,
    min_lat REAL NOT NULL, min_lon REAL NOT NULL, max_lat REAL NOT NULL, max_lon REAL NOT NULL,
    codec INTEGER NOT NULL,
    points BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_mmsi_t0 ON chunks(mmsi, t0);
CREATE INDEX IF NOT EXISTS chunks_t1 ON chunks(t1);
CREATE TABLE IF NOT EXISTS identities(
    mmsi INTEGER NOT NULL,
    valid_from INTEGER NOT NULL,
    imo INTEGER NOT NULL,
    name TEXT NOT NULL,
    callsign TEXT NOT NULL,
    destination TEXT NOT NULL,
    ship_type INTEGER NOT NULL,
    length_m INTEGER NOT NULL,
    width_m INTEGER NOT NULL,
    draught_m REAL,
    transponder INTEGER NOT NULL,
    PRIMARY KEY(mmsi, valid_from)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events(
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    mmsi INTEGER NOT NULL,
    other_mmsi INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    zone TEXT NOT NULL,
    port TEXT NOT NULL,
    detection_id TEXT NOT NULL,
    details TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_start ON events(start_ms);
CREATE INDEX IF NOT EXISTS events_mmsi ON events(mmsi, start_ms);
CREATE INDEX IF NOT EXISTS events_other ON events(other_mmsi, start_ms);
)sql";

// Debian builds SQLite with SECURE_DELETE (zeroing freed pages makes retention slow) and FULL
// synchronous in WAL mode (an fsync per commit). NORMAL keeps every commit across a process crash
// (kill -9) and fsyncs at checkpoints only. The WAL file is truncated back to 64 MiB after checkpoints.
constexpr const char* connection_pragmas = "PRAGMA synchronous=NORMAL; PRAGMA secure_delete=OFF;"
                                           "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
                                           "PRAGMA journal_size_limit=67108864;";

Result<int, std::string> user_version(sqlite3* db) {
    sql::Statement stmt{db, "PRAGMA user_version"};
    if (!stmt.valid() || stmt.step() != SQLITE_ROW) {
        return unexpected(sql::error_text(db, "reading the schema version"));
    }
    return static_cast<int>(stmt.int64(0));
}

} // namespace

Result<sql::Db, std::string> open_database(const std::filesystem::path& dir, OpenMode mode) {
    const std::string where = dir.string();
    if (mode == OpenMode::writer) {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) {
            return unexpected(sql::cat("cannot create the data directory ", where, ": ", ec.message()));
        }
    }
    const std::filesystem::path file = dir / database_file;
    if (mode != OpenMode::writer && !std::filesystem::exists(file)) {
        return unexpected(sql::cat("no history store in ", where, " (", file.string(), " is missing)"));
    }
    // Readers open read-write too: after a crash the first connection may have to recover the WAL index.
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == OpenMode::writer ? SQLITE_OPEN_CREATE : 0);
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    sql::Db db{raw};
    if (rc != SQLITE_OK) {
        return unexpected(sql::error_text(db.get(), sql::cat("cannot open ", file.string())));
    }
    sqlite3_extended_result_codes(db.get(), 1);
    // Readers never wait for the writer in WAL mode; the wait covers checkpoints and WAL recovery.
    sqlite3_busy_timeout(db.get(), 5000);
    std::string error;
    if (!sql::exec(db.get(), connection_pragmas, error)) {
        return unexpected(sql::cat(file.string(), ": ", error));
    }
    auto version = user_version(db.get());
    if (!version) {
        return unexpected(sql::cat(file.string(), ": ", version.error()));
    }
    if (*version > schema_version) {
        return unexpected(sql::cat(file.string(), " has schema version ", std::to_string(*version),
                                   ", newer than this sagar supports (", std::to_string(schema_version),
                                   "): use a newer sagar or another --data directory"));
    }
    if (mode != OpenMode::writer) {
        if (*version != schema_version) {
            return unexpected(sql::cat(file.string(), " is not an initialised history store"));
        }
        // Queries read through the memory map instead of a pread() per page: latest_positions visits
        // tens of thousands of scattered rows.
        if (!sql::exec(db.get(),
                       mode == OpenMode::reader ? "PRAGMA query_only=1; PRAGMA mmap_size=1073741824;" : "",
                       error)) {
            return unexpected(sql::cat(file.string(), ": ", error));
        }
        return db;
    }
    // journal_mode=WAL is stored in the file; setting it again is a no-op. The writer never checkpoints
    // by itself: a checkpoint fsyncs, and inside a commit it would delay durability of the next batch
    // (HistoryStore runs them on a thread of its own).
    if (!sql::exec(db.get(), "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;", error)) {
        return unexpected(sql::cat(file.string(), ": ", error));
    }
    if (*version < schema_version) {
        std::string script = "BEGIN IMMEDIATE;";
        script += schema_v1;
        script += sql::cat("PRAGMA user_version=", std::to_string(schema_version), "; COMMIT;");
        if (!sql::exec(db.get(), script.c_str(), error)) {
            sql::exec(db.get(), "ROLLBACK;", error);
            return unexpected(sql::cat(file.string(), ": creating the schema: ", error));
        }
    }
    return db;
}

IdentityReport identity_from_row(const sql::Statement& s, std::uint32_t mmsi) {
    IdentityReport r;
    r.mmsi = mmsi;
    r.time = UtcTime::from_unix_ms(s.int64(0));
    r.imo = static_cast<std::uint32_t>(s.int64(1));
    r.name = FixedString<20>{s.text(2)};
    r.callsign = FixedString<7>{s.text(3)};
    r.destination = FixedString<20>{s.text(4)};
    r.ship_type = static_cast<std::uint8_t>(s.int64(5));
    r.length_m = static_cast<std::uint16_t>(s.int64(6));
    r.width_m = static_cast<std::uint16_t>(s.int64(7));
    r.draught_m = s.is_null(8) ? not_available : static_cast<float>(s.real(8));
    r.transponder = static_cast<TransponderClass>(s.int64(9));
    return r;
}

} // namespace sagar::storage
