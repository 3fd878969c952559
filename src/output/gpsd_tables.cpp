// gpsd's controlled vocabularies ("*_text" fields), as printed by gpsd master (its test .chk files).
// Values outside a table get gpsd's fallback text.

#include "gpsd_fields.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace sagar::output::detail {
namespace {

using namespace std::string_view_literals;

constexpr std::array navigation_status = {
    "Under way using engine"sv,
    "At anchor"sv,
    "Not under command"sv,
    "Restricted maneuverability"sv,
    "Constrained by her draught"sv,
    "Moored"sv,
    "Aground"sv,
    "Engaged in fishing"sv,
    "Under way sailing"sv,
    "Reserved for HSC"sv,
    "Reserved for WIG"sv,
    "Power-driven vessel towing astern"sv,
    "Power-driven vessel pushing ahead or towing alongside"sv,
    "Reserved"sv,
    "AIS-SART is active"sv,
    "Not defined"sv,
};
static_assert(navigation_status.size() == 16); // the field is 4 bits

// gpsd master names the reserved codes with their number, e.g. "Reserved (14)".
constexpr std::array epfd = {
    "Undefined"sv,
    "GPS"sv,
    "GLONASS"sv,
    "Combined GPS/GLONASS"sv,
    "Loran-C"sv,
    "Chayka"sv,
    "Integrated navigation system"sv,
    "Surveyed"sv,
    "Galileo"sv,
    "Reserved (9)"sv,
    "Reserved (10)"sv,
    "Reserved (11)"sv,
    "Reserved (12)"sv,
    "Reserved (13)"sv,
    "Reserved (14)"sv,
    "Internal GNSS"sv,
};
static_assert(epfd.size() == 16); // the field is 4 bits

// Ship and cargo type, ITU-R M.1371 Table 53. First digit: category; second digit: hazard class.
constexpr std::array<std::string_view, 10> hazard_suffix = {
    " - all ships of this type"sv,    " - Hazardous category A"sv,    " - Hazardous category B"sv,
    " - Hazardous category C"sv,      " - Hazardous category D"sv,    " - Reserved for future use"sv,
    " - Reserved for future use"sv,   " - Reserved for future use"sv, " - Reserved for future use"sv,
    " - No additional information"sv,
};

constexpr std::array<std::string_view, 10> special_category = {
    // 30..39
    "Fishing"sv,
    "Towing"sv,
    "Towing: length exceeds 200m or breadth exceeds 25m"sv,
    "Dredging or underwater ops"sv,
    "Diving ops"sv,
    "Military ops"sv,
    "Sailing"sv,
    "Pleasure Craft"sv,
    "Reserved"sv,
    "Reserved"sv,
};

constexpr std::array<std::string_view, 10> service_category = {
    // 50..59
    "Pilot Vessel"sv,
    "Search and Rescue vessel"sv,
    "Tug"sv,
    "Port Tender"sv,
    "Anti-pollution equipment"sv,
    "Law Enforcement"sv,
    "Spare - Local Vessel"sv,
    "Spare - Local Vessel"sv,
    "Medical Transport"sv,
    "Ship according to RR Resolution No. 18"sv,
};

/// The 100 ship type texts, built once at compile time from the category and hazard tables, so each
/// lookup is one index (the table is read for every type 5, 19 and 24 record).
struct ShipTypeTable {
    // The longest text is "High speed craft (HSC) - No additional information" (52 bytes).
    static constexpr std::size_t max_text = 64;
    std::array<std::array<char, max_text>, 100> text{};
    std::array<std::size_t, 100> size{};

