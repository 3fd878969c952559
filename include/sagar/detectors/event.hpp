#pragma once
// The events of docs/detection.md, as the detectors produce them and every output writes them.

#include <sagar/core/utc_time.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sagar::detectors {

enum class EventType : std::uint8_t {
    ais_gap,
    encounter,
    loitering,
    port_call,
    zone_entry,
    zone_exit,
    impossible_speed,
    position_on_land,
    invalid_mmsi,
    identity_conflict,
    dark_detection,
    matched_detection,
};
inline constexpr std::size_t event_type_count = 12;

/// The name written in the `type` field.
std::string_view to_string(EventType type) noexcept;

/// A value of an event, written under `details`.
struct Detail {
    enum class Kind : std::uint8_t {
        measure, ///< a number with decimals (units in the key: `_h`, `_m`, `_nm`, `_knots`)
        count,   ///< a whole number
        flag,    ///< true when `value` is not 0
    };
    std::string_view key; ///< a literal: the detectors name their values
    double value = 0;
    Kind kind = Kind::measure;
};

struct Event {
    EventType type = EventType::ais_gap;
    std::uint32_t mmsi = 0;       ///< not written for a dark detection
    std::uint32_t other_mmsi = 0; ///< written for encounters only
    UtcTime start;
    UtcTime end;
    double lat = 0;
    double lon = 0;
    std::string zone;
    std::string port;
    std::string detection_id;
    std::vector<Detail> details; ///< events are rare: an allocation each is fine
};

} // namespace sagar::detectors
