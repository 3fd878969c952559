#include "chunk_codec.hpp"
#include "details_json.hpp"
#include "schema.hpp"
#include "sqlite.hpp"

#include <sagar/storage/history_store.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <mutex>
#include <sys/file.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>

namespace sagar::storage {
namespace {

using Clock = std::chrono::steady_clock;

/// 256 MiB of 4 KiB pages: beyond it the writer checkpoints by itself.
constexpr int wal_pages_limit = 65'536;

/// The open (not yet full) chunk of one vessel. Its points are always complete in `bytes`; a commit
/// rewrites the whole row, so a reader sees either the previous or the new version, never a torn one.
struct OpenChunk {
    std::uint32_t mmsi = 0;
    std::uint16_t n = 0;
    bool dirty = false;          ///< points added since the row was last written
    std::int64_t rowid = 0;      ///< 0: no row yet
    std::uint64_t rowid_txn = 0; ///< the transaction that inserted `rowid` (void if that one fails)
    std::int64_t t0 = 0;
    std::int64_t t1 = 0;             ///< kept after the chunk is finished: the idle sweep reads it
    std::vector<std::uint8_t> bytes; ///< chunk_points * point_size, allocated once per vessel
};

/// A FD holding flock(LOCK_EX) on DIR/lock; the kernel releases it when the process dies.
class LockFile {
public:
    LockFile() noexcept = default;
    explicit LockFile(int fd) noexcept
        : m_fd{fd} {}
    LockFile(LockFile&& other) noexcept
        : m_fd{std::exchange(other.m_fd, -1)} {}
    LockFile& operator=(LockFile&& other) noexcept {
        std::swap(m_fd, other.m_fd);
        return *this;
    }
    LockFile(const LockFile&) = delete;
    LockFile& operator=(const LockFile&) = delete;
    ~LockFile() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }

private:
    int m_fd = -1;
};

Result<LockFile, std::string> lock_directory(const std::filesystem::path& dir) {
    const std::filesystem::path path = dir / "lock";
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-vararg): POSIX open
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        return unexpected(sql::cat("cannot create ", path.string(), ": ", std::strerror(errno)));
    }
    LockFile lock{fd};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        return unexpected(sql::cat("the history store in ", dir.string(), " is in use by another writer"));
    }
    return lock;
}

/// Checkpoints the WAL into the database on a connection and thread of its own, so that the checkpoint's
/// fsync never runs inside the writer's commit. PASSIVE: it copies what no reader still needs and never
/// blocks the writer.
class Checkpointer {
public:
    Checkpointer() = default;
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;
    ~Checkpointer() { stop(); }

