// Position reports. Types 1-3 and 18 are most of the traffic, so they are decoded from a few wide reads
// (Chunk below) with constant shifts: no per-field loads, no branches after the length check.

#include "decoders.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace sagar::decoding::detail {
namespace {

/// `width` (<= 57) message bits read at once from bit `first`; fields are then cut out of it with
/// constant shifts. Field positions are absolute message bit numbers (as in the ITU tables) and are
/// checked at compile time to lie inside the chunk.
template <std::size_t first, unsigned width>
class Chunk {
public:
    explicit Chunk(const Bits& bits) noexcept
        : m_bits(bits.u(first, width)) {}

    template <std::size_t start, unsigned field_width>
    [[nodiscard]] std::uint32_t u() const noexcept {
        static_assert(start >= first && start + field_width <= first + width && field_width <= 32);
        return static_cast<std::uint32_t>((m_bits >> (first + width - start - field_width)) &
                                          ((std::uint64_t{1} << field_width) - 1));
    }
    /// Two's-complement field, sign-extended.
    template <std::size_t start, unsigned field_width>
    [[nodiscard]] std::int32_t s() const noexcept {
        const std::uint32_t sign = std::uint32_t{1} << (field_width - 1);
        return static_cast<std::int32_t>(u<start, field_width>() ^ sign) - static_cast<std::int32_t>(sign);
    }
    template <std::size_t start>
    [[nodiscard]] bool flag() const noexcept {
        return u<start, 1>() != 0;
    }

private:
    std::uint64_t m_bits;
};

template <class T>
constexpr std::uint8_t u8(T value) noexcept {
    return static_cast<std::uint8_t>(value);
}
template <class T>
constexpr std::uint16_t u16(T value) noexcept {
    return static_cast<std::uint16_t>(value);
}

} // namespace

DecodeResult decode_position_report_a(const Bits& bits) {
    // gpsd master accepts 163..204 bits: real transmitters send 204-bit reports (extra bits ignored)
    // and a few 163-bit ones (radio state truncated, read from the bits present).
    if (bits.size() < 163) {
        return unexpected(Reject::payload_too_short);
    }
    if (bits.size() > 204) {
        return unexpected(Reject::payload_too_long);
    }
    const Chunk<38, 51> c0(bits);  // status .. lon
    const Chunk<89, 48> c1(bits);  // lat .. heading
    const Chunk<137, 31> c2(bits); // second .. radio
    PositionReportA m;
    m.header = decode_header(bits);
    m.status = u8(c0.u<38, 4>());
    m.turn = static_cast<std::int8_t>(c0.s<42, 8>());
    m.speed = u16(c0.u<50, 10>());
    m.accuracy = c0.flag<60>();
    m.position.lon = c0.s<61, 28>();
    m.position.lat = c1.s<89, 27>();
    m.course = u16(c1.u<116, 12>());
    m.heading = u16(c1.u<128, 9>());
    m.second = u8(c2.u<137, 6>());
    m.maneuver = u8(c2.u<143, 2>());
    m.raim = c2.flag<148>();
    // Bits past the end read as zero, so a short report's radio bits sit at the top of the field; gpsd
    // keeps the bits present as the value, hence the shift (0 for full-length reports).
    const auto missing = static_cast<unsigned>(168 - std::min<std::size_t>(bits.size(), 168));
    m.radio = c2.u<149, 19>() >> missing;
    return Message{m};
}

DecodeResult decode_base_station_report(const Bits& bits) {
    // Longer reports are accepted and the extra bits ignored, as gpsd does.
    if (bits.size() < 168) {
        return unexpected(Reject::payload_too_short);
    }
    const Chunk<38, 41> c0(bits);  // year .. accuracy
    const Chunk<79, 55> c1(bits);  // lon, lat
    const Chunk<134, 34> c2(bits); // epfd .. radio
    BaseStationReport m;
    m.header = decode_header(bits);
    m.year = u16(c0.u<38, 14>());
    m.month = u8(c0.u<52, 4>());
    m.day = u8(c0.u<56, 5>());
    m.hour = u8(c0.u<61, 5>());
    m.minute = u8(c0.u<66, 6>());
    m.second = u8(c0.u<72, 6>());
    m.accuracy = c0.flag<78>();
    m.position.lon = c1.s<79, 28>();
    m.position.lat = c1.s<107, 27>();
    m.epfd = u8(c2.u<134, 4>());
    m.raim = c2.flag<148>();
    m.radio = c2.u<149, 19>();
    return Message{m};
}

