#pragma once
// Application-specific messages carried by type 8 (broadcast binary) that sagar decodes: the DAC/FI
// pairs gpsd decodes (IMO236/IMO289 international DAC 1, inland AIS DAC 200). Fields keep their wire
// values; positions are in 1/1000 minute (DAC 1) or 1/10000 minute (route waypoints, DAC 200).
//
// The structs live in namespace `broadcast` because several IMO applications exist in both an addressed
// (type 6) and a broadcast (type 8) version with a different layout.

#include <sagar/core/fixed_string.hpp>
#include <sagar/decoding/messages/application_data.hpp>

#include <array>
#include <cstdint>
#include <variant>

namespace sagar::decoding {

namespace broadcast {

/// Fields shared by the two meteorological/hydrological layouts (DAC 1 FI 11 and FI 31). The
/// temperatures are stored signed so one struct serves both: FI 11 sends them offset, FI 31 signed.
struct MetHydroObservation {
    std::int32_t lat = 0; ///< 1/1000 minute
    std::int32_t lon = 0; ///< 1/1000 minute
    std::uint8_t day = 0;
    std::uint8_t hour = 0;
    std::uint8_t minute = 0;
    std::uint8_t wind_speed = 0; ///< knots
    std::uint8_t wind_gust = 0;  ///< knots
    std::uint16_t wind_direction = 0;
    std::uint16_t gust_direction = 0;
    std::int16_t air_temperature = 0; ///< FI 11: (value - 600) / 10 °C; FI 31: value / 10 °C
    std::uint8_t humidity = 0;        ///< percent
    std::int16_t dew_point = 0;       ///< FI 11: (value - 200) / 10 °C; FI 31: value / 10 °C
    std::uint16_t pressure = 0;       ///< FI 11: value + 800 hPa; FI 31: value + 799 hPa
    std::uint8_t pressure_tendency = 0;
    std::uint8_t visibility = 0;   ///< 1/10 nautical mile
    std::uint16_t water_level = 0; ///< FI 11: (value - 100) / 10 m; FI 31: (value - 1000) / 100 m
    std::uint8_t level_trend = 0;
    std::uint8_t current_speed = 0; ///< 1/10 knot, surface current
    std::uint16_t current_direction = 0;
    std::uint8_t current2_speed = 0;
    std::uint16_t current2_direction = 0;
    std::uint8_t current2_depth = 0; ///< metres
    std::uint8_t current3_speed = 0;
    std::uint16_t current3_direction = 0;
    std::uint8_t current3_depth = 0;
    std::uint8_t wave_height = 0; ///< 1/10 metre
    std::uint8_t wave_period = 0; ///< seconds
    std::uint16_t wave_direction = 0;
    std::uint8_t swell_height = 0; ///< 1/10 metre
    std::uint8_t swell_period = 0;
    std::uint16_t swell_direction = 0;
    std::uint8_t sea_state = 0;         ///< Beaufort
    std::int16_t water_temperature = 0; ///< FI 11: (value - 100) / 10 °C; FI 31: value / 10 °C
    std::uint8_t precipitation_type = 0;
    std::uint16_t salinity = 0; ///< 1/10 per mille
    std::uint8_t ice = 0;

    static constexpr std::uint8_t trend_not_available = 3;
    static constexpr std::uint8_t wind_speed_not_available = 127;
    static constexpr std::uint8_t current_speed_not_available = 255;
    static constexpr std::uint8_t height_not_available = 255;
    static constexpr std::uint8_t period_not_available = 63;
    static constexpr std::uint8_t precipitation_not_available = 7;
    static constexpr std::uint8_t ice_not_available = 3;
};

/// DAC 1 FI 11: meteorological/hydrological data, IMO236 layout (latitude first, offset temperatures).
struct MetHydro236 : MetHydroObservation {
    static constexpr std::uint16_t direction_not_available = 511;
    static constexpr std::int16_t air_temperature_not_available = 2047;
    static constexpr std::uint8_t humidity_not_available = 127;
    static constexpr std::int16_t dew_point_not_available = 1023;
    static constexpr std::uint16_t pressure_not_available = 511;
    static constexpr std::uint8_t visibility_not_available = 255;
    static constexpr std::uint16_t water_level_not_available = 511;
    static constexpr std::uint8_t sea_state_not_available = 15;
    static constexpr std::int16_t water_temperature_not_available = 1023;
    static constexpr std::uint16_t salinity_not_available = 511;
};

/// DAC 1 FI 31: meteorological/hydrological data, IMO289 layout (longitude first, signed temperatures).
struct MetHydro289 : MetHydroObservation {
    bool accuracy = false;           ///< position accuracy flag
    bool visibility_greater = false; ///< visibility is a lower bound

