#include "geography.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace sagar::simulate {

namespace {

constexpr LatLon hormuz{25.0, 57.4};          // Gulf of Oman, off the Strait of Hormuz
constexpr LatLon bab_el_mandeb{12.35, 44.3};  // Gulf of Aden, east of the strait
constexpr LatLon cape{-35.5, 20.5};           // south of Cape Agulhas
constexpr LatLon dondra{5.55, 80.6};          // south of Dondra Head, Sri Lanka
constexpr LatLon malacca{2.95, 100.85};       // One Fathom Bank, Strait of Malacca
constexpr LatLon fremantle_off{-32.1, 115.2}; // west of Rottnest Island
constexpr LatLon nine_degree{9.1, 72.6};      // Nine Degree Channel, Lakshadweep
constexpr LatLon off_comorin{7.0, 77.6};      // south of Cape Comorin

constexpr std::array hormuz_dondra{hormuz,
                                   LatLon{24.0, 59.0},
                                   LatLon{22.7, 60.3},
                                   LatLon{18.0, 64.0},
                                   LatLon{12.0, 70.0},
                                   nine_degree,
                                   off_comorin,
                                   dondra};
constexpr std::array hormuz_dondra_open{OpenStretch{3, 0.05, 0.95}};

// South of Socotra through the Guardafui channel (between Cape Guardafui and Abd al Kuri).
constexpr std::array bab_dondra{bab_el_mandeb,       LatLon{12.6, 47.0}, LatLon{12.35, 50.5},
                                LatLon{12.05, 51.7}, LatLon{11.4, 53.5}, LatLon{10.0, 60.0},
                                nine_degree,         off_comorin,        dondra};
constexpr std::array bab_dondra_open{OpenStretch{5, 0.05, 0.75}};

// North of Sumatra through the Great Channel, between Great Nicobar and Rondo island.
constexpr std::array dondra_malacca{
    dondra, LatLon{5.9, 85.0}, LatLon{6.3, 94.2}, LatLon{6.45, 95.5}, LatLon{5.9, 97.6}, LatLon{4.1, 99.6},
    malacca};
constexpr std::array dondra_malacca_open{OpenStretch{1, 0.05, 0.6}};

// South of Madagascar and Mauritius, through the Chagos protected area, west of the Maldives.
constexpr std::array cape_dondra{cape,
                                 LatLon{-36.0, 30.0},
                                 LatLon{-28.5, 47.0},
                                 LatLon{-23.5, 58.0},
                                 LatLon{-12.0, 70.0},
                                 LatLon{-4.0, 75.0},
                                 dondra};
constexpr std::array cape_dondra_open{OpenStretch{1, 0.05, 0.95}, OpenStretch{2, 0.05, 0.95},
                                      OpenStretch{3, 0.02, 0.3}, OpenStretch{3, 0.5, 0.85},
                                      OpenStretch{5, 0.1, 0.6}};

constexpr std::array fremantle_dondra{fremantle_off, LatLon{-30.0, 110.0}, LatLon{-12.0, 92.0},
                                      LatLon{0.0, 85.0}, dondra};
constexpr std::array fremantle_dondra_open{OpenStretch{1, 0.05, 0.95}, OpenStretch{2, 0.0, 1.0},
                                           OpenStretch{3, 0.0, 0.5}};

// Up the Mozambique Channel (west of Bassas da India and the Comoros), past the Somali basin.
constexpr std::array cape_hormuz{cape,
                                 LatLon{-34.5, 27.5},
                                 LatLon{-30.0, 32.0},
                                 LatLon{-24.0, 38.0},
                                 LatLon{-17.0, 41.0},
                                 LatLon{-12.0, 42.0},
                                 LatLon{-5.0, 44.0},
                                 LatLon{2.0, 52.0},
                                 LatLon{10.0, 58.0},
                                 LatLon{18.0, 60.5},
                                 LatLon{22.7, 60.3},
                                 LatLon{24.0, 59.0},
                                 hormuz};
constexpr std::array cape_hormuz_open{OpenStretch{6, 0.05, 0.95}, OpenStretch{7, 0.05, 0.2},
                                      OpenStretch{8, 0.05, 0.95}};

constexpr std::array lane_defs{
    LaneDef{"hormuz-dondra", hormuz_dondra, hormuz_dondra_open},
    LaneDef{"babelmandeb-dondra", bab_dondra, bab_dondra_open},
    LaneDef{"dondra-malacca", dondra_malacca, dondra_malacca_open},
    LaneDef{"cape-dondra", cape_dondra, cape_dondra_open},
    LaneDef{"fremantle-dondra", fremantle_dondra, fremantle_dondra_open},
    LaneDef{"cape-hormuz", cape_hormuz, cape_hormuz_open},
};

// Centres are the ports' published positions; berths and offings were picked at sea in Natural Earth.
constexpr std::array port_defs{
    PortDef{"Mumbai", {18.93, 72.85}, 6, {18.93, 72.85}, {18.675, 72.581}},
    PortDef{"Colombo", {6.95, 79.84}, 4, {6.95, 79.84}, {6.95, 79.478}},
    PortDef{"Singapore", {1.26, 103.82}, 8, {1.26, 103.82}, {0.984, 103.589}},
    PortDef{"Salalah", {16.94, 54.0}, 4, {16.9322, 54.0047}, {16.657, 54.246}},
    PortDef{"Jebel Ali", {25.01, 55.06}, 6, {25.0161, 55.0582}, {25.311, 54.83}},
    PortDef{"Mombasa", {-4.06, 39.66}, 4, {-4.06, 39.66}, {-4.24, 39.972}},
    PortDef{"Durban", {-29.87, 31.03}, 5, {-29.87, 31.03}, {-29.869, 31.445}},
    PortDef{"Fremantle", {-32.05, 115.74}, 4, {-32.05, 115.7283}, {-32.256, 115.38}},
    PortDef{"Chennai", {13.1, 80.3}, 4, {13.1, 80.3111}, {12.948, 80.646}},
    PortDef{"Karachi", {24.84, 66.98}, 5, {24.8374, 66.9695}, {24.483, 66.901}},
};

constexpr std::array grounds{
    FishingGround{"somali-basin", {6.0, 50.5}, 25, false},    // straddles the Somali closed box
    FishingGround{"gulf-of-mannar", {8.55, 79.4}, 12, false}, // straddles the Gulf of Mannar box
    FishingGround{"chagos-north", {-4.5, 71.0}, 25, false},   // on the MPA's northern edge
    FishingGround{"kerala-shelf", {9.5, 75.95}, 8, true},     // 20-30 nm off Kerala
    FishingGround{"arabian-sea", {14.0, 62.0}, 60, false},
    FishingGround{"bay-of-bengal", {12.0, 87.0}, 60, false},
};

constexpr std::array inland{
    LatLon{18.0, 77.0},   // Deccan plateau
    LatLon{21.5, 79.0},   // central India
    LatLon{23.0, 45.0},   // Najd, Saudi Arabia
    LatLon{-19.0, 46.5},  // Madagascar highlands
    LatLon{-25.0, 122.0}, // Western Australia
    LatLon{7.0, 45.0},    // Ogaden
};

std::vector<LatLon> box(double south, double west, double north, double east) {
    return {{south, west}, {south, east}, {north, east}, {north, west}};
}

} // namespace

