#pragma once
// Turns reports from any feed, in any order, into vessel tracks: reports in event-time order, each
// labelled with the segment (physical vessel) it belongs to, duplicates removed, identities merged.
// docs/detection.md ("Tracks") states the rules; this is their only implementation.

#include <sagar/core/function_ref.hpp>
#include <sagar/core/vessel_report.hpp>

#include <array>
#include <cstdint>
#include <queue>
#include <unordered_map>
#include <vector>

namespace sagar::tracks {

struct TrackerConfig {
    double reorder_window_s = 600;      ///< reports may arrive this much out of event-time order
    double segment_max_knots = 30;      ///< fastest a segment may move between two of its reports
    double segment_slack_m = 1000;      ///< position noise allowed on top of that
    double segment_idle_h = 72;         ///< a segment silent this long is closed
    std::size_t max_buffered = 1 << 22; ///< reports held for reordering; beyond, the oldest go early
};

/// One report of a segment, in event-time order.
struct TrackPoint {
    PositionReport report;
    std::uint32_t segment = 0;   ///< unique within a run
    bool starts_segment = false; ///< the first report of its segment
};

/// The merged static data of one MMSI: each field keeps the last non-empty value heard.
struct Identity {
    std::uint32_t imo = 0;
    FixedString<20> name;
    FixedString<7> callsign;
    FixedString<20> destination;
    std::uint8_t ship_type = 0;
    std::uint16_t length_m = 0;
    std::uint16_t width_m = 0;
};

struct TrackerStats {
    std::uint64_t reports = 0;        ///< position reports added
    std::uint64_t duplicates = 0;     ///< the same report heard again (several receivers)
    std::uint64_t late = 0;           ///< older than the reorder window allowed: dropped
    std::uint64_t released_early = 0; ///< released before the window closed because the buffer was full
    std::uint64_t segments = 0;       ///< segments opened
    std::uint64_t identities = 0;     ///< identity reports merged
};

class Tracker {
public:
    explicit Tracker(const TrackerConfig& config);

    /// Buffers a report; reports leave through release() in event-time order.
    void add(const PositionReport& report);
    void add(const IdentityReport& report);

    /// Passes on, in event-time order, every report the reorder window no longer holds back (all of
    /// them when `everything`).
    void release(FunctionRef<void(const TrackPoint&)> sink, bool everything = false);

    /// Time of the last report released: no later release is older.
    [[nodiscard]] UtcTime released_until() const noexcept { return m_released_until; }
    [[nodiscard]] const Identity* identity(std::uint32_t mmsi) const;
    [[nodiscard]] const TrackerStats& stats() const noexcept { return m_stats; }
    [[nodiscard]] std::size_t vessel_count() const noexcept { return m_vessels.size(); }

private:
    static constexpr std::size_t max_segments = 4;
    static constexpr std::size_t remembered_keys = 4;
    static constexpr std::int64_t duplicate_window_ms = 30'000;

    struct Segment {
        std::uint32_t id = 0;
        UtcTime last_time;
        double lat = 0;
        double lon = 0;
    };
    struct Vessel {
        std::array<Segment, max_segments> segments{};
        std::uint8_t segment_count = 0;
        std::uint8_t next_key = 0;
        /// The last reports' content and time: the same content within duplicate_window_s is a
        /// duplicate (receivers stamp one message a few seconds apart).
        std::array<std::uint64_t, remembered_keys> recent_keys{};
        std::array<UtcTime, remembered_keys> recent_times{};
    };
    struct Later {
        bool operator()(const PositionReport& a, const PositionReport& b) const noexcept {
            return a.time > b.time;
        }
    };

    void place(const PositionReport& report, FunctionRef<void(const TrackPoint&)> sink);
    static std::uint64_t duplicate_key(const PositionReport& report) noexcept;

    TrackerConfig m_config;
    std::priority_queue<PositionReport, std::vector<PositionReport>, Later> m_pending;
    UtcTime m_newest;
    UtcTime m_released_until;
    bool m_any = false;
    std::uint32_t m_next_segment = 1;
    std::unordered_map<std::uint32_t, Vessel> m_vessels;
    std::unordered_map<std::uint32_t, Identity> m_identities;
    TrackerStats m_stats;
};

} // namespace sagar::tracks
