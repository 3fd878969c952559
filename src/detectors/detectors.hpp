#pragma once
// The detectors behind Engine, private to the module. Each sees every track point in event-time order;
// events go to `Emit`, which holds them until their turn to be written.

#include <sagar/detectors/config.hpp>
#include <sagar/detectors/engine.hpp>
#include <sagar/detectors/event.hpp>
#include <sagar/geo/geodesy.hpp>
#include <sagar/tracks/tracker.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

namespace sagar::detectors {

using Emit = std::function<void(Event&&)>;

inline constexpr double ms_per_hour = 3'600'000.0;

/// The configuration and the world, with the questions detectors ask of them.
class Context {
public:
    Context(const DetectConfig& detect_config, const Surroundings& world)
        : config{detect_config}
        , surroundings{world} {}

    /// Distance from shore in nautical miles; unlimited without land data.
    [[nodiscard]] double shore_nm(geo::LatLon p) const noexcept;
    [[nodiscard]] bool inland(geo::LatLon p) const noexcept;
    /// The port whose radius (+ extra_m) contains p.
    [[nodiscard]] std::optional<std::size_t> port_at(geo::LatLon p, double extra_m = 0) const noexcept;
    [[nodiscard]] double nearest_port_m(geo::LatLon p) const noexcept;

    DetectConfig config;
    Surroundings surroundings;
};

/// Gaps, loitering, port calls and zones: each looks at one segment at a time.
class VesselDetectors {
public:
    explicit VesselDetectors(const Context& context)
        : m_context{context} {}
    void on_point(const tracks::TrackPoint& point, const Emit& emit);
    /// Closes the segments silent longer than any rule looks back.
    void sweep(UtcTime now, const Emit& emit);
    void finish(const Emit& emit);
    [[nodiscard]] std::size_t size() const noexcept { return m_segments.size(); }

private:
    static constexpr std::size_t max_zones = 8; ///< zones a point can be in at once; more are ignored

    struct SlowRun {
        UtcTime start;
        UtcTime last;
        double lat_sum = 0;
        double lon_sum = 0;
        std::uint32_t count = 0;
    };
    struct PortStay {
        std::size_t port = 0;
        UtcTime entry;
        UtcTime last;
        geo::LatLon where;
    };
    struct Segment {
        std::uint32_t mmsi = 0;
        UtcTime last_time;
        geo::LatLon last;
        std::optional<SlowRun> slow;
        std::optional<PortStay> stay;
        std::array<std::uint32_t, max_zones> zones{};
        std::uint8_t zone_count = 0;
    };

    void check_gap(const Segment& segment, const PositionReport& report, const Emit& emit) const;
    void track_slow_run(Segment& segment, const PositionReport& report, double knots, const Emit& emit) const;
    void end_slow_run(Segment& segment, const Emit& emit) const;
    void track_port(Segment& segment, const PositionReport& report, const Emit& emit) const;
    void end_port_stay(Segment& segment, UtcTime end, bool open, const Emit& emit) const;
    void track_zones(Segment& segment, const PositionReport& report, bool first, const Emit& emit) const;

    const Context& m_context;
    std::unordered_map<std::uint32_t, Segment> m_segments;
};

/// invalid_mmsi, position_on_land, impossible_speed and identity_conflict: integrity of one MMSI.
class IntegrityDetectors {
public:
    explicit IntegrityDetectors(const Context& context)
        : m_context{context} {}
    void on_point(const tracks::TrackPoint& point, const Emit& emit);
    /// Ends the episodes whose event would end at or before `cutoff`, so that the engine can write what
    /// ends before it without a silent MMSI's episode coming later with an earlier end.
    void sweep(UtcTime cutoff, const Emit& emit);
    void finish(const Emit& emit);

private:
    struct LandEpisode {
        UtcTime start;
        UtcTime last;
        geo::LatLon where;
        std::uint32_t reports = 0;
    };
    /// Reports that no single vessel could join, from the last plausible report until the track is
    /// consistent again.
    struct JumpEpisode {
        UtcTime before; ///< the last plausible report
        geo::LatLon before_where;
        std::uint32_t home = 0; ///< its segment
        UtcTime first_jump;
        UtcTime last_jump;
        std::uint32_t jumps = 0;
        std::uint32_t calm = 0; ///< consecutive reports since the last jump
        std::uint32_t home_reports = 0;
        std::uint32_t away_reports = 0;
        double max_knots = 0;
    };
    struct Mmsi {
        UtcTime last_time;
        geo::LatLon last;
        std::uint32_t last_segment = 0;
        std::optional<LandEpisode> land;
        std::optional<JumpEpisode> jump;
    };

