#include <sagar/geo/geodesy.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sagar::geo {
namespace {

constexpr double deg_to_rad = std::numbers::pi / 180.0;
constexpr double rad_to_deg = 180.0 / std::numbers::pi;

struct Vec3 {
    double x;
    double y;
    double z;
};

Vec3 to_unit_vector(LatLon p) noexcept {
    const double lat = p.lat * deg_to_rad;
    const double lon = p.lon * deg_to_rad;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

LatLon from_vector(Vec3 v) noexcept {
    const double lat = std::atan2(v.z, std::hypot(v.x, v.y));
    const double lon = std::atan2(v.y, v.x);
    return {lat * rad_to_deg, normalize_lon(lon * rad_to_deg)};
}

} // namespace

double normalize_lon(double lon_deg) noexcept {
    double lon = std::fmod(lon_deg + 180.0, 360.0);
    if (lon < 0.0) {
        lon += 360.0;
    }
    lon -= 180.0;
    // fmod of a tiny negative number plus 360 can round up to exactly 360.
    return lon >= 180.0 ? -180.0 : lon;
}

double distance_m(LatLon a, LatLon b) noexcept {
    const double lat1 = a.lat * deg_to_rad;
    const double lat2 = b.lat * deg_to_rad;
    const double sin_dlat = std::sin((lat2 - lat1) * 0.5);
    const double sin_dlon = std::sin((b.lon - a.lon) * deg_to_rad * 0.5);
    const double h = sin_dlat * sin_dlat + std::cos(lat1) * std::cos(lat2) * sin_dlon * sin_dlon;
    // h can exceed 1 by rounding for nearly antipodal points; asin would return NaN.
    return 2.0 * earth_radius_m * std::asin(std::sqrt(std::min(h, 1.0)));
}

double fast_distance_m(LatLon a, LatLon b) noexcept {
    const double dlon = normalize_lon(b.lon - a.lon) * deg_to_rad;
    const double x = dlon * std::cos((a.lat + b.lat) * 0.5 * deg_to_rad);
    const double y = (b.lat - a.lat) * deg_to_rad;
    return earth_radius_m * std::sqrt(x * x + y * y);
}

double initial_bearing_deg(LatLon from, LatLon to) noexcept {
    const double lat1 = from.lat * deg_to_rad;
    const double lat2 = to.lat * deg_to_rad;
    const double dlon = (to.lon - from.lon) * deg_to_rad;
    const double y = std::sin(dlon) * std::cos(lat2);
    const double x = std::cos(lat1) * std::sin(lat2) - std::sin(lat1) * std::cos(lat2) * std::cos(dlon);
    double bearing = std::atan2(y, x) * rad_to_deg;
    if (bearing < 0.0) {
        bearing += 360.0;
    }
    // -1e-15 + 360 rounds to 360, which is outside the promised range.
    return bearing >= 360.0 ? 0.0 : bearing;
}

LatLon destination(LatLon from, double bearing_deg, double distance_m) noexcept {
    const double lat1 = from.lat * deg_to_rad;
    const double bearing = bearing_deg * deg_to_rad;
    const double angle = distance_m / earth_radius_m;
    const double sin_lat2 =
        std::sin(lat1) * std::cos(angle) + std::cos(lat1) * std::sin(angle) * std::cos(bearing);
    const double lat2 = std::asin(std::clamp(sin_lat2, -1.0, 1.0));
    const double dlon = std::atan2(std::sin(bearing) * std::sin(angle) * std::cos(lat1),
                                   std::cos(angle) - std::sin(lat1) * sin_lat2);
    return {lat2 * rad_to_deg, normalize_lon(from.lon + dlon * rad_to_deg)};
}

LatLon interpolate(LatLon a, LatLon b, double fraction) noexcept {
    const Vec3 va = to_unit_vector(a);
    const Vec3 vb = to_unit_vector(b);
    const double cos_angle = std::clamp(va.x * vb.x + va.y * vb.y + va.z * vb.z, -1.0, 1.0);
    const double angle = std::acos(cos_angle);
    const double sin_angle = std::sin(angle);
    constexpr double degenerate = 1e-12; // radians: 6 µm on the ground
    if (sin_angle < degenerate) {
        if (cos_angle > 0.0) {
            // Coincident points: the linear blend is exact to rounding.
            return {a.lat + (b.lat - a.lat) * fraction,
                    normalize_lon(a.lon + normalize_lon(b.lon - a.lon) * fraction)};
        }
        return destination(a, 0.0, fraction * angle * earth_radius_m);
    }
    // Spherical linear interpolation of the unit vectors: stays on the great circle by construction and
    // has no special case at the antimeridian or the poles.
    const double wa = std::sin((1.0 - fraction) * angle) / sin_angle;
    const double wb = std::sin(fraction * angle) / sin_angle;
    return from_vector({wa * va.x + wb * vb.x, wa * va.y + wb * vb.y, wa * va.z + wb * vb.z});
}

} // namespace sagar::geo
