// gpsd JSON for the type 8 application messages: the fields after "fid", with gpsd's names, order,
// scaling and vocabularies (gpsd master: degrees with 6 decimals). Where gpsd prints the same thing in
// both modes (texts, counts, the marine traffic signal's position) so do we. gpsd prints not-available
// sentinels through the same scaling as real values, and so do we, so that records compare equal.
//
// Deliberate departures from gpsd, each a gpsd defect that makes its output wrong or invalid JSON:
// - 1/16 "persons": gpsd prints the count from its type 6 view of the union (0 or garbage for type 8).
// - 1/17: gpsd adds an all-zero target after the last one; only transmitted targets are written.
// - 1/19: gpsd omits the comma before "nextsignal_text" and leaves the quotes in signal texts unescaped.
// - 1/31 scaled "waterlevel" below the 1000 cm reference: gpsd subtracts unsigned and prints ~42949672.
// - 200/23 "start": gpsd passes month, hour, minute, day to a year-month-dayThour:minute format.

#include "gpsd_fields.hpp"

#include <array>
#include <charconv>
#include <string_view>

namespace sagar::output::detail {
namespace {

using decoding::BroadcastApplication;

constexpr std::int64_t minutes_1000_per_degree = 60000;   // DAC 1 positions: 1/1000 minute
constexpr std::int64_t minutes_10000_per_degree = 600000; // waypoints and DAC 200 positions
constexpr int position_decimals = 6;

/// "dd-ddTdd:dd" style stamps: numbers zero-padded to two digits (wider values print in full, as
/// printf's %02u does), joined by the given separators.
class Stamp {
public:
    Stamp& number(unsigned value, int min_digits = 2) {
        std::array<char, 12> digits{};
        const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
        for (auto len = static_cast<int>(end - digits.data()); len < min_digits; ++len) {
            m_text[m_size++] = '0';
        }
        for (const char* p = digits.data(); p != end; ++p) {
            m_text[m_size++] = *p;
        }
        return *this;
    }
    Stamp& separator(char c) {
        m_text[m_size++] = c;
        return *this;
    }
    [[nodiscard]] std::string_view view() const noexcept { return {m_text.data(), m_size}; }

private:
    std::array<char, 64> m_text{};
    std::size_t m_size = 0;
};

constexpr std::array<std::string_view, 4> trend_texts = {"steady", "increasing", "decreasing", "N/A"};
// WMO 306 code table 4.201, as gpsd words it.
constexpr std::array<std::string_view, 8> precipitation_texts = {
    "reserved", "rain", "thunderstorm", "freezing rain", "mixed/ice", "snow", "reserved", "N/A"};
constexpr std::array<std::string_view, 4> ice_texts = {"no", "yes", "reserved", "N/A"};
constexpr std::array<std::string_view, 4> id_type_texts = {"mmsi", "imo", "callsign", "other"};

// Marine traffic signal codes (IMO289), JSON-ready (quotes escaped; the dash is UTF-8 as gpsd sends it).
constexpr std::array<std::string_view, 15> signal_texts_json = {
    R"("N/A")",
    R"("Serious emergency – stop or divert according to instructions.")",
    R"("Vessels shall not proceed.")",
    R"("Vessels may proceed. One way traffic.")",
    R"("Vessels may proceed. Two way traffic.")",
    R"("Vessels shall proceed on specific orders only.")",
    R"("Vessels in main channel shall not proceed.")",
    R"("Vessels in main channel shall proceed on specific orders only.")",
    R"("Vessels in main channel shall proceed on specific orders only.")",
    R"("I = \"in-bound\" only acceptable.")",
    R"("O = \"out-bound\" only acceptable.")",
    R"("F = both \"in- and out-bound\" acceptable.")",
    R"("XI = Code will shift to \"I\" in due time.")",
    R"("XO = Code will shift to \"O\" in due time.")",
    R"("X = Vessels shall proceed only on direction.")",
};

std::string_view signal_text_json(unsigned code) noexcept {
    return code < signal_texts_json.size() ? signal_texts_json[code] : R"("INVALID SIGNAL TYPE")";
}

