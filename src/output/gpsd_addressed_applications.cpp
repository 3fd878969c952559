// gpsd JSON fields of the type 6 applications. Scaled output follows gpsd master: 1/1000-minute
// positions in degrees with 6 decimals, 1/10000-minute positions with 7 decimals, tenths with 1 decimal.

#include "gpsd_fields.hpp"

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sagar::output::detail {
namespace {

using namespace decoding::addressed;

constexpr std::int64_t milli_minutes_per_degree = 60'000;
constexpr std::int64_t ten_thousandth_minutes_per_degree = 600'000;

// gpsd's legends for the enumerated fields (AIVDM.adoc vocabularies).
constexpr std::array<std::string_view, 4> racon_texts = {"No RACON installed", "RACON not monitored",
                                                         "RACON operational", "RACON ERROR"};
constexpr std::array<std::string_view, 4> light_texts = {"No light or no monitoring", "Light ON", "Light OFF",
                                                         "Light ERROR"};
constexpr std::array<std::string_view, 4> rta_status_texts = {"Operational", "Limited operation",
                                                              "Out of order", "N/A"};
constexpr std::array<std::string_view, 8> mooring_position_texts = {
    "Not available", "Port-side to", "Starboard-side to",       "Mediterranean (end-on) mooring",
    "Mooring buoy",  "Anchorage",    "Reserved for future use", "Reserved for future use"};
/// Route types 0..5 and 31; 6..30 are reserved.
constexpr std::array<std::string_view, 6> route_type_texts = {
    "Undefined (default)",           "Mandatory",      "Recommended", "Alternative",
    "Recommended route through ice", "Ship route plan"};
constexpr unsigned route_type_cancel = 31;

/// gpsd's names of BerthingData::services, in order.
constexpr std::array<std::string_view, BerthingData::service_count> service_names = {
    "agent",      "fuel",      "chandler",  "stevedore",  "electrical",  "water",          "customs",
    "cartage",    "crane",     "lift",      "medical",    "navrepair",   "provisions",     "shiprepair",
    "surveyor",   "steam",     "tugs",      "solidwaste", "liquidwaste", "hazardouswaste", "ballast",
    "additional", "regional1", "regional2", "future1",    "future2"};

std::string_view route_type_text(unsigned route_type) {
    if (route_type < route_type_texts.size()) {
        return route_type_texts[route_type];
    }
    return route_type == route_type_cancel ? "Cancel route identified by message linkage"
                                           : "Reserved for future use.";
}

/// Appends `value` in decimal, zero-padded to at least `width` digits.
char* append_number(char* p, unsigned value, unsigned width) {
    std::array<char, 16> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
    for (auto n = static_cast<unsigned>(end - digits.data()); n < width; ++n) {
        *p++ = '0';
    }
    for (const char* d = digits.data(); d != end; ++d) {
        *p++ = *d;
    }
    return p;
}

enum class TimeStyle : std::uint8_t {
    padded_utc, ///< "MM-DDTHH:MMZ" (gpsd's IMO messages)
    plain,      ///< "M-DTH:M" without padding or zone (gpsd's berthing data and inland messages)
};

/// A month/day/hour/minute as one ISO 8601-like partial date string, the way gpsd merges them.
void write_time(JsonWriter& out, std::string_view key, const PartialUtcTime& t, TimeStyle style) {
    const unsigned width = style == TimeStyle::padded_utc ? 2 : 0;
    std::array<char, 32> text{};
    char* p = append_number(text.data(), t.month, width);
    *p++ = '-';
    p = append_number(p, t.day, width);
    *p++ = 'T';
    p = append_number(p, t.hour, width);
    *p++ = ':';
    p = append_number(p, t.minute, width);
    if (style == TimeStyle::padded_utc) {
        *p++ = 'Z';
    }
    out.field(key, std::string_view{text.data(), static_cast<std::size_t>(p - text.data())});
}

/// A signed position component: degrees (`units_per_degree` wire units, `decimals` places) when scaled.
void write_coordinate(JsonWriter& out, std::string_view key, std::int32_t value,
                      std::int64_t units_per_degree, int decimals, Scaling scaling) {
    if (scaling == Scaling::scaled) {
        out.field_ratio(key, value, units_per_degree, decimals);
    } else {
        out.field(key, std::int64_t{value});
    }
}

void write_tenths(JsonWriter& out, std::string_view key, unsigned value, Scaling scaling) {
    if (scaling == Scaling::scaled) {
        out.field_ratio(key, value, 10, 1);
    } else {
        out.field(key, value);
    }
}

void write(JsonWriter& out, const DangerousCargoImo236& a, Scaling /*scaling*/) {
    out.field("lastport", a.last_port.view());
    write_time(out, "departure", a.departure, TimeStyle::padded_utc);
    out.field("nextport", a.next_port.view());
    write_time(out, "eta", a.eta, TimeStyle::padded_utc);
    out.field("dangerous", a.main_dangerous_good.view());
    out.field("imdcat", a.imd_category.view());
    out.field("unid", unsigned{a.un_number});
    out.field("amount", unsigned{a.amount});
    out.field("unit", unsigned{a.unit});
}

/// Both tidal window versions: gpsd scales the positions of both as 1/1000 minute (so IMO236's
/// 1/10000-minute values come out ten times too large); sagar keeps gpsd's numbers for comparability.
void write_tidal_window(JsonWriter& out, const TidalWindow& a, Scaling scaling) {
    out.field("month", unsigned{a.month});
    out.field("day", unsigned{a.day});
    out.begin_array("tidals");
    for (std::size_t i = 0; i < a.count; ++i) {
        const TidalPrediction& p = a.predictions[i];
        out.begin_object();
        write_coordinate(out, "lon", p.lon, milli_minutes_per_degree, 6, scaling);
        write_coordinate(out, "lat", p.lat, milli_minutes_per_degree, 6, scaling);
        out.field("from_hour", unsigned{p.from_hour});
        out.field("from_min", unsigned{p.from_minute});
        out.field("to_hour", unsigned{p.to_hour});
        out.field("to_min", unsigned{p.to_minute});
        out.field("cdir", unsigned{p.current_direction});
        write_tenths(out, "cspeed", p.current_speed, scaling);
        out.end_object();
    }
    out.end_array();
}

void write(JsonWriter& out, const TidalWindowImo236& a, Scaling scaling) {
    write_tidal_window(out, a, scaling);
}
void write(JsonWriter& out, const TidalWindowImo289& a, Scaling scaling) {
    write_tidal_window(out, a, scaling);
}

void write(JsonWriter& out, const AirDraught& a, Scaling /*scaling*/) {
    out.field("airdraught", unsigned{a.air_draught});
}

void write(JsonWriter& out, const PersonsOnBoard& a, Scaling /*scaling*/) {
    out.field("persons", unsigned{a.persons});
}

void write(JsonWriter& out, const ClearanceTimeToEnterPort& a, Scaling scaling) {
    out.field("linkage", unsigned{a.linkage});
    write_time(out, "arrival", a.time, TimeStyle::padded_utc);
    out.field("portname", a.port_and_berth.view());
    out.field("destination", a.destination.view());
    write_coordinate(out, "lon", a.position.lon, milli_minutes_per_degree, 6, scaling);
    write_coordinate(out, "lat", a.position.lat, milli_minutes_per_degree, 6, scaling);
}

void write(JsonWriter& out, const BerthingData& a, Scaling scaling) {
    out.field("linkage", unsigned{a.linkage});
    out.field("berth_length", unsigned{a.berth_length});
    out.field("position", unsigned{a.mooring_position});
    out.field("position_text", mooring_position_texts[a.mooring_position & 7U]);
    write_time(out, "arrival", a.time, TimeStyle::plain);
    out.field("availability", unsigned{a.services_known ? 1U : 0U});
    for (std::size_t i = 0; i < BerthingData::service_count; ++i) {
        out.field(service_names[i], unsigned{a.services[i]});
    }
    out.field("berth_name", a.berth_name.view());
    write_coordinate(out, "berth_lon", a.berth_position.lon, milli_minutes_per_degree, 6, scaling);
    write_coordinate(out, "berth_lat", a.berth_position.lat, milli_minutes_per_degree, 6, scaling);
    write_tenths(out, "berth_depth", a.berth_depth, scaling);
}

void write(JsonWriter& out, const DangerousCargoImo289& a, Scaling /*scaling*/) {
    out.field("unit", unsigned{a.unit});
    out.field("amount", unsigned{a.amount});
    out.begin_array("cargos");
    for (std::size_t i = 0; i < a.count; ++i) {
        out.begin_object();
        out.field("code", unsigned{a.cargos[i].code});
        out.field("subtype", unsigned{a.cargos[i].subtype});
        out.end_object();
    }
    out.end_array();
}

void write(JsonWriter& out, const RouteInformation& a, Scaling scaling) {
    out.field("linkage", unsigned{a.linkage});
    out.field("sender", unsigned{a.sender});
    out.field("rtype", unsigned{a.route_type});
    out.field("rtype_text", route_type_text(a.route_type));
    write_time(out, "start", a.start, TimeStyle::padded_utc);
    out.field("duration", unsigned{a.duration});
    out.begin_array("waypoints");
    for (std::size_t i = 0; i < a.waypoint_count; ++i) {
        out.begin_object();
        write_coordinate(out, "lon", a.waypoints[i].lon, ten_thousandth_minutes_per_degree, 7, scaling);
        write_coordinate(out, "lat", a.waypoints[i].lat, ten_thousandth_minutes_per_degree, 7, scaling);
        out.end_object();
    }
    out.end_array();
}

void write(JsonWriter& out, const TextDescription& a, Scaling /*scaling*/) {
    out.field("linkage", unsigned{a.linkage});
    out.field("text", a.text.view());
}

void write_inland_lock(JsonWriter& out, const InlandLock& l) {
    out.field("country", l.country.view());
    out.field("locode", l.locode.view());
    out.field("section", l.section.view());
    out.field("terminal", l.terminal.view());
    out.field("hectometre", l.hectometre.view());
}

void write(JsonWriter& out, const InlandEta& a, Scaling /*scaling*/) {
    write_inland_lock(out, a.location);
    write_time(out, "eta", a.eta, TimeStyle::plain);
    out.field("tugs", unsigned{a.tugs});
    out.field("airdraught", unsigned{a.air_draught});
}

void write(JsonWriter& out, const InlandRta& a, Scaling /*scaling*/) {
    write_inland_lock(out, a.location);
    write_time(out, "eta", a.rta, TimeStyle::plain); // gpsd names the RTA "eta" too
    out.field("status", unsigned{a.status});
    out.field("status_text", rta_status_texts[a.status & 3U]);
}

void write(JsonWriter& out, const InlandPersonsOnBoard& a, Scaling /*scaling*/) {
    out.field("crew", unsigned{a.crew});
    out.field("passengers", unsigned{a.passengers});
    out.field("personnel", unsigned{a.personnel});
}

/// A voltage in 1/20 V: gpsd writes 0 as an integer even when scaling, other values with 2 decimals.
void write_voltage(JsonWriter& out, std::string_view key, unsigned value, Scaling scaling) {
    if (scaling == Scaling::scaled && value != 0) {
        out.field_ratio(key, value, 20, 2);
    } else {
        out.field(key, value);
    }
}

void write(JsonWriter& out, const AtonMonitoring& a, Scaling scaling) {
    out.field("off_pos", a.off_position);
    out.field("alarm", a.alarm);
    out.field("stat_ext", unsigned{a.status_external});
    write_voltage(out, "ana_int", a.analogue_internal, scaling);
    write_voltage(out, "ana_ext1", a.analogue_external1, scaling);
    write_voltage(out, "ana_ext2", a.analogue_external2, scaling);
    out.field("racon", unsigned{a.racon});
    out.field("racon_text", racon_texts[a.racon & 3U]);
    out.field("light", unsigned{a.light});
    out.field("light_text", light_texts[a.light & 3U]);
}

void write(JsonWriter& out, const decoding::RawApplicationData& a, Scaling /*scaling*/) {
    write_raw_data(out, a);
}

} // namespace

void write_application(JsonWriter& out, const decoding::AddressedApplication& app, Scaling scaling) {
    std::visit([&](const auto& a) { write(out, a, scaling); }, app);
}

} // namespace sagar::output::detail
