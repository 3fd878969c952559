#include "text.hpp"

#include <sagar/feeds/from_ais.hpp>

#include <cmath>
#include <cstdint>
#include <variant>

namespace sagar::feeds {
namespace {

using decoding::Dimensions;
using decoding::Motion;
using decoding::Position;
using decoding::TenthMinutePosition;

/// Degrees from wire units; false when not available or out of range. Out-of-range values are corrupt or
/// spoofed reports: PositionReport promises a valid position, so they are dropped here.
bool to_degrees(std::int32_t lat_units, std::int32_t lon_units, double units_per_degree, double& lat,
                double& lon) noexcept {
    lat = lat_units / units_per_degree;
    lon = lon_units / units_per_degree;
    return lat >= -90.0 && lat <= 90.0 && lon >= -180.0 && lon <= 180.0;
}

/// Speed in 1/10 knot (types 1-3, 18, 19): 1023 is not available; 1022 means "102.2 knots or more" and is
/// kept as 102.2.
float tenth_knots(std::uint16_t speed) noexcept {
    return speed >= Motion::speed_not_available ? not_available : static_cast<float>(speed) / 10.0F;
}

/// Course in 1/10 degree: 3600 is not available, 3601-4095 are undefined.
float tenth_degrees(std::uint16_t course) noexcept {
    return course >= Motion::course_not_available ? not_available : static_cast<float>(course) / 10.0F;
}

/// Heading in whole degrees: 511 is not available, 360-510 are undefined.
float heading_degrees(std::uint16_t heading) noexcept {
    return heading >= 360 ? not_available : static_cast<float>(heading);
}

std::uint16_t length_of(const Dimensions& d) noexcept {
    return static_cast<std::uint16_t>(d.to_bow + d.to_stern);
}

std::uint16_t width_of(const Dimensions& d) noexcept {
    return static_cast<std::uint16_t>(d.to_port + d.to_starboard);
}

class Converter {
public:
    Converter(UtcTime time, AisReports& out) noexcept
        : m_time{time}
        , m_out{out} {}

    void operator()(const decoding::PositionReportA& m) noexcept {
        PositionReport* p = position(m.header, m.position, TransponderClass::a);
        if (p != nullptr) {
            set_motion(*p, m.speed, m.course, m.heading);
            p->nav_status = m.status;
        }
    }

    void operator()(const decoding::PositionReportB& m) noexcept {
        PositionReport* p = position(m.header, m.position, TransponderClass::b);
        if (p != nullptr) {
            set_motion(*p, m.speed, m.course, m.heading);
        }
    }

    void operator()(const decoding::ExtendedPositionReportB& m) noexcept {
        PositionReport* p = position(m.header, m.position, TransponderClass::b);
        if (p != nullptr) {
            set_motion(*p, m.speed, m.course, m.heading);
        }
        IdentityReport& id = identity(m.header, TransponderClass::b);
        id.name.assign(trim_ais_text(m.shipname.view()));
        id.ship_type = m.shiptype;
        id.length_m = length_of(m.dimensions);
        id.width_m = width_of(m.dimensions);
    }

    void operator()(const decoding::LongRangePosition& m) noexcept {
        // Sent by Class A and by Class B "SO" units (M.1371-5 annex 4): the class cannot be told.
        const TenthMinutePosition& pos = m.position;
        if (!pos.is_available()) {
            return;
        }
        PositionReport* p = position_at(m.header, pos.lat, pos.lon, 600.0, TransponderClass::unknown);
        if (p == nullptr) {
            return;
        }
        p->speed_knots = m.speed >= decoding::LongRangePosition::speed_not_available
                             ? not_available
                             : static_cast<float>(m.speed);
        p->course_deg =
            m.course >= 360 ? not_available : static_cast<float>(m.course); // 511 = n/a, 360-510 undefined
        p->nav_status = m.status;
    }