    void start(sql::Db db) {
        m_db = std::move(db);
        m_thread = std::thread{[this] { run(); }};
    }
    /// After a commit: checkpoint soon.
    void wake() {
        {
            const std::scoped_lock lock{m_mutex};
            m_wake = true;
        }
        m_cv.notify_one();
    }
    void stop() {
        if (!m_thread.joinable()) {
            return;
        }
        {
            const std::scoped_lock lock{m_mutex};
            m_stop = true;
        }
        m_cv.notify_one();
        m_thread.join();
        m_db.reset();
    }
    std::atomic<std::uint64_t> checkpoints{0};
    std::atomic<std::uint64_t> failures{0};
    std::atomic<std::uint64_t> us_max{0};

private:
    void run() {
        std::unique_lock lock{m_mutex};
        while (!m_stop) {
            // At most every 250 ms: each checkpoint costs an fsync, whatever it copies.
            m_cv.wait_for(lock, std::chrono::milliseconds{250}, [this] { return m_stop; });
            if (m_stop) {
                break;
            }
            if (!std::exchange(m_wake, false)) {
                continue;
            }
            lock.unlock();
            const auto start = Clock::now();
            const int rc =
                sqlite3_wal_checkpoint_v2(m_db.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            const auto us = static_cast<std::uint64_t>(
                std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
            (rc == SQLITE_OK ? checkpoints : failures).fetch_add(1, std::memory_order_relaxed);
            if (us > us_max.load(std::memory_order_relaxed)) {
                us_max.store(us, std::memory_order_relaxed);
            }
            lock.lock();
        }
    }

    sql::Db m_db;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_wake = false;
    std::thread m_thread;
};

bool same_identity(const IdentityReport& a, const IdentityReport& b) {
    const bool same_draught =
        (std::isnan(a.draught_m) && std::isnan(b.draught_m)) || a.draught_m == b.draught_m;
    return a.imo == b.imo && a.name.view() == b.name.view() && a.callsign.view() == b.callsign.view() &&
           a.destination.view() == b.destination.view() && a.ship_type == b.ship_type &&
           a.length_m == b.length_m && a.width_m == b.width_m && same_draught &&
           a.transponder == b.transponder;
}

/// What `update` says overrides `base`: empty strings, zeros and NaN mean "not in this report".
IdentityReport merge_identity(IdentityReport base, const IdentityReport& update) {
    if (update.imo != 0) {
        base.imo = update.imo;
    }
    if (!update.name.empty()) {
        base.name = update.name;
    }
    if (!update.callsign.empty()) {
        base.callsign = update.callsign;
    }
    if (!update.destination.empty()) {
        base.destination = update.destination;
    }
    if (update.ship_type != 0) {
        base.ship_type = update.ship_type;
    }
    if (update.length_m != 0) {
        base.length_m = update.length_m;
    }
    if (update.width_m != 0) {
        base.width_m = update.width_m;
    }
    if (!std::isnan(update.draught_m)) {
        base.draught_m = update.draught_m;
    }
    if (update.transponder != TransponderClass::unknown) {
        base.transponder = update.transponder;
    }
    return base;
}

} // namespace

struct HistoryStore::Impl {
    StoreConfig config;
    std::filesystem::path path;
    LockFile lock;
    sql::Db db;
    StoreCounters counters;
    Checkpointer checkpointer; ///< after `db`: stopped and closed before it
    int wal_pages = 0;         ///< after the last commit (sqlite3_wal_hook)

    sql::Statement begin;
    sql::Statement commit;
    sql::Statement rollback;
    sql::Statement insert_chunk;
    sql::Statement update_chunk;
    sql::Statement insert_identity;
    sql::Statement latest_identity;
    sql::Statement insert_event;

    std::unordered_map<std::uint32_t, OpenChunk> chunks;
    std::vector<OpenChunk*> dirty; ///< node pointers stay valid: erased only when this list is empty
    std::unordered_map<std::uint32_t, IdentityReport> identities;

    bool in_txn = false;
    bool txn_failed = false;    ///< a statement failed: write nothing more until commit() rolls back
    std::uint64_t txn_id = 1;   ///< the current transaction, begun or not: advanced when one ends
    std::uint64_t txn_rows = 0; ///< finished chunks, identities and events written in this transaction
    Clock::time_point last_commit = Clock::now();
    Clock::time_point last_sweep = Clock::now();
    std::int64_t newest_ms = std::numeric_limits<std::int64_t>::min();
    std::string details; ///< reused buffer for an event's details JSON
    std::vector<std::uint8_t> single_point = std::vector<std::uint8_t>(point_size);

