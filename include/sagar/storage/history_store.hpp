#pragma once
// Durable history of positions, identities and events in an embedded SQLite database (WAL mode) under
// one directory: the store behind `sagar serve --data DIR`. docs/storage.md gives the schema, the commit
// policy and the measurements.
//
// Threading: one HistoryStore writes, from one thread (the caller's: it is not thread-safe). Any number
// of HistoryReader objects, each with its own connection, query concurrently with it; WAL lets readers see
// the last committed state while the writer writes. A second writer on the same directory is refused
// (a lock file), so two services cannot interleave commits.
//
// Commit policy (group commit): add_*() only buffers or writes into the open transaction; commit_if_due()
// commits once `commit_interval` has passed since the last commit, including the points so far of every
// open (not yet full) chunk. The caller calls commit_if_due() after each batch of input AND when idle
// (poll timeout <= 250 ms), so everything added is committed within commit_interval + one poll + the
// commit's own duration: with the default 500 ms, well under the 1 s that `kill -9` may lose. A commit
// in WAL mode with synchronous=NORMAL is a write() to the -wal file, durable against the process dying;
// only a power cut can lose commits since the last checkpoint's fsync. Checkpoints (with their fsync) run
// on a thread of the store with its own connection, so a commit is never slowed by one.

#include <sagar/core/result.hpp>
#include <sagar/core/utc_time.hpp>
#include <sagar/core/vessel_report.hpp>
#include <sagar/detectors/event.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sagar::storage {

/// The schema version this build writes (`PRAGMA user_version`). A store with a newer one is refused.
inline constexpr int schema_version = 1;

/// Points per chunk row: the upper bound of StoreConfig::chunk_points.
inline constexpr std::size_t max_chunk_points = 64;

/// No chunk spans longer (first to last point): a track query looks back this far before its `from`.
inline constexpr std::chrono::hours chunk_span_limit{24};

struct StoreConfig {
    /// Group-commit interval: what `kill -9` may lose (plus the caller's poll period).
    std::chrono::milliseconds commit_interval{500};
    /// Points per chunk row (1 to max_chunk_points). An open chunk is rewritten at every commit, so a
    /// smaller chunk costs less per commit and more rows per track.
    std::size_t chunk_points = 32;
    /// A chunk is closed when its points would span longer than this (keeps chunks time-local); at most
    /// chunk_span_limit, which track queries rely on.
    std::chrono::milliseconds max_chunk_span{std::chrono::hours{6}};
    /// Open chunks (one per recently seen vessel) held in memory; points of a new vessel beyond it are
    /// dropped and counted.
    std::size_t max_open_chunks = 500'000;
    /// An open chunk whose vessel sent nothing for this long (in data time) is forgotten from memory after
    /// a commit: it is stored already, the vessel's next point starts a new chunk.
    std::chrono::milliseconds idle_chunk{std::chrono::hours{1}};
    /// Latest identity per MMSI kept to merge partial reports (type 24 A/B) and skip repeats; cleared when
    /// full (counted), then reloaded from the store vessel by vessel.
    std::size_t max_cached_identities = 500'000;
    /// History older than this is deleted by apply_retention().
    int retention_days = 30;
    /// Rows deleted per table and per apply_retention() call, so one call never stalls ingestion.
    std::size_t retention_batch = 20'000;
};

/// What the writer has done since it was opened.
struct StoreCounters {
    std::uint64_t points_added = 0;   ///< accepted by add_position
    std::uint64_t points_dropped = 0; ///< no open-chunk slot left (max_open_chunks)
    std::uint64_t late_points = 0;    ///< older than their vessel's open chunk: written as a chunk of one
    std::uint64_t chunks_written = 0; ///< chunk rows finished (full, span limit, late point)
    std::uint64_t chunk_upserts = 0;  ///< open chunks written at a commit
    std::uint64_t identities_added = 0;
    std::uint64_t identity_versions = 0; ///< rows written: the merged identity changed
    std::uint64_t identity_cache_clears = 0;
    std::uint64_t events_written = 0;
    std::uint64_t commits = 0;
    std::uint64_t commit_us_total = 0; ///< wall time inside commit(), microseconds
    std::uint64_t commit_us_max = 0;
    std::uint64_t checkpoints = 0;         ///< WAL checkpoints by the store's checkpoint thread
    std::uint64_t checkpoint_failures = 0; ///< SQLITE_BUSY and the like: retried after the next commit
    std::uint64_t checkpoint_us_max = 0;
    std::uint64_t writer_checkpoints = 0; ///< run in commit() because the WAL passed 256 MiB
    std::uint64_t errors = 0;             ///< failed SQLite statements (see last_error)
    std::uint64_t rows_lost = 0;          ///< chunks, identities and events of a transaction that failed
    std::uint64_t retention_rows = 0;     ///< rows deleted by apply_retention
    std::string last_error;
};

/// One commit's work.
struct CommitInfo {
    bool committed = false; ///< false: nothing was pending (or not due)
    std::size_t chunks_upserted = 0;
    std::chrono::microseconds duration{0};
};

struct RetentionInfo {
    std::size_t chunks_deleted = 0;
    std::size_t events_deleted = 0;
    std::size_t identities_deleted = 0;
    bool complete = false; ///< false: a batch limit was hit, call again
};

