#include "chunk_codec.hpp"
#include "schema.hpp"
#include "sqlite.hpp"

#include <sagar/storage/history_store.hpp>

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace sagar::storage {
namespace {

std::optional<detectors::EventType> event_type_from(std::string_view name) {
    for (std::size_t i = 0; i < detectors::event_type_count; ++i) {
        const auto type = static_cast<detectors::EventType>(i);
        if (detectors::to_string(type) == name) {
            return type;
        }
    }
    return std::nullopt;
}

constexpr const char* identity_columns = "SELECT valid_from,imo,name,callsign,destination,ship_type,length_m,"
                                         "width_m,draught_m,transponder FROM identities WHERE mmsi=?1 ";

bool by_time(const PositionReport& a, const PositionReport& b) {
    return a.time < b.time;
}

} // namespace

struct HistoryReader::Impl {
    std::mutex mutex; ///< one statement at a time on the connection
    sql::Db db;
    sql::Statement track;

    std::string failure(std::string_view what) const { return sql::error_text(db.get(), what); }
};

HistoryReader::HistoryReader(std::unique_ptr<Impl> impl) noexcept
    : m_impl{std::move(impl)} {}
HistoryReader::HistoryReader(HistoryReader&&) noexcept = default;
HistoryReader& HistoryReader::operator=(HistoryReader&&) noexcept = default;
HistoryReader::~HistoryReader() {
    if (m_impl) {
        m_impl->track = sql::Statement{};
    }
}

Result<HistoryReader, std::string> HistoryReader::open(const std::filesystem::path& dir) {
    auto db = open_database(dir, OpenMode::reader);
    if (!db) {
        return unexpected(db.error());
    }
    auto impl = std::make_unique<Impl>();
    impl->db = std::move(*db);
    // The range on t0 is bounded below by chunk_span_limit, so the index scan does not start at the
    // vessel's first chunk.
    impl->track =
        sql::Statement{impl->db.get(), "SELECT t0,n,codec,points FROM chunks WHERE mmsi=?1 AND t0>=?2 "
                                       "AND t0<=?3 AND t1>=?4 ORDER BY t0"};
    if (!impl->track.valid()) {
        return unexpected(impl->failure("preparing the track query"));
    }
    return HistoryReader{std::move(impl)};
}

Result<Track, std::string> HistoryReader::track(std::uint32_t mmsi, UtcTime from, UtcTime to,
                                                std::size_t max_points) const {
    const std::scoped_lock lock{m_impl->mutex};
    sql::Statement& s = m_impl->track;
    const std::int64_t lookback = std::chrono::milliseconds{chunk_span_limit}.count();
    s.bind(1, std::int64_t{mmsi});
    s.bind(2, from.unix_ms() - lookback);
    s.bind(3, to.unix_ms());
    s.bind(4, from.unix_ms());
    Track track;
    std::vector<PositionReport>& points = track.points;
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        const std::int64_t t0 = s.int64(0);
        // Chunks come by t0: once max_points are known, a chunk starting after the last of them adds
        // nothing to the answer.
        if (points.size() > max_points && (max_points == 0 || t0 > points[max_points - 1].time.unix_ms())) {
            break;
        }
        const auto n = static_cast<std::size_t>(s.int64(1));
        const std::span<const std::uint8_t> blob = s.blob(3);
        if (s.int64(2) != codec_packed_v1 || blob.size() != n * point_size) {
            continue; // not written by this codec: check() reports it
        }
        for (std::size_t i = 0; i < n; ++i) {
            const PositionReport p = decode_point(blob.data() + i * point_size, t0, mmsi);
            if (p.time >= from && p.time <= to) {
                points.push_back(p);
            }
        }
        if (points.size() > max_points) {
            std::stable_sort(points.begin(), points.end(), by_time);
            points.resize(max_points + 1);
        }
    }
    s.reset();
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        return unexpected(m_impl->failure("reading a track"));
    }
    std::stable_sort(points.begin(), points.end(), by_time);
    if (points.size() > max_points) {
        track.truncated = true;
        points.resize(max_points);
    }
    return track;
}