    std::string prepare_all();
    void fail(std::string_view what);
    bool begin_if_needed();
    void write_chunk(OpenChunk& chunk);
    void write_row(std::uint32_t mmsi, std::int64_t t0, std::int64_t t1, std::size_t n,
                   const std::uint8_t* bytes, std::int64_t rowid, std::int64_t& new_rowid);
    void finish(OpenChunk& chunk);
    void add_position(const PositionReport& report);
    void add_identity(const IdentityReport& report);
    void add_event(const detectors::Event& event);
    std::optional<IdentityReport> load_identity(std::uint32_t mmsi);
    Result<CommitInfo, std::string> commit_now();
    void recover_from_failed_txn();
    void sweep_idle();
};

std::string HistoryStore::Impl::prepare_all() {
    sqlite3* h = db.get();
    begin = sql::Statement{h, "BEGIN IMMEDIATE"};
    commit = sql::Statement{h, "COMMIT"};
    rollback = sql::Statement{h, "ROLLBACK"};
    insert_chunk =
        sql::Statement{h, "INSERT INTO chunks(mmsi,t0,t1,n,min_lat,min_lon,max_lat,max_lon,codec,points)"
                          " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"};
    update_chunk =
        sql::Statement{h, "UPDATE chunks SET t0=?2,t1=?3,n=?4,min_lat=?5,min_lon=?6,max_lat=?7,max_lon=?8,"
                          "codec=?9,points=?10 WHERE id=?1"};
    insert_identity = sql::Statement{
        h,
        "INSERT OR REPLACE INTO identities(mmsi,valid_from,imo,name,callsign,destination,ship_type,length_m,"
        "width_m,draught_m,transponder) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"};
    latest_identity =
        sql::Statement{h, "SELECT valid_from,imo,name,callsign,destination,ship_type,length_m,width_m,"
                          "draught_m,transponder FROM identities WHERE mmsi=?1 "
                          "ORDER BY valid_from DESC LIMIT 1"};
    insert_event =
        sql::Statement{h, "INSERT INTO events(type,mmsi,other_mmsi,start_ms,end_ms,lat,lon,zone,port,"
                          "detection_id,details) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"};
    for (const sql::Statement* s : {&begin, &commit, &rollback, &insert_chunk, &update_chunk,
                                    &insert_identity, &latest_identity, &insert_event}) {
        if (!s->valid()) {
            return sql::error_text(h, "preparing the store's statements");
        }
    }
    return {};
}

void HistoryStore::Impl::fail(std::string_view what) {
    ++counters.errors;
    counters.last_error = sql::error_text(db.get(), what);
    if (in_txn) {
        txn_failed = true;
    }
}

bool HistoryStore::Impl::begin_if_needed() {
    if (in_txn) {
        return !txn_failed;
    }
    const int rc = begin.step();
    begin.reset();
    if (rc != SQLITE_DONE) {
        fail("BEGIN");
        return false;
    }
    in_txn = true;
    return true;
}

void HistoryStore::Impl::write_row(std::uint32_t mmsi, std::int64_t t0, std::int64_t t1, std::size_t n,
                                   const std::uint8_t* bytes, std::int64_t rowid, std::int64_t& new_rowid) {
    std::int32_t min_lat = std::numeric_limits<std::int32_t>::max();
    std::int32_t max_lat = std::numeric_limits<std::int32_t>::min();
    std::int32_t min_lon = min_lat;
    std::int32_t max_lon = max_lat;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* p = bytes + i * point_size;
        min_lat = std::min(min_lat, point_lat_e7(p));
        max_lat = std::max(max_lat, point_lat_e7(p));
        min_lon = std::min(min_lon, point_lon_e7(p));
        max_lon = std::max(max_lon, point_lon_e7(p));
    }
    const auto bind_all = [&](sql::Statement& s) {
        s.bind(2, t0);
        s.bind(3, t1);
        s.bind(4, static_cast<std::int64_t>(n));
        s.bind(5, min_lat / e7);
        s.bind(6, min_lon / e7);
        s.bind(7, max_lat / e7);
        s.bind(8, max_lon / e7);
        s.bind(9, std::int64_t{codec_packed_v1});
        s.bind_blob(10, bytes, n * point_size);
    };
    if (rowid != 0) {
        update_chunk.bind(1, rowid);
        bind_all(update_chunk);
        const int rc = update_chunk.step();
        update_chunk.reset();
        if (rc != SQLITE_DONE) {
            fail("updating a chunk");
            return;
        }
        // No row changed: retention deleted it (an idle vessel's chunk). Insert it again.
        if (sqlite3_changes(db.get()) == 1) {
            new_rowid = rowid;
            return;
        }
    }
    insert_chunk.bind(1, std::int64_t{mmsi});
    bind_all(insert_chunk);
    const int rc = insert_chunk.step();
    insert_chunk.reset();
    if (rc != SQLITE_DONE) {
        fail("inserting a chunk");
        return;
    }
    new_rowid = sqlite3_last_insert_rowid(db.get());
}

