#pragma once
// Identity and static data: type 5 (Class A static and voyage), 24 (Class B static, parts A and B),
// 21 (aid to navigation). Text fields are six-bit ASCII, cut at the first '@' and stripped of trailing
// spaces (like gpsd). EPFD codes are listed in position.hpp.

#include <sagar/core/fixed_string.hpp>
#include <sagar/decoding/messages/common.hpp>

#include <cstdint>

namespace sagar::decoding {

struct StaticVoyageData { // type 5
    static constexpr std::uint8_t eta_month_not_available = 0;
    static constexpr std::uint8_t eta_day_not_available = 0;
    static constexpr std::uint8_t eta_hour_not_available = 24;
    static constexpr std::uint8_t eta_minute_not_available = 60;

    Header header;
    std::uint8_t ais_version = 0; ///< 0 = ITU-R M.1371-1; 1..3 later editions
    std::uint32_t imo = 0;        ///< 30 bits, 0 = not available
    FixedString<7> callsign;
    FixedString<20> shipname;
    std::uint8_t shiptype = 0; ///< 0 = not available
    Dimensions dimensions;
    std::uint8_t epfd = 0;
    std::uint8_t eta_month = eta_month_not_available;
    std::uint8_t eta_day = eta_day_not_available;
    std::uint8_t eta_hour = eta_hour_not_available;
    std::uint8_t eta_minute = eta_minute_not_available;
    std::uint8_t draught = 0; ///< 1/10 metre, 0 = not available, 255 = 25.5 m or more
    FixedString<20> destination;
    bool dte = false; ///< true: data terminal not ready
};

/// Type 24 comes in two single-slot parts sent separately; each is reported as it arrives (not merged
/// with its other half), so consumers see exactly what was on the air.
struct StaticDataB { // type 24
    enum class Part : std::uint8_t { a = 0, b = 1 };

    Header header;
    Part part = Part::a;
    // Part A
    FixedString<20> shipname;
    // Part B
    std::uint8_t shiptype = 0;
    /// Seven characters, as gpsd reads them: ITU-R M.1371-4 cut this to a 3-character manufacturer id
    /// followed by model and serial, so the last four characters overlap those two fields.
    FixedString<7> vendorid;
    std::uint8_t model = 0;   ///< 4 bits
    std::uint32_t serial = 0; ///< 20 bits
    FixedString<7> callsign;
    /// Bits 132-161 are the hull dimensions, except for auxiliary craft (MMSI 98XXXXXXX), where they
    /// carry the parent ship's MMSI. Both readings are kept; is_auxiliary_craft() tells which applies.
    Dimensions dimensions;
    std::uint32_t mothership_mmsi = 0;

    [[nodiscard]] constexpr bool is_auxiliary_craft() const noexcept { return header.mmsi / 10000000 == 98; }
};

struct AidToNavigationReport { // type 21
    Header header;
    std::uint8_t aid_type = 0; ///< 5 bits, 0 = not specified
    /// Name (20 characters) followed by the name extension (up to 14 more) when the name fills its field.
    FixedString<34> name;
    bool accuracy = false;
    Position position;
    Dimensions dimensions;
    std::uint8_t epfd = 0;
    std::uint8_t second = Motion::second_not_available;
    bool off_position = false;
    std::uint8_t regional = 0; ///< 8 bits reserved for regional use
    bool raim = false;
    bool virtual_aid = false;
    bool assigned = false;
};

} // namespace sagar::decoding
