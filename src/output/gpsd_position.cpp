// gpsd JSON fields of the position reports (types 1-4, 9, 11, 18, 19, 27). Scaled output follows gpsd
// master: degrees with 7 decimals, knots and degrees with 1 decimal; unscaled output is the raw values.

#include "gpsd_fields.hpp"

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>

namespace sagar::output::detail {
namespace {

using decoding::Motion;
using decoding::Position;

/// Lon then lat, in degrees (scaled) or 1/10000 minute (unscaled).
void write_lon_lat(JsonWriter& out, const Position& p, Scaling scaling) {
    if (scaling == Scaling::scaled) {
        out.field_ratio("lon", p.lon, Position::units_per_degree, 7);
        out.field_ratio("lat", p.lat, Position::units_per_degree, 7);
    } else {
        out.field("lon", std::int64_t{p.lon});
        out.field("lat", std::int64_t{p.lat});
    }
}

/// A value in tenths: "12.3" scaled, 123 unscaled.
void write_tenths(JsonWriter& out, std::string_view key, unsigned value, Scaling scaling) {
    if (scaling == Scaling::scaled) {
        out.field_ratio(key, value, 10, 1);
    } else {
        out.field(key, value);
    }
}

/// gpsd's scaled rate of turn as text: degrees per minute with two decimals. The wire value is
/// 4.733 * sqrt(rate), signed, so the rate is (turn / 4.733)^2 with the sign of turn (starboard
/// positive), as AIVDM.adoc asks. Formatting a double costs more than the rest of a position record,
/// so the 256 texts are made once.
class TurnTexts {
public:
    TurnTexts() {
        // Indexed by the wire byte: 0..127 are turns 0..127, 128..255 are turns -128..-1.
        for (std::size_t byte = 0; byte < m_texts.size(); ++byte) {
            const auto turn = static_cast<std::int8_t>(byte);
            const double root = turn / 4.733;
            const double rate = turn < 0 ? -(root * root) : root * root;
            Text& text = m_texts[byte];
            const auto end = std::to_chars(text.chars.data(), text.chars.data() + text.chars.size(), rate,
                                           std::chars_format::fixed, 2)
                                 .ptr;
            text.size = static_cast<std::size_t>(end - text.chars.data());
        }
    }
    [[nodiscard]] std::string_view operator[](std::int8_t turn) const noexcept {
        const Text& text = m_texts[static_cast<std::uint8_t>(turn)];
        return {text.chars.data(), text.size};
    }

private:
    struct Text {
        std::array<char, 16> chars{}; // the largest, (127 / 4.733)^2, is "720.01"
        std::size_t size = 0;
    };
    std::array<Text, 256> m_texts{};
};

/// "n/a", "fastright", "fastleft", or the rate of turn in degrees per minute.
void write_turn(JsonWriter& out, std::int8_t turn) {
    using Report = decoding::PositionReportA;
    static const TurnTexts texts;
    if (turn == Report::turn_not_available) {
        out.field_plain("turn", "n/a");
    } else if (turn == Report::turn_fast_right) {
        out.field_plain("turn", "fastright");
    } else if (turn == Report::turn_fast_left) {
        out.field_plain("turn", "fastleft");
    } else {
        out.field_plain("turn", texts[turn]);
    }
}

/// Speed over ground of a Class A report: "nan" when not available and "fast" at 102.2 knots or more
/// (gpsd's legends), else knots.
void write_class_a_speed(JsonWriter& out, std::uint16_t speed, Scaling scaling) {
    if (scaling == Scaling::unscaled) {
        out.field("speed", unsigned{speed});
    } else if (speed == Motion::speed_not_available) {
        out.field_plain("speed", "nan");
    } else if (speed == Motion::speed_fast) {
        out.field_plain("speed", "fast");
    } else {
        out.field_ratio("speed", speed, 10, 1);
    }
}

/// Appends `value` in decimal, zero-padded to at least `width` digits (printf "%0*u").
char* append_padded(char* p, unsigned value, unsigned width) {
    std::array<char, 16> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
    const auto n = static_cast<unsigned>(end - digits.data());
    for (unsigned i = n; i < width; ++i) {
        *p++ = '0';
    }
    for (const char* d = digits.data(); d != end; ++d) {
        *p++ = *d;
    }
    return p;
}

/// "YYYY-MM-DDTHH:MM:SSZ" from the raw fields, not-available values included ("0000-00-00T24:60:60Z"),
/// and years past 9999 in full, as gpsd prints them.
void write_timestamp(JsonWriter& out, const decoding::BaseStationReport& m) {
    std::array<char, 48> text{};
    char* p = append_padded(text.data(), m.year, 4);
    *p++ = '-';
    p = append_padded(p, m.month, 2);
    *p++ = '-';
    p = append_padded(p, m.day, 2);
    *p++ = 'T';
    p = append_padded(p, m.hour, 2);
    *p++ = ':';
    p = append_padded(p, m.minute, 2);
    *p++ = ':';
    p = append_padded(p, m.second, 2);
    *p++ = 'Z';
    out.field_plain("timestamp", std::string_view{text.data(), static_cast<std::size_t>(p - text.data())});
}

} // namespace

void write_fields(JsonWriter& out, const decoding::PositionReportA& m, Scaling scaling) {
    out.field("status", unsigned{m.status});
    out.field_plain("status_text", navigation_status_text(m.status));
    if (scaling == Scaling::scaled) {
        write_turn(out, m.turn);
    } else {
        out.field("turn", int{m.turn});
    }
    write_class_a_speed(out, m.speed, scaling);
    out.field("accuracy", m.accuracy);
    write_lon_lat(out, m.position, scaling);
    write_tenths(out, "course", m.course, scaling);
    out.field("heading", unsigned{m.heading});
    out.field("second", unsigned{m.second});
    out.field("maneuver", unsigned{m.maneuver});
    out.field("raim", m.raim);
    out.field("radio", unsigned{m.radio});
}

void write_fields(JsonWriter& out, const decoding::BaseStationReport& m, Scaling scaling) {
    write_timestamp(out, m);
    out.field("accuracy", m.accuracy);
    write_lon_lat(out, m.position, scaling);
    out.field("epfd", unsigned{m.epfd});
    out.field_plain("epfd_text", epfd_text(m.epfd));
    out.field("raim", m.raim);
    out.field("radio", unsigned{m.radio});
}

void write_fields(JsonWriter& out, const decoding::SarAircraftReport& m, Scaling scaling) {
    using Report = decoding::SarAircraftReport;
    // Altitude (metres) and speed (knots) are whole units; scaled output names the special values.
    if (scaling == Scaling::scaled && m.altitude == Report::altitude_not_available) {
        out.field_plain("alt", "nan");
    } else if (scaling == Scaling::scaled && m.altitude == Report::altitude_high) {
        out.field_plain("alt", "high");
    } else {
        out.field("alt", unsigned{m.altitude});
    }
    if (scaling == Scaling::scaled && m.speed == Report::speed_not_available) {
        out.field_plain("speed", "nan");
    } else if (scaling == Scaling::scaled && m.speed == Report::speed_fast) {
        out.field_plain("speed", "fast");
    } else {
        out.field("speed", unsigned{m.speed});
    }
    out.field("accuracy", m.accuracy);
    write_lon_lat(out, m.position, scaling);
    write_tenths(out, "course", m.course, scaling);
    out.field("second", unsigned{m.second});
    out.field("regional", unsigned{m.regional});
    out.field("dte", unsigned{m.dte});
    out.field("raim", m.raim);
    out.field("radio", unsigned{m.radio});
}

namespace {

/// The fields types 18 and 19 share, in gpsd's order: "reserved" to "regional".
template <class ClassBReport>
void write_class_b_motion(JsonWriter& out, const ClassBReport& m, Scaling scaling) {
    out.field("reserved", unsigned{m.reserved});
    write_tenths(out, "speed", m.speed, scaling);
    out.field("accuracy", m.accuracy);
    write_lon_lat(out, m.position, scaling);
    write_tenths(out, "course", m.course, scaling);
    out.field("heading", unsigned{m.heading});
    out.field("second", unsigned{m.second});
    out.field("regional", unsigned{m.regional});
}

} // namespace

void write_fields(JsonWriter& out, const decoding::PositionReportB& m, Scaling scaling) {
    write_class_b_motion(out, m, scaling);
    out.field("cs", m.cs);
    out.field("display", m.display);
    out.field("dsc", m.dsc);
    out.field("band", m.band);
    out.field("msg22", m.msg22);
    out.field("raim", m.raim);
    out.field("radio", unsigned{m.radio});
}

void write_fields(JsonWriter& out, const decoding::ExtendedPositionReportB& m, Scaling scaling) {
    write_class_b_motion(out, m, scaling);
    out.field("shipname", m.shipname.view());
    out.field("shiptype", unsigned{m.shiptype});
    out.field_plain("shiptype_text", ship_type_text(m.shiptype));
    out.field("to_bow", unsigned{m.dimensions.to_bow});
    out.field("to_stern", unsigned{m.dimensions.to_stern});
    out.field("to_port", unsigned{m.dimensions.to_port});
    out.field("to_starboard", unsigned{m.dimensions.to_starboard});
    out.field("epfd", unsigned{m.epfd});
    out.field_plain("epfd_text", epfd_text(m.epfd));
    out.field("raim", m.raim);
    out.field("dte", unsigned{m.dte});
    out.field("assigned", m.assigned);
}

void write_fields(JsonWriter& out, const decoding::LongRangePosition& m, Scaling scaling) {
    // Positions are in 1/10 minute; gpsd master prints 4 decimals of a degree for them.
    constexpr std::int64_t tenth_minutes_per_degree = 600;
    out.field("status", unsigned{m.status});
    if (scaling == Scaling::scaled) {
        out.field_plain("status_text", navigation_status_text(m.status));
    }
    out.field("accuracy", m.accuracy);
    if (scaling == Scaling::scaled) {
        out.field_ratio("lon", m.position.lon, tenth_minutes_per_degree, 4);
        out.field_ratio("lat", m.position.lat, tenth_minutes_per_degree, 4);
    } else {
        out.field("lon", std::int64_t{m.position.lon});
        out.field("lat", std::int64_t{m.position.lat});
    }
    out.field("speed", unsigned{m.speed});
    out.field("course", unsigned{m.course});
    out.field("raim", m.raim);
    out.field("gnss", m.gnss);
}

} // namespace sagar::output::detail