std::string_view route_type_text(unsigned type) noexcept {
    static constexpr std::array<std::string_view, 6> named = {
        "Undefined (default)",           "Mandatory",      "Recommended", "Alternative",
        "Recommended route through ice", "Ship route plan"};
    if (type < named.size()) {
        return named[type];
    }
    return type == 31 ? "Cancel route identified by message linkage" : "Reserved for future use.";
}

/// Inland (ERI) ship types. gpsd matches either the ERI code or the IMO type given beside it and
/// takes the first entry that fits, so an IMO type maps to the first ERI type listed with it.
struct InlandShipType {
    unsigned eri;
    unsigned imo;
    std::string_view text;
};
constexpr std::array<InlandShipType, 42> inland_ship_types = {{
    {8000, 99, "Vessel, type unknown"},
    {8010, 79, "Motor freighter"},
    {8020, 89, "Motor tanker"},
    {8021, 80, "Motor tanker, liquid cargo, type N"},
    {8022, 80, "Motor tanker, liquid cargo, type C"},
    {8023, 89, "Motor tanker, dry cargo as if liquid (e.g. cement)"},
    {8030, 79, "Container vessel"},
    {8040, 80, "Gas tanker"},
    {8050, 79, "Motor freighter, tug"},
    {8060, 89, "Motor tanker, tug"},
    {8070, 79, "Motor freighter with one or more ships alongside"},
    {8080, 89, "Motor freighter with tanker"},
    {8090, 79, "Motor freighter pushing one or more freighters"},
    {8100, 89, "Motor freighter pushing at least one tank-ship"},
    {8110, 79, "Tug, freighter"},
    {8120, 89, "Tug, tanker"},
    {8130, 31, "Tug freighter, coupled"},
    {8140, 31, "Tug, freighter/tanker, coupled"},
    {8150, 99, "Freightbarge"},
    {8160, 99, "Tankbarge"},
    {8161, 90, "Tankbarge, liquid cargo, type N"},
    {8162, 90, "Tankbarge, liquid cargo, type C"},
    {8163, 99, "Tankbarge, dry cargo as if liquid (e.g. cement)"},
    {8170, 99, "Freightbarge with containers"},
    {8180, 90, "Tankbarge, gas"},
    {8210, 79, "Pushtow, one cargo barge"},
    {8220, 79, "Pushtow, two cargo barges"},
    {8230, 79, "Pushtow, three cargo barges"},
    {8240, 79, "Pushtow, four cargo barges"},
    {8250, 79, "Pushtow, five cargo barges"},
    {8260, 79, "Pushtow, six cargo barges"},
    {8270, 79, "Pushtow, seven cargo barges"},
    {8280, 79, "Pushtow, eigth cargo barges"},
    {8290, 79, "Pushtow, nine or more barges"},
    {8310, 80, "Pushtow, one tank/gas barge"},
    {8320, 80, "Pushtow, two barges at least one tanker or gas barge"},
    {8330, 80, "Pushtow, three barges at least one tanker or gas barge"},
    {8340, 80, "Pushtow, four barges at least one tanker or gas barge"},
    {8350, 80, "Pushtow, five barges at least one tanker or gas barge"},
    {8360, 80, "Pushtow, six barges at least one tanker or gas barge"},
    {8370, 80, "Pushtow, seven barges at least one tanker or gas barg"},
    {0, 0, "Illegal ship type value."}, // also what ship type 0 maps to
}};

std::string_view inland_ship_type_text(unsigned code) noexcept {
    for (const InlandShipType& t : inland_ship_types) {
        if (t.eri == code || t.imo == code || t.eri == 0) {
            return t.text;
        }
    }
    return inland_ship_types.back().text;
}

template <std::size_t N>
std::string_view lookup(const std::array<std::string_view, N>& table, unsigned index,
                        std::string_view invalid) noexcept {
    return index < N ? table[index] : invalid;
}

constexpr std::array<std::string_view, 6> hazard_texts = {
    "0 blue cones/lights", "1 blue cone/light", "2 blue cones/lights",
    "3 blue cones/lights", "4 B-Flag",          "Unknown"};
