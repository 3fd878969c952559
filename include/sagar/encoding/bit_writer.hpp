#pragma once
// Building AIS message bits field by field and armouring them into the 6-bit NMEA payload alphabet.
// The writer holds a fixed array, so encoding a message never allocates: the simulator encodes millions.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sagar::encoding {

/// The armoured character of a 6-bit value (ITU-R M.1371 / IEC 61162-1 payload alphabet).
constexpr char armour_char(std::uint8_t value) noexcept {
    return static_cast<char>(value < 40 ? value + 48 : value + 56);
}

/// Six-bit ASCII code of `c`: '@'..'_' map to 0..31 and ' '..'?' to 32..63. Other characters are folded
/// into the table by their low six bits; callers that want readable text pass upper case.
constexpr std::uint8_t sixbit_code(char c) noexcept {
    const auto code = static_cast<unsigned char>(c);
    return static_cast<std::uint8_t>((code >= 64 ? code - 64U : code) & 63U);
}

class BitWriter {
public:
    /// Longer than any AIS message (1008 bits, five slots), so tests can also build over-long payloads.
    static constexpr std::size_t capacity_bits = 2046;

    /// `width` bits of `value`, most significant first; bits above the 64th are zero (wide padding fields).
    BitWriter& u(std::uint64_t value, unsigned width) noexcept;
    /// Two's complement in `width` bits.
    BitWriter& s(std::int64_t value, unsigned width) noexcept {
        return u(static_cast<std::uint64_t>(value), width);
    }
    BitWriter& flag(bool value) noexcept { return u(value ? 1U : 0U, 1); }
    /// Six-bit ASCII text padded with '@' to `chars` characters (cut when longer).
    BitWriter& text(std::string_view value, std::size_t chars) noexcept;
    /// The common header: type (6 bits), repeat indicator (2), MMSI (30).
    BitWriter& header(unsigned type, unsigned repeat, std::uint32_t mmsi) noexcept {
        return u(type, 6).u(repeat, 2).u(mmsi, 30);
    }

    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    /// True when more than capacity_bits were written; the excess was dropped.
    [[nodiscard]] bool overflowed() const noexcept { return m_overflowed; }
    /// Padding bits the last armoured character carries (0..5).
    [[nodiscard]] unsigned fill_bits() const noexcept { return static_cast<unsigned>((6 - m_size % 6) % 6); }
    /// Number of armoured characters.
    [[nodiscard]] std::size_t payload_chars() const noexcept { return (m_size + 5) / 6; }

    /// Appends the armoured payload to `out` and returns the fill bits.
    unsigned append_payload(std::string& out) const;
    /// The armoured payload alone.
    [[nodiscard]] std::string payload() const {
        std::string out;
        append_payload(out);
        return out;
    }

private:
    std::array<std::uint8_t, (capacity_bits + 5) / 6> m_sextets{};
    std::size_t m_size = 0;
    bool m_overflowed = false;
};

} // namespace sagar::encoding
