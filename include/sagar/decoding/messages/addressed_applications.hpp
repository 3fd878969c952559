#pragma once
// Application-specific messages carried by type 6 (addressed binary) that sagar decodes: the DAC/FI
// pairs gpsd decodes (IMO236 and IMO289 international messages, inland AIS, GLA AtoN monitoring).
// Values are kept as transmitted; the "not available" codes are named constants.
//
// The structs live in namespace `addressed` because several IMO applications exist in both an addressed
// (type 6) and a broadcast (type 8) version with a different layout.

#include <sagar/core/fixed_string.hpp>
#include <sagar/decoding/messages/application_data.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <variant>

namespace sagar::decoding {

namespace addressed {

/// A UTC month, day, hour and minute without a year, as the IMO and inland applications send them.
struct PartialUtcTime {
    static constexpr std::uint8_t month_not_available = 0;
    static constexpr std::uint8_t day_not_available = 0;
    static constexpr std::uint8_t hour_not_available = 24;
    static constexpr std::uint8_t minute_not_available = 60;

    std::uint8_t month = month_not_available;   ///< 4 bits
    std::uint8_t day = day_not_available;       ///< 5 bits
    std::uint8_t hour = hour_not_available;     ///< 5 bits
    std::uint8_t minute = minute_not_available; ///< 6 bits

    constexpr friend bool operator==(const PartialUtcTime&, const PartialUtcTime&) noexcept = default;
};

/// A position in 1/1000 minute of arc (25-bit longitude, 24-bit latitude), the IMO289 resolution.
struct MilliMinutePosition {
    static constexpr std::int32_t not_available_lon = 181 * 60'000; ///< 181 degrees
    static constexpr std::int32_t not_available_lat = 91 * 60'000;  ///< 91 degrees

    std::int32_t lon = not_available_lon;
    std::int32_t lat = not_available_lat;

    constexpr friend bool operator==(const MilliMinutePosition&,
                                     const MilliMinutePosition&) noexcept = default;
};

/// A position in 1/10000 minute of arc (28-bit longitude, 27-bit latitude), the resolution of the
/// position reports, used by IMO236 tidal windows and IMO289 route information.
struct TenThousandthMinutePosition {
    static constexpr std::int32_t not_available_lon = 181 * 600'000; ///< 181 degrees
    static constexpr std::int32_t not_available_lat = 91 * 600'000;  ///< 91 degrees

    std::int32_t lon = not_available_lon;
    std::int32_t lat = not_available_lat;

    constexpr friend bool operator==(const TenThousandthMinutePosition&,
                                     const TenThousandthMinutePosition&) noexcept = default;
};

/// DAC 1 FI 12: dangerous cargo indication (IMO236).
struct DangerousCargoImo236 {
    static constexpr std::uint16_t un_number_not_available = 0;

    FixedString<5> last_port; ///< UN/LOCODE
    PartialUtcTime departure; ///< from the last port
    FixedString<5> next_port; ///< UN/LOCODE
    PartialUtcTime eta;       ///< at the next port
    FixedString<20> main_dangerous_good;
    FixedString<4> imd_category;
    std::uint16_t un_number = un_number_not_available; ///< 13 bits
    std::uint16_t amount = 0;                          ///< 10 bits
    std::uint8_t unit = 0;                             ///< 0 n/a, 1 kg, 2 metric tons, 3 metric kilotons
};

/// One tidal prediction of a tidal window. The position resolution depends on the message version.
struct TidalPrediction {
    static constexpr std::uint16_t direction_not_available = 360;

    std::int32_t lon = 0;
    std::int32_t lat = 0;
    std::uint8_t from_hour = PartialUtcTime::hour_not_available;
    std::uint8_t from_minute = PartialUtcTime::minute_not_available;
    std::uint8_t to_hour = PartialUtcTime::hour_not_available;
    std::uint8_t to_minute = PartialUtcTime::minute_not_available;
    std::uint16_t current_direction = direction_not_available; ///< degrees, 9 bits
    std::uint8_t current_speed = 0;                            ///< 1/10 knot

