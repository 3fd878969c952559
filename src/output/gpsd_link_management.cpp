// gpsd fields of types 7, 10, 12-17, 20, 22, 23. gpsd writes every group of the repeated-group
// messages (7, 13, 15, 16, 20), with zeros for the groups the message did not carry; so do we.

#include "gpsd_fields.hpp"

#include <array>
#include <charconv>
#include <string_view>

namespace sagar::output::detail {
namespace {

/// 1/10 minute of arc per degree.
constexpr double tenth_minutes_per_degree = 600.0;

// gpsd's vocabulary for the type 23 station type (ITU-R M.1371-5 table 75).
constexpr std::array<std::string_view, 16> station_type_texts = {
    "All types of mobiles",
    "Reserved for future use",
    "All types of Class B mobile stations",
    "SAR airborne mobile station",
    "Aid to Navigation station",
    "Class B shipborne mobile station",
    "Regional use and inland waterways",
    "Regional use and inland waterways",
    "Regional use and inland waterways",
    "Regional use and inland waterways",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
    "Reserved for future use",
};

/// Scaled corners of types 22 and 23: gpsd prints them as strings holding printf("%f") of degrees.
void corner_degrees(JsonWriter& out, std::string_view key, std::int32_t tenth_minutes) {
    std::array<char, 32> text{};
    const auto result = std::to_chars(text.data(), text.data() + text.size(),
                                      tenth_minutes / tenth_minutes_per_degree, std::chars_format::fixed, 6);
    out.field(key, std::string_view{text.data(), static_cast<std::size_t>(result.ptr - text.data())});
}

void write_corners(JsonWriter& out, const decoding::TenthMinutePosition& ne,
                   const decoding::TenthMinutePosition& sw, Scaling scaling) {
    if (scaling == Scaling::scaled) {
        corner_degrees(out, "ne_lon", ne.lon);
        corner_degrees(out, "ne_lat", ne.lat);
        corner_degrees(out, "sw_lon", sw.lon);
        corner_degrees(out, "sw_lat", sw.lat);
    } else {
        out.field("ne_lon", ne.lon);
        out.field("ne_lat", ne.lat);
        out.field("sw_lon", sw.lon);
        out.field("sw_lat", sw.lat);
    }
}

} // namespace

void write_fields(JsonWriter& out, const decoding::BinaryAcknowledge& m, Scaling /*scaling*/) {
    // gpsd does not print the acknowledged sequence numbers.
    static constexpr std::array<std::string_view, decoding::BinaryAcknowledge::max_acknowledgements> keys = {
        "mmsi1", "mmsi2", "mmsi3", "mmsi4"};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        out.field(keys[i], std::uint64_t{m.acknowledgements[i].mmsi});
    }
}

void write_fields(JsonWriter& out, const decoding::UtcInquiry& m, Scaling /*scaling*/) {
    out.field("dest_mmsi", std::uint64_t{m.dest_mmsi});
}

void write_fields(JsonWriter& out, const decoding::AddressedSafety& m, Scaling /*scaling*/) {
    out.field("seqno", unsigned{m.seqno});
    out.field("dest_mmsi", std::uint64_t{m.dest_mmsi});
    out.field("retransmit", m.retransmit);
    out.field("text", m.text.view());
}

void write_fields(JsonWriter& out, const decoding::BroadcastSafety& m, Scaling /*scaling*/) {
    out.field("text", m.text.view());
}

void write_fields(JsonWriter& out, const decoding::Interrogation& m, Scaling /*scaling*/) {
    out.field("mmsi1", std::uint64_t{m.mmsi1});
    out.field("type1_1", unsigned{m.request1_1.message_type});
    out.field("offset1_1", unsigned{m.request1_1.slot_offset});
    out.field("type1_2", unsigned{m.request1_2.message_type});
    out.field("offset1_2", unsigned{m.request1_2.slot_offset});
    out.field("mmsi2", std::uint64_t{m.mmsi2});
    out.field("type2_1", unsigned{m.request2_1.message_type});
    out.field("offset2_1", unsigned{m.request2_1.slot_offset});
}

void write_fields(JsonWriter& out, const decoding::AssignedModeCommand& m, Scaling /*scaling*/) {
    static constexpr std::array<std::array<std::string_view, 3>,
                                decoding::AssignedModeCommand::max_assignments>
        keys = {{{"mmsi1", "offset1", "increment1"}, {"mmsi2", "offset2", "increment2"}}};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const decoding::ModeAssignment& a = m.assignments[i];
        out.field(keys[i][0], std::uint64_t{a.mmsi});
        out.field(keys[i][1], unsigned{a.offset});
        out.field(keys[i][2], unsigned{a.increment});
    }
}

void write_fields(JsonWriter& out, const decoding::DgnssCorrection& m, Scaling scaling) {
    if (scaling == Scaling::scaled) {
        // gpsd rounds the degrees as a double ("%.1f"); field_fixed rounds the same double the same way.
        out.field_fixed("lon", m.reference.lon / tenth_minutes_per_degree, 1);
        out.field_fixed("lat", m.reference.lat / tenth_minutes_per_degree, 1);
    } else {
        out.field("lon", m.reference.lon);
        out.field("lat", m.reference.lat);
    }
    write_raw_data(out, m.data);
}

void write_fields(JsonWriter& out, const decoding::DataLinkManagement& m, Scaling /*scaling*/) {
    static constexpr std::array<std::array<std::string_view, 4>,
                                decoding::DataLinkManagement::max_reservations>
        keys = {{{"offset1", "number1", "timeout1", "increment1"},
                 {"offset2", "number2", "timeout2", "increment2"},
                 {"offset3", "number3", "timeout3", "increment3"},
                 {"offset4", "number4", "timeout4", "increment4"}}};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const decoding::SlotReservation& r = m.reservations[i];
        out.field(keys[i][0], unsigned{r.offset});
        out.field(keys[i][1], unsigned{r.number});
        out.field(keys[i][2], unsigned{r.timeout});
        out.field(keys[i][3], unsigned{r.increment});
    }
}

void write_fields(JsonWriter& out, const decoding::ChannelManagement& m, Scaling scaling) {
    out.field("channel_a", unsigned{m.channel_a});
    out.field("channel_b", unsigned{m.channel_b});
    out.field("txrx", unsigned{m.txrx});
    out.field("power", m.power);
    if (m.addressed) {
        out.field("dest1", std::uint64_t{m.dest_mmsi[0]});
        out.field("dest2", std::uint64_t{m.dest_mmsi[1]});
    } else {
        write_corners(out, m.ne, m.sw, scaling);
    }
    out.field("addressed", m.addressed);
    out.field("band_a", m.band_a);
    out.field("band_b", m.band_b);
    out.field("zonesize", unsigned{m.zonesize});
}

void write_fields(JsonWriter& out, const decoding::GroupAssignment& m, Scaling scaling) {
    // gpsd does not print txrx for this type.
    write_corners(out, m.ne, m.sw, scaling);
    out.field("stationtype", unsigned{m.station_type});
    out.field("stationtype_text", station_type_texts[m.station_type & 0xFU]);
    out.field("shiptype", unsigned{m.ship_type});
    out.field("shiptype_text", ship_type_text(m.ship_type));
    out.field("interval", unsigned{m.interval});
    out.field("quiet", unsigned{m.quiet});
}

} // namespace sagar::output::detail
