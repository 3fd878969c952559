#include "application_reader.hpp"
#include "decoders.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace sagar::decoding::detail {

namespace {

using namespace addressed;

// gpsd decodes the DAC 1 applications whatever their length, reading missing bits as zero (real
// messages are often shorter than their layout, and the gpsd corpus has several), so these decoders
// do too. Repeated groups count every group that starts inside the message, as gpsd does.

DangerousCargoImo236 dangerous_cargo_imo236(const ApplicationReader& r) {
    DangerousCargoImo236 a;
    r.text_zero_filled(0, 5, a.last_port);
    a.departure = r.time(30);
    r.text_zero_filled(50, 5, a.next_port);
    a.eta = r.time(80);
    r.text_zero_filled(100, 20, a.main_dangerous_good);
    r.text_zero_filled(220, 4, a.imd_category);
    a.un_number = r.u<std::uint16_t>(244, 13);
    a.amount = r.u<std::uint16_t>(257, 10);
    a.unit = r.u<std::uint8_t>(267, 2);
    return a;
}

/// Number of `element_bits` groups from `base`: gpsd also counts a group that starts exactly at the end.
std::uint8_t group_count(std::size_t size, std::size_t base, std::size_t element_bits, std::size_t max) {
    if (size < base) {
        return 0;
    }
    return static_cast<std::uint8_t>(std::min((size - base) / element_bits + 1, max));
}

constexpr std::size_t tidal_base = 9;

TidalWindowImo236 tidal_window_imo236(const ApplicationReader& r) {
    constexpr std::size_t element_bits = 93;
    TidalWindowImo236 a;
    a.month = r.u<std::uint8_t>(0, 4);
    a.day = r.u<std::uint8_t>(4, 5);
    a.count = group_count(r.size(), tidal_base, element_bits, TidalWindow::max_predictions);
    for (std::size_t i = 0; i < a.count; ++i) {
        const std::size_t at = tidal_base + element_bits * i;
        TidalPrediction& p = a.predictions[i];
        p.lat = r.s<std::int32_t>(at, 27);
        p.lon = r.s<std::int32_t>(at + 27, 28);
        p.from_hour = r.u<std::uint8_t>(at + 55, 5);
        p.from_minute = r.u<std::uint8_t>(at + 60, 6);
        p.to_hour = r.u<std::uint8_t>(at + 66, 5);
        p.to_minute = r.u<std::uint8_t>(at + 71, 6);
        p.current_direction = r.u<std::uint16_t>(at + 77, 9);
        p.current_speed = r.u<std::uint8_t>(at + 86, 7);
    }
    return a;
}

TidalWindowImo289 tidal_window_imo289(const ApplicationReader& r) {
    constexpr std::size_t element_bits = 88;
    TidalWindowImo289 a;
    a.month = r.u<std::uint8_t>(0, 4);
    a.day = r.u<std::uint8_t>(4, 5);
    a.count = group_count(r.size(), tidal_base, element_bits, TidalWindow::max_predictions);
    for (std::size_t i = 0; i < a.count; ++i) {
        const std::size_t at = tidal_base + element_bits * i;
        TidalPrediction& p = a.predictions[i];
        p.lon = r.s<std::int32_t>(at, 25);
        p.lat = r.s<std::int32_t>(at + 25, 24);
        p.from_hour = r.u<std::uint8_t>(at + 49, 5);
        p.from_minute = r.u<std::uint8_t>(at + 54, 6);
        p.to_hour = r.u<std::uint8_t>(at + 60, 5);
        p.to_minute = r.u<std::uint8_t>(at + 65, 6);
        p.current_direction = r.u<std::uint16_t>(at + 71, 9);
        p.current_speed = r.u<std::uint8_t>(at + 80, 8);
    }
    return a;
}

ClearanceTimeToEnterPort clearance_time(const ApplicationReader& r) {
    ClearanceTimeToEnterPort a;
    a.linkage = r.u<std::uint16_t>(0, 10);
    a.time = r.time(10);
    r.text_zero_filled(30, 20, a.port_and_berth);
    r.text_zero_filled(150, 5, a.destination);
    a.position = MilliMinutePosition{r.s<std::int32_t>(180, 25), r.s<std::int32_t>(205, 24)};
    return a;
}

BerthingData berthing_data(const ApplicationReader& r) {
    constexpr std::size_t services_start = 51;
    BerthingData a;
    a.linkage = r.u<std::uint16_t>(0, 10);
    a.berth_length = r.u<std::uint16_t>(10, 9);
    a.berth_depth = r.u<std::uint8_t>(19, 8);
    a.mooring_position = r.u<std::uint8_t>(27, 3);
    a.time = r.time(30);
    a.services_known = r.flag(50);
    for (std::size_t i = 0; i < BerthingData::service_count; ++i) {
        a.services[i] = r.u<std::uint8_t>(services_start + 2 * i, 2);
    }
    r.text_zero_filled(103, 20, a.berth_name);
    a.berth_position = MilliMinutePosition{r.s<std::int32_t>(223, 25), r.s<std::int32_t>(248, 24)};
    return a;
}

DangerousCargoImo289 dangerous_cargo_imo289(const ApplicationReader& r) {
    constexpr std::size_t cargo_base = 12;
    constexpr std::size_t cargo_bits = 17;
    DangerousCargoImo289 a;
    a.unit = r.u<std::uint8_t>(0, 2);
    a.amount = r.u<std::uint16_t>(2, 10);
    // A partial last cargo counts, as in gpsd (which counts groups starting before the end).
    const std::size_t size = r.size();
    const std::size_t count = size > cargo_base ? (size - cargo_base + cargo_bits - 1) / cargo_bits : 0;
    a.count = static_cast<std::uint8_t>(std::min(count, DangerousCargoImo289::max_cargos));
    for (std::size_t i = 0; i < a.count; ++i) {
        const std::size_t at = cargo_base + cargo_bits * i;
        a.cargos[i] = Cargo{r.u<std::uint8_t>(at, 4), r.u<std::uint16_t>(at + 4, 13)};
    }
    return a;
}

RouteInformation route_information(const ApplicationReader& r) {
    constexpr std::size_t waypoint_base = 61;
    constexpr std::size_t waypoint_bits = 55;
    RouteInformation a;
    a.linkage = r.u<std::uint16_t>(0, 10);
    a.sender = r.u<std::uint8_t>(10, 3);
    a.route_type = r.u<std::uint8_t>(13, 5);
    a.start = r.time(18);
    a.duration = r.u<std::uint32_t>(38, 18);
    a.waypoint_count = r.u<std::uint8_t>(56, 5);
    for (std::size_t i = 0; i < a.waypoint_count; ++i) {
        const std::size_t at = waypoint_base + waypoint_bits * i;
        a.waypoints[i] =
            TenThousandthMinutePosition{r.s<std::int32_t>(at, 28), r.s<std::int32_t>(at + 28, 27)};
    }
    return a;
}

TextDescription text_description(const ApplicationReader& r) {
    constexpr std::size_t text_start = 10;
    TextDescription a;
    a.linkage = r.u<std::uint16_t>(0, 10);
    if (r.size() > text_start) {
        r.text_zero_filled(text_start, (r.size() - text_start) / 6, a.text);
    }
    return a;
}

InlandLock inland_lock(const ApplicationReader& r) {
    InlandLock l;
    r.text_zero_filled(0, 2, l.country);
    r.text_zero_filled(12, 3, l.locode);
    r.text_zero_filled(30, 5, l.section);
    r.text_zero_filled(60, 5, l.terminal);
    r.text_zero_filled(90, 5, l.hectometre);
    return l;
}

// The inland and GLA applications are decoded only at their exact length, like gpsd: these pairs are
// also used by other layouts in the wild, and the length is the only check available.
constexpr std::size_t inland_eta_bits = 248 - 88;
constexpr std::size_t inland_rta_bits = 232 - 88;
constexpr std::size_t inland_persons_bits = 168 - 88;
constexpr std::size_t aton_monitoring_bits = 136 - 88;

AddressedApplication inland_application(unsigned fi, const ApplicationReader& r) {
    if (fi == 21 && r.size() == inland_eta_bits) {
        InlandEta a;
        a.location = inland_lock(r);
        a.eta = r.time(120);
        a.tugs = r.u<std::uint8_t>(140, 3);
        a.air_draught = r.u<std::uint16_t>(143, 12);
        return a;
    }
    if (fi == 22 && r.size() == inland_rta_bits) {
        InlandRta a;
        a.location = inland_lock(r);
        a.rta = r.time(120);
        a.status = r.u<std::uint8_t>(140, 2);
        return a;
    }
    if (fi == 55 && r.size() == inland_persons_bits) {
        return InlandPersonsOnBoard{r.u<std::uint8_t>(0, 8), r.u<std::uint16_t>(8, 13),
                                    r.u<std::uint8_t>(21, 8)};
    }
    return RawApplicationData{};
}

AddressedApplication international_application(unsigned fi, const ApplicationReader& r) {
    switch (fi) {
    case 12:
        return dangerous_cargo_imo236(r);
    case 14:
        return tidal_window_imo236(r);
    case 15:
        // gpsd reads the air draught at bit 56 (its type 8 offset, inside the destination MMSI
        // here); sagar reads it right after the FI, where the addressed layout has it.
        return AirDraught{r.u<std::uint16_t>(0, 11)};
    case 16:
        // gpsd reads bit 55 (inside the destination MMSI) unless the data alone are 136 bits long;
        // IMO289 puts the count right after the FI, and so does sagar for every length.
        return PersonsOnBoard{r.u<std::uint16_t>(0, 13)};
    case 18:
        return clearance_time(r);
    case 20:
        return berthing_data(r);
    case 25:
        return dangerous_cargo_imo289(r);
    case 28:
        return route_information(r);
    case 30:
        return text_description(r);
    case 32:
        return tidal_window_imo289(r);
    default:
        // FI 23 (area notice) included: gpsd leaves it undecoded.
        return RawApplicationData{};
    }
}

} // namespace

AddressedApplication decode_addressed_application(unsigned dac, unsigned fi, const Bits& bits,
                                                  std::size_t start) {
    const ApplicationReader r(bits, start);
    AddressedApplication app;
    if (dac == 1) {
        app = international_application(fi, r);
    } else if (dac == 200) {
        app = inland_application(fi, r);
    } else if ((dac == 235 || dac == 250) && fi == 10 && r.size() == aton_monitoring_bits) {
        AtonMonitoring a;
        a.analogue_internal = r.u<std::uint16_t>(0, 10);
        a.analogue_external1 = r.u<std::uint16_t>(10, 10);
        a.analogue_external2 = r.u<std::uint16_t>(20, 10);
        a.racon = r.u<std::uint8_t>(30, 2);
        a.light = r.u<std::uint8_t>(32, 2);
        a.alarm = r.flag(34);
        a.status_external = r.u<std::uint8_t>(35, 8);
        a.off_position = r.flag(43);
        app = a;
    }
    if (std::holds_alternative<RawApplicationData>(app)) {
        app = raw_application_data(bits, start);
    }
    return app;
}

} // namespace sagar::decoding::detail
