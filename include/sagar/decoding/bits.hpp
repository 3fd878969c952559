#pragma once
// The bits of one AIS message, unpacked from the 6-bit armoured NMEA payload, and typed reads of fields.

#include <sagar/core/fixed_string.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace sagar::decoding {

/// Longest armoured payload accepted for one message (all fragments joined). The longest AIS message
/// (5 slots) is 1008 bits = 168 characters; the margin keeps over-long real-world messages decodable.
inline constexpr std::size_t max_payload_chars = 1024;
inline constexpr std::size_t max_message_bits = max_payload_chars * 6;

/// Value of one armoured payload character, or 0xFF when it is not a valid 6-bit armour character.
constexpr std::uint8_t armour_value(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 48 && u <= 87) {
        return static_cast<std::uint8_t>(u - 48);
    }
    if (u >= 96 && u <= 119) {
        return static_cast<std::uint8_t>(u - 56);
    }
    return 0xFF;
}

/// Armour character for a 6-bit value (the inverse of armour_value), used by encoders.
constexpr char armour_char(std::uint8_t value) noexcept {
    return static_cast<char>(value < 40 ? value + 48 : value + 56);
}

/// The bits of one message, MSB first. Reads past the end yield zero bits: ITU-R M.1371 lets a message
/// end early, and each decoder checks the length it needs before trusting a field.
class Bits {
public:
    /// Unpacks `payload`, dropping `fill_bits` trailing bits. Returns false (and leaves the object empty)
    /// when a character is not 6-bit armour or the payload is longer than max_payload_chars.
    bool assign(std::string_view payload, unsigned fill_bits) noexcept;

    [[nodiscard]] std::size_t size() const noexcept { return m_size; }

    /// Unsigned field of `width` (1..57) bits starting at bit `start`.
    [[nodiscard]] std::uint64_t u(std::size_t start, unsigned width) const noexcept {
        if (start >= m_size) {
            return 0;
        }
        // Bytes past the last bit are kept zero (see assign), so an 8-byte read never sees stale data.
        // One unaligned big-endian load: every field read of every message goes through here.
        std::uint64_t word = 0;
        std::memcpy(&word, m_bytes.data() + start / 8, sizeof word);
        if constexpr (std::endian::native == std::endian::little) {
            word = __builtin_bswap64(word);
        }
        const unsigned shift = static_cast<unsigned>(64 - (start % 8) - width);
        const std::uint64_t mask = width >= 64 ? ~0ULL : ((1ULL << width) - 1);
        return (word >> shift) & mask;
    }
    [[nodiscard]] std::uint32_t u32(std::size_t start, unsigned width) const noexcept {
        return static_cast<std::uint32_t>(u(start, width));
    }
    /// Two's-complement signed field of `width` bits.
    [[nodiscard]] std::int32_t s32(std::size_t start, unsigned width) const noexcept {
        const std::uint64_t raw = u(start, width);
        const std::uint64_t sign = 1ULL << (width - 1);
        return static_cast<std::int32_t>(static_cast<std::int64_t>(raw ^ sign) -
                                         static_cast<std::int64_t>(sign));
    }
    [[nodiscard]] bool flag(std::size_t start) const noexcept { return u(start, 1) != 0; }

    /// Six-bit ASCII text of `chars` characters. Like gpsd, text ends at the first '@' (the padding
    /// character) and trailing spaces are removed. Characters past the end of the message are not read.
    template <std::size_t N>
    void text(std::size_t start, std::size_t chars, FixedString<N>& out) const noexcept {
        out.clear();
        const std::size_t whole = start < m_size ? (m_size - start) / 6 : 0; // characters fully present
        const std::size_t n = chars < whole ? chars : whole;
        // Eight characters per read: names are 7 to 20 characters and every type 5 carries three.
        for (std::size_t i = 0; i < n; i += 8) {
            const std::uint64_t group = u(start + 6 * i, 48);
            const std::size_t in_group = n - i < 8 ? n - i : 8;
            for (std::size_t k = 0; k < in_group; ++k) {
                const char c = sixbit_ascii(static_cast<std::uint8_t>((group >> (42 - 6 * k)) & 0x3F));
                if (c == '@') {
                    i = n; // stop both loops
                    break;
                }
                out.push_back(c);
            }
        }
        std::size_t end = out.size();
        while (end > 0 && out.view()[end - 1] == ' ') {
            --end;
        }
        out.resize_down(end);
    }

    static constexpr char sixbit_ascii(std::uint8_t v) noexcept {
        return static_cast<char>(v < 32 ? v + 64 : v);
    }

private:
    // +8 bytes so that u() may always load 8 bytes from any bit inside the message.
    std::array<std::uint8_t, max_message_bits / 8 + 16> m_bytes{};
    std::size_t m_size = 0;
};

} // namespace sagar::decoding
