#pragma once
// The simulator's map of the Indian Ocean: shipping lanes, ports, zones, fishing grounds and inland points.
// Every coordinate was checked against Natural Earth 1:10m land (data/natural-earth): lanes keep at least
// 20 nm from shore except near their ends (the Guardafui channel and the Great Channel are the narrowest
// legs, 16-25 nm), and each lane's `open` ranges are at least 100 nm from any shore, port or zone.

#include "geo_math.hpp"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace sagar::simulate {

/// A stretch of a lane, as fractions of one of its legs (waypoint i to i + 1).
struct OpenStretch {
    std::size_t leg;
    double from;
    double to;
};

struct LaneDef {
    std::string_view name;
    std::span<const LatLon> points;
    std::span<const OpenStretch> open;
};

/// A lane ready for sampling: cumulative distances along the waypoints.
class Lane {
public:
    explicit Lane(const LaneDef& def);

    struct Point {
        LatLon pos;
        double bearing; ///< of the lane's forward direction at this point
    };
    /// The point `s` metres from the first waypoint (clamped to the lane), `lateral` metres to the right of
    /// the forward direction.
    [[nodiscard]] Point at(double s, double lateral) const noexcept;
    [[nodiscard]] double length() const noexcept { return m_cumulative.back(); }
    [[nodiscard]] LatLon front() const noexcept { return m_points.front(); }
    [[nodiscard]] LatLon back() const noexcept { return m_points.back(); }
    [[nodiscard]] std::string_view name() const noexcept { return m_name; }
    /// Open-ocean ranges as [from, to] metres along the lane.
    [[nodiscard]] const std::vector<std::pair<double, double>>& open() const noexcept { return m_open; }

private:
    std::string_view m_name;
    std::vector<LatLon> m_points;
    std::vector<double> m_cumulative;
    std::vector<std::pair<double, double>> m_open;
};

struct PortDef {
    std::string_view name;
    LatLon centre;
    double radius_km;
    LatLon berth;  ///< at sea, inside the radius: where callers moor
    LatLon offing; ///< about 40 km out, joined to the berth by open water
};

struct ZoneDef {
    std::string_view id;
    std::string_view name;
    /// Outer rings as [lon, lat]-ordered boxes would be ambiguous, so each polygon is a list of LatLon.
    std::vector<std::vector<LatLon>> polygons;
};

struct FishingGround {
    std::string_view name;
    LatLon centre;
    double spread_km; ///< circle centres fall within this distance of `centre`
    bool coastal;     ///< within 50 nm of shore
};

const std::vector<Lane>& lanes();
std::span<const PortDef> ports();
const std::vector<ZoneDef>& zones();
std::span<const FishingGround> fishing_grounds();
/// Points far inside land (200+ km from any shore): targets of position_on_land faults.
std::span<const LatLon> inland_points();

/// Point in polygon on the lon/lat plane (RFC 7946 edges), boundary excluded.
[[nodiscard]] bool zone_contains(const ZoneDef& zone, LatLon p) noexcept;
/// Bit i set when zone i contains p.
[[nodiscard]] unsigned zone_mask(LatLon p) noexcept;
/// Index of the port whose circle (widened by extra_m) contains p, or -1.
[[nodiscard]] int port_at(LatLon p, double extra_m = 0) noexcept;
/// Distance to the nearest port centre, metres.
[[nodiscard]] double nearest_port_m(LatLon p) noexcept;

} // namespace sagar::simulate
