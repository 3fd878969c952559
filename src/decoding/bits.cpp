#include <sagar/decoding/bits.hpp>

#include <array>
#include <bit>
#include <cstring>

namespace sagar::decoding {
namespace {

/// armour_value for every byte, so that unpacking is one load per character.
constexpr std::array<std::uint8_t, 256> armour_table = [] {
    std::array<std::uint8_t, 256> table{};
    for (std::size_t c = 0; c < table.size(); ++c) {
        table[c] = armour_value(static_cast<char>(static_cast<unsigned char>(c)));
    }
    return table;
}();

std::uint8_t armour_lookup(char c) noexcept {
    return armour_table[static_cast<unsigned char>(c)];
}

/// Stores the low 48 bits of `v` as six big-endian bytes at `out`, writing eight: the two extra bytes
/// fall where the next group (or the zero padding written by assign) goes.
void store48(std::uint8_t* out, std::uint64_t v) noexcept {
    std::uint64_t word = v << 16;
    if constexpr (std::endian::native == std::endian::little) {
        word = __builtin_bswap64(word);
    }
    std::memcpy(out, &word, sizeof word);
}

// assign's stores and padding reach 14 bytes past the last whole group of eight characters.
static_assert(max_message_bits / 8 + 16 >= max_payload_chars / 8 * 6 + 14);

} // namespace

bool Bits::assign(std::string_view payload, unsigned fill_bits) noexcept {
    m_size = 0;
    if (payload.size() > max_payload_chars || fill_bits > 5) {
        return false;
    }
    std::size_t out = 0;
    std::size_t i = 0;
    const char* p = payload.data();
    const std::size_t n = payload.size();
    // Eight 6-bit characters make six bytes. Invalid characters map to 0xFF, so OR-ing the values
    // detects any of them with one test per group. At max_payload_chars the last store (the tail's,
    // at byte 768) and the zero padding after it end at byte 782, inside m_bytes (784 bytes).
    for (; i + 8 <= n; i += 8) {
        std::uint64_t v = 0;
        unsigned seen = 0;
        for (std::size_t k = 0; k < 8; ++k) {
            const std::uint8_t a = armour_lookup(p[i + k]);
            seen |= a;
            v = (v << 6) | a;
        }
        if ((seen & 0xC0U) != 0) {
            return false;
        }
        store48(m_bytes.data() + out, v);
        out += 6;
    }
    // The remaining 0..7 characters, left-aligned in 48 bits.
    std::uint64_t v = 0;
    unsigned seen = 0;
    const std::size_t rest = n - i;
    for (std::size_t k = 0; k < rest; ++k) {
        const std::uint8_t a = armour_lookup(p[i + k]);
        seen |= a;
        v = (v << 6) | a;
    }
    if ((seen & 0xC0U) != 0) {
        return false;
    }
    store48(m_bytes.data() + out, v << (6 * (8 - rest)));
    // u() loads 8 bytes from the byte holding its first bit; keep those past the message zero.
    std::memset(m_bytes.data() + out + 6, 0, 8);
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
