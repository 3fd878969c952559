#pragma once
// The packed point of a chunk row (codec 1): 20 bytes, little-endian whatever the host.
//
//   offset size  field
//        0    4  u32 milliseconds since the chunk's t0
//        4    4  i32 latitude, 1e-7 degree (1.1 cm; AIS's 1/600000 degree rounds by at most 5 mm)
//        8    4  i32 longitude, 1e-7 degree
//       12    2  u16 speed over ground, 0.01 knot; 0xFFFF = not available
//       14    2  u16 course over ground, 0.01 degree; 0xFFFF = not available
//       16    2  u16 true heading, 0.01 degree; 0xFFFF = not available
//       18    1  u8  AIS message type (0 = not said)
//       19    1  u8  navigational status (bits 0-3) | transponder class (bits 4-5)
//
// Points in a chunk are in non-decreasing time order, so t0 is the first point's time and t1 the last's.

#include <sagar/core/vessel_report.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

namespace sagar::storage {

inline constexpr std::size_t point_size = 20;
inline constexpr int codec_packed_v1 = 1;
inline constexpr std::uint16_t u16_not_available = 0xFFFF;
inline constexpr double e7 = 1e7;

inline void put_u16(std::uint8_t* p, std::uint16_t v) noexcept {
    p[0] = static_cast<std::uint8_t>(v);
    p[1] = static_cast<std::uint8_t>(v >> 8U);
}
inline void put_u32(std::uint8_t* p, std::uint32_t v) noexcept {
    for (unsigned i = 0; i < 4; ++i) {
        p[i] = static_cast<std::uint8_t>(v >> (8U * i));
    }
}
inline std::uint16_t get_u16(const std::uint8_t* p) noexcept {
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8U));
}
inline std::uint32_t get_u32(const std::uint8_t* p) noexcept {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8U) |
           (static_cast<std::uint32_t>(p[2]) << 16U) | (static_cast<std::uint32_t>(p[3]) << 24U);
}

/// A degree value in 1e-7 degree units; positions are validated by the feeds, so it fits.
inline std::int32_t quantize_degrees(double degrees) noexcept {
    return static_cast<std::int32_t>(std::lround(degrees * e7));
}

/// Hundredths, clamped below the sentinel; NaN becomes the sentinel.
inline std::uint16_t quantize_centi(float value) noexcept {
    if (std::isnan(value) || value < 0) {
        return u16_not_available;
    }
    const long v = std::lround(static_cast<double>(value) * 100.0);
    return static_cast<std::uint16_t>(v >= u16_not_available ? u16_not_available - 1 : v);
}

inline float centi_to_float(std::uint16_t v) noexcept {
    // Division in float: 1230 / 100 gives exactly the float nearest 12.3, i.e. 12.3f.
    return v == u16_not_available ? not_available : static_cast<float>(v) / 100.0F;
}

inline std::uint32_t point_dt(const std::uint8_t* p) noexcept {
    return get_u32(p);
}
inline std::int32_t point_lat_e7(const std::uint8_t* p) noexcept {
    return static_cast<std::int32_t>(get_u32(p + 4));
}
inline std::int32_t point_lon_e7(const std::uint8_t* p) noexcept {
    return static_cast<std::int32_t>(get_u32(p + 8));
}

inline void encode_point(const PositionReport& r, std::uint32_t dt_ms, std::uint8_t* p) noexcept {
    put_u32(p, dt_ms);
    put_u32(p + 4, static_cast<std::uint32_t>(quantize_degrees(r.lat)));
    put_u32(p + 8, static_cast<std::uint32_t>(quantize_degrees(r.lon)));
    put_u16(p + 12, quantize_centi(r.speed_knots));
    put_u16(p + 14, quantize_centi(r.course_deg));
    put_u16(p + 16, quantize_centi(r.heading_deg));
    p[18] = r.message_type;
    p[19] = static_cast<std::uint8_t>((r.nav_status & 0x0FU) |
                                      ((static_cast<unsigned>(r.transponder) & 0x03U) << 4U));
}

inline PositionReport decode_point(const std::uint8_t* p, std::int64_t t0_ms, std::uint32_t mmsi) noexcept {
    PositionReport r;
    r.time = UtcTime::from_unix_ms(t0_ms + point_dt(p));
    r.mmsi = mmsi;
    r.lat = static_cast<double>(point_lat_e7(p)) / e7;
    r.lon = static_cast<double>(point_lon_e7(p)) / e7;
    r.speed_knots = centi_to_float(get_u16(p + 12));
    r.course_deg = centi_to_float(get_u16(p + 14));
    r.heading_deg = centi_to_float(get_u16(p + 16));
    r.message_type = p[18];
    r.nav_status = static_cast<std::uint8_t>(p[19] & 0x0FU);
    r.transponder = static_cast<TransponderClass>((p[19] >> 4U) & 0x03U);
    return r;
}

} // namespace sagar::storage
