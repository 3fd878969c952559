#pragma once
// Great-circle distance on a sphere. Local to this module until a shared geodesy module exists
// (sagar::geo::distance_m); the lead may replace it then.

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sagar::reference::detail {

/// IUGG mean Earth radius (R1), metres.
inline constexpr double earth_radius_m = 6371008.8;

inline double radians(double degrees) noexcept {
    return degrees * std::numbers::pi / 180.0;
}

/// Haversine distance in metres between two WGS 84 positions treated as points on a sphere (error
/// below 0.5 % against the ellipsoid, ample for port radii and nearest-port distances).
inline double haversine_m(double lat1, double lon1, double lat2, double lon2) noexcept {
    const double dlat = radians(lat2 - lat1);
    const double dlon = radians(lon2 - lon1);
    const double s = std::sin(dlat / 2);
    const double t = std::sin(dlon / 2);
    const double h = s * s + std::cos(radians(lat1)) * std::cos(radians(lat2)) * t * t;
    return 2 * earth_radius_m * std::asin(std::sqrt(std::min(1.0, h)));
}

} // namespace sagar::reference::detail