constexpr std::array<std::string_view, 3> loaded_texts = {"N/A (default)", "Unloaded", "Loaded"};
constexpr std::array<std::string_view, 10> emma_type_texts = {
    "Not Available",    "Wind",  "Rain",       "Snow and ice", "Thunderstorm", "Fog", "Low temperature",
    "High temperature", "Flood", "Forest Fire"};
constexpr std::array<std::string_view, 3> emma_class_texts = {"Slight", "Medium", "Strong"};
constexpr std::array<std::string_view, 9> emma_wind_texts = {
    "N/A", "North", "North East", "East", "South East", "South", "South West", "West", "North West"};
constexpr std::array<std::string_view, 5> direction_texts = {"Unknown", "Upstream", "Downstream",
                                                             "To left bank", "To right bank"};
constexpr std::array<std::string_view, 8> light_status_texts = {
    "Unknown", "No light", "White", "Yellow", "Green", "Red", "White flashing", "Yellow flashing."};

/// Two coordinates in the order given: degrees when scaled, wire units when not.
void write_position(JsonWriter& out, std::string_view first_key, std::int32_t first,
                    std::string_view second_key, std::int32_t second, std::int64_t per_degree,
                    Scaling scaling) {
    if (scaling == Scaling::scaled) {
        out.field_ratio(first_key, first, per_degree, position_decimals);
        out.field_ratio(second_key, second, per_degree, position_decimals);
    } else {
        out.field(first_key, first);
        out.field(second_key, second);
    }
}

void write_time_and_wind(JsonWriter& out, const decoding::broadcast::MetHydroObservation& m) {
    out.field("timestamp", Stamp()
                               .number(m.day)
                               .separator('T')
                               .number(m.hour)
                               .separator(':')
                               .number(m.minute)
                               .separator('Z')
                               .view());
    out.field("wspeed", unsigned{m.wind_speed});
    out.field("wgust", unsigned{m.wind_gust});
    out.field("wdir", unsigned{m.wind_direction});
    out.field("wgustdir", unsigned{m.gust_direction});
    out.field("humidity", unsigned{m.humidity});
}

/// Currents, waves and swell: identical in both layouts; only the speeds and heights are scaled.
void write_currents_and_sea(JsonWriter& out, const decoding::broadcast::MetHydroObservation& m,
                            Scaling scaling) {
    const bool scaled = scaling == Scaling::scaled;
    const auto tenths = [&](std::string_view key, unsigned value) {
        if (scaled) {
            out.field_ratio(key, value, 10, 1);
        } else {
            out.field(key, value);
        }
    };
    tenths("cspeed", m.current_speed);
    out.field("cdir", unsigned{m.current_direction});
    tenths("cspeed2", m.current2_speed);
    out.field("cdir2", unsigned{m.current2_direction});
    out.field("cdepth2", unsigned{m.current2_depth});
    tenths("cspeed3", m.current3_speed);
    out.field("cdir3", unsigned{m.current3_direction});
    out.field("cdepth3", unsigned{m.current3_depth});
    tenths("waveheight", m.wave_height);
    out.field("waveperiod", unsigned{m.wave_period});
    out.field("wavedir", unsigned{m.wave_direction});
    tenths("swellheight", m.swell_height);
    out.field("swellperiod", unsigned{m.swell_period});
    out.field("swelldir", unsigned{m.swell_direction});
    out.field("seastate", unsigned{m.sea_state});
}

