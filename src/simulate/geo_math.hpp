#pragma once
// The simulator's names for the shared geodesy of sagar::geo, and the speed unit it plans in.

#include <sagar/geo/geodesy.hpp>

#include <numbers>

namespace sagar::simulate {

using geo::destination;
using geo::distance_m;
using geo::interpolate;
using geo::LatLon;

inline constexpr double metres_per_nm = geo::metres_per_nautical_mile;
inline constexpr double knots_to_mps = metres_per_nm / 3600.0;

constexpr double radians(double degrees) noexcept {
    return degrees * std::numbers::pi / 180.0;
}
constexpr double degrees(double radians) noexcept {
    return radians * 180.0 / std::numbers::pi;
}

} // namespace sagar::simulate