Result<EventPage, std::string> HistoryReader::events(const EventFilter& filter) const {
    std::string text =
        "SELECT id,type,mmsi,other_mmsi,start_ms,end_ms,lat,lon,zone,port,detection_id,details "
        "FROM events WHERE 1";
    int next = 1;
    const auto param = [&next] { return std::to_string(next++); };
    if (!filter.types.empty()) {
        text += " AND type IN (";
        for (std::size_t i = 0; i < filter.types.size(); ++i) {
            text += i == 0 ? "?" : ",?";
            text += param();
        }
        text += ')';
    }
    if (filter.from) {
        text += " AND end_ms>=?";
        text += param();
    }
    if (filter.to) {
        text += " AND start_ms<=?";
        text += param();
    }
    if (filter.bbox) {
        text += " AND lat>=?";
        text += param();
        text += " AND lat<=?";
        text += param();
        // min_lon > max_lon: the box crosses the antimeridian.
        text += " AND (lon>=?";
        text += param();
        text += filter.bbox->min_lon <= filter.bbox->max_lon ? " AND lon<=?" : " OR lon<=?";
        text += param();
        text += ')';
    }
    if (filter.mmsi) {
        text += " AND (mmsi=?";
        const std::string p = param();
        text += p;
        text += " OR other_mmsi=?";
        text += p;
        text += ')';
    }
    text += " ORDER BY start_ms,id LIMIT ?";
    text += param();

    const std::scoped_lock lock{m_impl->mutex};
    sql::Statement s{m_impl->db.get(), text};
    if (!s.valid()) {
        return unexpected(m_impl->failure("preparing an event query"));
    }
    int i = 1;
    for (const detectors::EventType type : filter.types) {
        s.bind_text(i++, detectors::to_string(type));
    }
    if (filter.from) {
        s.bind(i++, filter.from->unix_ms());
    }
    if (filter.to) {
        s.bind(i++, filter.to->unix_ms());
    }
    if (filter.bbox) {
        s.bind(i++, filter.bbox->min_lat);
        s.bind(i++, filter.bbox->max_lat);
        s.bind(i++, filter.bbox->min_lon);
        s.bind(i++, filter.bbox->max_lon);
    }
    if (filter.mmsi) {
        s.bind(i++, std::int64_t{*filter.mmsi});
    }
    // One more than the limit tells whether the page is complete.
    s.bind(i, static_cast<std::int64_t>(std::min<std::size_t>(filter.limit, INT64_MAX - 1) + 1));
    EventPage page;
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        if (page.events.size() == filter.limit) {
            page.truncated = true;
            break;
        }
        const std::optional<detectors::EventType> type = event_type_from(s.text(1));
        if (!type) {
            continue; // a type this build does not know (written by a newer one)
        }
        StoredEvent& e = page.events.emplace_back();
        e.id = s.int64(0);
        e.type = *type;
        e.mmsi = static_cast<std::uint32_t>(s.int64(2));
        e.other_mmsi = static_cast<std::uint32_t>(s.int64(3));
        e.start = UtcTime::from_unix_ms(s.int64(4));
        e.end = UtcTime::from_unix_ms(s.int64(5));
        e.lat = s.real(6);
        e.lon = s.real(7);
        e.zone = s.text(8);
        e.port = s.text(9);
        e.detection_id = s.text(10);
        e.details_json = s.text(11);
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        return unexpected(m_impl->failure("reading events"));
    }
    return page;
}

Result<std::optional<IdentityReport>, std::string> HistoryReader::identity(std::uint32_t mmsi) const {
    const std::scoped_lock lock{m_impl->mutex};
    sql::Statement s{m_impl->db.get(), sql::cat(identity_columns, "ORDER BY valid_from DESC LIMIT 1")};
    if (!s.valid()) {
        return unexpected(m_impl->failure("preparing an identity query"));
    }
    s.bind(1, std::int64_t{mmsi});
    const int rc = s.step();
    if (rc == SQLITE_ROW) {
        return std::optional<IdentityReport>{identity_from_row(s, mmsi)};
    }
    if (rc != SQLITE_DONE) {
        return unexpected(m_impl->failure("reading an identity"));
    }
    return std::optional<IdentityReport>{};
}

Result<std::vector<IdentityReport>, std::string> HistoryReader::identity_history(std::uint32_t mmsi) const {
    const std::scoped_lock lock{m_impl->mutex};
    sql::Statement s{m_impl->db.get(), sql::cat(identity_columns, "ORDER BY valid_from")};
    if (!s.valid()) {
        return unexpected(m_impl->failure("preparing an identity query"));
    }
    s.bind(1, std::int64_t{mmsi});
    std::vector<IdentityReport> versions;
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        versions.push_back(identity_from_row(s, mmsi));
    }
    if (rc != SQLITE_DONE) {
        return unexpected(m_impl->failure("reading identities"));
    }
    return versions;
}

