#pragma once
// A small JSON writer into a reused buffer. Hand-written on purpose: `sagar decode` writes millions of
// records per second, and building a DOM (nlohmann) per record is ~10x slower (ecosystem-reference §2).
// It places commas itself, escapes strings and formats numbers; it never allocates once the buffer has
// grown to the largest record.
//
// The field writers are inline because their keys are literals: inlined, each key is copied with a
// constant-size memcpy and each fixed-point scaling divides by a constant (a multiplication). Every
// writer first reserves its worst case once, then writes through a raw pointer without further checks.

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>

namespace sagar::output {

class JsonWriter {
public:
    JsonWriter() { grow(std::size_t{1} << 16); }
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;
    JsonWriter(JsonWriter&&) noexcept = default;
    JsonWriter& operator=(JsonWriter&&) noexcept = default;
    ~JsonWriter() = default;

    void begin_object() {
        reserve(2);
        char* p = m_pos;
        *p = ',';
        p += m_need_comma ? 1 : 0;
        *p++ = '{';
        m_pos = p;
        m_need_comma = false;
    }
    void begin_object(std::string_view k) {
        char* p = begin_field(k, 1);
        *p++ = '{';
        m_pos = p;
        m_need_comma = false;
    }
    void end_object() { close('}'); }
    void begin_array(std::string_view k) {
        char* p = begin_field(k, 1);
        *p++ = '[';
        m_pos = p;
        m_need_comma = false;
    }
    void end_array() { close(']'); }

    void field(std::string_view k, std::int64_t value) { field_int(k, value); }
    void field(std::string_view k, std::uint64_t value) { field_int(k, value); }
    void field(std::string_view k, int value) { field_int(k, value); }
    void field(std::string_view k, unsigned value) { field_int(k, value); }
    void field(std::string_view k, bool value) {
        char* p = begin_field(k, 5);
        // Both spellings are copied as 5 bytes (the reservation covers it); only the length differs.
        std::memcpy(p, value ? "true " : "false", 5);
        m_pos = p + (value ? 4 : 5);
    }
    void field(std::string_view k, std::string_view value) {
        char* p = begin_field(k, 2 + max_escaped_size * value.size());
        *p++ = '"';
        p = append_escaped(p, value);
        *p++ = '"';
        m_pos = p;
    }
    void field(std::string_view k, const char* value) { field(k, std::string_view{value}); }
    /// A string the caller knows needs no escaping (is_plain_text): the vocabularies of the gpsd
    /// format and numbers formatted as text. Copied without the escape scan.
    void field_plain(std::string_view k, std::string_view plain) {
        assert(is_plain_text(plain));
        char* p = begin_field(k, plain.size() + 2);
        *p++ = '"';
        std::memcpy(p, plain.data(), plain.size());
        p += plain.size();
        *p++ = '"';
        m_pos = p;
    }
    /// True when every byte of `text` is printable ASCII other than '"' and '\\', so that field()
    /// would copy it unchanged.
    static constexpr bool is_plain_text(std::string_view text) noexcept {
        return std::ranges::all_of(text,
                                   [](char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; });
    }

    /// `numerator / denominator` rounded half away from zero to `decimals` places, in exact integer
    /// arithmetic (used for fixed-point wire values such as 1/600000 degree or 1/10 knot).
    /// Preconditions: denominator != 0, 0 <= decimals <= 9, |numerator| * 10^decimals < 2^62.
    void field_ratio(std::string_view k, std::int64_t numerator, std::int64_t denominator, int decimals) {
        char* p = begin_field(k, 1 + max_int_size + 1 + 9); // sign, digits, point, decimals
        const auto n = static_cast<std::size_t>(decimals);
        const auto scale = static_cast<std::uint64_t>(powers_of_ten[n]);
        const bool negative = (numerator < 0) != (denominator < 0) && numerator != 0;
        const auto num = static_cast<std::uint64_t>(numerator < 0 ? -numerator : numerator);
        const auto den = static_cast<std::uint64_t>(denominator < 0 ? -denominator : denominator);
        // Scaled magnitude, rounded half away from zero: (2 * num * scale + den) / (2 * den).
        const std::uint64_t scaled = (2 * num * scale + den) / (2 * den);
        *p = '-';
        p += negative && scaled != 0 ? 1 : 0;
        const std::uint64_t whole = scaled / scale;
        p = std::to_chars(p, p + max_int_size, whole).ptr;
        if (n != 0) {
            *p++ = '.';
            p = write_digits(p, scaled - whole * scale, n);
        }
        m_pos = p;
    }
    /// A double with a fixed number of decimals.
    void field_fixed(std::string_view k, double value, int decimals);
    /// Opens an object whose first members are `members`, valid JSON the caller prepared (`"a":1,"b":"x"`):
    /// records that start alike start with one copy.
    void begin_object_with(std::string_view members) {
        reserve(2 + members.size());
        char* p = m_pos;
        *p = ',';
        p += m_need_comma ? 1 : 0;
        *p++ = '{';
        std::memcpy(p, members.data(), members.size());
        m_pos = p + members.size();
        m_need_comma = !members.empty();
    }
    /// Text copied as is: the caller guarantees it is valid JSON.
    void field_raw(std::string_view k, std::string_view json) {
        char* p = begin_field(k, json.size());
        std::memcpy(p, json.data(), json.size());
        m_pos = p + json.size();
    }

