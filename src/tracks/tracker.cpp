#include <sagar/geo/geodesy.hpp>
#include <sagar/tracks/tracker.hpp>

#include <bit>
#include <cmath>
#include <limits>

namespace sagar::tracks {
namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) noexcept {
    // splitmix64 finaliser: spreads every input bit over the key.
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6U) + (h >> 2U);
    h ^= h >> 30U;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27U;
    return h;
}

std::uint64_t quantised(double value, double scale) noexcept {
    return static_cast<std::uint64_t>(std::llround(value * scale));
}

} // namespace

Tracker::Tracker(const TrackerConfig& config)
    : m_config{config} {}

std::uint64_t Tracker::duplicate_key(const PositionReport& report) noexcept {
    std::uint64_t key = report.mmsi;
    key = mix(key, quantised(report.lat, 1e5));
    key = mix(key, quantised(report.lon, 1e5));
    key = mix(key, report.has_speed() ? quantised(report.speed_knots, 10) : 0xFFFF);
    key = mix(key, report.has_course() ? quantised(report.course_deg, 10) : 0xFFFF);
    return key;
}

void Tracker::add(const PositionReport& report) {
    ++m_stats.reports;
    if (m_any && report.time.unix_ms() < m_released_until.unix_ms()) {
        ++m_stats.late; // its place in the order has gone: detectors have moved past it
        return;
    }
    if (!m_any || report.time > m_newest) {
        m_newest = report.time;
    }
    m_any = true;
    m_pending.push(report);
}

void Tracker::add(const IdentityReport& report) {
    ++m_stats.identities;
    Identity& id = m_identities[report.mmsi];
    if (report.imo != 0) {
        id.imo = report.imo;
    }
    if (!report.name.empty()) {
        id.name = report.name;
    }
    if (!report.callsign.empty()) {
        id.callsign = report.callsign;
    }
    if (!report.destination.empty()) {
        id.destination = report.destination;
    }
    if (report.ship_type != 0) {
        id.ship_type = report.ship_type;
    }
    if (report.length_m != 0) {
        id.length_m = report.length_m;
        id.width_m = report.width_m;
    }
}

const Identity* Tracker::identity(std::uint32_t mmsi) const {
    const auto it = m_identities.find(mmsi);
    return it == m_identities.end() ? nullptr : &it->second;
}

void Tracker::release(FunctionRef<void(const TrackPoint&)> sink, bool everything) {
    const auto window_ms = static_cast<std::int64_t>(m_config.reorder_window_s * 1000.0);
    while (!m_pending.empty()) {
        const PositionReport& oldest = m_pending.top();
        const bool held = oldest.time.unix_ms() > m_newest.unix_ms() - window_ms;
        const bool full = m_pending.size() > m_config.max_buffered;
        if (!everything && held && !full) {
            break;
        }
        if (!everything && held) {
            ++m_stats.released_early;
        }
        const PositionReport report = oldest;
        m_pending.pop();
        m_released_until = report.time;
        place(report, sink);
    }
}

void Tracker::place(const PositionReport& report, FunctionRef<void(const TrackPoint&)> sink) {
    Vessel& vessel = m_vessels[report.mmsi];

    const std::uint64_t key = duplicate_key(report);
    for (std::size_t i = 0; i < remembered_keys; ++i) {
        if (vessel.recent_keys[i] == key &&
            report.time.unix_ms() - vessel.recent_times[i].unix_ms() <= duplicate_window_ms) {
            ++m_stats.duplicates;
            return;
        }
    }
    vessel.recent_keys[vessel.next_key] = key;
    vessel.recent_times[vessel.next_key] = report.time;
    vessel.next_key = static_cast<std::uint8_t>((vessel.next_key + 1) % remembered_keys);

    // The open segment this report can continue with the lowest implied speed; idle ones close.
    const geo::LatLon here{report.lat, report.lon};
    Segment* best = nullptr;
    double best_knots = std::numeric_limits<double>::infinity();
    std::size_t stalest = 0;
    for (std::size_t i = 0; i < vessel.segment_count; ++i) {
        Segment& segment = vessel.segments[i];
        const double hours = hours_between(segment.last_time, report.time);
        if (hours > m_config.segment_idle_h) {
            continue;
        }
        const double metres = geo::distance_m({segment.lat, segment.lon}, here);
        const double reachable_m =
            m_config.segment_max_knots * geo::metres_per_nautical_mile * hours + m_config.segment_slack_m;
        if (metres <= reachable_m) {
            const double knots = metres / geo::metres_per_nautical_mile / std::max(hours, 1.0 / 3600.0);
            if (knots < best_knots) {
                best_knots = knots;
                best = &segment;
            }
        }
        if (segment.last_time < vessel.segments[stalest].last_time) {
            stalest = i;
        }
    }
    TrackPoint point{report, 0, best == nullptr};
    if (best == nullptr) {
        // A new segment takes a free slot, or the one silent longest.
        const std::size_t slot = vessel.segment_count < max_segments ? vessel.segment_count++ : stalest;
        best = &vessel.segments[slot];
        best->id = m_next_segment++;
        ++m_stats.segments;
    }
    best->last_time = report.time;
    best->lat = report.lat;
    best->lon = report.lon;
    point.segment = best->id;
    sink(point);
}

} // namespace sagar::tracks