    void operator()(const decoding::BaseStationReport& m) noexcept {
        if (m.header.type == 4) {
            position(m.header, m.position, TransponderClass::other);
        }
    }

    void operator()(const decoding::SarAircraftReport& m) noexcept {
        PositionReport* p = position(m.header, m.position, TransponderClass::other);
        if (p != nullptr) {
            // Whole knots here, not tenths; 1022 means "1022 or more".
            p->speed_knots = m.speed >= decoding::SarAircraftReport::speed_not_available
                                 ? not_available
                                 : static_cast<float>(m.speed);
            p->course_deg = tenth_degrees(m.course);
        }
    }

    void operator()(const decoding::AidToNavigationReport& m) noexcept {
        position(m.header, m.position, TransponderClass::other);
        IdentityReport& id = identity(m.header, TransponderClass::other);
        id.name.assign(trim_ais_text(m.name.view()));
        id.length_m = length_of(m.dimensions);
        id.width_m = width_of(m.dimensions);
    }

    void operator()(const decoding::StaticVoyageData& m) noexcept {
        IdentityReport& id = identity(m.header, TransponderClass::a);
        id.imo = m.imo;
        id.callsign.assign(trim_ais_text(m.callsign.view()));
        id.name.assign(trim_ais_text(m.shipname.view()));
        id.destination.assign(trim_ais_text(m.destination.view()));
        id.ship_type = m.shiptype;
        id.length_m = length_of(m.dimensions);
        id.width_m = width_of(m.dimensions);
        id.draught_m = m.draught == 0 ? not_available : static_cast<float>(m.draught) / 10.0F;
    }

    void operator()(const decoding::StaticDataB& m) noexcept {
        IdentityReport& id = identity(m.header, TransponderClass::b);
        if (m.part == decoding::StaticDataB::Part::a) {
            id.name.assign(trim_ais_text(m.shipname.view()));
            return;
        }
        id.callsign.assign(trim_ais_text(m.callsign.view()));
        id.ship_type = m.shiptype;
        if (!m.is_auxiliary_craft()) {
            id.length_m = length_of(m.dimensions);
            id.width_m = width_of(m.dimensions);
        }
    }

    template <class Other>
    void operator()(const Other& /*message*/) noexcept {}

private:
    PositionReport* position(const decoding::Header& header, const Position& pos,
                             TransponderClass transponder) noexcept {
        if (!pos.is_available()) {
            return nullptr;
        }
        return position_at(header, pos.lat, pos.lon, Position::units_per_degree, transponder);
    }

    PositionReport* position_at(const decoding::Header& header, std::int32_t lat_units,
                                std::int32_t lon_units, double units_per_degree,
                                TransponderClass transponder) noexcept {
        double lat = 0;
        double lon = 0;
        if (!to_degrees(lat_units, lon_units, units_per_degree, lat, lon)) {
            return nullptr;
        }
        PositionReport& p = m_out.position.emplace();
        p.time = m_time;
        p.mmsi = header.mmsi;
        p.lat = lat;
        p.lon = lon;
        p.message_type = header.type;
        p.transponder = transponder;
        return &p;
    }

    static void set_motion(PositionReport& p, std::uint16_t speed, std::uint16_t course,
                           std::uint16_t heading) noexcept {
        p.speed_knots = tenth_knots(speed);
        p.course_deg = tenth_degrees(course);
        p.heading_deg = heading_degrees(heading);
    }

    IdentityReport& identity(const decoding::Header& header, TransponderClass transponder) noexcept {
        IdentityReport& id = m_out.identity.emplace();
        id.time = m_time;
        id.mmsi = header.mmsi;
        id.transponder = transponder;
        return id;
    }

    UtcTime m_time;
    AisReports& m_out;
};

} // namespace

AisReports from_ais(const decoding::Message& message, const framing::Meta& meta, UtcTime fallback_time) {
    AisReports out;
    std::visit(Converter{meta.time.value_or(fallback_time), out}, message);
    return out;
}

} // namespace sagar::feeds