    constexpr friend bool operator==(const TidalPrediction&, const TidalPrediction&) noexcept = default;
};

/// IMO236 and IMO289 announce up to 3 predictions; like gpsd, sagar keeps every prediction the
/// message carries (up to 11 in a 5-slot message) rather than drop transmitted data.
struct TidalWindow {
    static constexpr std::size_t max_predictions = 11;

    std::uint8_t month = PartialUtcTime::month_not_available;
    std::uint8_t day = PartialUtcTime::day_not_available;
    std::uint8_t count = 0; ///< predictions carried
    std::array<TidalPrediction, max_predictions> predictions{};
};

/// DAC 1 FI 14: tidal window (IMO236). Positions in 1/10000 minute (lat first on the wire), current
/// speed in 7 bits (127 = not available).
struct TidalWindowImo236 : TidalWindow {
    static constexpr std::uint8_t speed_not_available = 127;
};

/// DAC 1 FI 32: tidal window (IMO289). Positions in 1/1000 minute (lon first on the wire), current
/// speed in 8 bits (255 = not available).
struct TidalWindowImo289 : TidalWindow {
    static constexpr std::uint8_t speed_not_available = 255;
};

/// DAC 1 FI 15: extended ship static and voyage related data (IMO236): the air draught.
struct AirDraught {
    static constexpr std::uint16_t not_available = 0;
    std::uint16_t air_draught = not_available; ///< 1/10 m, 11 bits
};

/// DAC 1 FI 16: number of persons on board (IMO236 and IMO289).
struct PersonsOnBoard {
    static constexpr std::uint16_t not_available = 0;
    static constexpr std::uint16_t at_least = 8191; ///< 8191 or more
    std::uint16_t persons = not_available;          ///< 13 bits
};

/// DAC 1 FI 18: clearance time to enter port (IMO289).
struct ClearanceTimeToEnterPort {
    std::uint16_t linkage = 0; ///< message linkage id, 10 bits
    PartialUtcTime time;
    FixedString<20> port_and_berth;
    FixedString<5> destination; ///< UN/LOCODE
    MilliMinutePosition position;
};

/// DAC 1 FI 20: berthing data (IMO289).
struct BerthingData {
    static constexpr std::uint16_t length_not_available = 0;
    static constexpr std::uint8_t depth_not_available = 0;
    /// The 2-bit service status fields, in transmission order: agent, fuel, chandler, stevedore,
    /// electrical, water, customs, cartage, crane, lift, medical, navrepair, provisions, shiprepair,
    /// surveyor, steam, tugs, solidwaste, liquidwaste, hazardouswaste, ballast, additional, regional1,
    /// regional2, future1, future2.
    static constexpr std::size_t service_count = 26;

    std::uint16_t linkage = 0;
    std::uint16_t berth_length = length_not_available; ///< metres, 9 bits
    std::uint8_t berth_depth = depth_not_available;    ///< 1/10 m
    std::uint8_t mooring_position = 0;                 ///< 0 n/a, 1..5, 3 bits
    PartialUtcTime time;
    bool services_known = false;
    std::array<std::uint8_t, service_count> services{}; ///< 0 n/a, 1 available, 2 unknown, 3 unused
    FixedString<20> berth_name;
    MilliMinutePosition berth_position;
};

/// One cargo of DAC 1 FI 25.
struct Cargo {
    std::uint8_t code = 0;     ///< 4 bits
    std::uint16_t subtype = 0; ///< 13 bits
};

/// DAC 1 FI 25: dangerous cargo indication (IMO289). IMO289 allows 28 cargos; like gpsd, sagar keeps
/// every cargo the message carries (up to 54 in a 5-slot message).
struct DangerousCargoImo289 {
    static constexpr std::size_t max_cargos = 54;

