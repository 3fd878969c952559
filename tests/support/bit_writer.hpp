#pragma once
// Test-only AIS encoder: builds message bits field by field and armours them into an NMEA payload,
// so unit tests state their vectors as field values instead of opaque strings.

#include <sagar/decoding/bits.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sagar::testing {

class BitWriter {
public:
    /// `width` bits of `value`, most significant first; bits above the 64th are zero (wide padding fields).
    BitWriter& u(std::uint64_t value, unsigned width) {
        for (unsigned i = width; i-- > 0;) {
            m_bits.push_back(i < 64 && ((value >> i) & 1U) != 0);
        }
        return *this;
    }
    BitWriter& s(std::int64_t value, unsigned width) { return u(static_cast<std::uint64_t>(value), width); }
    BitWriter& flag(bool value) { return u(value ? 1 : 0, 1); }
    /// Six-bit ASCII text padded with '@' to `chars` characters.
    BitWriter& text(std::string_view value, std::size_t chars) {
        for (std::size_t i = 0; i < chars; ++i) {
            const char c = i < value.size() ? value[i] : '@';
            const auto code = static_cast<unsigned char>(c);
            u(code >= 64 ? code - 64U : code, 6);
        }
        return *this;
    }
    /// Header: type, repeat, MMSI.
    BitWriter& header(unsigned type, unsigned repeat, std::uint32_t mmsi) {
        return u(type, 6).u(repeat, 2).u(mmsi, 30);
    }

    [[nodiscard]] std::size_t size() const noexcept { return m_bits.size(); }

    /// Armoured payload; `fill_bits` receives the padding added to reach a multiple of 6.
    [[nodiscard]] std::string payload(unsigned& fill_bits) const {
        std::string out;
        fill_bits = static_cast<unsigned>((6 - m_bits.size() % 6) % 6);
        for (std::size_t i = 0; i < m_bits.size(); i += 6) {
            unsigned v = 0;
            for (std::size_t k = 0; k < 6; ++k) {
                v = (v << 1U) | ((i + k < m_bits.size() && m_bits[i + k]) ? 1U : 0U);
            }
            out.push_back(decoding::armour_char(static_cast<std::uint8_t>(v)));
        }
        return out;
    }

    /// The message as decoder input.
    [[nodiscard]] decoding::Bits bits() const {
        unsigned fill = 0;
        const std::string armoured = payload(fill);
        decoding::Bits result;
        result.assign(armoured, fill);
        return result;
    }

    /// One or more complete !AIVDM sentences (at most `max_chars` payload characters each).
    [[nodiscard]] std::vector<std::string> sentences(char channel = 'A', int sequence_id = 1,
                                                     std::size_t max_chars = 60) const;

private:
    std::vector<bool> m_bits;
};

/// XOR checksum of the characters of `body` (between '!' or '$' and '*').
inline unsigned nmea_xor(std::string_view body) {
    unsigned x = 0;
    for (const char c : body) {
        x ^= static_cast<unsigned char>(c);
    }
    return x;
}

/// "!<body>*HH" with the right checksum.
inline std::string with_checksum(char start, std::string_view body) {
    static constexpr char hex[] = "0123456789ABCDEF";
    const unsigned x = nmea_xor(body);
    std::string out(1, start);
    out.append(body);
    out.push_back('*');
    out.push_back(hex[x >> 4U]);
    out.push_back(hex[x & 15U]);
    return out;
}

inline std::vector<std::string> BitWriter::sentences(char channel, int sequence_id,
                                                     std::size_t max_chars) const {
    unsigned fill = 0;
    const std::string armoured = payload(fill);
    const std::size_t count = armoured.empty() ? 1 : (armoured.size() + max_chars - 1) / max_chars;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) {
        const bool last = i + 1 == count;
        std::string body = "AIVDM," + std::to_string(count) + "," + std::to_string(i + 1) + ",";
        if (count > 1) {
            body += std::to_string(sequence_id);
        }
        body += ",";
        body.push_back(channel);
        // Appended piece by piece: GCC 12 reports a false -Wrestrict on "," + std::string at -O2.
        body += ',';
        body.append(armoured, std::min(i * max_chars, armoured.size()), max_chars);
        body += ',';
        body += std::to_string(last ? fill : 0);
        out.push_back(with_checksum('!', body));
    }
    return out;
}

} // namespace sagar::testing