    static constexpr std::uint16_t direction_not_available = 360;
    static constexpr std::int16_t air_temperature_not_available = -1024;
    static constexpr std::uint8_t humidity_not_available = 101;
    static constexpr std::int16_t dew_point_not_available = 501;
    static constexpr std::uint16_t pressure_not_available = 511;
    static constexpr std::uint8_t visibility_not_available = 127;
    static constexpr std::uint16_t water_level_not_available = 4001;
    static constexpr std::uint8_t sea_state_not_available = 13;
    static constexpr std::int16_t water_temperature_not_available = 501;
    static constexpr std::uint16_t salinity_not_available = 510;
};

/// DAC 1 FI 13: fairway closed (IMO236).
struct FairwayClosed {
    FixedString<20> reason;
    FixedString<20> close_from; ///< location where the closure starts
    FixedString<20> close_to;
    std::uint16_t radius = 0;     ///< extent of closure, in extent_unit
    std::uint8_t extent_unit = 0; ///< 0 m, 1 km, 2 nm, 3 cable
    std::uint8_t from_day = 0;
    std::uint8_t from_month = 0;
    std::uint8_t from_hour = 0;
    std::uint8_t from_minute = 0;
    std::uint8_t to_day = 0;
    std::uint8_t to_month = 0;
    std::uint8_t to_hour = 0;
    std::uint8_t to_minute = 0;
};

/// DAC 1 FI 15: extended ship static and voyage related data (IMO236).
struct ExtendedShipStatic {
    std::uint16_t air_draught = 0; ///< 1/10 metre
};

/// DAC 1 FI 16: number of persons on board (IMO236 and IMO289 layouts).
struct PersonsOnBoard {
    std::uint16_t persons = 0;
    static constexpr std::uint16_t persons_not_available = 0;
};

/// DAC 1 FI 17: VTS-generated/synthetic targets (IMO289).
struct VtsTargets {
    struct Target {
        std::uint8_t id_type = 0; ///< 0 MMSI, 1 IMO, 2 call sign, 3 other
        std::uint64_t id = 0;     ///< the 42-bit identifier field (MMSI or IMO number)
        FixedString<7> id_text;   ///< the same field as six-bit text (call sign, other)
        std::int32_t lat = 0;     ///< 1/1000 minute
        std::int32_t lon = 0;     ///< 1/1000 minute
        std::uint16_t course = 0; ///< degrees
        std::uint8_t second = 0;  ///< UTC second of the observation
        std::uint16_t speed = 0;  ///< knots
    };
    static constexpr std::size_t max_targets = 7; ///< what fits in a 5-slot message
    std::uint8_t target_count = 0;
    std::array<Target, max_targets> targets{};
};

/// DAC 1 FI 19: marine traffic signal (IMO289).
struct MarineTrafficSignal {
    std::uint16_t linkage = 0;
    FixedString<20> station;
    std::int32_t lon = 0; ///< 1/1000 minute
    std::int32_t lat = 0; ///< 1/1000 minute
    std::uint8_t status = 0;
    std::uint8_t signal = 0;
    std::uint8_t hour = 0;
    std::uint8_t minute = 0;
    std::uint8_t next_signal = 0;
};

/// DAC 1 FI 27: route information, broadcast (IMO289).
struct RouteInformation {
    struct Waypoint {
        std::int32_t lon = 0; ///< 1/10000 minute
        std::int32_t lat = 0; ///< 1/10000 minute
    };
    static constexpr std::size_t max_waypoints = 31; ///< the 5-bit count field's range
    std::uint16_t linkage = 0;
    std::uint8_t sender = 0;
    std::uint8_t route_type = 0;
    std::uint8_t month = 0;
    std::uint8_t day = 0;
    std::uint8_t hour = 0;
    std::uint8_t minute = 0;
    std::uint32_t duration = 0; ///< minutes
    std::uint8_t waypoint_count = 0;
    std::array<Waypoint, max_waypoints> waypoints{};
};

/// DAC 1 FI 29: text description, broadcast (IMO289).
struct TextDescription {
    std::uint16_t linkage = 0;
    FixedString<161> text; ///< (1008 - 66) / 6 = 157 characters fit in the longest message
};

/// DAC 200 FI 10: inland ship static and voyage related data.
struct InlandShipStatic {
    FixedString<8> vin;          ///< European vessel identification number (ENI)
    std::uint16_t length = 0;    ///< 1/10 metre
    std::uint16_t beam = 0;      ///< 1/10 metre
    std::uint16_t ship_type = 0; ///< ERI ship type code
    std::uint8_t hazard = 0;     ///< blue cones; 5 = unknown
    std::uint16_t draught = 0;   ///< 1/100 metre
    std::uint8_t loaded = 0;     ///< 0 N/A, 1 unloaded, 2 loaded
    bool speed_quality = false;
    bool course_quality = false;
    bool heading_quality = false;

