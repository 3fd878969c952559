#pragma once
// The detection engine: reports in (any feed, roughly in time order), events out in non-decreasing
// `end` as soon as they are certain. The same engine serves `sagar detect` and, later, the live service.

#include <sagar/core/function_ref.hpp>
#include <sagar/core/vessel_report.hpp>
#include <sagar/detectors/config.hpp>
#include <sagar/detectors/event.hpp>
#include <sagar/tracks/tracker.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <span>

namespace sagar::geo {
class LandMap;
}
namespace sagar::reference {
class ZoneIndex;
class PortIndex;
struct Detection;
} // namespace sagar::reference

namespace sagar::detectors {

/// What the detectors know of the world besides the reports; every part is optional. Without land data,
/// distances from shore count as unlimited and nothing is on land.
struct Surroundings {
    const geo::LandMap* land = nullptr;
    const reference::ZoneIndex* zones = nullptr;
    const reference::PortIndex* ports = nullptr;
    std::span<const reference::Detection> detections; ///< in any order
};

struct EngineStats {
    std::array<std::uint64_t, event_type_count> events{};
    std::uint64_t segments_tracked = 0; ///< now
    std::uint64_t pairs_tracked = 0;    ///< encounter candidates now
    std::uint64_t pairs_dropped = 0;    ///< new encounter candidates refused because too many were tracked
};

class Engine {
public:
    /// `sink` receives each event once, in non-decreasing `end`; it must outlive the engine.
    Engine(const DetectConfig& config, const Surroundings& surroundings,
           FunctionRef<void(const Event&)> sink);
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
    ~Engine();

    void add(const PositionReport& report);
    void add(const IdentityReport& report);
    /// Ends the input: closes what is open (port calls, slow runs, encounters, episodes) and writes the rest.
    void finish();

    [[nodiscard]] const tracks::TrackerStats& track_stats() const noexcept;
    [[nodiscard]] EngineStats stats() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace sagar::detectors