/// The writer. Opening creates DIR, the database `DIR/history.sqlite` and its schema.
class HistoryStore {
public:
    [[nodiscard]] static Result<HistoryStore, std::string> open(const std::filesystem::path& dir,
                                                                const StoreConfig& config = {});
    HistoryStore(HistoryStore&&) noexcept;
    HistoryStore& operator=(HistoryStore&&) noexcept;
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;
    /// Commits what is pending (as close()), errors only counted.
    ~HistoryStore();

    /// Appends to the vessel's open chunk: no allocation except for a vessel's first point.
    void add_position(const PositionReport& report);
    /// Merges into the vessel's latest identity; writes a new version (valid from report.time) only when
    /// that changes a field.
    void add_identity(const IdentityReport& report);
    void add_event(const detectors::Event& event);

    /// Commits when commit_interval has passed since the last commit.
    Result<CommitInfo, std::string>
    commit_if_due(std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());
    /// Commits now: closed chunks, open chunks' points so far, identities and events.
    Result<CommitInfo, std::string> commit();
    /// Commits, then deletes history older than retention_days before `now` (at most retention_batch rows
    /// per table). The current identity of every MMSI is kept.
    Result<RetentionInfo, std::string> apply_retention(UtcTime now);
    /// Commits and closes the database (idempotent).
    Result<CommitInfo, std::string> close();

    [[nodiscard]] const StoreCounters& counters() const noexcept;
    [[nodiscard]] const std::filesystem::path& database_path() const noexcept;

    struct Impl;

private:
    explicit HistoryStore(std::unique_ptr<Impl> impl) noexcept;
    std::unique_ptr<Impl> m_impl;
};

/// A vessel's positions in a time range, ordered by time.
struct Track {
    std::vector<PositionReport> points;
    bool truncated = false; ///< more points matched than max_points
};

/// A latitude/longitude box in degrees; min_lon > max_lon crosses the antimeridian.
struct BoundingBox {
    double min_lat = -90;
    double min_lon = -180;
    double max_lat = 90;
    double max_lon = 180;
};

struct EventFilter {
    std::vector<detectors::EventType> types; ///< empty: every type
    std::optional<UtcTime> from;             ///< events that end at or after
    std::optional<UtcTime> to;               ///< events that start at or before
    std::optional<BoundingBox> bbox;         ///< on the event's position
    std::optional<std::uint32_t> mmsi;       ///< as `mmsi` or `other_mmsi`
    std::size_t limit = 1000;
};

/// An event as stored: the details (keys are literals in detectors::Event) come back as the JSON object
/// written by output's event JSON, e.g. {"gap_h":6.500}.
struct StoredEvent {
    std::int64_t id = 0; ///< insertion order
    detectors::EventType type = detectors::EventType::ais_gap;
    std::uint32_t mmsi = 0;
    std::uint32_t other_mmsi = 0;
    UtcTime start;
    UtcTime end;
    double lat = 0;
    double lon = 0;
    std::string zone;
    std::string port;
    std::string detection_id;
    std::string details_json;
};

struct EventPage {
    std::vector<StoredEvent> events; ///< ordered by start, then insertion
    bool truncated = false;          ///< more events matched than the limit
};

/// What check() found: every chunk decoded and compared with its columns.
struct CheckReport {
    std::size_t chunks = 0;
    std::size_t points = 0;
    std::size_t bad_chunks = 0; ///< blob size, point order, t0/t1 or bounding box disagreeing
    std::string sqlite_check;   ///< `PRAGMA quick_check`: "ok" when the file is sound
};

/// A query connection to an existing store. Queries are const and serialised by an internal mutex:
/// share one reader between threads, or open one per thread to query in parallel.
class HistoryReader {
public:
    [[nodiscard]] static Result<HistoryReader, std::string> open(const std::filesystem::path& dir);
    HistoryReader(HistoryReader&&) noexcept;
    HistoryReader& operator=(HistoryReader&&) noexcept;
    HistoryReader(const HistoryReader&) = delete;
    HistoryReader& operator=(const HistoryReader&) = delete;
    ~HistoryReader();

    /// Positions of `mmsi` with from <= time <= to, the earliest max_points of them.
    [[nodiscard]] Result<Track, std::string> track(std::uint32_t mmsi, UtcTime from, UtcTime to,
                                                   std::size_t max_points) const;
    [[nodiscard]] Result<EventPage, std::string> events(const EventFilter& filter) const;
    /// The vessel's current (latest) identity; its `time` is when that version became valid.
    [[nodiscard]] Result<std::optional<IdentityReport>, std::string> identity(std::uint32_t mmsi) const;
    /// Every version, oldest first.
    [[nodiscard]] Result<std::vector<IdentityReport>, std::string> identity_history(std::uint32_t mmsi) const;
    /// The latest position of every vessel heard at or after `since`, ordered by time (to reload the
    /// live picture at start-up).
    [[nodiscard]] Result<std::vector<PositionReport>, std::string> latest_positions(UtcTime since) const;
    /// Decodes every chunk and checks it against its row; runs `PRAGMA quick_check`. A full scan.
    [[nodiscard]] Result<CheckReport, std::string> check() const;

    struct Impl;

private:
    explicit HistoryReader(std::unique_ptr<Impl> impl) noexcept;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sagar::storage
