#pragma once
// Encoders of the messages a ship transmits: types 1-3 (Class A position), 5 (Class A static and voyage),
// 18 (Class B position) and 24 parts A and B (Class B static). Fields are wire values, as in the decoder's
// message structs (sagar/decoding/messages): positions in 1/600000 degree, speed in 1/10 knot, course in
// 1/10 degree, with the same "not available" sentinels. This module does not depend on the decoder; the
// tests check that each encoder and the decoder agree.

#include <sagar/encoding/bit_writer.hpp>

#include <cstdint>
#include <string_view>

namespace sagar::encoding {

inline constexpr std::int32_t lon_not_available = 181 * 600000;
inline constexpr std::int32_t lat_not_available = 91 * 600000;
inline constexpr std::uint16_t speed_not_available = 1023;
inline constexpr std::uint16_t course_not_available = 3600;
inline constexpr std::uint16_t heading_not_available = 511;
inline constexpr std::uint8_t second_not_available = 60;

/// Degrees to the 1/10000-minute wire unit, rounded to nearest.
[[nodiscard]] std::int32_t to_wire_degrees(double degrees) noexcept;

/// Hull dimensions from the reference point, metres (9, 9, 6, 6 bits).
struct Dimensions {
    std::uint16_t to_bow = 0;
    std::uint16_t to_stern = 0;
    std::uint8_t to_port = 0;
    std::uint8_t to_starboard = 0;
};

struct ClassAPosition { // types 1, 2, 3
    std::uint8_t type = 1;
    std::uint8_t repeat = 0;
    std::uint32_t mmsi = 0;
    std::uint8_t status = 15;
    std::int8_t turn = -128;
    std::uint16_t speed = speed_not_available;
    bool accuracy = false;
    std::int32_t lon = lon_not_available;
    std::int32_t lat = lat_not_available;
    std::uint16_t course = course_not_available;
    std::uint16_t heading = heading_not_available;
    std::uint8_t second = second_not_available;
    std::uint8_t maneuver = 0;
    bool raim = false;
    std::uint32_t radio = 0; ///< 19 bits
};

struct StaticVoyage { // type 5
    std::uint8_t repeat = 0;
    std::uint32_t mmsi = 0;
    std::uint8_t ais_version = 0;
    std::uint32_t imo = 0;
    std::string_view callsign; ///< up to 7 characters
    std::string_view shipname; ///< up to 20 characters
    std::uint8_t shiptype = 0;
    Dimensions dimensions;
    std::uint8_t epfd = 1;
    std::uint8_t eta_month = 0;
    std::uint8_t eta_day = 0;
    std::uint8_t eta_hour = 24;
    std::uint8_t eta_minute = 60;
    std::uint8_t draught = 0;     ///< 1/10 metre
    std::string_view destination; ///< up to 20 characters
    bool dte = false;
};

struct ClassBPosition { // type 18
    std::uint8_t repeat = 0;
    std::uint32_t mmsi = 0;
    std::uint16_t speed = speed_not_available;
    bool accuracy = false;
    std::int32_t lon = lon_not_available;
    std::int32_t lat = lat_not_available;
    std::uint16_t course = course_not_available;
    std::uint16_t heading = heading_not_available;
    std::uint8_t second = second_not_available;
    bool cs = true; ///< carrier-sense unit
    bool display = false;
    bool dsc = false;
    bool band = true;
    bool msg22 = false;
    bool assigned = false;
    bool raim = false;
    std::uint32_t radio = 0; ///< 20 bits
};

struct ClassBStaticA { // type 24 part A
    std::uint8_t repeat = 0;
    std::uint32_t mmsi = 0;
    std::string_view shipname;
};

struct ClassBStaticB { // type 24 part B
    std::uint8_t repeat = 0;
    std::uint32_t mmsi = 0;
    std::uint8_t shiptype = 0;
    std::string_view vendorid; ///< 3-character manufacturer id
    std::uint8_t model = 0;    ///< 4 bits
    std::uint32_t serial = 0;  ///< 20 bits
    std::string_view callsign;
    /// Hull dimensions, or for auxiliary craft (MMSI 98XXXXXXX) the parent ship's MMSI in the same bits.
    Dimensions dimensions;
    std::uint32_t mothership_mmsi = 0;
};

// Each encoder fills `out` (which it clears first) with the message's bits.
void encode(const ClassAPosition& m, BitWriter& out) noexcept;
void encode(const StaticVoyage& m, BitWriter& out) noexcept;
void encode(const ClassBPosition& m, BitWriter& out) noexcept;
void encode(const ClassBStaticA& m, BitWriter& out) noexcept;
void encode(const ClassBStaticB& m, BitWriter& out) noexcept;

} // namespace sagar::encoding
