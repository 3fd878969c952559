// Types 7, 10, 12-17, 20, 22, 23 (ITU-R M.1371-5 §3.3.7-3.3.23).
//
// Length policy: a message shorter than the fixed part gpsd requires is rejected. A longer one is
// accepted and its fields decoded, although gpsd drops types 7, 13, 15 and 16 above 168 bits, 17 above
// 816 and 20 above 186: the fields that were sent are intact, and Reject has no "too long" reason.
// Optional repeated groups are decoded only when the message carries them, by gpsd's test where it
// has one.

#include "decoders.hpp"

#include <algorithm>

namespace sagar::decoding::detail {
namespace {

TenthMinutePosition tenth_minute_position(const Bits& bits, std::size_t start) {
    return TenthMinutePosition{bits.s32(start, 18), bits.s32(start + 18, 17)};
}

/// Bits from `start` to the end of the message, as many as RawApplicationData holds.
RawApplicationData raw_bits(const Bits& bits, std::size_t start) {
    RawApplicationData data;
    const std::size_t available = bits.size() > start ? bits.size() - start : 0;
    const std::size_t count = std::min(available, RawApplicationData::capacity_bits);
    data.bit_count = static_cast<std::uint16_t>(count);
    // Bits reads zeros past the end of the message, so the last byte's unused low bits are zero.
    for (std::size_t i = 0; i * 8 < count; ++i) {
        const unsigned width = static_cast<unsigned>(std::min<std::size_t>(8, count - i * 8));
        data.bytes[i] = static_cast<std::uint8_t>(bits.u(start + i * 8, width) << (8 - width));
    }
    return data;
}

} // namespace

DecodeResult decode_binary_acknowledge(const Bits& bits) {
    // 72 bits hold one acknowledgement; each further one adds 32 (ITU lengths 72, 104, 136, 168).
    constexpr std::size_t first = 40;
    constexpr std::size_t stride = 32;
    if (bits.size() < first + stride) {
        return unexpected(Reject::payload_too_short);
    }
    BinaryAcknowledge m;
    m.header = decode_header(bits);
    for (std::size_t i = 0; i < m.acknowledgements.size(); ++i) {
        const std::size_t start = first + stride * i;
        // gpsd counts a group as sent when its first bit is inside the message; a partial group reads
        // the missing bits as zero.
        if (start >= bits.size()) {
            break;
        }
        m.acknowledgements[i] =
            Acknowledgement{bits.u32(start, 30), static_cast<std::uint8_t>(bits.u(start + 30, 2))};
        ++m.count;
    }
    return Message{m};
}

DecodeResult decode_utc_inquiry(const Bits& bits) {
    if (bits.size() < 72) {
        return unexpected(Reject::payload_too_short);
    }
    UtcInquiry m;
    m.header = decode_header(bits);
    m.dest_mmsi = bits.u32(40, 30);
    return Message{m};
}

DecodeResult decode_addressed_safety(const Bits& bits) {
    constexpr std::size_t text_start = 72;
    if (bits.size() < text_start) {
        return unexpected(Reject::payload_too_short);
    }
    AddressedSafety m;
    m.header = decode_header(bits);
    m.seqno = static_cast<std::uint8_t>(bits.u(38, 2));
    m.dest_mmsi = bits.u32(40, 30);
    m.retransmit = bits.flag(70);
    // The text runs to the end of the message; a trailing partial character is padding.
    bits.text(text_start, (bits.size() - text_start) / 6, m.text);
    return Message{m};
}

DecodeResult decode_broadcast_safety(const Bits& bits) {
    constexpr std::size_t text_start = 40;
    if (bits.size() < text_start) {
        return unexpected(Reject::payload_too_short);
    }
    BroadcastSafety m;
    m.header = decode_header(bits);
    bits.text(text_start, (bits.size() - text_start) / 6, m.text);
    return Message{m};
}

DecodeResult decode_interrogation(const Bits& bits) {
    // ITU lengths: 88 (one request), 110 (two to station 1), 160 (plus one to station 2).
    if (bits.size() < 88) {
        return unexpected(Reject::payload_too_short);
    }
    Interrogation m;
    m.header = decode_header(bits);
    m.mmsi1 = bits.u32(40, 30);
    m.request1_1 = InterrogationRequest{static_cast<std::uint8_t>(bits.u(70, 6)),
                                        static_cast<std::uint16_t>(bits.u(76, 12))};
    m.request_count = 1;
    // gpsd's thresholds: a request is present when the message goes past its first bit (after the
    // 2 spare bits that close the previous part).
    if (bits.size() > 90) {
        m.request1_2 = InterrogationRequest{static_cast<std::uint8_t>(bits.u(90, 6)),
                                            static_cast<std::uint16_t>(bits.u(96, 12))};
        m.request_count = 2;
        if (bits.size() > 110) {
            m.mmsi2 = bits.u32(110, 30);
            m.request2_1 = InterrogationRequest{static_cast<std::uint8_t>(bits.u(140, 6)),
                                                static_cast<std::uint16_t>(bits.u(146, 12))};
            m.request_count = 3;
        }
    }
    return Message{m};
}

DecodeResult decode_assigned_mode_command(const Bits& bits) {
    // ITU lengths: 96 (one assignment + 4 spare bits) and 144 (two assignments).
    if (bits.size() < 96) {
        return unexpected(Reject::payload_too_short);
    }
    AssignedModeCommand m;
    m.header = decode_header(bits);
    const auto assignment = [&bits](std::size_t start) {
        return ModeAssignment{bits.u32(start, 30), static_cast<std::uint16_t>(bits.u(start + 30, 12)),
                              static_cast<std::uint16_t>(bits.u(start + 42, 10))};
    };
    m.assignments[0] = assignment(40);
    m.count = 1;
    // Like gpsd, the second assignment counts only when complete: a 96-bit message ends in spare bits.
    if (bits.size() >= 144) {
        m.assignments[1] = assignment(92);
        m.count = 2;
    }
    return Message{m};
}

DecodeResult decode_dgnss_correction(const Bits& bits) {
    constexpr std::size_t data_start = 80;
    // 80 bits: the reference position with no correction words (ITU allows this).
    if (bits.size() < data_start) {
        return unexpected(Reject::payload_too_short);
    }
    DgnssCorrection m;
    m.header = decode_header(bits);
    m.reference = tenth_minute_position(bits, 40);
    m.data = raw_bits(bits, data_start);
    return Message{m};
}

DecodeResult decode_data_link_management(const Bits& bits) {
    // 72 bits hold one reservation; each further one adds 30 (ITU lengths 72, 104, 136, 160, the
    // shorter ones padded with spare bits to a byte boundary).
    constexpr std::size_t first = 40;
    constexpr std::size_t stride = 30;
    if (bits.size() < 72) {
        return unexpected(Reject::payload_too_short);
    }
    DataLinkManagement m;
    m.header = decode_header(bits);
    for (std::size_t i = 0; i < m.reservations.size(); ++i) {
        const std::size_t start = first + stride * i;
        // A reservation counts only when complete, so the spare bits that pad a short message are not
        // taken for one. gpsd reads all four regardless, which prints the same unless those spare
        // bits, which should be zero, are not.
        if (start + stride > bits.size()) {
            break;
        }
        m.reservations[i] = SlotReservation{static_cast<std::uint16_t>(bits.u(start, 12)),
                                            static_cast<std::uint8_t>(bits.u(start + 12, 4)),
                                            static_cast<std::uint8_t>(bits.u(start + 16, 3)),
                                            static_cast<std::uint16_t>(bits.u(start + 19, 11))};
        ++m.count;
    }
    return Message{m};
}

DecodeResult decode_channel_management(const Bits& bits) {
    if (bits.size() < 168) {
        return unexpected(Reject::payload_too_short);
    }
    ChannelManagement m;
    m.header = decode_header(bits);
    m.channel_a = static_cast<std::uint16_t>(bits.u(40, 12));
    m.channel_b = static_cast<std::uint16_t>(bits.u(52, 12));
    m.txrx = static_cast<std::uint8_t>(bits.u(64, 4));
    m.power = bits.flag(68);
    m.addressed = bits.flag(139);
    if (m.addressed) {
        // Each 30-bit MMSI sits in the 35 bits of a corner, followed by 5 spare bits.
        m.dest_mmsi = {bits.u32(69, 30), bits.u32(104, 30)};
    } else {
        m.ne = tenth_minute_position(bits, 69);
        m.sw = tenth_minute_position(bits, 104);
    }
    m.band_a = bits.flag(140);
    m.band_b = bits.flag(141);
    m.zonesize = static_cast<std::uint8_t>(bits.u(142, 3));
    return Message{m};
}

DecodeResult decode_group_assignment(const Bits& bits) {
    if (bits.size() < 160) {
        return unexpected(Reject::payload_too_short);
    }
    GroupAssignment m;
    m.header = decode_header(bits);
    m.ne = tenth_minute_position(bits, 40);
    m.sw = tenth_minute_position(bits, 75);
    m.station_type = static_cast<std::uint8_t>(bits.u(110, 4));
    m.ship_type = static_cast<std::uint8_t>(bits.u(114, 8));
    // Bits 122-143 are reserved.
    m.txrx = static_cast<std::uint8_t>(bits.u(144, 2));
    m.interval = static_cast<std::uint8_t>(bits.u(146, 4));
    m.quiet = static_cast<std::uint8_t>(bits.u(150, 4));
    return Message{m};
}

} // namespace sagar::decoding::detail
