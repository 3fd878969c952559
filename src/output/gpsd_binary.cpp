// gpsd JSON fields of the binary messages (types 6, 8, 25, 26) and gpsd's "data" dump of raw bits.

#include "gpsd_fields.hpp"

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>

namespace sagar::output::detail {
namespace {

/// gpsd never decodes the communication state of type 26 and always reports "radio":0; sagar keeps the
/// transmitted value in MultiSlotBinary::radio and writes gpsd's constant so the JSON stays comparable.
constexpr unsigned gpsd_type26_radio = 0;

/// The fields common to types 25 and 26; gpsd writes 0 for an absent destination or application id.
template <class SlotBinary>
void write_slot_binary(JsonWriter& out, const SlotBinary& m) {
    out.field("addressed", m.addressed());
    out.field("structured", m.structured());
    out.field("dest_mmsi", std::uint64_t{m.dest_mmsi.value_or(0)});
    out.field("app_id", unsigned{m.app_id ? m.app_id->value() : 0U});
    write_raw_data(out, m.data);
}

} // namespace

void write_raw_data(JsonWriter& out, const decoding::RawApplicationData& data) {
    static constexpr std::array<char, 16> hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                 '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    // "<bit count>:" then two lowercase hex digits per byte; the last byte is whole, as in gpsd.
    std::array<char, 8 + 2 * decoding::RawApplicationData::capacity_bytes> text{};
    char* p = std::to_chars(text.data(), text.data() + 8, unsigned{data.bit_count}).ptr;
    *p++ = ':';
    for (std::size_t i = 0; i < data.byte_count(); ++i) {
        *p++ = hex[data.bytes[i] >> 4U];
        *p++ = hex[data.bytes[i] & 0xFU];
    }
    out.field("data", std::string_view{text.data(), static_cast<std::size_t>(p - text.data())});
}

void write_fields(JsonWriter& out, const decoding::AddressedBinary& m, Scaling scaling) {
    out.field("seqno", unsigned{m.seqno});
    out.field("dest_mmsi", std::uint64_t{m.dest_mmsi});
    out.field("retransmit", m.retransmit);
    out.field("dac", unsigned{m.dac});
    out.field("fid", unsigned{m.fi});
    write_application(out, m.application, scaling);
}

void write_fields(JsonWriter& out, const decoding::BroadcastBinary& m, Scaling scaling) {
    out.field("dac", unsigned{m.dac});
    out.field("fid", unsigned{m.fi});
    write_application(out, m.application, scaling);
}

void write_fields(JsonWriter& out, const decoding::SingleSlotBinary& m, Scaling /*scaling*/) {
    write_slot_binary(out, m);
}

void write_fields(JsonWriter& out, const decoding::MultiSlotBinary& m, Scaling /*scaling*/) {
    write_slot_binary(out, m);
    out.field("radio", gpsd_type26_radio);
}

} // namespace sagar::output::detail