    std::uint8_t unit = 0;    ///< 2 bits
    std::uint16_t amount = 0; ///< 10 bits
    std::uint8_t count = 0;   ///< cargos carried
    std::array<Cargo, max_cargos> cargos{};
};

/// DAC 1 FI 28: route information, addressed (IMO289). IMO289 allows 16 waypoints, but the count has
/// 5 bits and gpsd reports as many waypoints as it says (zero past the end of the message), so sagar
/// keeps up to 31.
struct RouteInformation {
    static constexpr std::size_t max_waypoints = 31;
    static constexpr std::uint32_t duration_not_available = 0;

    std::uint16_t linkage = 0;
    std::uint8_t sender = 0;     ///< 3 bits
    std::uint8_t route_type = 0; ///< 5 bits
    PartialUtcTime start;
    std::uint32_t duration = duration_not_available; ///< minutes, 18 bits
    std::uint8_t waypoint_count = 0;                 ///< 5 bits
    std::array<TenThousandthMinutePosition, max_waypoints> waypoints{};
};

/// DAC 1 FI 30: text description, addressed (IMO289).
struct TextDescription {
    /// Characters that fit in a 5-slot (1008-bit) message after the 98 fixed bits.
    static constexpr std::size_t max_text = (1008 - 98) / 6;

    std::uint16_t linkage = 0;
    FixedString<max_text> text;
};

/// The location fields shared by the inland ETA and RTA messages.
struct InlandLock {
    FixedString<2> country; ///< UN country code
    FixedString<3> locode;  ///< UN/LOCODE
    FixedString<5> section; ///< fairway section number
    FixedString<5> terminal;
    FixedString<5> hectometre; ///< fairway hectometre
};

/// DAC 200 FI 21: ETA at lock/bridge/terminal (inland AIS).
struct InlandEta {
    static constexpr std::uint16_t air_draught_not_available = 0;

    InlandLock location;
    PartialUtcTime eta;
    std::uint8_t tugs = 0;                                 ///< assisting tugs, 3 bits
    std::uint16_t air_draught = air_draught_not_available; ///< 12 bits
};

/// DAC 200 FI 22: RTA at lock/bridge/terminal (inland AIS).
struct InlandRta {
    InlandLock location;
    PartialUtcTime rta;
    std::uint8_t status = 0; ///< 0 operational, 1 limited, 2 out of order, 3 n/a
};

/// DAC 200 FI 55: number of persons on board (inland AIS).
struct InlandPersonsOnBoard {
    static constexpr std::uint8_t crew_not_available = 255;
    static constexpr std::uint16_t passengers_not_available = 8191;
    static constexpr std::uint8_t personnel_not_available = 255;

    std::uint8_t crew = crew_not_available;
    std::uint16_t passengers = passengers_not_available; ///< 13 bits
    std::uint8_t personnel = personnel_not_available;
};

/// DAC 235 and 250 FI 10: AtoN monitoring data (GLA, UK and Ireland).
struct AtonMonitoring {
    std::uint16_t analogue_internal = 0;  ///< supply voltage in 1/20 V, 10 bits
    std::uint16_t analogue_external1 = 0; ///< 1/20 V
    std::uint16_t analogue_external2 = 0; ///< 1/20 V
    std::uint8_t racon = 0;               ///< 0 none, 1 not monitored, 2 operational, 3 error
    std::uint8_t light = 0;               ///< 0 none or not monitored, 1 on, 2 off, 3 error
    bool alarm = false;
    std::uint8_t status_external = 0; ///< 8 digital inputs
    bool off_position = false;
};

} // namespace addressed

/// The application of a type 6 message: the raw bits (first alternative) when the DAC/FI pair is not
/// decoded or its payload does not have the length the pair needs.
using AddressedApplication =
    std::variant<RawApplicationData, addressed::DangerousCargoImo236, addressed::TidalWindowImo236,
                 addressed::AirDraught, addressed::PersonsOnBoard, addressed::ClearanceTimeToEnterPort,
                 addressed::BerthingData, addressed::DangerousCargoImo289, addressed::RouteInformation,
                 addressed::TextDescription, addressed::TidalWindowImo289, addressed::InlandEta,
                 addressed::InlandRta, addressed::InlandPersonsOnBoard, addressed::AtonMonitoring>;

} // namespace sagar::decoding
