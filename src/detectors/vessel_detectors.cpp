#include "detectors.hpp"

#include <sagar/geo/land_map.hpp>
#include <sagar/reference/ports.hpp>
#include <sagar/reference/zones.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

namespace sagar::detectors {

double Context::shore_nm(geo::LatLon p) const noexcept {
    if (surroundings.land == nullptr) {
        return std::numeric_limits<double>::infinity();
    }
    return surroundings.land->distance_to_shore_m(p) / geo::metres_per_nautical_mile;
}

bool Context::inland(geo::LatLon p) const noexcept {
    // A port's circle is water for this question: river and fjord ports that the source closes short of the
    // quays (Antwerp, Houston, Shanghai, ...) are covered by the ports file rather than by waterway boxes.
    return surroundings.land != nullptr && surroundings.land->inland_beyond(p, config.land_margin_m) &&
           !port_at(p);
}

std::optional<std::size_t> Context::port_at(geo::LatLon p, double extra_m) const noexcept {
    if (surroundings.ports == nullptr) {
        return std::nullopt;
    }
    return surroundings.ports->port_at(p.lat, p.lon, extra_m);
}

double Context::nearest_port_m(geo::LatLon p) const noexcept {
    if (surroundings.ports == nullptr) {
        return std::numeric_limits<double>::infinity();
    }
    const auto nearest = surroundings.ports->nearest(p.lat, p.lon);
    if (!nearest) {
        return std::numeric_limits<double>::infinity();
    }
    // Distance to the port's circle, not its centre: "10 km from every port" means from its area.
    const double radius = surroundings.ports->ports()[nearest->index].radius_m;
    return std::max(0.0, nearest->distance_m - radius);
}

void VesselDetectors::on_point(const tracks::TrackPoint& point, const Emit& emit) {
    const PositionReport& report = point.report;
    auto [it, first] = m_segments.try_emplace(point.segment);
    Segment& segment = it->second;
    const geo::LatLon here{report.lat, report.lon};
    double knots = report.has_speed() ? report.speed_knots : std::numeric_limits<double>::quiet_NaN();
    if (first) {
        segment.mmsi = report.mmsi;
    } else {
        check_gap(segment, report, emit);
        if (std::isnan(knots)) {
            const double hours = std::max(hours_between(segment.last_time, report.time), 1.0 / 3600.0);
            knots = geo::distance_m(segment.last, here) / geo::metres_per_nautical_mile / hours;
        }
    }
    if (!std::isnan(knots)) {
        track_slow_run(segment, report, knots, emit);
    }
    track_port(segment, report, emit);
    track_zones(segment, report, first, emit);
    segment.last_time = report.time;
    segment.last = here;
}

void VesselDetectors::check_gap(const Segment& segment, const PositionReport& report,
                                const Emit& emit) const {
    const DetectConfig& c = m_context.config;
    const double hours = hours_between(segment.last_time, report.time);
    if (hours < c.gap_min_h) {
        return;
    }
    const double shore = m_context.shore_nm(segment.last);
    if (shore < c.gap_min_shore_nm || m_context.port_at(segment.last)) {
        return;
    }
    Event event;
    event.type = EventType::ais_gap;
    event.mmsi = segment.mmsi;
    event.start = segment.last_time;
    event.end = report.time;
    event.lat = segment.last.lat;
    event.lon = segment.last.lon;
    const double distance_nm =
        geo::distance_m(segment.last, {report.lat, report.lon}) / geo::metres_per_nautical_mile;
    event.details = {{"duration_h", hours},
                     {"distance_nm", distance_nm},
                     {"implied_speed_knots", distance_nm / hours},
                     {"distance_from_shore_nm", shore}};
    emit(std::move(event));
}

void VesselDetectors::track_slow_run(Segment& segment, const PositionReport& report, double knots,
                                     const Emit& emit) const {
    const DetectConfig& c = m_context.config;
    if (segment.slow && hours_between(segment.slow->last, report.time) > c.loitering_max_silence_h) {
        end_slow_run(segment, emit);
    }
    if (knots >= c.loitering_max_knots) {
        end_slow_run(segment, emit);
        return;
    }
    if (!segment.slow) {
        segment.slow = SlowRun{report.time, report.time};
    }
    SlowRun& run = *segment.slow;
    run.last = report.time;
    run.lat_sum += report.lat;
    run.lon_sum += report.lon;
    ++run.count;
}

void VesselDetectors::end_slow_run(Segment& segment, const Emit& emit) const {
    if (!segment.slow) {
        return;
    }
    const SlowRun run = *segment.slow;
    segment.slow.reset();
    const DetectConfig& c = m_context.config;
    const double hours = hours_between(run.start, run.last);
    if (hours < c.loitering_min_h) {
        return;
    }
    const geo::LatLon mean{run.lat_sum / run.count, run.lon_sum / run.count};
    const double shore = m_context.shore_nm(mean);
    if (shore < c.loitering_min_shore_nm || m_context.port_at(mean)) {
        return;
    }
    Event event;
    event.type = EventType::loitering;
    event.mmsi = segment.mmsi;
    event.start = run.start;
    event.end = run.last;
    event.lat = mean.lat;
    event.lon = mean.lon;
    event.details = {{"duration_h", hours},
                     {"reports", static_cast<double>(run.count)},
                     {"distance_from_shore_nm", shore}};
    emit(std::move(event));
}

void VesselDetectors::track_port(Segment& segment, const PositionReport& report, const Emit& emit) const {
    const geo::LatLon here{report.lat, report.lon};
    if (segment.stay) {
        const double margin_m = m_context.config.port_exit_margin_km * 1000.0;
        const auto still = m_context.port_at(here, margin_m);
        if (still && *still == segment.stay->port) {
            segment.stay->last = report.time;
            return;
        }
        end_port_stay(segment, report.time, false, emit);
    }
    if (const auto port = m_context.port_at(here)) {
        segment.stay = PortStay{*port, report.time, report.time, here};
    }
}

void VesselDetectors::end_port_stay(Segment& segment, UtcTime end, bool open, const Emit& emit) const {
    const PortStay stay = *segment.stay;
    segment.stay.reset();
    const double hours = hours_between(stay.entry, end);
    if (hours < m_context.config.port_call_min_h) {
        return;
    }
    Event event;
    event.type = EventType::port_call;
    event.mmsi = segment.mmsi;
    event.start = stay.entry;
    event.end = end;
    event.lat = stay.where.lat;
    event.lon = stay.where.lon;
    event.port = m_context.surroundings.ports->ports()[stay.port].name;
    event.details = {{"duration_h", hours}};
    if (open) {
        event.details.push_back({"open", 1, Detail::Kind::flag});
    }
    emit(std::move(event));
}

void VesselDetectors::track_zones(Segment& segment, const PositionReport& report, bool first,
                                  const Emit& emit) const {
    const reference::ZoneIndex* zones = m_context.surroundings.zones;
    if (zones == nullptr) {
        return;
    }
    std::array<std::uint32_t, max_zones> now{};
    const std::size_t found = std::min(zones->zones_at(report.lat, report.lon, now), max_zones);
    const std::span<const std::uint32_t> inside{now.data(), found};
    const std::span<const std::uint32_t> before{segment.zones.data(), segment.zone_count};
    const auto zone_event = [&](EventType type, std::uint32_t zone) {
        Event event;
        event.type = type;
        event.mmsi = segment.mmsi;
        event.start = report.time;
        event.end = report.time;
        event.lat = report.lat;
        event.lon = report.lon;
        event.zone = zones->id(zone);
        emit(std::move(event));
    };
    for (const std::uint32_t zone : inside) {
        if (std::find(before.begin(), before.end(), zone) == before.end()) {
            zone_event(EventType::zone_entry, zone);
        }
    }
    if (!first) {
        for (const std::uint32_t zone : before) {
            if (std::find(inside.begin(), inside.end(), zone) == inside.end()) {
                zone_event(EventType::zone_exit, zone);
            }
        }
    }
    std::copy(inside.begin(), inside.end(), segment.zones.begin());
    segment.zone_count = static_cast<std::uint8_t>(found);
}

void VesselDetectors::sweep(UtcTime now, const Emit& emit) {
    const double idle_h = m_context.config.tracks.segment_idle_h;
    for (auto it = m_segments.begin(); it != m_segments.end();) {
        Segment& segment = it->second;
        if (hours_between(segment.last_time, now) <= idle_h) {
            ++it;
            continue;
        }
        end_slow_run(segment, emit);
        if (segment.stay) {
            end_port_stay(segment, segment.stay->last, true, emit);
        }
        it = m_segments.erase(it);
    }
}

void VesselDetectors::finish(const Emit& emit) {
    for (auto& [id, segment] : m_segments) {
        end_slow_run(segment, emit);
        if (segment.stay) {
            end_port_stay(segment, segment.stay->last, true, emit);
        }
    }
    m_segments.clear();
}

} // namespace sagar::detectors
