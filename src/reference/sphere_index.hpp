#pragma once
// Points of the sphere as 3-D unit vectors, so that a Cartesian R-tree answers spherical questions without
// special cases at the antimeridian or the poles: the chord between two unit vectors grows monotonically
// with their great-circle distance, and a cube of half-side c around a point contains every point within
// chord c of it.

#include <sagar/geo/geodesy.hpp>

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <numbers>

namespace sagar::reference::detail {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using Point3 = bg::model::point<double, 3, bg::cs::cartesian>;
using Box3 = bg::model::box<Point3>;

inline Point3 unit_vector(double lat, double lon) noexcept {
    const double phi = lat * std::numbers::pi / 180.0;
    const double lambda = lon * std::numbers::pi / 180.0;
    return Point3{std::cos(phi) * std::cos(lambda), std::cos(phi) * std::sin(lambda), std::sin(phi)};
}

/// Chord (unit sphere) of a great-circle distance in metres; 2 (the diameter) from half the circumference.
inline double chord_of(double metres) noexcept {
    const double angle = std::max(0.0, metres) / geo::earth_radius_m;
    return angle >= std::numbers::pi ? 2.0 : 2.0 * std::sin(angle / 2);
}

inline double chord_between(const Point3& a, const Point3& b) noexcept {
    const double dx = bg::get<0>(a) - bg::get<0>(b);
    const double dy = bg::get<1>(a) - bg::get<1>(b);
    const double dz = bg::get<2>(a) - bg::get<2>(b);
    return std::sqrt(dx * dx + dy * dy + dz * dz);
}

/// The cube of half-side `c` around `p`, widened slightly so rounding never excludes a point on its edge.
inline Box3 cube(const Point3& p, double c) noexcept {
    const double h = c * (1 + 1e-9) + 1e-12;
    return Box3{Point3{bg::get<0>(p) - h, bg::get<1>(p) - h, bg::get<2>(p) - h},
                Point3{bg::get<0>(p) + h, bg::get<1>(p) + h, bg::get<2>(p) + h}};
}

} // namespace sagar::reference::detail
