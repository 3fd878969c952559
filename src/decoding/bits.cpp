#include <sagar/decoding/bits.hpp>

#include <cstring>

namespace sagar::decoding {

bool Bits::assign(std::string_view payload, unsigned fill_bits) noexcept {
    m_size = 0;
    if (payload.size() > max_payload_chars || fill_bits > 5) {
        return false;
    }
    // Pack four 6-bit characters into three bytes; a trailing group is padded with zero bits.
    std::size_t out = 0;
    std::size_t i = 0;
    const char* p = payload.data();
    const std::size_t n = payload.size();
    for (; i + 4 <= n; i += 4) {
        const std::uint8_t a = armour_value(p[i]);
        const std::uint8_t b = armour_value(p[i + 1]);
        const std::uint8_t c = armour_value(p[i + 2]);
        const std::uint8_t d = armour_value(p[i + 3]);
        if ((a | b | c | d) & 0xC0) {
            return false;
        }
        const std::uint32_t v =
            (std::uint32_t{a} << 18) | (std::uint32_t{b} << 12) | (std::uint32_t{c} << 6) | d;
        m_bytes[out] = static_cast<std::uint8_t>(v >> 16);
        m_bytes[out + 1] = static_cast<std::uint8_t>(v >> 8);
        m_bytes[out + 2] = static_cast<std::uint8_t>(v);
        out += 3;
    }
    std::uint32_t v = 0;
    const std::size_t rest = n - i;
    for (std::size_t k = 0; k < rest; ++k) {
        const std::uint8_t a = armour_value(p[i + k]);
        if (a & 0xC0) {
            return false;
        }
        v = (v << 6) | a;
    }
    v <<= 6 * (4 - rest); // left-align the remaining bits in the low 24 bits
    m_bytes[out] = static_cast<std::uint8_t>(v >> 16);
    m_bytes[out + 1] = static_cast<std::uint8_t>(v >> 8);
    m_bytes[out + 2] = static_cast<std::uint8_t>(v);
    // u() loads 8 bytes from the byte holding its first bit; keep those past the message zero.
    std::memset(m_bytes.data() + out + 3, 0, 8);
    const std::size_t bits = n * 6;
    m_size = bits >= fill_bits ? bits - fill_bits : 0;
    if (m_size % 8 != 0) {
        m_bytes[m_size / 8] = static_cast<std::uint8_t>(m_bytes[m_size / 8] & (0xFF00U >> (m_size % 8)));
    }
    for (std::size_t b = (m_size + 7) / 8; b < (bits + 7) / 8; ++b) {
        m_bytes[b] = 0;
    }
    return true;
}

} // namespace sagar::decoding
