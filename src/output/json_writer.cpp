#include <sagar/output/json_writer.hpp>

#include <algorithm>
#include <cmath>

namespace sagar::output {
namespace {

/// 1 for the bytes that cannot appear as is in a JSON string: '"', '\\', control bytes, and (so that
/// the output stays valid UTF-8 whatever the input held) everything from DEL up.
constexpr std::array<bool, 256> needs_escape = [] {
    std::array<bool, 256> table{};
    for (std::size_t c = 0; c < table.size(); ++c) {
        table[c] = c < 0x20 || c >= 0x7F || c == '"' || c == '\\';
    }
    return table;
}();

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

/// True when a byte of `word` is in needs_escape. Bit tricks from "Bit Twiddling Hacks", each exact for
/// the question "any byte?" (all the caller asks), combined without branches: (x - ones) & ~x has the
/// high bit of a byte set when that byte of x is zero.
constexpr bool any_needs_escape(std::uint64_t word) noexcept {
    const std::uint64_t quote = word ^ ('"' * ones);
    const std::uint64_t backslash = word ^ ('\\' * ones);
    const std::uint64_t control = (word - 0x20 * ones) & ~word; // a byte < 0x20
    const std::uint64_t high = (word + ones) | word;            // a byte >= 0x7F
    return ((control | high | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & high_bits) !=
           0;
}

} // namespace

void JsonWriter::grow(std::size_t n) {
    const std::size_t used = size();
    const std::size_t capacity =
        std::max({used + n, 2 * static_cast<std::size_t>(m_end - m_data.get()), std::size_t{1} << 16});
    auto data = std::make_unique_for_overwrite<char[]>(capacity);
    if (used != 0) {
        std::memcpy(data.get(), m_data.get(), used);
    }
    m_data = std::move(data);
    m_pos = m_data.get() + used;
    m_end = m_data.get() + capacity;
}

void JsonWriter::field_fixed(std::string_view k, double value, int decimals) {
    if (!std::isfinite(value)) {
        field_raw(k, "null"); // JSON has no NaN; callers avoid this for not-available values
        return;
    }
    std::array<char, 400> digits{}; // fixed notation of any finite double with up to 9 decimals
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value,
                                      std::chars_format::fixed, decimals);
    field_raw(k, std::string_view{digits.data(), static_cast<std::size_t>(result.ptr - digits.data())});
}

char* JsonWriter::append_escaped(char* out, std::string_view text) noexcept {
    static constexpr std::array<char, 16> hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                 '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    const char* in = text.data();
    const char* const end = in + text.size();
    // Eight bytes at a time while none needs escaping (the common case: AIS text is printable ASCII).
    std::uint64_t word = 0;
    while (end - in >= 8) {
        std::memcpy(&word, in, 8);
        if (any_needs_escape(word)) {
            break;
        }
        std::memcpy(out, &word, 8);
        in += 8;
        out += 8;
    }
    // A clean run of 8 or more bytes ending in a short tail: the last 8 bytes, overlapping bytes already
    // copied (which the output holds unescaped at the same distance from the end).
    if (in != end && text.size() >= 8 && (end - in < 8)) {
        std::memcpy(&word, end - 8, 8);
        if (!any_needs_escape(word)) {
            const auto tail = end - in;
            std::memcpy(out + tail - 8, &word, 8);
            return out + tail;
        }
    }
    for (; in != end; ++in) {
        const char c = *in;
        const auto u = static_cast<unsigned char>(c);
        if (!needs_escape[u]) [[likely]] {
            *out++ = c;
        } else if (c == '"' || c == '\\') {
            *out++ = '\\';
            *out++ = c;
        } else {
            // Only ASCII reaches here from AIS; other bytes are written as code points U+0080..U+00FF.
            std::memcpy(out, "\\u00", 4);
            out[4] = hex[u >> 4U];
            out[5] = hex[u & 0xFU];
            out += 6;
        }
    }
    return out;
}

} // namespace sagar::output