    void end_land(std::uint32_t mmsi, Mmsi& state, const Emit& emit) const;
    void end_jump(std::uint32_t mmsi, Mmsi& state, const Emit& emit) const;

    const Context& m_context;
    std::unordered_map<std::uint32_t, Mmsi> m_mmsis;
    /// MMSIs that opened an episode, for sweep (episodes are rare; entries whose episodes ended are
    /// dropped there).
    std::vector<std::uint32_t> m_with_episode;
};

/// Two vessels slow and close together for hours, away from ports.
class EncounterDetector {
public:
    explicit EncounterDetector(const Context& context)
        : m_context{context} {}
    /// Records contacts; pairs become events only when they close (sweep, finish).
    void on_point(const tracks::TrackPoint& point);
    void sweep(UtcTime now, const Emit& emit);
    void finish(const Emit& emit);
    [[nodiscard]] std::size_t pair_count() const noexcept { return m_pairs.size(); }
    [[nodiscard]] std::uint64_t pairs_dropped() const noexcept { return m_pairs_dropped; }

    /// Pairs in contact at once; a new pair beyond it is dropped and counted (a crowd of slow ships
    /// outside every known port, e.g. an anchorage missing from the ports file, costs the square of its
    /// size).
    static constexpr std::size_t max_pairs = 1'000'000;

private:
    struct Latest {
        std::uint32_t mmsi = 0;
        UtcTime time;
        geo::LatLon where;
        float knots = 0;
        std::uint64_t cell = 0;
    };
    struct Pair {
        std::uint32_t mmsi_a = 0; ///< of the lower segment id
        std::uint32_t mmsi_b = 0;
        UtcTime first;
        UtcTime last;
        double together_h = 0;
        double lat_sum = 0;
        double lon_sum = 0;
        std::uint32_t contacts = 0;
        std::uint32_t slow_samples = 0;
        std::uint32_t samples = 0;
        double distance_sum_m = 0;
    };

    static std::uint64_t cell_of(geo::LatLon p) noexcept;
    void contact(std::uint32_t seg_a, const Latest& a, std::uint32_t seg_b, const Latest& b, UtcTime now,
                 double metres);
    void close(const Pair& pair, const Emit& emit) const;

    const Context& m_context;
    std::unordered_map<std::uint32_t, Latest> m_latest;                   ///< slow segments by id
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> m_grid; ///< cell -> slow segments
    std::unordered_map<std::uint64_t, Pair> m_pairs;                      ///< (seg a, seg b) -> contact
    std::uint64_t m_pairs_dropped = 0;
};

/// SAR/RF detections against the AIS positions around their time.
class DetectionMatcher {
public:
    explicit DetectionMatcher(const Context& context);
    /// Collects the reports around pending detections; sweep() decides those whose window has passed.
    void on_point(const tracks::TrackPoint& point);
    void sweep(UtcTime now, const Emit& emit);
    void finish(const Emit& emit);

private:
    /// The reports of one segment just before and just after a detection's time.
    struct Candidate {
        std::uint32_t segment = 0;
        std::uint32_t mmsi = 0;
        std::optional<PositionReport> before;
        std::optional<PositionReport> after;
    };
    struct Pending {
        std::size_t detection = 0;
        std::vector<Candidate> candidates;
    };

    void decide(const Pending& pending, const Emit& emit) const;

    const Context& m_context;
    std::vector<std::size_t> m_order; ///< detections by time
    std::size_t m_next = 0;           ///< first detection of m_order not yet pending
    std::vector<Pending> m_pending;
};

} // namespace sagar::detectors