Lane::Lane(const LaneDef& def)
    : m_name{def.name}
    , m_points(def.points.begin(), def.points.end()) {
    m_cumulative.push_back(0);
    for (std::size_t i = 1; i < m_points.size(); ++i) {
        m_cumulative.push_back(m_cumulative.back() + distance_m(m_points[i - 1], m_points[i]));
    }
    for (const OpenStretch& o : def.open) {
        const double leg = m_cumulative[o.leg + 1] - m_cumulative[o.leg];
        m_open.emplace_back(m_cumulative[o.leg] + o.from * leg, m_cumulative[o.leg] + o.to * leg);
    }
}

Lane::Point Lane::at(double s, double lateral) const noexcept {
    s = std::clamp(s, 0.0, length());
    std::size_t i = 0;
    while (i + 2 < m_points.size() && s > m_cumulative[i + 1]) {
        ++i;
    }
    const double leg = m_cumulative[i + 1] - m_cumulative[i];
    const double f = leg > 0 ? (s - m_cumulative[i]) / leg : 0;
    LatLon p = interpolate(m_points[i], m_points[i + 1], f);
    // Near the end of a leg the bearing to its end point degenerates; use the leg's start bearing there.
    const double bearing = f < 0.999
                               ? geo::initial_bearing_deg(p, m_points[i + 1])
                               : std::fmod(geo::initial_bearing_deg(m_points[i + 1], m_points[i]) + 180, 360);
    if (lateral != 0) {
        p = destination(p, bearing + 90, lateral);
    }
    return {p, bearing};
}

const std::vector<Lane>& lanes() {
    static const std::vector<Lane> all = [] {
        std::vector<Lane> out;
        out.reserve(lane_defs.size());
        for (const LaneDef& d : lane_defs) {
            out.emplace_back(d);
        }
        return out;
    }();
    return all;
}

std::span<const PortDef> ports() {
    return port_defs;
}

const std::vector<ZoneDef>& zones() {
    static const std::vector<ZoneDef> all{
        ZoneDef{"chagos-mpa", "Chagos Archipelago marine protected area", {box(-8.5, 70.0, -4.5, 73.8)}},
        ZoneDef{"somalia-closed",
                "Somali closed fishing areas",
                {box(4.0, 50.5, 8.0, 54.0), box(0.0, 47.0, 2.0, 49.0)}},
        ZoneDef{"gulf-of-mannar", "Gulf of Mannar marine reserve box", {box(8.2, 78.6, 8.9, 79.4)}},
    };
    return all;
}

std::span<const FishingGround> fishing_grounds() {
    return grounds;
}

std::span<const LatLon> inland_points() {
    return inland;
}

bool zone_contains(const ZoneDef& zone, LatLon p) noexcept {
    for (const auto& ring : zone.polygons) {
        bool inside = false;
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const LatLon a = ring[i];
            const LatLon b = ring[j];
            if ((a.lat > p.lat) != (b.lat > p.lat) &&
                p.lon < a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat)) {
                inside = !inside;
            }
        }
        if (inside) {
            return true;
        }
    }
    return false;
}

unsigned zone_mask(LatLon p) noexcept {
    unsigned mask = 0;
    const auto& all = zones();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (zone_contains(all[i], p)) {
            mask |= 1U << i;
        }
    }
    return mask;
}

int port_at(LatLon p, double extra_m) noexcept {
    int best = -1;
    double best_d = 0;
    for (std::size_t i = 0; i < port_defs.size(); ++i) {
        const PortDef& port = port_defs[i];
        if (std::abs(p.lat - port.centre.lat) > 1 || std::abs(p.lon - port.centre.lon) > 1) {
            continue;
        }
        const double d = distance_m(p, port.centre);
        if (d <= port.radius_km * 1000 + extra_m && (best < 0 || d < best_d)) {
            best = static_cast<int>(i);
            best_d = d;
        }
    }
    return best;
}

double nearest_port_m(LatLon p) noexcept {
    double best = 1e12;
    for (const PortDef& port : port_defs) {
        best = std::min(best, distance_m(p, port.centre));
    }
    return best;
}

} // namespace sagar::simulate
