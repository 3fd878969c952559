#include "detectors.hpp"

#include <algorithm>
#include <cmath>

namespace sagar::detectors {
namespace {

/// Grid cells of 0.01 degree (1.1 km north-south, less east-west): wider than the 500 m contact distance,
/// so a contact is always in the 3 x 3 cells around a point.
constexpr double cell_deg = 0.01;

std::int64_t cell_row(double lat) noexcept {
    return static_cast<std::int64_t>(std::floor(lat / cell_deg));
}
std::int64_t cell_col(double lon) noexcept {
    return static_cast<std::int64_t>(std::floor(lon / cell_deg));
}

std::uint64_t cell_key(std::int64_t row, std::int64_t col) noexcept {
    return (static_cast<std::uint64_t>(row + (1 << 20)) << 32U) | static_cast<std::uint64_t>(col + (1 << 20));
}

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) noexcept {
    return (static_cast<std::uint64_t>(std::min(a, b)) << 32U) | std::max(a, b);
}

} // namespace

std::uint64_t EncounterDetector::cell_of(geo::LatLon p) noexcept {
    return cell_key(cell_row(p.lat), cell_col(p.lon));
}

void EncounterDetector::on_point(const tracks::TrackPoint& point) {
    const PositionReport& report = point.report;
    const DetectConfig& c = m_context.config;
    const geo::LatLon here{report.lat, report.lon};

    auto it = m_latest.find(point.segment);
    float knots = report.speed_knots;
    if (std::isnan(knots) && it != m_latest.end()) {
        const double hours = std::max(hours_between(it->second.time, report.time), 1.0 / 3600.0);
        knots = static_cast<float>(geo::distance_m(it->second.where, here) / geo::metres_per_nautical_mile /
                                   hours);
    }
    // Candidates are the slow and the nearly slow (the median speed over the contact decides later), away
    // from ports: ships moored or anchored together in a port are never an encounter, and tracking their
    // pairs would cost the square of a port's crowd.
    const bool candidate = !std::isnan(knots) && knots < 2 * c.encounter_max_knots &&
                           m_context.nearest_port_m(here) >= c.encounter_min_port_km * 1000.0;
    if (it != m_latest.end()) {
        auto& members = m_grid[it->second.cell];
        std::erase(members, point.segment);
        if (members.empty()) {
            m_grid.erase(it->second.cell);
        }
        if (!candidate) {
            m_latest.erase(it);
            return;
        }
    } else if (!candidate) {
        return;
    }
    Latest& latest = m_latest[point.segment];
    latest = Latest{report.mmsi, report.time, here, knots, cell_of(here)};

    const auto max_age_ms = static_cast<std::int64_t>(c.encounter_max_silence_h * ms_per_hour / 6); // 10 min
    const std::int64_t row = cell_row(here.lat);
    const std::int64_t col = cell_col(here.lon);
    for (std::int64_t dr = -1; dr <= 1; ++dr) {
        for (std::int64_t dc = -1; dc <= 1; ++dc) {
            const auto cell = m_grid.find(cell_key(row + dr, col + dc));
            if (cell == m_grid.end()) {
                continue;
            }
            for (const std::uint32_t other_segment : cell->second) {
                const Latest& other = m_latest.at(other_segment);
                if (other.mmsi == report.mmsi || report.time.unix_ms() - other.time.unix_ms() > max_age_ms) {
                    continue;
                }
                const double metres = geo::distance_m(here, other.where);
                if (metres <= c.encounter_max_m) {
                    contact(point.segment, latest, other_segment, other, report.time, metres);
                }
            }
        }
    }
    m_grid[latest.cell].push_back(point.segment);
}

void EncounterDetector::contact(std::uint32_t seg_a, const Latest& a, std::uint32_t seg_b, const Latest& b,
                                UtcTime now, double metres) {
    const DetectConfig& c = m_context.config;
    const std::uint64_t key = pair_key(seg_a, seg_b);
    if (m_pairs.size() >= max_pairs && !m_pairs.contains(key)) {
        ++m_pairs_dropped;
        return;
    }
    auto [it, fresh] = m_pairs.try_emplace(key);
    Pair& pair = it->second;
    if (fresh) {
        pair.mmsi_a = std::min(a.mmsi, b.mmsi);
        pair.mmsi_b = std::max(a.mmsi, b.mmsi);
        pair.first = now;
        pair.last = now;
    }
    const double since_h = hours_between(pair.last, now);
    if (since_h <= c.encounter_max_silence_h) {
        pair.together_h += since_h;
    }
    pair.last = now;
    pair.lat_sum += (a.where.lat + b.where.lat) / 2;
    pair.lon_sum += (a.where.lon + b.where.lon) / 2;
    pair.distance_sum_m += metres;
    ++pair.contacts;
    pair.samples += 2;
    pair.slow_samples +=
        (a.knots < c.encounter_max_knots ? 1U : 0U) + (b.knots < c.encounter_max_knots ? 1U : 0U);
}

void EncounterDetector::close(const Pair& pair, const Emit& emit) const {
    const DetectConfig& c = m_context.config;
    // Median below the limit: more than half of the speed samples are below it.
    if (pair.together_h < c.encounter_min_h || 2 * pair.slow_samples <= pair.samples) {
        return;
    }
    const geo::LatLon mean{pair.lat_sum / pair.contacts, pair.lon_sum / pair.contacts};
    if (m_context.nearest_port_m(mean) < c.encounter_min_port_km * 1000.0) {
        return;
    }
    Event event;
    event.type = EventType::encounter;
    event.mmsi = pair.mmsi_a;
    event.other_mmsi = pair.mmsi_b;
    event.start = pair.first;
    event.end = pair.last;
    event.lat = mean.lat;
    event.lon = mean.lon;
    event.details = {{"duration_h", hours_between(pair.first, pair.last)},
                     {"together_h", pair.together_h},
                     {"mean_distance_m", pair.distance_sum_m / pair.contacts}};
    emit(std::move(event));
}

void EncounterDetector::sweep(UtcTime now, const Emit& emit) {
    // A pair is over once it could no longer merge with a new contact.
    const double merge_h = m_context.config.encounter_merge_h;
    for (auto it = m_pairs.begin(); it != m_pairs.end();) {
        if (hours_between(it->second.last, now) > merge_h) {
            close(it->second, emit);
            it = m_pairs.erase(it);
        } else {
            ++it;
        }
    }
    // Slow segments silent for a long time leave the grid (they may have left the feed).
    const auto stale_ms = static_cast<std::int64_t>(merge_h * ms_per_hour);
    for (auto it = m_latest.begin(); it != m_latest.end();) {
        if (now.unix_ms() - it->second.time.unix_ms() > stale_ms) {
            auto& members = m_grid[it->second.cell];
            std::erase(members, it->first);
            if (members.empty()) {
                m_grid.erase(it->second.cell);
            }
            it = m_latest.erase(it);
        } else {
            ++it;
        }
    }
}

void EncounterDetector::finish(const Emit& emit) {
    for (const auto& [key, pair] : m_pairs) {
        close(pair, emit);
    }
    m_pairs.clear();
}

} // namespace sagar::detectors