void HistoryStore::Impl::write_chunk(OpenChunk& chunk) {
    if (!begin_if_needed()) {
        return;
    }
    std::int64_t rowid = 0;
    write_row(chunk.mmsi, chunk.t0, chunk.t1, chunk.n, chunk.bytes.data(), chunk.rowid, rowid);
    if (rowid != chunk.rowid) {
        chunk.rowid = rowid;
        chunk.rowid_txn = txn_id;
    }
}

void HistoryStore::Impl::finish(OpenChunk& chunk) {
    write_chunk(chunk);
    ++counters.chunks_written;
    ++txn_rows;
    chunk.n = 0;
    chunk.rowid = 0;
    chunk.dirty = false; // it may still be listed in `dirty`: commit skips chunks not dirty
}

void HistoryStore::Impl::add_position(const PositionReport& report) {
    auto it = chunks.find(report.mmsi);
    if (it == chunks.end()) {
        if (chunks.size() >= config.max_open_chunks) {
            ++counters.points_dropped;
            return;
        }
        it = chunks.try_emplace(report.mmsi).first;
        it->second.mmsi = report.mmsi;
        it->second.bytes.resize(config.chunk_points * point_size);
    }
    ++counters.points_added;
    OpenChunk& chunk = it->second;
    const std::int64_t t = report.time.unix_ms();
    newest_ms = std::max(newest_ms, t);
    if (chunk.n > 0 && t < chunk.t0) {
        // Older than the open chunk: a row of its own keeps the chunk's order invariant and loses nothing;
        // track queries sort across chunks.
        ++counters.late_points;
        encode_point(report, 0, single_point.data());
        std::int64_t rowid = 0;
        if (begin_if_needed()) {
            write_row(report.mmsi, t, t, 1, single_point.data(), 0, rowid);
        }
        ++counters.chunks_written;
        ++txn_rows;
        return;
    }
    const std::int64_t span = config.max_chunk_span.count(); // <= 24 h: dt fits in 32 bits
    if (chunk.n > 0 && t - chunk.t0 > span) {
        finish(chunk);
    }
    if (chunk.n == 0) {
        chunk.t0 = t;
        chunk.t1 = t;
    }
    const auto dt = static_cast<std::uint32_t>(t - chunk.t0);
    // Insertion sort: a point slightly out of order (several receivers) moves back a few places.
    std::size_t pos = chunk.n;
    std::uint8_t* base = chunk.bytes.data();
    while (pos > 0 && point_dt(base + (pos - 1) * point_size) > dt) {
        --pos;
    }
    if (pos < chunk.n) {
        std::memmove(base + (pos + 1) * point_size, base + pos * point_size, (chunk.n - pos) * point_size);
    }
    encode_point(report, dt, base + pos * point_size);
    ++chunk.n;
    chunk.t1 = std::max(chunk.t1, t);
    if (!chunk.dirty) {
        chunk.dirty = true;
        dirty.push_back(&chunk);
    }
    if (chunk.n == config.chunk_points) {
        finish(chunk);
    }
}

std::optional<IdentityReport> HistoryStore::Impl::load_identity(std::uint32_t mmsi) {
    latest_identity.bind(1, std::int64_t{mmsi});
    std::optional<IdentityReport> found;
    const int rc = latest_identity.step();
    if (rc == SQLITE_ROW) {
        found = identity_from_row(latest_identity, mmsi);
    } else if (rc != SQLITE_DONE) {
        fail("reading an identity");
    }
    latest_identity.reset();
    return found;
}

