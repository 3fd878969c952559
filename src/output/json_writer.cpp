#include <sagar/output/json_writer.hpp>

#include <array>
#include <charconv>
#include <cmath>

namespace sagar::output {
namespace {

constexpr std::array<std::int64_t, 10> powers_of_ten = {1,      10,      100,      1000,      10000,
                                                        100000, 1000000, 10000000, 100000000, 1000000000};

} // namespace

template <class Int>
void JsonWriter::append_int(Int value) {
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    m_buffer.append(digits.data(), result.ptr);
}

void JsonWriter::key(std::string_view k) {
    if (m_need_comma) {
        m_buffer.push_back(',');
    }
    m_buffer.push_back('"');
    m_buffer.append(k); // keys are literals in this code base: never need escaping
    m_buffer.append("\":", 2);
    m_need_comma = true;
}

void JsonWriter::begin_object() {
    if (m_need_comma) {
        m_buffer.push_back(',');
    }
    m_buffer.push_back('{');
    m_need_comma = false;
}

void JsonWriter::begin_object(std::string_view k) {
    key(k);
    m_buffer.push_back('{');
    m_need_comma = false;
}

void JsonWriter::end_object() {
    m_buffer.push_back('}');
    m_need_comma = true;
}

void JsonWriter::begin_array(std::string_view k) {
    key(k);
    m_buffer.push_back('[');
    m_need_comma = false;
}

void JsonWriter::end_array() {
    m_buffer.push_back(']');
    m_need_comma = true;
}

void JsonWriter::field(std::string_view k, std::int64_t value) {
    key(k);
    append_int(value);
}

void JsonWriter::field(std::string_view k, std::uint64_t value) {
    key(k);
    append_int(value);
}

void JsonWriter::field(std::string_view k, bool value) {
    key(k);
    if (value) {
        m_buffer.append("true", 4);
    } else {
        m_buffer.append("false", 5);
    }
}

void JsonWriter::field(std::string_view k, std::string_view value) {
    key(k);
    m_buffer.push_back('"');
    append_escaped(value);
    m_buffer.push_back('"');
}

void JsonWriter::field_raw(std::string_view k, std::string_view json) {
    key(k);
    m_buffer.append(json);
}

void JsonWriter::field_ratio(std::string_view k, std::int64_t numerator, std::int64_t denominator,
                             int decimals) {
    key(k);
    const std::int64_t scale = powers_of_ten.at(static_cast<std::size_t>(decimals));
    const bool negative = (numerator < 0) != (denominator < 0) && numerator != 0;
    const auto num = static_cast<std::uint64_t>(numerator < 0 ? -numerator : numerator);
    const auto den = static_cast<std::uint64_t>(denominator < 0 ? -denominator : denominator);
    // Scaled magnitude, rounded half away from zero: (2 * num * scale + den) / (2 * den).
    const std::uint64_t scaled = (2 * num * static_cast<std::uint64_t>(scale) + den) / (2 * den);
    const std::uint64_t whole = scaled / static_cast<std::uint64_t>(scale);
    const std::uint64_t frac = scaled % static_cast<std::uint64_t>(scale);
    if (negative && scaled != 0) {
        m_buffer.push_back('-');
    }
    append_int(whole);
    if (decimals > 0) {
        m_buffer.push_back('.');
        std::array<char, 24> digits{};
        const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), frac).ptr;
        const auto len = static_cast<int>(end - digits.data());
        m_buffer.append(static_cast<std::size_t>(decimals - len), '0');
        m_buffer.append(digits.data(), end);
    }
}

void JsonWriter::field_fixed(std::string_view k, double value, int decimals) {
    key(k);
    if (!std::isfinite(value)) {
        m_buffer.append("null", 4); // JSON has no NaN; callers avoid this for not-available values
        return;
    }
    std::array<char, 64> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value,
                                      std::chars_format::fixed, decimals);
    m_buffer.append(digits.data(), result.ptr);
}

void JsonWriter::append_escaped(std::string_view text) {
    static constexpr std::array<char, 16> hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                 '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_buffer.push_back('\\');
            m_buffer.push_back(c);
        } else if (u < 0x20 || u >= 0x7F) {
            // Only ASCII reaches here from AIS; other bytes are written as code points U+0080..U+00FF
            // so the output stays valid UTF-8 whatever the input held.
            m_buffer.append("\\u00", 4);
            m_buffer.push_back(hex[u >> 4]);
            m_buffer.push_back(hex[u & 0xF]);
        } else {
            m_buffer.push_back(c);
        }
    }
}

} // namespace sagar::output
