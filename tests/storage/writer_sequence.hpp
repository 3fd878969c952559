#pragma once
// The positions store_writer adds, as a function of their index, so the kill test can tell exactly
// which ones the store kept.

#include <sagar/core/vessel_report.hpp>

#include <cstdint>

namespace sagar::storage::test {

inline constexpr std::uint32_t writer_vessels = 50;
inline constexpr std::uint32_t writer_first_mmsi = 211'000'000;
inline constexpr std::int64_t writer_base_ms = 1'700'000'000'000;

/// Point i belongs to vessel i % writer_vessels; times grow with i, so every vessel's track is in order.
inline PositionReport writer_point(std::uint64_t i) {
    PositionReport r;
    r.mmsi = writer_first_mmsi + static_cast<std::uint32_t>(i % writer_vessels);
    r.time = UtcTime::from_unix_ms(writer_base_ms + static_cast<std::int64_t>(i) * 10);
    r.lat = 10.0 + static_cast<double>(i % 100'000) * 1e-5;
    r.lon = -20.0 - static_cast<double>(i % 7) * 0.1;
    r.speed_knots = static_cast<float>(i % 500) / 10.0F;
    r.course_deg = static_cast<float>(i % 3600) / 10.0F;
    r.nav_status = static_cast<std::uint8_t>(i % 16);
    r.message_type = 1;
    r.transponder = TransponderClass::a;
    return r;
}

} // namespace sagar::storage::test
