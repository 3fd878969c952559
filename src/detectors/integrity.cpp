#include "detectors.hpp"

#include <sagar/reference/mmsi.hpp>

#include <algorithm>

namespace sagar::detectors {
namespace {

/// ITU-R M.585 identities that may transmit; groups and handhelds are not sources of reports.
bool is_valid_source(std::uint32_t mmsi) noexcept {
    using reference::MmsiKind;
    switch (reference::classify_mmsi(mmsi)) {
    case MmsiKind::ship:
    case MmsiKind::coast_station:
    case MmsiKind::sar_aircraft:
    case MmsiKind::aid_to_navigation:
    case MmsiKind::craft_of_parent_ship:
    case MmsiKind::sart:
    case MmsiKind::man_overboard:
    case MmsiKind::epirb:
        return true;
    default:
        return false;
    }
}

} // namespace

void IntegrityDetectors::on_point(const tracks::TrackPoint& point, const Emit& emit) {
    const PositionReport& report = point.report;
    const DetectConfig& c = m_context.config;
    auto [it, first] = m_mmsis.try_emplace(report.mmsi);
    Mmsi& state = it->second;
    const geo::LatLon here{report.lat, report.lon};

    if (first && !is_valid_source(report.mmsi)) {
        Event event;
        event.type = EventType::invalid_mmsi;
        event.mmsi = report.mmsi;
        event.start = report.time;
        event.end = report.time;
        event.lat = report.lat;
        event.lon = report.lon;
        emit(std::move(event));
    }

    if (report.transponder == TransponderClass::other) {
        return; // only the identity of base stations, aids to navigation and aircraft is checked
    }
    if (m_context.inland(here)) {
        if (!state.land) {
            state.land = LandEpisode{report.time, report.time, here};
            m_with_episode.push_back(report.mmsi);
        }
        state.land->last = report.time;
        ++state.land->reports;
    } else if (state.land) {
        end_land(report.mmsi, state, emit);
    }

    if (!first) {
        const double metres = geo::distance_m(state.last, here);
        const double hours = std::max(hours_between(state.last_time, report.time), 1.0 / 3600.0);
        const double knots = metres / geo::metres_per_nautical_mile / hours;
        const bool jump = metres > c.impossible_speed_min_m && knots > c.impossible_speed_knots;
        if (jump) {
            if (!state.jump) {
                JumpEpisode episode;
                episode.before = state.last_time;
                episode.before_where = state.last;
                episode.home = state.last_segment;
                episode.first_jump = report.time;
                state.jump = episode;
                m_with_episode.push_back(report.mmsi);
            }
            JumpEpisode& episode = *state.jump;
            episode.last_jump = report.time;
            ++episode.jumps;
            episode.calm = 0;
            episode.max_knots = std::max(episode.max_knots, knots);
        } else if (state.jump) {
            ++state.jump->calm;
        }
        if (state.jump) {
            JumpEpisode& episode = *state.jump;
            ++(point.segment == episode.home ? episode.home_reports : episode.away_reports);
            // Consistent again: settled back on the segment it left, or settled elsewhere for good (the
            // segment it left has been silent for the conflict window).
            const bool settled = episode.calm >= static_cast<std::uint32_t>(c.conflict_min_reports);
            const bool home = point.segment == episode.home;
            const bool left_for_good =
                hours_between(episode.last_jump, report.time) * 60.0 >= c.conflict_window_min;
            if (settled && (home || left_for_good)) {
                end_jump(report.mmsi, state, emit);
            }
        }
    }
    state.last_time = report.time;
    state.last = here;
    state.last_segment = point.segment;
}

void IntegrityDetectors::end_land(std::uint32_t mmsi, Mmsi& state, const Emit& emit) const {
    const LandEpisode episode = *state.land;
    state.land.reset();
    Event event;
    event.type = EventType::position_on_land;
    event.mmsi = mmsi;
    event.start = episode.start;
    event.end = episode.last;
    event.lat = episode.where.lat;
    event.lon = episode.where.lon;
    event.details = {{"reports", static_cast<double>(episode.reports), Detail::Kind::count}};
    if (m_context.surroundings.land != nullptr) {
        event.details.push_back(
            {"distance_from_shore_m", m_context.shore_nm(episode.where) * geo::metres_per_nautical_mile});
    }
    emit(std::move(event));
}

void IntegrityDetectors::end_jump(std::uint32_t mmsi, Mmsi& state, const Emit& emit) const {
    const JumpEpisode episode = *state.jump;
    state.jump.reset();
    const auto min_reports = static_cast<std::uint32_t>(m_context.config.conflict_min_reports);
    // Two vessels on one MMSI keep flipping between their positions; a glitch or a teleport does not.
    const bool conflict = episode.home_reports >= min_reports && episode.away_reports >= min_reports &&
                          episode.jumps >= min_reports;
    Event event;
    event.type = conflict ? EventType::identity_conflict : EventType::impossible_speed;
    event.mmsi = mmsi;
    event.start = conflict ? episode.first_jump : episode.before;
    event.end = episode.last_jump;
    event.lat = episode.before_where.lat;
    event.lon = episode.before_where.lon;
    event.details = {{"jumps", static_cast<double>(episode.jumps), Detail::Kind::count},
                     {"max_implied_speed_knots", episode.max_knots}};
    emit(std::move(event));
}

void IntegrityDetectors::sweep(UtcTime cutoff, const Emit& emit) {
    std::erase_if(m_with_episode, [&](std::uint32_t mmsi) {
        Mmsi& state = m_mmsis.at(mmsi);
        if (state.land && state.land->last <= cutoff) {
            end_land(mmsi, state, emit);
        }
        if (state.jump && state.jump->last_jump <= cutoff) {
            end_jump(mmsi, state, emit);
        }
        return !state.land && !state.jump;
    });
}

void IntegrityDetectors::finish(const Emit& emit) {
    for (auto& [mmsi, state] : m_mmsis) {
        if (state.land) {
            end_land(mmsi, state, emit);
        }
        if (state.jump) {
            end_jump(mmsi, state, emit);
        }
    }
}

} // namespace sagar::detectors