void write_app(JsonWriter& out, const decoding::broadcast::MetHydro236& m, Scaling scaling) {
    // IMO236 offsets: air temperature -60.0 °C, dew point -20.0 °C, pressure 800 hPa, water level
    // -10.0 m, water temperature -10.0 °C.
    const bool scaled = scaling == Scaling::scaled;
    write_position(out, "lat", m.lat, "lon", m.lon, minutes_1000_per_degree, scaling);
    write_time_and_wind(out, m);
    if (scaled) {
        out.field_ratio("airtemp", m.air_temperature - 600, 10, 1);
        out.field_ratio("dewpoint", m.dew_point - 200, 10, 1);
        out.field("pressure", m.pressure + 800U);
        out.field("pressuretend", trend_texts[m.pressure_tendency & 3U]);
        out.field_ratio("visibility", m.visibility, 10, 1);
        out.field_ratio("waterlevel", m.water_level - 100, 10, 1);
        out.field("leveltrend", trend_texts[m.level_trend & 3U]);
    } else {
        out.field("airtemp", int{m.air_temperature});
        out.field("dewpoint", int{m.dew_point});
        out.field("pressure", unsigned{m.pressure});
        out.field("pressuretend", unsigned{m.pressure_tendency});
        out.field("visibility", unsigned{m.visibility});
        out.field("waterlevel", unsigned{m.water_level});
        out.field("leveltrend", unsigned{m.level_trend});
    }
    write_currents_and_sea(out, m, scaling);
    if (scaled) {
        out.field_ratio("watertemp", m.water_temperature - 100, 10, 1);
    } else {
        out.field("watertemp", int{m.water_temperature});
    }
    out.field("preciptype", unsigned{m.precipitation_type});
    out.field("preciptype_text", precipitation_texts[m.precipitation_type & 7U]);
    if (scaled) {
        out.field_ratio("salinity", m.salinity, 10, 1);
    } else {
        out.field("salinity", unsigned{m.salinity});
    }
    out.field("ice", unsigned{m.ice});
    out.field("ice_text", ice_texts[m.ice & 3U]);
}

void write_app(JsonWriter& out, const decoding::broadcast::MetHydro289& m, Scaling scaling) {
    // IMO289: signed temperatures in 0.1 °C, pressure offset 799 hPa, water level (value - 1000) cm.
    // gpsd prints precipitation and ice as bare text when scaled and as bare codes when unscaled.
    const bool scaled = scaling == Scaling::scaled;
    write_position(out, "lat", m.lat, "lon", m.lon, minutes_1000_per_degree, scaling);
    out.field("accuracy", m.accuracy);
    write_time_and_wind(out, m);
    if (scaled) {
        out.field_ratio("airtemp", m.air_temperature, 10, 1);
        out.field_ratio("dewpoint", m.dew_point, 10, 1);
        out.field("pressure", m.pressure + 799U);
        out.field("pressuretend", trend_texts[m.pressure_tendency & 3U]);
        out.field("visgreater", m.visibility_greater);
        out.field_ratio("visibility", m.visibility, 10, 1);
        // Binary rounding of the metre value, as printf does, so ties (x.x5) round like gpsd.
        out.field_fixed("waterlevel", (m.water_level - 1000) / 100.0, 1);
        out.field("leveltrend", trend_texts[m.level_trend & 3U]);
    } else {
        out.field("airtemp", int{m.air_temperature});
        out.field("dewpoint", int{m.dew_point});
        out.field("pressure", unsigned{m.pressure});
        out.field("pressuretend", unsigned{m.pressure_tendency});
        out.field("visgreater", m.visibility_greater);
        out.field("visibility", unsigned{m.visibility});
        out.field("waterlevel", unsigned{m.water_level});
        out.field("leveltrend", unsigned{m.level_trend});
    }
    write_currents_and_sea(out, m, scaling);
    if (scaled) {
        out.field_ratio("watertemp", m.water_temperature, 10, 1);
        out.field("preciptype", precipitation_texts[m.precipitation_type & 7U]);
        out.field_ratio("salinity", m.salinity, 10, 1);
        out.field("ice", ice_texts[m.ice & 3U]);
    } else {
        out.field("watertemp", int{m.water_temperature});
        out.field("preciptype", unsigned{m.precipitation_type});
        out.field("salinity", unsigned{m.salinity});
        out.field("ice", unsigned{m.ice});
    }
}

