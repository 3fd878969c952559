#include <sagar/core/utc_time.hpp>

#include <charconv>

namespace sagar {
namespace {

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

// Inverse of days_from_civil.
constexpr Civil civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

char* put2(char* p, unsigned v) noexcept {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
    return p + 2;
}

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, unsigned& out) noexcept {
    if (pos + count > text.size()) {
        return false;
    }
    const char* first = text.data() + pos;
    const auto [ptr, ec] = std::from_chars(first, first + count, out);
    return ec == std::errc{} && ptr == first + count;
}

} // namespace

std::size_t format_iso8601(UtcTime t, std::array<char, iso8601_max_size>& out) noexcept {
    const std::int64_t ms = t.unix_ms();
    std::int64_t days = ms / 86'400'000;
    std::int64_t ms_of_day = ms % 86'400'000;
    if (ms_of_day < 0) {
        ms_of_day += 86'400'000;
        --days;
    }
    const Civil c = civil_from_days(days);
    char* p = out.data();
    char* const end = out.data() + out.size();
    if (c.year >= 0 && c.year < 10000) {
        const auto y = static_cast<unsigned>(c.year);
        p = put2(p, y / 100);
        p = put2(p, y % 100);
    } else {
        p = std::to_chars(p, end, c.year).ptr;
    }
    const auto secs = static_cast<unsigned>(ms_of_day / 1000);
    const auto millis = static_cast<unsigned>(ms_of_day % 1000);
    *p++ = '-';
    p = put2(p, c.month);
    *p++ = '-';
    p = put2(p, c.day);
    *p++ = 'T';
    p = put2(p, secs / 3600);
    *p++ = ':';
    p = put2(p, secs / 60 % 60);
    *p++ = ':';
    p = put2(p, secs % 60);
    if (millis != 0) {
        *p++ = '.';
        *p++ = static_cast<char>('0' + millis / 100);
        p = put2(p, millis % 100);
    }
    *p++ = 'Z';
    return static_cast<std::size_t>(p - out.data());
}

std::optional<UtcTime> parse_iso8601(std::string_view text) noexcept {
    unsigned year = 0;
    unsigned month = 0;
    unsigned day = 0;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    if (!read_digits(text, 0, 4, year) || text.size() < 20 || text[4] != '-' ||
        !read_digits(text, 5, 2, month) || text[7] != '-' || !read_digits(text, 8, 2, day) ||
        (text[10] != 'T' && text[10] != ' ') || !read_digits(text, 11, 2, hour) || text[13] != ':' ||
        !read_digits(text, 14, 2, minute) || text[16] != ':' || !read_digits(text, 17, 2, second)) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    unsigned millis = 0;
    if (text[pos] == '.') {
        ++pos;
        unsigned scale = 100;
        const std::size_t digits_start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            millis += static_cast<unsigned>(text[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == digits_start) {
            return std::nullopt;
        }
    }
    if (pos + 1 != text.size() || text[pos] != 'Z') {
        return std::nullopt;
    }
    return from_civil({year, month, day, hour, minute, second, millis});
}

std::optional<UtcTime> from_civil(const CivilTime& t) noexcept {
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59 ||
        t.second > 60 || t.millis > 999) {
        return std::nullopt;
    }
    const std::int64_t days = days_from_civil(t.year, t.month, t.day);
    const std::int64_t seconds =
        days * 86400 + std::int64_t{t.hour} * 3600 + std::int64_t{t.minute} * 60 + t.second;
    return UtcTime::from_unix_ms(seconds * 1000 + t.millis);
}

} // namespace sagar
