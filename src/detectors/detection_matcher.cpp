#include "detectors.hpp"

#include <sagar/reference/detections.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace sagar::detectors {
namespace {

/// Where the vessel was at `time`: interpolated between the reports around it, or dead-reckoned from the
/// nearer one when only one is close enough in time.
std::optional<geo::LatLon> position_at(const std::optional<PositionReport>& before,
                                       const std::optional<PositionReport>& after, UtcTime time,
                                       double max_extrapolation_h) {
    if (before && after) {
        const double span_h = hours_between(before->time, after->time);
        if (span_h <= 2 * max_extrapolation_h) {
            const double fraction = span_h <= 0 ? 0 : hours_between(before->time, time) / span_h;
            return geo::interpolate({before->lat, before->lon}, {after->lat, after->lon}, fraction);
        }
    }
    const PositionReport* nearest = nullptr;
    if (before && (!after || hours_between(before->time, time) <= hours_between(time, after->time))) {
        nearest = &*before;
    } else if (after) {
        nearest = &*after;
    }
    if (nearest == nullptr) {
        return std::nullopt;
    }
    const double dt_h = hours_between(nearest->time, time); // negative when extrapolating backwards
    if (std::abs(dt_h) > max_extrapolation_h) {
        return std::nullopt;
    }
    if (!nearest->has_speed() || !nearest->has_course()) {
        return geo::LatLon{nearest->lat, nearest->lon};
    }
    const double metres = nearest->speed_knots * geo::metres_per_nautical_mile * dt_h;
    return geo::destination({nearest->lat, nearest->lon}, nearest->course_deg, metres);
}

} // namespace

DetectionMatcher::DetectionMatcher(const Context& context)
    : m_context{context} {
    const auto& detections = context.surroundings.detections;
    m_order.resize(detections.size());
    std::iota(m_order.begin(), m_order.end(), std::size_t{0});
    std::stable_sort(m_order.begin(), m_order.end(),
                     [&](std::size_t a, std::size_t b) { return detections[a].time < detections[b].time; });
}

void DetectionMatcher::on_point(const tracks::TrackPoint& point) {
    const PositionReport& report = point.report;
    const auto& detections = m_context.surroundings.detections;
    const double window_h = m_context.config.detection_max_extrapolation_min / 60.0;
    const auto window_ms = static_cast<std::int64_t>(window_h * ms_per_hour);
    // Detections become pending once reports from their window start arriving.
    while (m_next < m_order.size() &&
           detections[m_order[m_next]].time.unix_ms() - window_ms <= report.time.unix_ms()) {
        m_pending.push_back(Pending{m_order[m_next++], {}});
    }
    // A vessel can be near a detection only if it is within the match distance plus the distance it can
    // cover in the window at 50 kn; the coarse degree test keeps the per-point cost low.
    const double reach_m =
        m_context.config.detection_match_km * 1000.0 + 50.0 * geo::metres_per_nautical_mile * window_h;
    const double reach_deg = reach_m / 111'000.0 + 0.01;
    for (Pending& pending : m_pending) {
        const reference::Detection& detection = detections[pending.detection];
        if (std::abs(detection.lat - report.lat) > reach_deg) {
            continue;
        }
        if (geo::distance_m({detection.lat, detection.lon}, {report.lat, report.lon}) > reach_m) {
            continue;
        }
        auto candidate = std::find_if(pending.candidates.begin(), pending.candidates.end(),
                                      [&](const Candidate& c) { return c.segment == point.segment; });
        if (candidate == pending.candidates.end()) {
            pending.candidates.push_back(Candidate{point.segment, report.mmsi, {}, {}});
            candidate = pending.candidates.end() - 1;
        }
        if (report.time <= detection.time) {
            candidate->before = report;
        } else if (!candidate->after) {
            candidate->after = report;
        }
    }
}

void DetectionMatcher::decide(const Pending& pending, const Emit& emit) const {
    const reference::Detection& detection = m_context.surroundings.detections[pending.detection];
    const double window_h = m_context.config.detection_max_extrapolation_min / 60.0;
    const geo::LatLon at{detection.lat, detection.lon};
    double best_m = m_context.config.detection_match_km * 1000.0;
    const Candidate* best = nullptr;
    for (const Candidate& candidate : pending.candidates) {
        const auto where = position_at(candidate.before, candidate.after, detection.time, window_h);
        if (!where) {
            continue;
        }
        const double metres = geo::distance_m(*where, at);
        if (metres <= best_m) {
            best_m = metres;
            best = &candidate;
        }
    }
    Event event;
    event.type = best != nullptr ? EventType::matched_detection : EventType::dark_detection;
    event.mmsi = best != nullptr ? best->mmsi : 0;
    event.start = detection.time;
    event.end = detection.time;
    event.lat = detection.lat;
    event.lon = detection.lon;
    event.detection_id = detection.id;
    if (best != nullptr) {
        event.details = {{"distance_m", best_m}};
    }
    if (!std::isnan(detection.length_m)) {
        event.details.push_back({"length_m", detection.length_m});
    }
    emit(std::move(event));
}

void DetectionMatcher::sweep(UtcTime now, const Emit& emit) {
    const auto window_ms =
        static_cast<std::int64_t>(m_context.config.detection_max_extrapolation_min * 60'000.0);
    const auto decided = [&](const Pending& pending) {
        const auto& detection = m_context.surroundings.detections[pending.detection];
        if (now.unix_ms() - detection.time.unix_ms() <= window_ms) {
            return false;
        }
        decide(pending, emit);
        return true;
    };
    std::erase_if(m_pending, decided);
}

void DetectionMatcher::finish(const Emit& emit) {
    while (m_next < m_order.size()) {
        m_pending.push_back(Pending{m_order[m_next++], {}});
    }
    for (const Pending& pending : m_pending) {
        decide(pending, emit);
    }
    m_pending.clear();
}

} // namespace sagar::detectors