void write_app(JsonWriter& out, const decoding::broadcast::FairwayClosed& m, Scaling /*scaling*/) {
    out.field("reason", m.reason.view());
    out.field("closefrom", m.close_from.view());
    out.field("closeto", m.close_to.view());
    out.field("radius", unsigned{m.radius});
    out.field("extunit", unsigned{m.extent_unit});
    out.field("from", Stamp()
                          .number(m.from_month)
                          .separator('-')
                          .number(m.from_day)
                          .separator('T')
                          .number(m.from_hour)
                          .separator(':')
                          .number(m.from_minute)
                          .view());
    out.field("to", Stamp()
                        .number(m.to_month)
                        .separator('-')
                        .number(m.to_day)
                        .separator('T')
                        .number(m.to_hour)
                        .separator(':')
                        .number(m.to_minute)
                        .view());
}

void write_app(JsonWriter& out, const decoding::broadcast::ExtendedShipStatic& m, Scaling /*scaling*/) {
    out.field("airdraught", unsigned{m.air_draught});
}

void write_app(JsonWriter& out, const decoding::broadcast::PersonsOnBoard& m, Scaling /*scaling*/) {
    out.field("persons", unsigned{m.persons});
}

void write_app(JsonWriter& out, const decoding::broadcast::VtsTargets& m, Scaling scaling) {
    out.begin_array("targets");
    for (std::size_t i = 0; i < m.target_count; ++i) {
        const decoding::broadcast::VtsTargets::Target& t = m.targets[i];
        const std::string_view id_key = id_type_texts[t.id_type & 3U];
        out.begin_object();
        out.field("idtype", unsigned{t.id_type});
        out.field("idtype_text", id_key);
        if (t.id_type < 2) {
            // gpsd keeps the low 32 bits of the 42-bit field and prints them as a string.
            std::array<char, 12> digits{};
            const auto end =
                std::to_chars(digits.data(), digits.data() + digits.size(), static_cast<std::uint32_t>(t.id))
                    .ptr;
            out.field(id_key, std::string_view(digits.data(), static_cast<std::size_t>(end - digits.data())));
        } else {
            out.field(id_key, t.id_text.view());
        }
        write_position(out, "lat", t.lat, "lon", t.lon, minutes_1000_per_degree, scaling);
        out.field("course", unsigned{t.course});
        out.field("second", unsigned{t.second});
        out.field("speed", unsigned{t.speed});
        out.end_object();
    }
    out.end_array();
}

void write_app(JsonWriter& out, const decoding::broadcast::MarineTrafficSignal& m, Scaling /*scaling*/) {
    out.field("linkage", unsigned{m.linkage});
    out.field("station", m.station.view());
    // gpsd prints this position in degrees in both modes.
    out.field_ratio("lon", m.lon, minutes_1000_per_degree, position_decimals);
    out.field_ratio("lat", m.lat, minutes_1000_per_degree, position_decimals);
    out.field("status", unsigned{m.status});
    out.field("signal", unsigned{m.signal});
    out.field_raw("signal_text", signal_text_json(m.signal));
    out.field("hour", unsigned{m.hour});
    out.field("minute", unsigned{m.minute});
    out.field("nextsignal", unsigned{m.next_signal});
    out.field_raw("nextsignal_text", signal_text_json(m.next_signal));
}

void write_app(JsonWriter& out, const decoding::broadcast::RouteInformation& m, Scaling scaling) {
    out.field("linkage", unsigned{m.linkage});
    out.field("sender", unsigned{m.sender});
    out.field("rtype", unsigned{m.route_type});
    out.field("rtype_text", route_type_text(m.route_type));
    out.field("start", Stamp()
                           .number(m.month)
                           .separator('-')
                           .number(m.day)
                           .separator('T')
                           .number(m.hour)
                           .separator(':')
                           .number(m.minute)
                           .separator('Z')
                           .view());
    out.field("duration", unsigned{m.duration});
    out.begin_array("waypoints");
    for (std::size_t i = 0; i < m.waypoint_count; ++i) {
        out.begin_object();
        write_position(out, "lon", m.waypoints[i].lon, "lat", m.waypoints[i].lat, minutes_10000_per_degree,
                       scaling);
        out.end_object();
    }
    out.end_array();
}