void HistoryStore::Impl::add_identity(const IdentityReport& report) {
    ++counters.identities_added;
    auto it = identities.find(report.mmsi);
    if (it == identities.end()) {
        if (identities.size() >= config.max_cached_identities) {
            identities.clear();
            ++counters.identity_cache_clears;
        }
        // After a restart or a clear the latest version comes from the store, so repeats stay repeats.
        const std::optional<IdentityReport> stored = load_identity(report.mmsi);
        IdentityReport empty;
        empty.mmsi = report.mmsi;
        empty.time = UtcTime::from_unix_ms(std::numeric_limits<std::int64_t>::min());
        it = identities.emplace(report.mmsi, stored ? *stored : empty).first;
    }
    IdentityReport merged = merge_identity(it->second, report);
    if (same_identity(merged, it->second)) {
        return;
    }
    // A late report does not become "valid" before the version it changes.
    merged.time = std::max(report.time, it->second.time);
    if (!begin_if_needed()) {
        return;
    }
    sql::Statement& s = insert_identity;
    s.bind(1, std::int64_t{merged.mmsi});
    s.bind(2, merged.time.unix_ms());
    s.bind(3, std::int64_t{merged.imo});
    s.bind_text(4, merged.name.view());
    s.bind_text(5, merged.callsign.view());
    s.bind_text(6, merged.destination.view());
    s.bind(7, std::int64_t{merged.ship_type});
    s.bind(8, std::int64_t{merged.length_m});
    s.bind(9, std::int64_t{merged.width_m});
    if (std::isnan(merged.draught_m)) {
        s.bind_null(10);
    } else {
        s.bind(10, static_cast<double>(merged.draught_m));
    }
    s.bind(11, static_cast<std::int64_t>(merged.transponder));
    const int rc = s.step();
    s.reset();
    if (rc != SQLITE_DONE) {
        fail("inserting an identity");
        return;
    }
    it->second = merged;
    ++counters.identity_versions;
    ++txn_rows;
}

void HistoryStore::Impl::add_event(const detectors::Event& event) {
    if (!begin_if_needed()) {
        ++counters.rows_lost;
        return;
    }
    write_details_json(event.details, details);
    sql::Statement& s = insert_event;
    s.bind_text(1, detectors::to_string(event.type));
    s.bind(2, std::int64_t{event.mmsi});
    s.bind(3, std::int64_t{event.other_mmsi});
    s.bind(4, event.start.unix_ms());
    s.bind(5, event.end.unix_ms());
    s.bind(6, event.lat);
    s.bind(7, event.lon);
    s.bind_text(8, event.zone);
    s.bind_text(9, event.port);
    s.bind_text(10, event.detection_id);
    s.bind_text(11, details);
    const int rc = s.step();
    s.reset();
    if (rc != SQLITE_DONE) {
        fail("inserting an event");
        return;
    }
    ++counters.events_written;
    ++txn_rows;
}

void HistoryStore::Impl::recover_from_failed_txn() {
    if (sqlite3_get_autocommit(db.get()) == 0) {
        rollback.step();
        rollback.reset();
    }
    counters.rows_lost += txn_rows;
    // Rows inserted by the failed transaction are gone; every open chunk is written afresh next time.
    dirty.clear();
    for (auto& [mmsi, chunk] : chunks) {
        if (chunk.rowid_txn == txn_id) {
            chunk.rowid = 0;
        }
        if (chunk.n > 0) {
            chunk.dirty = true;
            dirty.push_back(&chunk);
        }
    }
    identities.clear(); // may hold versions that were rolled back
    ++txn_id;
    in_txn = false;
    txn_failed = false;
    txn_rows = 0;
}

