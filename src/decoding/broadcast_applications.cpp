// Type 8 application messages (DAC/FI pairs). Offsets below are relative to `start`, the first bit
// after the FI field (bit 56 of a type 8 message). A pair whose payload is too short for the fields
// gpsd prints is kept raw: gpsd would print the unsent fields as zeros, which is not data.

#include "application_reader.hpp"
#include "decoders.hpp"

#include <algorithm>
#include <optional>

namespace sagar::decoding::detail {

namespace {

using namespace broadcast; // the structs this file fills

// Application data lengths (bits after the FI field) up to the last field gpsd decodes; trailing
// spare bits are not required.
constexpr std::size_t met_hydro_236_bits = 290;
constexpr std::size_t fairway_closed_bits = 412;
constexpr std::size_t extended_ship_static_bits = 11;
constexpr std::size_t persons_289_bits = 136; // gpsd tells the two layouts apart by exact length
constexpr std::size_t persons_236_bits = 16;
constexpr std::size_t persons_236_padded_bits = 72;
constexpr std::size_t vts_target_bits = 122;
constexpr std::size_t traffic_signal_bits = 202;
constexpr std::size_t route_header_bits = 61;
constexpr std::size_t route_waypoint_bits = 55;
constexpr std::size_t text_description_header_bits = 10;
constexpr std::size_t met_hydro_289_bits = 294;
// The inland (DAC 200) messages have fixed lengths; gpsd decodes them only at exactly that length
// (a different length is more likely another message under the same DAC/FI than a truncation).
constexpr std::size_t inland_ship_static_bits = 168 - 56;
constexpr std::size_t emma_warning_bits = 256 - 56;
constexpr std::size_t water_levels_bits = 168 - 56;
constexpr std::size_t signal_status_bits = 168 - 56;

void read_currents_and_sea(const ApplicationReader& r, std::size_t o, MetHydroObservation& m) noexcept {
    // Same widths in both layouts from the surface current to the sea state: o is the offset of the
    // surface current speed.
    m.current_speed = r.u<std::uint8_t>(o, 8);
    m.current_direction = r.u<std::uint16_t>(o + 8, 9);
    m.current2_speed = r.u<std::uint8_t>(o + 17, 8);
    m.current2_direction = r.u<std::uint16_t>(o + 25, 9);
    m.current2_depth = r.u<std::uint8_t>(o + 34, 5);
    m.current3_speed = r.u<std::uint8_t>(o + 39, 8);
    m.current3_direction = r.u<std::uint16_t>(o + 47, 9);
    m.current3_depth = r.u<std::uint8_t>(o + 56, 5);
    m.wave_height = r.u<std::uint8_t>(o + 61, 8);
    m.wave_period = r.u<std::uint8_t>(o + 69, 6);
    m.wave_direction = r.u<std::uint16_t>(o + 75, 9);
    m.swell_height = r.u<std::uint8_t>(o + 84, 8);
    m.swell_period = r.u<std::uint8_t>(o + 92, 6);
    m.swell_direction = r.u<std::uint16_t>(o + 98, 9);
    m.sea_state = r.u<std::uint8_t>(o + 107, 4);
}

MetHydro236 decode_met_hydro_236(const ApplicationReader& r) noexcept {
    MetHydro236 m;
    m.lat = r.s<std::int32_t>(0, 24);
    m.lon = r.s<std::int32_t>(24, 25);
    m.day = r.u<std::uint8_t>(49, 5);
    m.hour = r.u<std::uint8_t>(54, 5);
    m.minute = r.u<std::uint8_t>(59, 6);
    m.wind_speed = r.u<std::uint8_t>(65, 7);
    m.wind_gust = r.u<std::uint8_t>(72, 7);
    m.wind_direction = r.u<std::uint16_t>(79, 9);
    m.gust_direction = r.u<std::uint16_t>(88, 9);
    m.air_temperature = r.u<std::int16_t>(97, 11);
    m.humidity = r.u<std::uint8_t>(108, 7);
    m.dew_point = r.u<std::int16_t>(115, 10);
    m.pressure = r.u<std::uint16_t>(125, 9);
    m.pressure_tendency = r.u<std::uint8_t>(134, 2);
    m.visibility = r.u<std::uint8_t>(136, 8);
    m.water_level = r.u<std::uint16_t>(144, 9);
    m.level_trend = r.u<std::uint8_t>(153, 2);
    read_currents_and_sea(r, 155, m);
    m.water_temperature = r.u<std::int16_t>(266, 10);
    m.precipitation_type = r.u<std::uint8_t>(276, 3);
    m.salinity = r.u<std::uint16_t>(279, 9);
    m.ice = r.u<std::uint8_t>(288, 2);
    return m;
}

MetHydro289 decode_met_hydro_289(const ApplicationReader& r) noexcept {
    MetHydro289 m;
    m.lon = r.s<std::int32_t>(0, 25);
    m.lat = r.s<std::int32_t>(25, 24);
    m.accuracy = r.flag(49);
    m.day = r.u<std::uint8_t>(50, 5);
    m.hour = r.u<std::uint8_t>(55, 5);
    m.minute = r.u<std::uint8_t>(60, 6);
    m.wind_speed = r.u<std::uint8_t>(66, 7);
    m.wind_gust = r.u<std::uint8_t>(73, 7);
    m.wind_direction = r.u<std::uint16_t>(80, 9);
    m.gust_direction = r.u<std::uint16_t>(89, 9);
    m.air_temperature = r.s<std::int16_t>(98, 11);
    m.humidity = r.u<std::uint8_t>(109, 7);
    m.dew_point = r.s<std::int16_t>(116, 10);
    m.pressure = r.u<std::uint16_t>(126, 9);
    m.pressure_tendency = r.u<std::uint8_t>(135, 2);
    m.visibility_greater = r.flag(137);
    m.visibility = r.u<std::uint8_t>(138, 7);
    m.water_level = r.u<std::uint16_t>(145, 12);
    m.level_trend = r.u<std::uint8_t>(157, 2);
    read_currents_and_sea(r, 159, m);
    m.water_temperature = r.s<std::int16_t>(270, 10);
    m.precipitation_type = r.u<std::uint8_t>(280, 3);
    m.salinity = r.u<std::uint16_t>(283, 9);
    m.ice = r.u<std::uint8_t>(292, 2);
    return m;
}

FairwayClosed decode_fairway_closed(const ApplicationReader& r) noexcept {
    FairwayClosed m;
    r.text(0, 20, m.reason);
    r.text(120, 20, m.close_from);
    r.text(240, 20, m.close_to);
    m.radius = r.u<std::uint16_t>(360, 10);
    m.extent_unit = r.u<std::uint8_t>(370, 2);
    m.from_day = r.u<std::uint8_t>(372, 5);
    m.from_month = r.u<std::uint8_t>(377, 4);
    m.from_hour = r.u<std::uint8_t>(381, 5);
    m.from_minute = r.u<std::uint8_t>(386, 6);
    m.to_day = r.u<std::uint8_t>(392, 5);
    m.to_month = r.u<std::uint8_t>(397, 4);
    m.to_hour = r.u<std::uint8_t>(401, 5);
    m.to_minute = r.u<std::uint8_t>(406, 6);
    return m;
}

VtsTargets decode_vts_targets(const ApplicationReader& r) noexcept {
    VtsTargets m;
    // Only complete targets: gpsd's loop also emits an all-zero target when the data ends exactly
    // on a target boundary, which was never transmitted.
    const std::size_t count = std::min(r.size() / vts_target_bits, VtsTargets::max_targets);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t o = i * vts_target_bits;
        VtsTargets::Target& t = m.targets[i];
        t.id_type = r.u<std::uint8_t>(o, 2);
        t.id = r.u<std::uint64_t>(o + 2, 42);
        r.text(o + 2, 7, t.id_text);
        t.lat = r.s<std::int32_t>(o + 48, 24);
        t.lon = r.s<std::int32_t>(o + 72, 25);
        t.course = r.u<std::uint16_t>(o + 97, 9);
        t.second = r.u<std::uint8_t>(o + 106, 6);
        t.speed = r.u<std::uint16_t>(o + 112, 10);
    }
    m.target_count = static_cast<std::uint8_t>(count);
    return m;
}

MarineTrafficSignal decode_traffic_signal(const ApplicationReader& r) noexcept {
    MarineTrafficSignal m;
    m.linkage = r.u<std::uint16_t>(0, 10);
    r.text(10, 20, m.station);
    m.lon = r.s<std::int32_t>(130, 25);
    m.lat = r.s<std::int32_t>(155, 24);
    m.status = r.u<std::uint8_t>(179, 2);
    m.signal = r.u<std::uint8_t>(181, 5);
    m.hour = r.u<std::uint8_t>(186, 5);
    m.minute = r.u<std::uint8_t>(191, 6);
    m.next_signal = r.u<std::uint8_t>(197, 5);
    return m;
}

RouteInformation decode_route(const ApplicationReader& r) noexcept {
    RouteInformation m;
    m.linkage = r.u<std::uint16_t>(0, 10);
    m.sender = r.u<std::uint8_t>(10, 3);
    m.route_type = r.u<std::uint8_t>(13, 5);
    m.month = r.u<std::uint8_t>(18, 4);
    m.day = r.u<std::uint8_t>(22, 5);
    m.hour = r.u<std::uint8_t>(27, 5);
    m.minute = r.u<std::uint8_t>(32, 6);
    m.duration = r.u<std::uint32_t>(38, 18);
    m.waypoint_count = r.u<std::uint8_t>(56, 5);
    for (std::size_t i = 0; i < m.waypoint_count; ++i) {
        const std::size_t o = route_header_bits + i * route_waypoint_bits;
        m.waypoints[i].lon = r.s<std::int32_t>(o, 28);
        m.waypoints[i].lat = r.s<std::int32_t>(o + 28, 27);
    }
    return m;
}

std::optional<BroadcastApplication> decode_dac1(unsigned fi, const ApplicationReader& r) noexcept {
    const std::size_t n = r.size();
    switch (fi) {
    case 11:
        if (n >= met_hydro_236_bits) {
            return decode_met_hydro_236(r);
        }
        break;
    case 13:
        if (n >= fairway_closed_bits) {
            return decode_fairway_closed(r);
        }
        break;
    case 15:
        if (n >= extended_ship_static_bits) {
            return ExtendedShipStatic{r.u<std::uint16_t>(0, 11)};
        }
        break;
    case 16:
        if (n == persons_289_bits) {
            return PersonsOnBoard{r.u<std::uint16_t>(32, 13)};
        }
        // IMO236 layout: 13-bit count then 3 spare bits. gpsd also takes it when 72 bits follow the
        // FI, but reads the count one bit early (from bit 55); this reads it where IMO236 puts it.
        if (n == persons_236_bits || n == persons_236_padded_bits) {
            return PersonsOnBoard{r.u<std::uint16_t>(0, 13)};
        }
        break;
    case 17:
        if (n >= vts_target_bits) {
            return decode_vts_targets(r);
        }
        break;
    case 19:
        if (n >= traffic_signal_bits) {
            return decode_traffic_signal(r);
        }
        break;
    case 27:
        if (n >= route_header_bits &&
            n >= route_header_bits + r.u<std::size_t>(56, 5) * route_waypoint_bits) {
            return decode_route(r);
        }
        break;
    case 29:
        if (n >= text_description_header_bits) {
            TextDescription m;
            m.linkage = r.u<std::uint16_t>(0, 10);
            r.text(10, (n - text_description_header_bits) / 6, m.text);
            return m;
        }
        break;
    case 31:
        if (n >= met_hydro_289_bits) {
            return decode_met_hydro_289(r);
        }
        break;
    default:
        break;
    }
    return std::nullopt;
}

std::optional<BroadcastApplication> decode_dac200(unsigned fi, const ApplicationReader& r) noexcept {
    const std::size_t n = r.size();
    switch (fi) {
    case 10:
        if (n == inland_ship_static_bits) {
            InlandShipStatic m;
            r.text(0, 8, m.vin);
            m.length = r.u<std::uint16_t>(48, 13);
            m.beam = r.u<std::uint16_t>(61, 10);
            m.ship_type = r.u<std::uint16_t>(71, 14);
            m.hazard = r.u<std::uint8_t>(85, 3);
            m.draught = r.u<std::uint16_t>(88, 11);
            m.loaded = r.u<std::uint8_t>(99, 2);
            m.speed_quality = r.flag(101);
            m.course_quality = r.flag(102);
            m.heading_quality = r.flag(103);
            // gpsd's guard against other messages sent under 200/10: an undefined hazard code.
            if (m.hazard <= InlandShipStatic::hazard_unknown) {
                return m;
            }
        }
        break;
    case 23:
        if (n == emma_warning_bits) {
            EmmaWarning m;
            m.start_year = r.u<std::uint8_t>(0, 8);
            m.start_month = r.u<std::uint8_t>(8, 4);
            m.start_day = r.u<std::uint8_t>(12, 5);
            m.end_year = r.u<std::uint8_t>(17, 8);
            m.end_month = r.u<std::uint8_t>(25, 4);
            m.end_day = r.u<std::uint8_t>(29, 5);
            m.start_hour = r.u<std::uint8_t>(34, 5);
            m.start_minute = r.u<std::uint8_t>(39, 6);
            m.end_hour = r.u<std::uint8_t>(45, 5);
            m.end_minute = r.u<std::uint8_t>(50, 6);
            m.start_lon = r.s<std::int32_t>(56, 28);
            m.start_lat = r.s<std::int32_t>(84, 27);
            m.end_lon = r.s<std::int32_t>(111, 28);
            m.end_lat = r.s<std::int32_t>(139, 27);
            m.type = r.u<std::uint8_t>(166, 4);
            m.min = r.s<std::int16_t>(170, 9);
            m.max = r.s<std::int16_t>(179, 9);
            m.intensity = r.u<std::uint8_t>(188, 2);
            m.wind = r.u<std::uint8_t>(190, 4);
            return m;
        }
        break;
    case 24:
        if (n == water_levels_bits) {
            WaterLevels m;
            r.text(0, 2, m.country);
            for (std::size_t i = 0; i < WaterLevels::max_gauges; ++i) {
                m.gauges[i].id = r.u<std::uint16_t>(12 + 25 * i, 11);
                m.gauges[i].level = r.s<std::int16_t>(12 + 25 * i + 11, 14);
            }
            m.gauge_count = WaterLevels::max_gauges;
            return m;
        }
        break;
    case 40:
        if (n == signal_status_bits) {
            SignalStatus m;
            m.lon = r.s<std::int32_t>(0, 28);
            m.lat = r.s<std::int32_t>(28, 27);
            m.form = r.u<std::uint8_t>(55, 4);
            m.facing = r.u<std::uint16_t>(59, 9);
            m.direction = r.u<std::uint8_t>(68, 3);
            m.status = r.u<std::uint32_t>(71, 30);
            return m;
        }
        break;
    default:
        break;
    }
    return std::nullopt;
}

} // namespace

BroadcastApplication decode_broadcast_application(unsigned dac, unsigned fi, const Bits& bits,
                                                  std::size_t start) {
    const ApplicationReader reader(bits, start);
    std::optional<BroadcastApplication> app;
    if (dac == 1) {
        app = decode_dac1(fi, reader);
    } else if (dac == 200) {
        app = decode_dac200(fi, reader);
    }
    if (!app) {
        return raw_application_data(bits, start);
    }
    return *app;
}

} // namespace sagar::decoding::detail
