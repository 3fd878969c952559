#pragma once
// Pieces shared by the typed AIS messages (ITU-R M.1371-5). Field values are kept as transmitted
// (raw integers with their not-available sentinels); scaling happens at the output edge.

#include <cstdint>

namespace sagar::decoding {

/// The first 38 bits of every AIS message.
struct Header {
    std::uint8_t type = 0;   ///< 1..27
    std::uint8_t repeat = 0; ///< repeat indicator 0..3
    std::uint32_t mmsi = 0;  ///< 30 bits, as transmitted (validity is judged downstream)
};

/// A position in 1/10000 minute of arc (lon 28 bits, lat 27 bits, two's complement), the resolution of
/// types 1-4, 9, 11, 18, 19 and 21. Divide by units_per_degree for degrees.
struct Position {
    static constexpr std::int32_t units_per_degree = 600000;
    static constexpr std::int32_t not_available_lon = 181 * units_per_degree; ///< 181 degrees
    static constexpr std::int32_t not_available_lat = 91 * units_per_degree;  ///< 91 degrees

    std::int32_t lon = not_available_lon; ///< east positive
    std::int32_t lat = not_available_lat; ///< north positive

    /// False when either coordinate carries its sentinel. Out-of-range values (corrupt or spoofed
    /// reports) count as available: judging plausibility is the consumer's job.
    [[nodiscard]] constexpr bool is_available() const noexcept {
        return lon != not_available_lon && lat != not_available_lat;
    }
    constexpr friend bool operator==(const Position&, const Position&) noexcept = default;
};

/// Speed, course and heading as sent by the position reports of types 1-3, 18 and 19.
struct Motion {
    static constexpr std::uint16_t speed_not_available = 1023;  ///< speed is in 1/10 knot
    static constexpr std::uint16_t speed_fast = 1022;           ///< 102.2 knots or more
    static constexpr std::uint16_t course_not_available = 3600; ///< course is in 1/10 degree
    static constexpr std::uint16_t heading_not_available = 511; ///< heading is in whole degrees
    /// UTC second of the report: 60 not available, 61 manual input, 62 dead reckoning, 63 inoperative.
    static constexpr std::uint8_t second_not_available = 60;
};

/// Distances from the position reference point to the hull, in metres (types 5, 19, 21 and 24B).
/// 0 means not available; to_bow/to_stern 511 and to_port/to_starboard 63 mean "that or more".
struct Dimensions {
    std::uint16_t to_bow = 0;      ///< 9 bits
    std::uint16_t to_stern = 0;    ///< 9 bits
    std::uint8_t to_port = 0;      ///< 6 bits
    std::uint8_t to_starboard = 0; ///< 6 bits
    constexpr friend bool operator==(const Dimensions&, const Dimensions&) noexcept = default;
};

/// A corner or reference point in 1/10 minute of arc (lon 18 bits, lat 17 bits, two's complement),
/// the coarse resolution of types 17, 22, 23 and 27.
struct TenthMinutePosition {
    static constexpr std::int32_t not_available_lon = 181 * 600; ///< 181 degrees
    static constexpr std::int32_t not_available_lat = 91 * 600;  ///< 91 degrees

    std::int32_t lon = not_available_lon;
    std::int32_t lat = not_available_lat;

    [[nodiscard]] constexpr bool is_available() const noexcept {
        return lon != not_available_lon && lat != not_available_lat;
    }
    constexpr friend bool operator==(const TenthMinutePosition&,
                                     const TenthMinutePosition&) noexcept = default;
};

} // namespace sagar::decoding