Result<CommitInfo, std::string> HistoryStore::Impl::commit_now() {
    const Clock::time_point start = Clock::now();
    last_commit = start;
    CommitInfo info;
    if (!in_txn && dirty.empty()) {
        return info;
    }
    for (OpenChunk* chunk : dirty) {
        if (chunk->dirty && chunk->n > 0) {
            write_chunk(*chunk);
            chunk->dirty = false;
            ++info.chunks_upserted;
        }
    }
    counters.chunk_upserts += info.chunks_upserted;
    dirty.clear();
    if (!in_txn || txn_failed) {
        std::string error = counters.last_error;
        recover_from_failed_txn();
        return unexpected(sql::cat("commit abandoned after an error: ", error));
    }
    const int rc = commit.step();
    commit.reset();
    if (rc != SQLITE_DONE) {
        fail("COMMIT");
        std::string error = counters.last_error;
        recover_from_failed_txn();
        return unexpected(error);
    }
    in_txn = false;
    ++txn_id;
    txn_rows = 0;
    info.committed = true;
    info.duration = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    ++counters.commits;
    const auto us = static_cast<std::uint64_t>(info.duration.count());
    counters.commit_us_total += us;
    counters.commit_us_max = std::max(counters.commit_us_max, us);
    counters.checkpoints = checkpointer.checkpoints.load(std::memory_order_relaxed);
    counters.checkpoint_failures = checkpointer.failures.load(std::memory_order_relaxed);
    counters.checkpoint_us_max = checkpointer.us_max.load(std::memory_order_relaxed);
    if (wal_pages > wal_pages_limit) {
        // The checkpointer does not keep up (or a reader pins old frames): checkpoint here, so the WAL
        // and the cost of reading through it stay bounded.
        sqlite3_wal_checkpoint_v2(db.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        ++counters.writer_checkpoints;
    }
    checkpointer.wake();
    if (start - last_sweep >= std::chrono::minutes{1}) {
        last_sweep = start;
        sweep_idle();
    }
    return info;
}

void HistoryStore::Impl::sweep_idle() {
    // Right after a commit: `dirty` is empty, so no listed pointer can dangle.
    const std::int64_t horizon = newest_ms - config.idle_chunk.count();
    std::erase_if(chunks,
                  [&](const auto& entry) { return !entry.second.dirty && entry.second.t1 < horizon; });
}

HistoryStore::HistoryStore(std::unique_ptr<Impl> impl) noexcept
    : m_impl{std::move(impl)} {}
HistoryStore::HistoryStore(HistoryStore&&) noexcept = default;
HistoryStore& HistoryStore::operator=(HistoryStore&&) noexcept = default;
HistoryStore::~HistoryStore() {
    if (m_impl) {
        (void)close();
    }
}

Result<HistoryStore, std::string> HistoryStore::open(const std::filesystem::path& dir,
                                                     const StoreConfig& config) {
    if (config.chunk_points == 0 || config.chunk_points > max_chunk_points) {
        return unexpected(std::string{"chunk_points must be 1 to 64"});
    }
    if (config.max_chunk_span > chunk_span_limit || config.max_chunk_span.count() <= 0) {
        return unexpected(std::string{"max_chunk_span must be positive and at most 24 h"});
    }
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    auto db = open_database(dir, OpenMode::writer);
    if (!db) {
        return unexpected(db.error());
    }
    auto lock = lock_directory(dir);
    if (!lock) {
        return unexpected(lock.error());
    }
    impl->lock = std::move(*lock);
    impl->db = std::move(*db);
    impl->path = dir / database_file;
    if (std::string error = impl->prepare_all(); !error.empty()) {
        return unexpected(error);
    }
    sqlite3_wal_hook(
        impl->db.get(),
        [](void* self, sqlite3*, const char*, int pages) {
            static_cast<Impl*>(self)->wal_pages = pages;
            return SQLITE_OK;
        },
        impl.get());
    auto checkpoint_db = open_database(dir, OpenMode::checkpointer);
    if (!checkpoint_db) {
        return unexpected(checkpoint_db.error());
    }
    impl->checkpointer.start(std::move(*checkpoint_db));
    return HistoryStore{std::move(impl)};
}

void HistoryStore::add_position(const PositionReport& report) {
    m_impl->add_position(report);
}
void HistoryStore::add_identity(const IdentityReport& report) {
    m_impl->add_identity(report);
}
void HistoryStore::add_event(const detectors::Event& event) {
    m_impl->add_event(event);
}

Result<CommitInfo, std::string> HistoryStore::commit_if_due(std::chrono::steady_clock::time_point now) {
    if (now - m_impl->last_commit < m_impl->config.commit_interval) {
        return CommitInfo{};
    }
    return m_impl->commit_now();
}

Result<CommitInfo, std::string> HistoryStore::commit() {
    return m_impl->commit_now();
}

Result<RetentionInfo, std::string> HistoryStore::apply_retention(UtcTime now) {
    auto committed = m_impl->commit_now();
    if (!committed) {
        return unexpected(committed.error());
    }
    Impl& s = *m_impl;
    const std::int64_t cutoff = now.unix_ms() - std::int64_t{s.config.retention_days} * 86'400'000;
    const auto batch = static_cast<std::int64_t>(s.config.retention_batch);
    RetentionInfo info;
    sqlite3* h = s.db.get();
    // Superseded identity versions go when their successor became valid before the cutoff; the current
    // version of every MMSI stays (a vessel's identity outlives its track).
    const std::pair<const char*, std::size_t*> deletes[] = {
        {"DELETE FROM chunks WHERE id IN (SELECT id FROM chunks WHERE t1 < ?1 LIMIT ?2)",
         &info.chunks_deleted},
        {"DELETE FROM events WHERE id IN (SELECT id FROM events WHERE start_ms < ?1 AND end_ms < ?1 LIMIT "
         "?2)",
         &info.events_deleted},
        {"DELETE FROM identities WHERE (mmsi, valid_from) IN (SELECT a.mmsi, a.valid_from FROM identities a "
         "WHERE EXISTS (SELECT 1 FROM identities b WHERE b.mmsi = a.mmsi AND b.valid_from > a.valid_from "
         "AND b.valid_from < ?1) LIMIT ?2)",
         &info.identities_deleted},
    };
    if (!s.begin_if_needed()) {
        std::string error = s.counters.last_error;
        s.recover_from_failed_txn();
        return unexpected(error);
    }
    for (const auto& [text, count] : deletes) {
        sql::Statement stmt{h, text};
        if (!stmt.valid()) {
            s.fail("preparing retention");
            break;
        }
        stmt.bind(1, cutoff);
        stmt.bind(2, batch);
        if (stmt.step() != SQLITE_DONE) {
            s.fail("deleting old history");
            break;
        }
        *count = static_cast<std::size_t>(sqlite3_changes(h));
    }
    auto done = s.commit_now();
    if (!done) {
        return unexpected(done.error());
    }
    s.counters.retention_rows += info.chunks_deleted + info.events_deleted + info.identities_deleted;
    const auto full = static_cast<std::size_t>(batch);
    info.complete =
        info.chunks_deleted < full && info.events_deleted < full && info.identities_deleted < full;
    return info;
}

Result<CommitInfo, std::string> HistoryStore::close() {
    if (!m_impl || !m_impl->db) {
        return CommitInfo{};
    }
    auto result = m_impl->commit_now();
    // Statements first: sqlite3_close_v2 would otherwise keep the connection as a zombie.
    Impl& s = *m_impl;
    for (sql::Statement* stmt : {&s.begin, &s.commit, &s.rollback, &s.insert_chunk, &s.update_chunk,
                                 &s.insert_identity, &s.latest_identity, &s.insert_event}) {
        *stmt = sql::Statement{};
    }
    s.checkpointer.stop();
    s.db.reset(); // the last connection: checkpoints the WAL and removes it
    s.lock = LockFile{};
    return result;
}

const StoreCounters& HistoryStore::counters() const noexcept {
    return m_impl->counters;
}
const std::filesystem::path& HistoryStore::database_path() const noexcept {
    return m_impl->path;
}

} // namespace sagar::storage
