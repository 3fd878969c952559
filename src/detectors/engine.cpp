#include "detectors.hpp"

#include <sagar/detectors/engine.hpp>

#include <queue>
#include <utility>
#include <vector>

namespace sagar::detectors {

std::string_view to_string(EventType type) noexcept {
    static constexpr std::array<std::string_view, event_type_count> names = {
        "ais_gap",      "encounter",         "loitering",        "port_call",
        "zone_entry",   "zone_exit",         "impossible_speed", "position_on_land",
        "invalid_mmsi", "identity_conflict", "dark_detection",   "matched_detection",
    };
    return names[static_cast<std::size_t>(type)];
}

namespace {

struct EndsLater {
    bool operator()(const Event& a, const Event& b) const noexcept { return a.end > b.end; }
};

} // namespace

/// Events wait here until no detector can still produce one that ends earlier: detectors decide at most
/// `hold` after an event's end (encounters wait for the merge window, detections for the reports after
/// them).
struct Engine::State {
    State(const DetectConfig& config, const Surroundings& surroundings, FunctionRef<void(const Event&)> out)
        : tracker{config.tracks}
        , context{config, surroundings}
        , vessels{context}
        , integrity{context}
        , encounters{context}
        , detections{context}
        , sink{out}
        , hold_ms{static_cast<std::int64_t>(std::max(config.encounter_merge_h * 3'600'000.0,
                                                     config.detection_max_extrapolation_min * 60'000.0) +
                                            60'000.0)} {}

    void on_point(const tracks::TrackPoint& point) {
        integrity.on_point(point, emit);
        // Base stations, aids to navigation and SAR aircraft are not vessels: a base station sits on land,
        // a buoy "loiters" and an aircraft flies at 100 knots by design.
        if (point.report.transponder != TransponderClass::other) {
            vessels.on_point(point, emit);
            encounters.on_point(point);
            detections.on_point(point);
        }
        const UtcTime now = point.report.time;
        if (now.unix_ms() - last_sweep.unix_ms() >= sweep_every_ms) {
            last_sweep = now;
            const UtcTime cutoff = UtcTime::from_unix_ms(now.unix_ms() - hold_ms);
            vessels.sweep(now, emit);
            encounters.sweep(now, emit);
            detections.sweep(now, emit);
            integrity.sweep(cutoff, emit);
            flush(cutoff);
        }
    }

    /// Writes the held events that end at or before `until`, in order of their end.
    void flush(UtcTime until) {
        while (!held.empty() && held.top().end <= until) {
            sink(held.top());
            held.pop();
        }
    }

    static constexpr std::int64_t sweep_every_ms = 60'000;

    tracks::Tracker tracker;
    Context context;
    VesselDetectors vessels;
    IntegrityDetectors integrity;
    EncounterDetector encounters;
    DetectionMatcher detections;
    FunctionRef<void(const Event&)> sink;
    std::priority_queue<Event, std::vector<Event>, EndsLater> held;
    std::array<std::uint64_t, event_type_count> counts{};
    Emit emit{[this](Event&& event) {
        ++counts[static_cast<std::size_t>(event.type)];
        held.push(std::move(event));
    }};
    std::int64_t hold_ms;
    UtcTime last_sweep;
};

Engine::Engine(const DetectConfig& config, const Surroundings& surroundings,
               FunctionRef<void(const Event&)> sink)
    : m_state{std::make_unique<State>(config, surroundings, sink)} {}

Engine::~Engine() = default;

void Engine::add(const PositionReport& report) {
    State& s = *m_state;
    s.tracker.add(report);
    s.tracker.release([&s](const tracks::TrackPoint& point) { s.on_point(point); });
}

void Engine::add(const IdentityReport& report) {
    m_state->tracker.add(report);
}

void Engine::finish() {
    State& s = *m_state;
    s.tracker.release([&s](const tracks::TrackPoint& point) { s.on_point(point); }, true);
    s.integrity.finish(s.emit);
    s.vessels.finish(s.emit);
    s.encounters.finish(s.emit);
    s.detections.finish(s.emit);
    s.flush(UtcTime::from_unix_ms(std::numeric_limits<std::int64_t>::max()));
}

const tracks::TrackerStats& Engine::track_stats() const noexcept {
    return m_state->tracker.stats();
}

EngineStats Engine::stats() const {
    EngineStats stats;
    stats.events = m_state->counts;
    stats.segments_tracked = m_state->vessels.size();
    stats.pairs_tracked = m_state->encounters.pair_count();
    stats.pairs_dropped = m_state->encounters.pairs_dropped();
    return stats;
}

} // namespace sagar::detectors