    constexpr void set(std::size_t code, std::string_view first, std::string_view second = {}) {
        std::size_t n = 0;
        for (const char c : first) {
            text[code][n++] = c;
        }
        for (const char c : second) {
            text[code][n++] = c;
        }
        size[code] = n;
    }
};

constexpr ShipTypeTable make_ship_type_table() {
    ShipTypeTable table;
    table.set(0, "Not available");
    for (std::size_t code = 1; code < 20; ++code) {
        table.set(code, "Reserved for future use");
    }
    for (std::size_t digit = 0; digit < 10; ++digit) {
        table.set(20 + digit, "Wing in ground (WIG)", hazard_suffix[digit]);
        table.set(30 + digit, special_category[digit]);
        table.set(40 + digit, "High speed craft (HSC)", hazard_suffix[digit]);
        table.set(50 + digit, service_category[digit]);
        table.set(60 + digit, "Passenger", hazard_suffix[digit]);
        table.set(70 + digit, "Cargo", hazard_suffix[digit]);
        table.set(80 + digit, "Tanker", hazard_suffix[digit]);
        table.set(90 + digit, "Other Type", hazard_suffix[digit]);
    }
    // gpsd's exceptions to the pattern: no "No additional information" for WIG, lower case for 99.
    table.set(29, "Wing in ground (WIG)", hazard_suffix[5]);
    table.set(99, "Other Type - no additional information");
    return table;
}

constexpr ShipTypeTable ship_types = make_ship_type_table();

constexpr std::array aid_type = {
    "Unspecified"sv,
    "Reference point"sv,
    "RACON"sv,
    "Fixed offshore structure"sv,
    "Spare, Reserved for future use."sv,
    "Light, without sectors"sv,
    "Light, with sectors"sv,
    "Leading Light Front"sv,
    "Leading Light Rear"sv,
    "Beacon, Cardinal N"sv,
    "Beacon, Cardinal E"sv,
    "Beacon, Cardinal S"sv,
    "Beacon, Cardinal W"sv,
    "Beacon, Port hand"sv,
    "Beacon, Starboard hand"sv,
    "Beacon, Preferred Channel port hand"sv,
    "Beacon, Preferred Channel starboard hand"sv,
    "Beacon, Isolated danger"sv,
    "Beacon, Safe water"sv,
    "Beacon, Special mark"sv,
    "Cardinal Mark N"sv,
    "Cardinal Mark E"sv,
    "Cardinal Mark S"sv,
    "Cardinal Mark W"sv,
    "Port hand Mark"sv,
    "Starboard hand Mark"sv,
    "Preferred Channel Port hand"sv,
    "Preferred Channel Starboard hand"sv,
    "Isolated danger"sv,
    "Safe Water"sv,
    "Special Mark"sv,
    "Light Vessel / LANBY / Rigs"sv,
};
static_assert(aid_type.size() == 32); // the field is 5 bits

// The texts are written with JsonWriter::field_plain, which does not escape.
constexpr bool all_plain(const auto& texts) {
    return std::ranges::all_of(texts, [](std::string_view text) { return JsonWriter::is_plain_text(text); });
}
static_assert(all_plain(navigation_status) && all_plain(epfd) && all_plain(aid_type));
static_assert([] {
    for (std::size_t code = 0; code < ship_types.size.size(); ++code) {
        if (!JsonWriter::is_plain_text({ship_types.text[code].data(), ship_types.size[code]})) {
            return false;
        }
    }
    return true;
}());

} // namespace

std::string_view navigation_status_text(unsigned status) noexcept {
    return status < navigation_status.size() ? navigation_status[status] : "Not defined"sv;
}

std::string_view ship_type_text(unsigned ship_type) noexcept {
    if (ship_type >= ship_types.size.size()) {
        return "INVALID SHIP TYPE"sv;
    }
    return {ship_types.text[ship_type].data(), ship_types.size[ship_type]};
}

std::string_view epfd_text(unsigned code) noexcept {
    return code < epfd.size() ? epfd[code] : "INVALID EPFD"sv;
}

std::string_view aid_type_text(unsigned code) noexcept {
    return code < aid_type.size() ? aid_type[code] : "INVALID NAVAID TYPE"sv;
}

} // namespace sagar::output::detail