    /// Appends a newline (JSON Lines) after the outermost object.
    void end_line() {
        reserve(1);
        *m_pos++ = '\n';
        m_need_comma = false;
    }

    [[nodiscard]] std::string_view view() const noexcept {
        return {m_data.get(), static_cast<std::size_t>(m_pos - m_data.get())};
    }
    [[nodiscard]] std::size_t size() const noexcept { return static_cast<std::size_t>(m_pos - m_data.get()); }
    void clear() noexcept {
        m_pos = m_data.get();
        m_need_comma = false;
    }

private:
    static constexpr std::size_t max_int_size = 20;    // digits of 2^64 - 1, or a sign and 19 digits
    static constexpr std::size_t max_escaped_size = 6; // "\u00XX"
    static constexpr std::array<char, 200> digit_pairs = [] {
        std::array<char, 200> pairs{};
        for (std::size_t i = 0; i < 100; ++i) {
            pairs[2 * i] = static_cast<char>('0' + i / 10);
            pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
        }
        return pairs;
    }();
    static constexpr std::array<std::int64_t, 10> powers_of_ten = {
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

    /// Bytes of `,"k":`.
    static constexpr std::size_t key_size(std::string_view k) noexcept { return k.size() + 4; }

    void reserve(std::size_t n) {
        if (static_cast<std::size_t>(m_end - m_pos) < n) [[unlikely]] {
            grow(n);
        }
    }
    /// Makes room for `n` more bytes, keeping the contents.
    void grow(std::size_t n);
    /// Reserves room for a key and a value of at most `value_size` bytes, writes `,"k":` (keys are
    /// literals in this code base: they never need escaping) and returns where the value goes. Callers
    /// write through the returned local pointer, then store it in m_pos: writes through m_pos itself
    /// would make the compiler reload it after every byte (a char store may alias any member).
    char* begin_field(std::string_view k, std::size_t value_size) {
        reserve(key_size(k) + value_size);
        char* p = m_pos;
        *p = ',';
        p += m_need_comma ? 1 : 0;
        *p++ = '"';
        std::memcpy(p, k.data(), k.size());
        p += k.size();
        *p++ = '"';
        *p++ = ':';
        m_need_comma = true;
        return p;
    }
    /// Writes `value` (< 10^n) as exactly `n` digits, zero-padded, two at a time from the last.
    static char* write_digits(char* p, std::uint64_t value, std::size_t n) noexcept {
        char* const end = p + n;
        char* q = end;
        for (; n >= 2; n -= 2) {
            q -= 2;
            std::memcpy(q, &digit_pairs[2 * (value % 100)], 2);
            value /= 100;
        }
        if (n != 0) {
            q[-1] = static_cast<char>('0' + value);
        }
        return end;
    }
    template <class Int>
    void field_int(std::string_view k, Int value) {
        char* p = begin_field(k, max_int_size);
        // Most AIS fields are below 100 (status, second, flags, sentinels): two digits at most, from the
        // table, without std::to_chars' length computation.
        if (std::cmp_greater_equal(value, 0) && std::cmp_less(value, 100)) {
            const auto v = static_cast<std::size_t>(value);
            std::memcpy(p, &digit_pairs[2 * v + (v < 10 ? 1 : 0)], 2);
            m_pos = p + (v < 10 ? 1 : 2);
            return;
        }
        m_pos = std::to_chars(p, p + max_int_size, value).ptr;
    }
    void close(char bracket) {
        reserve(1);
        *m_pos++ = bracket;
        m_need_comma = true;
    }
    /// Writes `text` escaped at `out` (room for 6 bytes per input byte) and returns the end.
    static char* append_escaped(char* out, std::string_view text) noexcept;

    std::unique_ptr<char[]> m_data;
    char* m_pos = nullptr;
    char* m_end = nullptr;
    bool m_need_comma = false;
};

} // namespace sagar::output