DecodeResult decode_sar_aircraft_report(const Bits& bits) {
    // Longer reports are accepted and the extra bits ignored, as gpsd does.
    if (bits.size() < 168) {
        return unexpected(Reject::payload_too_short);
    }
    const Chunk<38, 51> c0(bits);  // altitude .. lon
    const Chunk<89, 45> c1(bits);  // lat .. second
    const Chunk<134, 34> c2(bits); // regional .. radio
    SarAircraftReport m;
    m.header = decode_header(bits);
    m.altitude = u16(c0.u<38, 12>());
    m.speed = u16(c0.u<50, 10>());
    m.accuracy = c0.flag<60>();
    m.position.lon = c0.s<61, 28>();
    m.position.lat = c1.s<89, 27>();
    m.course = u16(c1.u<116, 12>());
    m.second = u8(c1.u<128, 6>());
    m.regional = u8(c2.u<134, 8>());
    m.dte = c2.flag<142>();
    m.assigned = c2.flag<146>();
    m.raim = c2.flag<147>();
    m.radio = c2.u<148, 20>();
    return Message{m};
}

DecodeResult decode_position_report_b(const Bits& bits) {
    // Longer reports are accepted and the extra bits ignored, as gpsd does.
    if (bits.size() < 168) {
        return unexpected(Reject::payload_too_short);
    }
    const Chunk<38, 47> c0(bits);  // reserved .. lon
    const Chunk<85, 54> c1(bits);  // lat .. second
    const Chunk<139, 29> c2(bits); // regional .. radio
    PositionReportB m;
    m.header = decode_header(bits);
    m.reserved = u8(c0.u<38, 8>());
    m.speed = u16(c0.u<46, 10>());
    m.accuracy = c0.flag<56>();
    m.position.lon = c0.s<57, 28>();
    m.position.lat = c1.s<85, 27>();
    m.course = u16(c1.u<112, 12>());
    m.heading = u16(c1.u<124, 9>());
    m.second = u8(c1.u<133, 6>());
    m.regional = u8(c2.u<139, 2>());
    m.cs = c2.flag<141>();
    m.display = c2.flag<142>();
    m.dsc = c2.flag<143>();
    m.band = c2.flag<144>();
    m.msg22 = c2.flag<145>();
    m.assigned = c2.flag<146>();
    m.raim = c2.flag<147>();
    m.radio = c2.u<148, 20>();
    return Message{m};
}

DecodeResult decode_extended_position_b(const Bits& bits) {
    // Longer reports are accepted and the extra bits ignored, as gpsd does.
    if (bits.size() < 312) {
        return unexpected(Reject::payload_too_short);
    }
    const Chunk<38, 47> c0(bits); // reserved .. lon
    const Chunk<85, 54> c1(bits); // lat .. second
    const Chunk<139, 4> regional(bits);
    const Chunk<263, 45> c2(bits); // shiptype .. assigned
    ExtendedPositionReportB m;
    m.header = decode_header(bits);
    m.reserved = u8(c0.u<38, 8>());
    m.speed = u16(c0.u<46, 10>());
    m.accuracy = c0.flag<56>();
    m.position.lon = c0.s<57, 28>();
    m.position.lat = c1.s<85, 27>();
    m.course = u16(c1.u<112, 12>());
    m.heading = u16(c1.u<124, 9>());
    m.second = u8(c1.u<133, 6>());
    m.regional = u8(regional.u<139, 4>());
    bits.text(143, 20, m.shipname);
    m.shiptype = u8(c2.u<263, 8>());
    m.dimensions.to_bow = u16(c2.u<271, 9>());
    m.dimensions.to_stern = u16(c2.u<280, 9>());
    m.dimensions.to_port = u8(c2.u<289, 6>());
    m.dimensions.to_starboard = u8(c2.u<295, 6>());
    m.epfd = u8(c2.u<301, 4>());
    m.raim = c2.flag<305>();
    m.dte = c2.flag<306>();
    m.assigned = c2.flag<307>();
    return Message{m};
}

DecodeResult decode_long_range_position(const Bits& bits) {
    // ITU-R M.1371 says 96 bits; gpsd also takes 168, a full slot that some transmitters send, and
    // rejects every other length.
    if (bits.size() < 96) {
        return unexpected(Reject::payload_too_short);
    }
    if (bits.size() != 96 && bits.size() != 168) {
        return unexpected(Reject::payload_too_long);
    }
    const Chunk<38, 57> c0(bits); // accuracy .. gnss
    LongRangePosition m;
    m.header = decode_header(bits);
    m.accuracy = c0.flag<38>();
    m.raim = c0.flag<39>();
    m.status = u8(c0.u<40, 4>());
    m.position.lon = c0.s<44, 18>();
    m.position.lat = c0.s<62, 17>();
    m.speed = u8(c0.u<79, 6>());
    m.course = u16(c0.u<85, 9>());
    m.gnss = c0.flag<94>();
    return Message{m};
}

} // namespace sagar::decoding::detail