Result<std::vector<PositionReport>, std::string> HistoryReader::latest_positions(UtcTime since) const {
    const std::scoped_lock lock{m_impl->mutex};
    sql::Statement s{m_impl->db.get(), "SELECT mmsi,t0,t1,n,codec,points FROM chunks WHERE t1>=?1"};
    if (!s.valid()) {
        return unexpected(m_impl->failure("preparing the latest-positions query"));
    }
    s.bind(1, since.unix_ms());
    std::unordered_map<std::uint32_t, PositionReport> latest;
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        const auto mmsi = static_cast<std::uint32_t>(s.int64(0));
        const auto n = static_cast<std::size_t>(s.int64(3));
        const std::span<const std::uint8_t> blob = s.blob(5);
        if (s.int64(4) != codec_packed_v1 || n == 0 || blob.size() != n * point_size) {
            continue;
        }
        // Points are in time order: the last one is at t1.
        const PositionReport last = decode_point(blob.data() + (n - 1) * point_size, s.int64(1), mmsi);
        auto [it, inserted] = latest.try_emplace(mmsi, last);
        if (!inserted && it->second.time <= last.time) {
            it->second = last;
        }
    }
    if (rc != SQLITE_DONE) {
        return unexpected(m_impl->failure("reading latest positions"));
    }
    std::vector<PositionReport> out;
    out.reserve(latest.size());
    for (const auto& entry : latest) {
        out.push_back(entry.second);
    }
    std::sort(out.begin(), out.end(), [](const PositionReport& a, const PositionReport& b) {
        return a.time != b.time ? a.time < b.time : a.mmsi < b.mmsi;
    });
    return out;
}

Result<CheckReport, std::string> HistoryReader::check() const {
    const std::scoped_lock lock{m_impl->mutex};
    sql::Statement s{m_impl->db.get(),
                     "SELECT t0,t1,n,min_lat,min_lon,max_lat,max_lon,codec,points FROM chunks ORDER BY id"};
    if (!s.valid()) {
        return unexpected(m_impl->failure("preparing the check"));
    }
    CheckReport report;
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        ++report.chunks;
        const std::int64_t t0 = s.int64(0);
        const auto n = static_cast<std::size_t>(s.int64(2));
        const std::span<const std::uint8_t> blob = s.blob(8);
        bool good = s.int64(7) == codec_packed_v1 && n > 0 && blob.size() == n * point_size;
        if (good) {
            report.points += n;
            std::int32_t min_lat = INT32_MAX;
            std::int32_t max_lat = INT32_MIN;
            std::int32_t min_lon = INT32_MAX;
            std::int32_t max_lon = INT32_MIN;
            std::uint32_t previous = 0;
            for (std::size_t i = 0; i < n; ++i) {
                const std::uint8_t* p = blob.data() + i * point_size;
                good = good && point_dt(p) >= previous && (i > 0 || point_dt(p) == 0);
                previous = point_dt(p);
                min_lat = std::min(min_lat, point_lat_e7(p));
                max_lat = std::max(max_lat, point_lat_e7(p));
                min_lon = std::min(min_lon, point_lon_e7(p));
                max_lon = std::max(max_lon, point_lon_e7(p));
            }
            good = good && t0 + previous == s.int64(1) && quantize_degrees(s.real(3)) == min_lat &&
                   quantize_degrees(s.real(4)) == min_lon && quantize_degrees(s.real(5)) == max_lat &&
                   quantize_degrees(s.real(6)) == max_lon;
        }
        if (!good) {
            ++report.bad_chunks;
        }
    }
    if (rc != SQLITE_DONE) {
        return unexpected(m_impl->failure("checking chunks"));
    }
    sql::Statement quick{m_impl->db.get(), "PRAGMA quick_check"};
    if (!quick.valid() || quick.step() != SQLITE_ROW) {
        return unexpected(m_impl->failure("PRAGMA quick_check"));
    }
    report.sqlite_check = quick.text(0);
    return report;
}

} // namespace sagar::storage