void write_app(JsonWriter& out, const decoding::broadcast::TextDescription& m, Scaling /*scaling*/) {
    out.field("linkage", unsigned{m.linkage});
    out.field("text", m.text.view());
}

void write_app(JsonWriter& out, const decoding::broadcast::InlandShipStatic& m, Scaling /*scaling*/) {
    out.field("vin", m.vin.view());
    out.field("length", unsigned{m.length});
    out.field("beam", unsigned{m.beam});
    out.field("shiptype", unsigned{m.ship_type});
    out.field("shiptype_text", inland_ship_type_text(m.ship_type));
    out.field("hazard", unsigned{m.hazard});
    out.field("hazard_text", lookup(hazard_texts, m.hazard, "INVALID HAZARD TYPE"));
    out.field("draught", unsigned{m.draught});
    out.field("loaded", unsigned{m.loaded});
    out.field("loaded_text", lookup(loaded_texts, m.loaded, "INVALID LOAD STATUS"));
    out.field("speed_q", m.speed_quality);
    out.field("course_q", m.course_quality);
    out.field("heading_q", m.heading_quality);
}

void write_app(JsonWriter& out, const decoding::broadcast::EmmaWarning& m, Scaling scaling) {
    // gpsd passes the start fields to its format in the wrong order (month, hour, minute, day);
    // this writes year-month-dayThour:minute, the order its format string describes.
    const auto stamp = [](unsigned year, unsigned month, unsigned day, unsigned hour, unsigned minute) {
        return Stamp()
            .number(year + 2000, 4)
            .separator('-')
            .number(month)
            .separator('-')
            .number(day)
            .separator('T')
            .number(hour)
            .separator(':')
            .number(minute);
    };
    out.field("start", stamp(m.start_year, m.start_month, m.start_day, m.start_hour, m.start_minute).view());
    out.field("end", stamp(m.end_year, m.end_month, m.end_day, m.end_hour, m.end_minute).view());
    write_position(out, "start_lon", m.start_lon, "start_lat", m.start_lat, minutes_10000_per_degree,
                   scaling);
    write_position(out, "end_lon", m.end_lon, "end_lat", m.end_lat, minutes_10000_per_degree, scaling);
    out.field("type", unsigned{m.type});
    out.field("type_text", lookup(emma_type_texts, m.type, "INVALID EMMA TYPE"));
    out.field("min", int{m.min});
    out.field("max", int{m.max});
    out.field("class", unsigned{m.intensity});
    out.field("class_text", lookup(emma_class_texts, m.intensity, "INVALID EMMA TYPE"));
    out.field("wind", unsigned{m.wind});
    out.field("wind_text", lookup(emma_wind_texts, m.wind, "INVALID EMMA WIND DIRECTION"));
}

void write_app(JsonWriter& out, const decoding::broadcast::WaterLevels& m, Scaling /*scaling*/) {
    out.field("country", m.country.view());
    out.begin_array("gauges");
    for (std::size_t i = 0; i < m.gauge_count; ++i) {
        out.begin_object();
        out.field("id", unsigned{m.gauges[i].id});
        out.field("level", int{m.gauges[i].level});
        out.end_object();
    }
    out.end_array();
}

void write_app(JsonWriter& out, const decoding::broadcast::SignalStatus& m, Scaling scaling) {
    write_position(out, "lon", m.lon, "lat", m.lat, minutes_10000_per_degree, scaling);
    out.field("form", unsigned{m.form});
    out.field("facing", unsigned{m.facing});
    out.field("direction", unsigned{m.direction});
    out.field("direction_text", lookup(direction_texts, m.direction, "INVALID DIRECTION"));
    out.field("status", unsigned{m.status});
    out.field("status_text", lookup(light_status_texts, m.status, "INVALID STATUS"));
}

void write_app(JsonWriter& out, const decoding::RawApplicationData& m, Scaling /*scaling*/) {
    write_raw_data(out, m);
}

} // namespace

void write_application(JsonWriter& out, const BroadcastApplication& app, Scaling scaling) {
    std::visit([&](const auto& m) { write_app(out, m, scaling); }, app);
}

} // namespace sagar::output::detail
