#pragma once
// A small JSON writer into a reused buffer. Hand-written on purpose: `sagar decode` writes millions of
// records per second, and building a DOM (nlohmann) per record is ~10x slower (ecosystem-reference §2).
// It places commas itself, escapes strings and formats numbers with std::to_chars; it never allocates
// once the buffer has grown to the largest record.

#include <cstdint>
#include <string>
#include <string_view>

namespace sagar::output {

class JsonWriter {
public:
    JsonWriter() { m_buffer.reserve(1 << 16); }

    void begin_object();
    void begin_object(std::string_view key);
    void end_object();
    void begin_array(std::string_view key);
    void end_array();

    void field(std::string_view key, std::int64_t value);
    void field(std::string_view key, std::uint64_t value);
    void field(std::string_view key, int value) { field(key, static_cast<std::int64_t>(value)); }
    void field(std::string_view key, unsigned value) { field(key, static_cast<std::uint64_t>(value)); }
    void field(std::string_view key, bool value);
    void field(std::string_view key, std::string_view value);
    void field(std::string_view key, const char* value) { field(key, std::string_view{value}); }
    /// `numerator / denominator` rounded half away from zero to `decimals` places, in exact integer
    /// arithmetic (used for fixed-point wire values such as 1/600000 degree or 1/10 knot).
    void field_ratio(std::string_view key, std::int64_t numerator, std::int64_t denominator, int decimals);
    /// A double with a fixed number of decimals.
    void field_fixed(std::string_view key, double value, int decimals);
    /// Text copied as is: the caller guarantees it is valid JSON.
    void field_raw(std::string_view key, std::string_view json);

    /// Appends a newline (JSON Lines) after the outermost object.
    void end_line() {
        m_buffer.push_back('\n');
        m_need_comma = false;
    }

    [[nodiscard]] std::string_view view() const noexcept { return m_buffer; }
    [[nodiscard]] std::size_t size() const noexcept { return m_buffer.size(); }
    void clear() noexcept {
        m_buffer.clear();
        m_need_comma = false;
    }

private:
    void key(std::string_view k);
    void append_escaped(std::string_view text);
    template <class Int>
    void append_int(Int value);

    std::string m_buffer;
    bool m_need_comma = false;
};

} // namespace sagar::output
