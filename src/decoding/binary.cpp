#include "decoders.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace sagar::decoding::detail {

namespace {

// Message lengths gpsd accepts (gpsd rejects the others, so sagar does too).
constexpr std::size_t addressed_header_bits = 88; // type 6 up to the FI
constexpr std::size_t broadcast_header_bits = 56; // type 8 up to the FI
constexpr std::size_t max_slots_bits = 1008;      // 5 slots: types 6 and 8
constexpr std::size_t single_slot_min_bits = 40;  // type 25 up to the flags
constexpr std::size_t single_slot_max_bits = 168; // 1 slot
constexpr std::size_t multi_slot_min_bits = 60;   // type 26 flags and communication state
constexpr std::size_t multi_slot_max_bits = 1004; // gpsd's limit for type 26
constexpr std::size_t flags_end = 40;             // types 25/26: addressed and structured flags end here
constexpr unsigned dest_mmsi_bits = 30;
constexpr unsigned app_id_bits = 16;
constexpr unsigned radio_bits = 20;

constexpr std::size_t round_up_to_byte(std::size_t bit_count) {
    return (bit_count + 7) / 8 * 8;
}

/// `count` bits from `start`, cut to the capacity of RawApplicationData. The bits of the last byte
/// past `count` are those that follow in the message up to `visible_end` and zero from there (and past
/// the end of the message): gpsd's hex dump of type 26 shows the first bits of the communication state.
RawApplicationData raw_bits(const Bits& bits, std::size_t start, std::size_t count, std::size_t visible_end) {
    RawApplicationData data;
    count = std::min(count, RawApplicationData::capacity_bits);
    data.bit_count = static_cast<std::uint16_t>(count);
    const std::size_t byte_count = data.byte_count();
    for (std::size_t i = 0; i < byte_count; ++i) {
        data.bytes[i] = static_cast<std::uint8_t>(bits.u(start + 8 * i, 8));
    }
    const std::size_t end = start + 8 * byte_count;
    if (byte_count > 0 && visible_end < end) {
        const auto hidden = static_cast<unsigned>(std::min<std::size_t>(end - visible_end, 8));
        data.bytes[byte_count - 1] =
            static_cast<std::uint8_t>(data.bytes[byte_count - 1] & (0xFFU << hidden));
    }
    return data;
}

struct SlotBinaryFields {
    std::optional<std::uint32_t> dest_mmsi;
    std::optional<ApplicationId> app_id;
    std::size_t data_start = flags_end;
};

/// The optional destination and application id of types 25 and 26 (addressed, then structured).
SlotBinaryFields slot_binary_fields(const Bits& bits) {
    SlotBinaryFields fields;
    if (bits.flag(38)) {
        fields.dest_mmsi = bits.u32(fields.data_start, dest_mmsi_bits);
        fields.data_start += dest_mmsi_bits;
    }
    if (bits.flag(39)) {
        fields.app_id = ApplicationId{static_cast<std::uint16_t>(bits.u(fields.data_start, 10)),
                                      static_cast<std::uint8_t>(bits.u(fields.data_start + 10, 6))};
        fields.data_start += app_id_bits;
    }
    return fields;
}

/// The data of a type 25/26 message as gpsd shows them. gpsd copies whole bytes counted from the
/// destination MMSI and then shifts the MMSI out, so the bits it shows after the data are message bits
/// only up to the end of that copy, and zero after it.
RawApplicationData slot_binary_data(const Bits& bits, const SlotBinaryFields& fields, std::size_t count) {
    std::size_t visible_end = fields.data_start + round_up_to_byte(count);
    if (fields.dest_mmsi) {
        visible_end = fields.data_start - dest_mmsi_bits + round_up_to_byte(count + dest_mmsi_bits);
    }
    return raw_bits(bits, fields.data_start, count, visible_end);
}

} // namespace

RawApplicationData raw_application_data(const Bits& bits, std::size_t start) {
    return raw_bits(bits, start, bits.size() > start ? bits.size() - start : 0, bits.size());
}

DecodeResult decode_addressed_binary(const Bits& bits) {
    if (bits.size() < addressed_header_bits) {
        return unexpected(Reject::payload_too_short);
    }
    if (bits.size() > max_slots_bits) {
        return unexpected(Reject::payload_too_long);
    }
    AddressedBinary m;
    m.header = decode_header(bits);
    m.seqno = static_cast<std::uint8_t>(bits.u(38, 2));
    m.dest_mmsi = bits.u32(40, 30);
    m.retransmit = bits.flag(70);
    m.dac = static_cast<std::uint16_t>(bits.u(72, 10));
    m.fi = static_cast<std::uint8_t>(bits.u(82, 6));
    m.application = decode_addressed_application(m.dac, m.fi, bits, addressed_header_bits);
    return Message{m};
}

DecodeResult decode_broadcast_binary(const Bits& bits) {
    if (bits.size() < broadcast_header_bits) {
        return unexpected(Reject::payload_too_short);
    }
    if (bits.size() > max_slots_bits) {
        return unexpected(Reject::payload_too_long);
    }
    BroadcastBinary m;
    m.header = decode_header(bits);
    m.dac = static_cast<std::uint16_t>(bits.u(40, 10));
    m.fi = static_cast<std::uint8_t>(bits.u(50, 6));
    m.application = decode_broadcast_application(m.dac, m.fi, bits, broadcast_header_bits);
    return Message{m};
}

DecodeResult decode_single_slot_binary(const Bits& bits) {
    if (bits.size() < single_slot_min_bits) {
        return unexpected(Reject::payload_too_short);
    }
    if (bits.size() > single_slot_max_bits) {
        return unexpected(Reject::payload_too_long);
    }
    const SlotBinaryFields fields = slot_binary_fields(bits);
    if (bits.size() < fields.data_start) {
        return unexpected(Reject::payload_too_short);
    }
    SingleSlotBinary m;
    m.header = decode_header(bits);
    m.dest_mmsi = fields.dest_mmsi;
    m.app_id = fields.app_id;
    m.data = slot_binary_data(bits, fields, bits.size() - fields.data_start);
    return Message{m};
}

DecodeResult decode_multi_slot_binary(const Bits& bits) {
    if (bits.size() < multi_slot_min_bits) {
        return unexpected(Reject::payload_too_short);
    }
    if (bits.size() > multi_slot_max_bits) {
        return unexpected(Reject::payload_too_long);
    }
    const SlotBinaryFields fields = slot_binary_fields(bits);
    if (bits.size() < fields.data_start + radio_bits) {
        return unexpected(Reject::payload_too_short);
    }
    const std::size_t radio_start = bits.size() - radio_bits;
    MultiSlotBinary m;
    m.header = decode_header(bits);
    m.dest_mmsi = fields.dest_mmsi;
    m.app_id = fields.app_id;
    m.data = slot_binary_data(bits, fields, radio_start - fields.data_start);
    m.radio = bits.u32(radio_start, radio_bits);
    return Message{m};
}

} // namespace sagar::decoding::detail
