#pragma once
// UTC instants as milliseconds since the Unix epoch. Leap seconds are not represented (as in POSIX time).

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sagar {

class UtcTime {
public:
    constexpr UtcTime() noexcept = default;
    static constexpr UtcTime from_unix_ms(std::int64_t ms) noexcept { return UtcTime{ms}; }
    static constexpr UtcTime from_unix_seconds(std::int64_t s) noexcept { return UtcTime{s * 1000}; }
    [[nodiscard]] constexpr std::int64_t unix_ms() const noexcept { return m_ms; }
    [[nodiscard]] constexpr std::int64_t unix_seconds() const noexcept {
        return m_ms >= 0 ? m_ms / 1000 : -((-m_ms + 999) / 1000);
    }
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 takes the 0 of the defaulted <=> for a pointer
    constexpr auto operator<=>(const UtcTime&) const noexcept = default;

private:
    constexpr explicit UtcTime(std::int64_t ms) noexcept
        : m_ms{ms} {}
    std::int64_t m_ms = 0;
};

/// Hours from `a` to `b` (negative when b is earlier).
constexpr double hours_between(UtcTime a, UtcTime b) noexcept {
    return static_cast<double>(b.unix_ms() - a.unix_ms()) / 3'600'000.0;
}

/// Longest text produced by format_iso8601: "-292277026596-12-04T15:30:07.000Z" never occurs for
/// real AIS times, but the buffer is sized for any int64.
inline constexpr std::size_t iso8601_max_size = 40;

/// Writes "YYYY-MM-DDThh:mm:ssZ", or "YYYY-MM-DDThh:mm:ss.mmmZ" when the time has milliseconds.
/// Returns the number of characters written to `out`.
std::size_t format_iso8601(UtcTime t, std::array<char, iso8601_max_size>& out) noexcept;

/// Parses "YYYY-MM-DDThh:mm:ss[.fff]Z" (UTC only).
std::optional<UtcTime> parse_iso8601(std::string_view text) noexcept;

/// A UTC calendar date and time, field by field.
struct CivilTime {
    unsigned year = 1970;
    unsigned month = 1;
    unsigned day = 1;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0; ///< 60 is accepted (a leap second)
    unsigned millis = 0;
};

/// The instant of `t`; nullopt when a field is out of range (the day is checked against 31 only).
std::optional<UtcTime> from_civil(const CivilTime& t) noexcept;

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

} // namespace sagar
