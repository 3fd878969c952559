#pragma once
// What any feed says about a vessel, in physical units: NMEA through the decoding core, or the CSV
// exports of NOAA MarineCadastre and the Danish Maritime Authority. Tracks and detectors read only these,
// so a new feed needs a converter and nothing else.

#include <sagar/core/fixed_string.hpp>
#include <sagar/core/utc_time.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

namespace sagar {

enum class TransponderClass : std::uint8_t {
    unknown,
    a,     ///< Class A shipborne (types 1-3, 5)
    b,     ///< Class B shipborne (types 18, 19, 24)
    other, ///< base station, aid to navigation, SAR aircraft
};

inline constexpr float not_available = std::numeric_limits<float>::quiet_NaN();

/// One position of one MMSI. Positions are WGS 84 degrees and always valid (feeds drop reports whose
/// position is not available or out of range); the motion fields are NaN when not available.
struct PositionReport {
    UtcTime time;
    std::uint32_t mmsi = 0;
    double lat = 0;
    double lon = 0;
    float speed_knots = not_available;
    float course_deg = not_available;
    float heading_deg = not_available;
    std::uint8_t nav_status = 15;  ///< ITU-R M.1371 navigational status; 15 = not defined
    std::uint8_t message_type = 0; ///< AIS message type; 0 when the feed does not say (CSV)
    TransponderClass transponder = TransponderClass::unknown;

    [[nodiscard]] bool has_speed() const noexcept { return !std::isnan(speed_knots); }
    [[nodiscard]] bool has_course() const noexcept { return !std::isnan(course_deg); }
};

/// Static and voyage data of one MMSI (types 5, 19, 24 A/B, or a CSV row). Empty strings and zeros mean
/// "not in this report": a type 24 part A carries the name only, part B the rest.
struct IdentityReport {
    UtcTime time;
    std::uint32_t mmsi = 0;
    std::uint32_t imo = 0; ///< 0 = not available
    FixedString<20> name;
    FixedString<7> callsign;
    FixedString<20> destination;
    std::uint8_t ship_type = 0; ///< ITU-R M.1371 ship and cargo type; 0 = not available
    std::uint16_t length_m = 0;
    std::uint16_t width_m = 0;
    float draught_m = not_available;
    TransponderClass transponder = TransponderClass::unknown;
};

} // namespace sagar