    static constexpr std::uint8_t hazard_unknown = 5; ///< highest defined hazard code
};

/// DAC 200 FI 23: EMMA weather warning (inland AIS).
struct EmmaWarning {
    std::uint8_t start_year = 0; ///< years after 2000
    std::uint8_t start_month = 0;
    std::uint8_t start_day = 0;
    std::uint8_t end_year = 0;
    std::uint8_t end_month = 0;
    std::uint8_t end_day = 0;
    std::uint8_t start_hour = 0;
    std::uint8_t start_minute = 0;
    std::uint8_t end_hour = 0;
    std::uint8_t end_minute = 0;
    std::int32_t start_lon = 0; ///< 1/10000 minute
    std::int32_t start_lat = 0;
    std::int32_t end_lon = 0;
    std::int32_t end_lat = 0;
    std::uint8_t type = 0;
    std::int16_t min = 0; ///< minimum value of the phenomenon
    std::int16_t max = 0;
    std::uint8_t intensity = 0; ///< 0 slight, 1 medium, 2 strong
    std::uint8_t wind = 0;      ///< wind direction, 0 N/A, 1..8 from north clockwise
};

/// DAC 200 FI 24: inland water levels.
struct WaterLevels {
    struct Gauge {
        std::uint16_t id = 0;
        std::int16_t level = 0; ///< centimetres
    };
    static constexpr std::size_t max_gauges = 4; ///< the fixed 168-bit layout holds four
    FixedString<2> country;
    std::uint8_t gauge_count = 0;
    std::array<Gauge, max_gauges> gauges{};
};

/// DAC 200 FI 40: inland signal status.
struct SignalStatus {
    std::int32_t lon = 0; ///< 1/10000 minute
    std::int32_t lat = 0;
    std::uint8_t form = 0;
    std::uint16_t facing = 0; ///< degrees
    std::uint8_t direction = 0;
    std::uint32_t status = 0; ///< light status, 30 bits
};

} // namespace broadcast

using BroadcastApplication =
    std::variant<RawApplicationData, broadcast::MetHydro236, broadcast::FairwayClosed,
                 broadcast::ExtendedShipStatic, broadcast::PersonsOnBoard, broadcast::VtsTargets,
                 broadcast::MarineTrafficSignal, broadcast::RouteInformation, broadcast::TextDescription,
                 broadcast::MetHydro289, broadcast::InlandShipStatic, broadcast::EmmaWarning,
                 broadcast::WaterLevels, broadcast::SignalStatus>;

} // namespace sagar::decoding
