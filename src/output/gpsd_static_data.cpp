// gpsd JSON fields of the static data messages (types 5, 21, 24). Type 24 parts are written as they
// come, like `gpsdecode -s`: part A has "part":"A" and the name, part B "part":"B" and the rest.

#include "gpsd_fields.hpp"

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>

namespace sagar::output::detail {
namespace {

void write_dimensions(JsonWriter& out, const decoding::Dimensions& d) {
    out.field("to_bow", unsigned{d.to_bow});
    out.field("to_stern", unsigned{d.to_stern});
    out.field("to_port", unsigned{d.to_port});
    out.field("to_starboard", unsigned{d.to_starboard});
}

char* append_two_digits(char* p, unsigned value) {
    // printf "%02u": values of 100 and more (impossible in these 4..6-bit fields) would print in full.
    if (value < 10) {
        *p++ = '0';
    }
    return std::to_chars(p, p + 8, value).ptr;
}

/// "MM-DDTHH:MMZ" from the raw ETA fields, not-available values included ("00-00T24:60Z").
void write_eta(JsonWriter& out, const decoding::StaticVoyageData& m) {
    std::array<char, 48> text{};
    char* p = append_two_digits(text.data(), m.eta_month);
    *p++ = '-';
    p = append_two_digits(p, m.eta_day);
    *p++ = 'T';
    p = append_two_digits(p, m.eta_hour);
    *p++ = ':';
    p = append_two_digits(p, m.eta_minute);
    *p++ = 'Z';
    out.field("eta", std::string_view{text.data(), static_cast<std::size_t>(p - text.data())});
}

} // namespace

void write_fields(JsonWriter& out, const decoding::StaticVoyageData& m, Scaling scaling) {
    out.field("imo", unsigned{m.imo});
    out.field("ais_version", unsigned{m.ais_version});
    out.field("callsign", m.callsign.view());
    out.field("shipname", m.shipname.view());
    out.field("shiptype", unsigned{m.shiptype});
    out.field_plain("shiptype_text", ship_type_text(m.shiptype));
    write_dimensions(out, m.dimensions);
    out.field("epfd", unsigned{m.epfd});
    out.field_plain("epfd_text", epfd_text(m.epfd));
    write_eta(out, m);
    if (scaling == Scaling::scaled) {
        out.field_ratio("draught", m.draught, 10, 1); // metres
    } else {
        out.field("draught", unsigned{m.draught});
    }
    out.field("destination", m.destination.view());
    out.field("dte", unsigned{m.dte});
}

void write_fields(JsonWriter& out, const decoding::StaticDataB& m, Scaling /*scaling: no scaled fields*/) {
    if (m.part == decoding::StaticDataB::Part::a) {
        out.field("part", "A");
        out.field("shipname", m.shipname.view());
        return;
    }
    out.field("part", "B");
    out.field("shiptype", unsigned{m.shiptype});
    out.field_plain("shiptype_text", ship_type_text(m.shiptype));
    out.field("vendorid", m.vendorid.view());
    out.field("model", unsigned{m.model});
    out.field("serial", unsigned{m.serial});
    out.field("callsign", m.callsign.view());
    if (m.is_auxiliary_craft()) {
        out.field("mothership_mmsi", unsigned{m.mothership_mmsi});
    } else {
        write_dimensions(out, m.dimensions);
    }
}

void write_fields(JsonWriter& out, const decoding::AidToNavigationReport& m, Scaling scaling) {
    out.field("aid_type", unsigned{m.aid_type});
    out.field_plain("aid_type_text", aid_type_text(m.aid_type));
    out.field("name", m.name.view());
    // gpsd writes "accuracy" after the position when scaled and before it when unscaled.
    if (scaling == Scaling::scaled) {
        out.field_ratio("lon", m.position.lon, decoding::Position::units_per_degree, 7);
        out.field_ratio("lat", m.position.lat, decoding::Position::units_per_degree, 7);
        out.field("accuracy", m.accuracy);
    } else {
        out.field("accuracy", m.accuracy);
        out.field("lon", std::int64_t{m.position.lon});
        out.field("lat", std::int64_t{m.position.lat});
    }
    write_dimensions(out, m.dimensions);
    out.field("epfd", unsigned{m.epfd});
    out.field_plain("epfd_text", epfd_text(m.epfd));
    out.field("second", unsigned{m.second});
    out.field("regional", unsigned{m.regional});
    out.field("off_position", m.off_position);
    out.field("raim", m.raim);
    out.field("virtual_aid", m.virtual_aid);
}

} // namespace sagar::output::detail
