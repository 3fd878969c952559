#pragma once
// Minimal spherical geodesy for the simulator (same sphere and formulas as include/sagar/geo/geodesy.hpp).
// Private to this module while sagar::geo is not yet a built target; switching is a rename.

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sagar::simulate {

struct LatLon {
    double lat = 0;
    double lon = 0;
    friend bool operator==(const LatLon&, const LatLon&) = default;
};

inline constexpr double earth_radius_m = 6'371'008.8;
inline constexpr double metres_per_nm = 1852.0;
inline constexpr double knots_to_mps = metres_per_nm / 3600.0;

inline double radians(double degrees) noexcept {
    return degrees * std::numbers::pi / 180.0;
}
inline double degrees(double radians) noexcept {
    return radians * 180.0 / std::numbers::pi;
}

inline double distance_m(LatLon a, LatLon b) noexcept {
    const double s = std::sin(radians(b.lat - a.lat) / 2);
    const double t = std::sin(radians(b.lon - a.lon) / 2);
    const double h = s * s + std::cos(radians(a.lat)) * std::cos(radians(b.lat)) * t * t;
    return 2 * earth_radius_m * std::asin(std::sqrt(std::min(1.0, h)));
}

/// Initial great-circle bearing in [0, 360).
inline double bearing_deg(LatLon from, LatLon to) noexcept {
    const double p1 = radians(from.lat);
    const double p2 = radians(to.lat);
    const double dl = radians(to.lon - from.lon);
    const double y = std::sin(dl) * std::cos(p2);
    const double x = std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl);
    const double b = degrees(std::atan2(y, x));
    return b < 0 ? b + 360 : b;
}

inline LatLon destination(LatLon from, double bearing, double distance) noexcept {
    const double d = distance / earth_radius_m;
    const double p1 = radians(from.lat);
    const double b = radians(bearing);
    const double p2 = std::asin(std::sin(p1) * std::cos(d) + std::cos(p1) * std::sin(d) * std::cos(b));
    const double l2 = radians(from.lon) + std::atan2(std::sin(b) * std::sin(d) * std::cos(p1),
                                                     std::cos(d) - std::sin(p1) * std::sin(p2));
    return {degrees(p2), degrees(l2)};
}

/// The point at `fraction` of the great-circle arc from a to b (the simulator never crosses ±180°).
inline LatLon interpolate(LatLon a, LatLon b, double fraction) noexcept {
    const double d = distance_m(a, b) / earth_radius_m;
    if (d < 1e-12) {
        return a;
    }
    const double wa = std::sin((1 - fraction) * d) / std::sin(d);
    const double wb = std::sin(fraction * d) / std::sin(d);
    const double la1 = radians(a.lat);
    const double la2 = radians(b.lat);
    const double lo1 = radians(a.lon);
    const double lo2 = radians(b.lon);
    const double x = wa * std::cos(la1) * std::cos(lo1) + wb * std::cos(la2) * std::cos(lo2);
    const double y = wa * std::cos(la1) * std::sin(lo1) + wb * std::cos(la2) * std::sin(lo2);
    const double z = wa * std::sin(la1) + wb * std::sin(la2);
    return {degrees(std::atan2(z, std::hypot(x, y))), degrees(std::atan2(y, x))};
}

} // namespace sagar::simulate
