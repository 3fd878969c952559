// Static and voyage data (5), Class B static data (24) and aids to navigation (21).

#include "decoders.hpp"

#include <cstddef>
#include <cstdint>

namespace sagar::decoding::detail {
namespace {

std::uint8_t u8(const Bits& bits, std::size_t start, unsigned width) noexcept {
    return static_cast<std::uint8_t>(bits.u(start, width));
}
std::uint16_t u16(const Bits& bits, std::size_t start, unsigned width) noexcept {
    return static_cast<std::uint16_t>(bits.u(start, width));
}

Dimensions read_dimensions(const Bits& bits, std::size_t start) noexcept {
    return Dimensions{u16(bits, start, 9), u16(bits, start + 9, 9), u8(bits, start + 18, 6),
                      u8(bits, start + 24, 6)};
}

/// Appends up to `chars` six-bit characters from `start`, stopping at the first '@' or at the end of
/// the message. Returns the number appended.
template <std::size_t N>
std::size_t append_sixbit(const Bits& bits, std::size_t start, std::size_t chars,
                          FixedString<N>& out) noexcept {
    std::size_t i = 0;
    for (; i < chars && start + 6 * (i + 1) <= bits.size(); ++i) {
        const char c = Bits::sixbit_ascii(static_cast<std::uint8_t>(bits.u(start + 6 * i, 6)));
        if (c == '@') {
            break;
        }
        out.push_back(c);
    }
    return i;
}

template <std::size_t N>
void trim_trailing_spaces(FixedString<N>& text) noexcept {
    std::size_t end = text.size();
    while (end > 0 && text.view()[end - 1] == ' ') {
        --end;
    }
    text.resize_down(end);
}

} // namespace

DecodeResult decode_static_voyage_data(const Bits& bits) {
    // ITU-R M.1371 says 424 bits; like gpsd, 420 and 422 are accepted because many transmitters send
    // them (the missing bits are the DTE flag and the spare, read as zero).
    if (bits.size() < 420) {
        return unexpected(Reject::payload_too_short);
    }
    StaticVoyageData m;
    m.header = decode_header(bits);
    m.ais_version = u8(bits, 38, 2);
    m.imo = bits.u32(40, 30);
    bits.text(70, 7, m.callsign);
    bits.text(112, 20, m.shipname);
    m.shiptype = u8(bits, 232, 8);
    m.dimensions = read_dimensions(bits, 240);
    m.epfd = u8(bits, 270, 4);
    m.eta_month = u8(bits, 274, 4);
    m.eta_day = u8(bits, 278, 5);
    m.eta_hour = u8(bits, 283, 5);
    m.eta_minute = u8(bits, 288, 6);
    m.draught = u8(bits, 294, 8);
    bits.text(302, 20, m.destination);
    m.dte = bits.flag(422);
    return Message{m};
}

DecodeResult decode_static_data_b(const Bits& bits) {
    StaticDataB m;
    m.header = decode_header(bits);
    switch (bits.u(38, 2)) {
    case 0:
        // Part A is 160 bits; gpsd also takes up to 168 (a padded slot) and rejects longer ones.
        if (bits.size() < 160) {
            return unexpected(Reject::payload_too_short);
        }
        if (bits.size() > 168) {
            return unexpected(Reject::payload_too_long);
        }
        m.part = StaticDataB::Part::a;
        bits.text(40, 20, m.shipname);
        return Message{m};
    case 1:
        // Longer part B messages are accepted and the extra bits ignored, as gpsd does.
        if (bits.size() < 168) {
            return unexpected(Reject::payload_too_short);
        }
        m.part = StaticDataB::Part::b;
        m.shiptype = u8(bits, 40, 8);
        bits.text(48, 7, m.vendorid);
        m.model = u8(bits, 66, 4);
        m.serial = bits.u32(70, 20);
        bits.text(90, 7, m.callsign);
        m.dimensions = read_dimensions(bits, 132);
        m.mothership_mmsi = bits.u32(132, 30);
        return Message{m};
    default:
        // Part numbers 2 and 3 are undefined; gpsd drops such messages too.
        return unexpected(Reject::message_subtype);
    }
}

DecodeResult decode_aid_to_navigation(const Bits& bits) {
    // The fixed part is 272 bits; the name extension may add up to 88 bits plus padding. Like gpsd,
    // anything longer than 368 bits is rejected as noise.
    if (bits.size() < 272) {
        return unexpected(Reject::payload_too_short);
    }
    if (bits.size() > 368) {
        return unexpected(Reject::payload_too_long);
    }
    AidToNavigationReport m;
    m.header = decode_header(bits);
    m.aid_type = u8(bits, 38, 5);
    // The extension continues the name only when the name uses all 20 characters. Trailing spaces
    // are stripped once, after joining, so a space-padded 20-character name still takes its extension.
    if (append_sixbit(bits, 43, 20, m.name) == 20) {
        append_sixbit(bits, 272, 14, m.name);
    }
    trim_trailing_spaces(m.name);
    m.accuracy = bits.flag(163);
    m.position.lon = bits.s32(164, 28);
    m.position.lat = bits.s32(192, 27);
    m.dimensions = read_dimensions(bits, 219);
    m.epfd = u8(bits, 249, 4);
    m.second = u8(bits, 253, 6);
    m.off_position = bits.flag(259);
    m.regional = u8(bits, 260, 8);
    m.raim = bits.flag(268);
    m.virtual_aid = bits.flag(269);
    m.assigned = bits.flag(270);
    return Message{m};
}

} // namespace sagar::decoding::detail
