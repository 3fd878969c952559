#pragma once
// Position reports: types 1-3 (Class A), 4 and 11 (base station / UTC response), 9 (SAR aircraft),
// 18 and 19 (Class B), 27 (long-range).
//
// Every field is the raw value as transmitted; see common.hpp for the shared sentinels (Position, Motion).
// EPFD codes (epfd fields): 0 undefined, 1 GPS, 2 GLONASS, 3 GPS/GLONASS, 4 Loran-C, 5 Chayka,
// 6 integrated, 7 surveyed, 8 Galileo, 9-14 reserved, 15 internal GNSS.

#include <sagar/core/fixed_string.hpp>
#include <sagar/decoding/messages/common.hpp>

#include <cstdint>

namespace sagar::decoding {

struct PositionReportA { // types 1, 2, 3
    /// Rate of turn: 0..±126 encode 4.733 * sqrt(degrees per minute), sign = direction (+ starboard).
    static constexpr std::int8_t turn_not_available = -128;
    static constexpr std::int8_t turn_fast_right = 127; ///< more than 5 degrees per 30 s, no indicator
    static constexpr std::int8_t turn_fast_left = -127;
    static constexpr std::uint8_t status_not_defined = 15;

    Header header;
    std::uint8_t status = status_not_defined; ///< navigation status 0..15
    std::int8_t turn = turn_not_available;
    std::uint16_t speed = Motion::speed_not_available; ///< 1/10 knot
    bool accuracy = false;                             ///< true: better than 10 m
    Position position;
    std::uint16_t course = Motion::course_not_available;   ///< 1/10 degree
    std::uint16_t heading = Motion::heading_not_available; ///< degrees
    std::uint8_t second = Motion::second_not_available;
    std::uint8_t maneuver = 0; ///< 0 not available, 1 none, 2 special
    bool raim = false;
    std::uint32_t radio = 0; ///< 19-bit SOTDMA/ITDMA communication state
};

struct BaseStationReport { // types 4 (base station report) and 11 (UTC/date response)
    static constexpr std::uint16_t year_not_available = 0;
    static constexpr std::uint8_t month_not_available = 0;
    static constexpr std::uint8_t day_not_available = 0;
    static constexpr std::uint8_t hour_not_available = 24;
    static constexpr std::uint8_t minute_not_available = 60;
    static constexpr std::uint8_t second_not_available = 60;

    Header header;
    std::uint16_t year = year_not_available; ///< 14 bits, 1..9999
    std::uint8_t month = month_not_available;
    std::uint8_t day = day_not_available;
    std::uint8_t hour = hour_not_available;
    std::uint8_t minute = minute_not_available;
    std::uint8_t second = second_not_available;
    bool accuracy = false;
    Position position;
    std::uint8_t epfd = 0;
    bool raim = false;
    std::uint32_t radio = 0; ///< 19 bits
};

struct SarAircraftReport {                                        // type 9
    static constexpr std::uint16_t altitude_not_available = 4095; ///< metres
    static constexpr std::uint16_t altitude_high = 4094;          ///< 4094 m or higher
    static constexpr std::uint16_t speed_not_available = 1023;    ///< whole knots
    static constexpr std::uint16_t speed_fast = 1022;             ///< 1022 knots or more

    Header header;
    std::uint16_t altitude = altitude_not_available;
    std::uint16_t speed = speed_not_available;
    bool accuracy = false;
    Position position;
    std::uint16_t course = Motion::course_not_available; ///< 1/10 degree
    std::uint8_t second = Motion::second_not_available;
    std::uint8_t regional = 0; ///< 8 bits reserved for regional use
    bool dte = false;          ///< true: data terminal not ready
    bool assigned = false;
    bool raim = false;
    std::uint32_t radio = 0; ///< 20 bits (with the SOTDMA/ITDMA selector)
};

struct PositionReportB { // type 18
    Header header;
    std::uint8_t reserved = 0; ///< 8 bits reserved for regional use
    std::uint16_t speed = Motion::speed_not_available;
    bool accuracy = false;
    Position position;
    std::uint16_t course = Motion::course_not_available;
    std::uint16_t heading = Motion::heading_not_available;
    std::uint8_t second = Motion::second_not_available;
    std::uint8_t regional = 0; ///< 2 bits
    bool cs = false;           ///< true: carrier-sense unit, false: SOTDMA
    bool display = false;
    bool dsc = false;
    bool band = false;  ///< can use the whole marine band
    bool msg22 = false; ///< accepts channel management (type 22)
    bool assigned = false;
    bool raim = false;
    std::uint32_t radio = 0; ///< 20 bits (with the SOTDMA/ITDMA selector)
};

struct ExtendedPositionReportB { // type 19
    Header header;
    std::uint8_t reserved = 0;
    std::uint16_t speed = Motion::speed_not_available;
    bool accuracy = false;
    Position position;
    std::uint16_t course = Motion::course_not_available;
    std::uint16_t heading = Motion::heading_not_available;
    std::uint8_t second = Motion::second_not_available;
    std::uint8_t regional = 0; ///< 4 bits
    FixedString<20> shipname;
    std::uint8_t shiptype = 0;
    Dimensions dimensions;
    std::uint8_t epfd = 0;
    bool raim = false;
    bool dte = false;
    bool assigned = false;
};

struct LongRangePosition {                                     // type 27
    static constexpr std::uint8_t speed_not_available = 63;    ///< whole knots
    static constexpr std::uint16_t course_not_available = 511; ///< whole degrees

    Header header;
    bool accuracy = false;
    bool raim = false;
    std::uint8_t status = PositionReportA::status_not_defined;
    TenthMinutePosition position; ///< 1/10 minute: the coarse resolution of long-range reports
    std::uint8_t speed = speed_not_available;
    std::uint16_t course = course_not_available;
    bool gnss = false; ///< as transmitted: false = current GNSS position, true = not a GNSS position
};

} // namespace sagar::decoding
