#pragma once
// A vessel's itinerary: legs of motion in time order. Positions are a pure function of (plan, time), so
// the generator keeps no trajectory state and any vessel can be asked where it is at any instant.

#include "geo_math.hpp"
#include "geography.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace sagar::simulate {

enum class LegKind : std::uint8_t {
    lane,     ///< along a shipping lane at constant speed, with a lateral offset
    straight, ///< great circle from a to b at constant speed
    hold,     ///< stopped or drifting from a along `bearing`
    circle,   ///< circling `a` at `radius` (fishing)
};

struct Leg {
    LegKind kind = LegKind::hold;
    std::int64_t t0 = 0;     ///< ms, inclusive
    std::int64_t t1 = 0;     ///< ms, exclusive
    std::uint8_t status = 0; ///< navigation status to report
    std::uint16_t lane = 0;
    double s0 = 0;      ///< metres along the lane at t0
    double dir = 1;     ///< +1 forward along the lane (or clockwise circle), -1 backward
    double lateral = 0; ///< metres right of the lane's forward direction
    double speed = 0;   ///< m/s
    LatLon a;
    LatLon b;
    double bearing = 0;      ///< hold drift and straight course, degrees
    double radius = 0;       ///< circle, metres
    double theta0 = 0;       ///< circle: bearing from the centre at t0, degrees
    std::int32_t event = -1; ///< injected event whose reports this leg makes, or -1
    std::uint8_t role = 0;   ///< which vessel of the event: 0 or 1
};

struct Motion {
    LatLon pos;
    double speed_kn = 0;
    double course = 0;
    std::uint8_t status = 0;
};

/// Metres along the lane at time t of a lane leg.
inline double lane_s(const Leg& leg, std::int64_t t) noexcept {
    return leg.s0 + leg.dir * leg.speed * static_cast<double>(t - leg.t0) / 1000.0;
}

inline Motion motion_on(const Leg& leg, std::int64_t t) {
    const double dt = static_cast<double>(t - leg.t0) / 1000.0;
    Motion m;
    m.status = leg.status;
    m.speed_kn = leg.speed / knots_to_mps;
    switch (leg.kind) {
    case LegKind::lane: {
        const Lane::Point p = lanes()[leg.lane].at(lane_s(leg, t), leg.lateral);
        m.pos = p.pos;
        m.course = leg.dir > 0 ? p.bearing : std::fmod(p.bearing + 180, 360);
        break;
    }
    case LegKind::straight: {
        const double total = distance_m(leg.a, leg.b);
        const double f = total > 0 ? std::clamp(leg.speed * dt / total, 0.0, 1.0) : 1.0;
        m.pos = interpolate(leg.a, leg.b, f);
        m.course = leg.bearing;
        break;
    }
    case LegKind::hold:
        m.pos = leg.speed > 0 ? destination(leg.a, leg.bearing, leg.speed * dt) : leg.a;
        m.course = leg.bearing;
        break;
    case LegKind::circle: {
        const double theta = leg.theta0 + leg.dir * degrees(leg.speed * dt / leg.radius);
        m.pos = destination(leg.a, theta, leg.radius);
        m.course = std::fmod(std::fmod(theta + leg.dir * 90, 360) + 360, 360);
        break;
    }
    }
    return m;
}

/// The leg active at t, or nullptr outside the plan.
inline const Leg* leg_at(const std::vector<Leg>& legs, std::int64_t t) noexcept {
    for (const Leg& leg : legs) {
        if (t >= leg.t0 && t < leg.t1) {
            return &leg;
        }
    }
    return nullptr;
}

} // namespace sagar::simulate
