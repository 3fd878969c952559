// Geodesy helpers against GeographicLib's WGS 84 geodesics (the reference; sagar itself does not link it).

#include <sagar/geo/geodesy.hpp>

#include <gtest/gtest.h>

#include <GeographicLib/Geodesic.hpp>
#include <cmath>
#include <numbers>
#include <random>

namespace {

using sagar::geo::LatLon;

struct Reference {
    double distance_m;
    double azimuth_deg;
};

Reference wgs84(LatLon a, LatLon b) {
    double s12 = 0.0;
    double azi1 = 0.0;
    double azi2 = 0.0;
    GeographicLib::Geodesic::WGS84().Inverse(a.lat, a.lon, b.lat, b.lon, s12, azi1, azi2);
    return {s12, azi1};
}

LatLon random_point(std::mt19937_64& random, double max_lat = 90.0) {
    // Uniform on the sphere between ±max_lat.
    const double limit = std::sin(max_lat * std::numbers::pi / 180.0);
    std::uniform_real_distribution<double> z(-limit, limit);
    std::uniform_real_distribution<double> lon(-180.0, 180.0);
    return {std::asin(z(random)) * 180.0 / std::numbers::pi, lon(random)};
}

double angle_difference(double a, double b) {
    const double d = std::fmod(std::abs(a - b), 360.0);
    return std::min(d, 360.0 - d);
}

TEST(Geodesy, HaversineWithinHalfAPercentOfTheGeodesicOnRandomPairs) {
    // The only pairs beyond 0.5% are nearly meridional arcs close to the equator, where the meridian's
    // radius of curvature (6,335 km) is 0.56% below the mean radius; they are a fraction of a percent.
    std::mt19937_64 random(1);
    double worst = 0.0;
    int beyond_half_percent = 0;
    constexpr int pairs = 20'000;
    for (int i = 0; i < pairs; ++i) {
        const LatLon a = random_point(random);
        const LatLon b = random_point(random);
        const double reference = wgs84(a, b).distance_m;
        if (reference < 1.0) {
            continue;
        }
        const double error = std::abs(sagar::geo::distance_m(a, b) - reference) / reference;
        worst = std::max(worst, error);
        beyond_half_percent += error > 0.005 ? 1 : 0;
    }
    EXPECT_LT(worst, 0.0057);
    EXPECT_LT(beyond_half_percent, pairs / 100);
}

TEST(Geodesy, HaversineOnShortPairsIsBoundedByTheEllipsoidsCurvature) {
    // Over a few km the sphere can only be as wrong as its radius is from the local radii of curvature:
    // at worst the meridian at the equator (6,335 km against 6,371 km), 0.56%.
    std::mt19937_64 random(2);
    std::uniform_real_distribution<double> bearing(0.0, 360.0);
    std::uniform_real_distribution<double> length(100.0, 50'000.0);
    double worst = 0.0;
    for (int i = 0; i < 20'000; ++i) {
        const LatLon a = random_point(random, 89.0);
        const LatLon b = sagar::geo::destination(a, bearing(random), length(random));
        const double reference = wgs84(a, b).distance_m;
        worst = std::max(worst, std::abs(sagar::geo::distance_m(a, b) - reference) / reference);
    }
    EXPECT_LT(worst, 0.0057);
}

TEST(Geodesy, KnownDistances) {
    // One degree of longitude on the equator and one nautical mile of latitude, on the mean sphere.
    EXPECT_NEAR(sagar::geo::distance_m({0.0, 0.0}, {0.0, 1.0}), 111'195.08, 0.01);
    EXPECT_NEAR(sagar::geo::distance_m({0.0, 0.0}, {1.0 / 60.0, 0.0}), 1853.25, 0.01);
    EXPECT_DOUBLE_EQ(sagar::geo::distance_m({12.0, 34.0}, {12.0, 34.0}), 0.0);
    // Across the antimeridian and between antipodes (no NaN from rounding).
    EXPECT_NEAR(sagar::geo::distance_m({0.0, 179.5}, {0.0, -179.5}), 111'195.08, 0.01);
    EXPECT_NEAR(sagar::geo::distance_m({30.0, 20.0}, {-30.0, -160.0}),
                std::numbers::pi * sagar::geo::earth_radius_m, 1e-3);
}

TEST(Geodesy, FastDistanceWithinATenthOfAPercentBelow50Km) {
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> bearing(0.0, 360.0);
    std::uniform_real_distribution<double> length(10.0, 50'000.0);
    double worst = 0.0;
    int checked = 0;
    while (checked < 50'000) {
        const LatLon a = random_point(random, 85.0);
        const LatLon b = sagar::geo::destination(a, bearing(random), length(random));
        if (std::abs(b.lat) > 85.0) {
            continue;
        }
        ++checked;
        const double exact = sagar::geo::distance_m(a, b);
        worst = std::max(worst, std::abs(sagar::geo::fast_distance_m(a, b) - exact) / exact);
    }
    EXPECT_LT(worst, 0.001);
    // The longitude difference is taken the short way round.
    EXPECT_NEAR(sagar::geo::fast_distance_m({0.0, 179.9}, {0.0, -179.9}), 22'239.0, 1.0);
}

TEST(Geodesy, InitialBearingMatchesTheGeodesicAzimuth) {
    std::mt19937_64 random(4);
    std::uniform_real_distribution<double> bearing(0.0, 360.0);
    std::uniform_real_distribution<double> length(1'000.0, 1'000'000.0);
    double worst = 0.0;
    for (int i = 0; i < 20'000; ++i) {
        const LatLon a = random_point(random, 80.0);
        const LatLon b = sagar::geo::destination(a, bearing(random), length(random));
        const double ours = sagar::geo::initial_bearing_deg(a, b);
        ASSERT_GE(ours, 0.0);
        ASSERT_LT(ours, 360.0);
        worst = std::max(worst, angle_difference(ours, wgs84(a, b).azimuth_deg));
    }
    EXPECT_LT(worst, 0.5);
    EXPECT_NEAR(sagar::geo::initial_bearing_deg({0.0, 0.0}, {1.0, 0.0}), 0.0, 1e-12);
    EXPECT_NEAR(sagar::geo::initial_bearing_deg({0.0, 0.0}, {0.0, 1.0}), 90.0, 1e-12);
    EXPECT_NEAR(sagar::geo::initial_bearing_deg({0.0, 0.0}, {-1.0, 0.0}), 180.0, 1e-12);
    EXPECT_NEAR(sagar::geo::initial_bearing_deg({0.0, 0.0}, {0.0, -1.0}), 270.0, 1e-12);
    EXPECT_NEAR(sagar::geo::initial_bearing_deg({0.0, 179.5}, {0.0, -179.5}), 90.0, 1e-9);
    EXPECT_EQ(sagar::geo::initial_bearing_deg({10.0, 10.0}, {10.0, 10.0}), 0.0);
}

TEST(Geodesy, DestinationMatchesTheGeodesicDirectProblem) {
    std::mt19937_64 random(5);
    std::uniform_real_distribution<double> bearing(0.0, 360.0);
    std::uniform_real_distribution<double> length(100.0, 500'000.0);
    for (int i = 0; i < 10'000; ++i) {
        const LatLon a = random_point(random, 80.0);
        const double azimuth = bearing(random);
        const double s = length(random);
        const LatLon ours = sagar::geo::destination(a, azimuth, s);
        ASSERT_GE(ours.lon, -180.0);
        ASSERT_LT(ours.lon, 180.0);
        double lat = 0.0;
        double lon = 0.0;
        GeographicLib::Geodesic::WGS84().Direct(a.lat, a.lon, azimuth, s, lat, lon);
        // Same start, same azimuth, same length: the ends differ by the sphere's error on that length.
        ASSERT_LT(sagar::geo::distance_m(ours, {lat, lon}), 0.01 * s) << a.lat << ' ' << a.lon;
        // On the sphere itself the round trip is exact to rounding.
        ASSERT_NEAR(sagar::geo::distance_m(a, ours), s, 1e-6 * s);
    }
}

TEST(Geodesy, InterpolateFollowsTheGreatCircle) {
    std::mt19937_64 random(6);
    std::uniform_real_distribution<double> fraction(0.0, 1.0);
    for (int i = 0; i < 10'000; ++i) {
        const LatLon a = random_point(random);
        const LatLon b = random_point(random);
        const double f = fraction(random);
        const LatLon p = sagar::geo::interpolate(a, b, f);
        const double whole = sagar::geo::distance_m(a, b);
        ASSERT_NEAR(sagar::geo::distance_m(a, p), f * whole, 1e-3);
        ASSERT_NEAR(sagar::geo::distance_m(p, b), (1.0 - f) * whole, 1e-3);
    }
    // Across the antimeridian: the midpoint is on it, not on the Greenwich meridian.
    const LatLon mid = sagar::geo::interpolate({10.0, 179.0}, {10.0, -179.0}, 0.5);
    EXPECT_NEAR(std::abs(mid.lon), 180.0, 1e-9);
    EXPECT_GT(mid.lat, 10.0); // great circles bulge poleward
    const LatLon start = sagar::geo::interpolate({10.0, 179.0}, {10.0, -179.0}, 0.0);
    EXPECT_NEAR(start.lat, 10.0, 1e-9);
    EXPECT_NEAR(start.lon, 179.0, 1e-9);
    // Coincident and antipodal points stay finite.
    const LatLon same = sagar::geo::interpolate({5.0, 5.0}, {5.0, 5.0}, 0.3);
    EXPECT_NEAR(same.lat, 5.0, 1e-12);
    const LatLon antipodal = sagar::geo::interpolate({0.0, 0.0}, {0.0, 180.0}, 0.5);
    EXPECT_NEAR(antipodal.lat, 90.0, 1e-6);
}

TEST(Geodesy, NormalizeLongitude) {
    EXPECT_EQ(sagar::geo::normalize_lon(180.0), -180.0);
    EXPECT_EQ(sagar::geo::normalize_lon(-180.0), -180.0);
    EXPECT_NEAR(sagar::geo::normalize_lon(190.0), -170.0, 1e-12);
    EXPECT_NEAR(sagar::geo::normalize_lon(-190.0), 170.0, 1e-12);
    EXPECT_NEAR(sagar::geo::normalize_lon(720.5), 0.5, 1e-12);
    EXPECT_LT(sagar::geo::normalize_lon(-1e-17), 180.0);
}

} // namespace
