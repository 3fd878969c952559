#include <sagar/encoding/messages.hpp>

#include <cmath>

namespace sagar::encoding {

namespace {

void write_dimensions(const Dimensions& d, BitWriter& w) noexcept {
    w.u(d.to_bow, 9).u(d.to_stern, 9).u(d.to_port, 6).u(d.to_starboard, 6);
}

} // namespace

std::int32_t to_wire_degrees(double degrees) noexcept {
    return static_cast<std::int32_t>(std::lround(degrees * 600000.0));
}

void encode(const ClassAPosition& m, BitWriter& out) noexcept {
    out = BitWriter{};
    out.header(m.type, m.repeat, m.mmsi)
        .u(m.status, 4)
        .s(m.turn, 8)
        .u(m.speed, 10)
        .flag(m.accuracy)
        .s(m.lon, 28)
        .s(m.lat, 27)
        .u(m.course, 12)
        .u(m.heading, 9)
        .u(m.second, 6)
        .u(m.maneuver, 2)
        .u(0, 3)
        .flag(m.raim)
        .u(m.radio, 19);
}

void encode(const StaticVoyage& m, BitWriter& out) noexcept {
    out = BitWriter{};
    out.header(5, m.repeat, m.mmsi).u(m.ais_version, 2).u(m.imo, 30).text(m.callsign, 7).text(m.shipname, 20);
    out.u(m.shiptype, 8);
    write_dimensions(m.dimensions, out);
    out.u(m.epfd, 4)
        .u(m.eta_month, 4)
        .u(m.eta_day, 5)
        .u(m.eta_hour, 5)
        .u(m.eta_minute, 6)
        .u(m.draught, 8)
        .text(m.destination, 20)
        .flag(m.dte)
        .u(0, 1);
}

void encode(const ClassBPosition& m, BitWriter& out) noexcept {
    out = BitWriter{};
    out.header(18, m.repeat, m.mmsi)
        .u(0, 8)
        .u(m.speed, 10)
        .flag(m.accuracy)
        .s(m.lon, 28)
        .s(m.lat, 27)
        .u(m.course, 12)
        .u(m.heading, 9)
        .u(m.second, 6)
        .u(0, 2)
        .flag(m.cs)
        .flag(m.display)
        .flag(m.dsc)
        .flag(m.band)
        .flag(m.msg22)
        .flag(m.assigned)
        .flag(m.raim)
        .u(m.radio, 20);
}

void encode(const ClassBStaticA& m, BitWriter& out) noexcept {
    out = BitWriter{};
    // 160 bits as ITU-R M.1371-5 defines part A (some transmitters pad to 168; both decode).
    out.header(24, m.repeat, m.mmsi).u(0, 2).text(m.shipname, 20);
}

void encode(const ClassBStaticB& m, BitWriter& out) noexcept {
    out = BitWriter{};
    out.header(24, m.repeat, m.mmsi)
        .u(1, 2)
        .u(m.shiptype, 8)
        .text(m.vendorid, 3)
        .u(m.model, 4)
        .u(m.serial, 20)
        .text(m.callsign, 7);
    if (m.mmsi / 10000000 == 98) {
        out.u(m.mothership_mmsi, 30);
    } else {
        write_dimensions(m.dimensions, out);
    }
    out.u(0, 6);
}

} // namespace sagar::encoding
