#pragma once
// Test-side face of the library encoder (sagar::encoding): unit tests state their vectors as field values
// instead of opaque strings. The bits, armouring and sentence building are the library's, so there is one
// encoder; this wrapper only adds the conversions to decoder input. Tests that include it link
// sagar::encoding.

#include <sagar/decoding/bits.hpp>
#include <sagar/encoding/bit_writer.hpp>
#include <sagar/encoding/sentence_builder.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sagar::testing {

class BitWriter {
public:
    /// `width` bits of `value`, most significant first; bits above the 64th are zero (wide padding fields).
    BitWriter& u(std::uint64_t value, unsigned width) {
        m_writer.u(value, width);
        return *this;
    }
    BitWriter& s(std::int64_t value, unsigned width) {
        m_writer.s(value, width);
        return *this;
    }
    BitWriter& flag(bool value) {
        m_writer.flag(value);
        return *this;
    }
    /// Six-bit ASCII text padded with '@' to `chars` characters.
    BitWriter& text(std::string_view value, std::size_t chars) {
        m_writer.text(value, chars);
        return *this;
    }
    /// Header: type, repeat, MMSI.
    BitWriter& header(unsigned type, unsigned repeat, std::uint32_t mmsi) {
        m_writer.header(type, repeat, mmsi);
        return *this;
    }

    [[nodiscard]] std::size_t size() const noexcept { return m_writer.size(); }
    [[nodiscard]] const encoding::BitWriter& writer() const noexcept { return m_writer; }

    /// Armoured payload; `fill_bits` receives the padding added to reach a multiple of 6.
    [[nodiscard]] std::string payload(unsigned& fill_bits) const {
        std::string out;
        fill_bits = m_writer.append_payload(out);
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
                                                     std::size_t max_chars = 60) const {
        encoding::SentenceOptions options;
        options.channel = channel;
        options.sequence_id = static_cast<unsigned>(sequence_id);
        options.max_payload_chars = max_chars;
        return encoding::sentences(m_writer, options);
    }

private:
    encoding::BitWriter m_writer;
};

/// XOR checksum of the characters of `body` (between '!' or '$' and '*').
inline unsigned nmea_xor(std::string_view body) {
    return encoding::checksum(body);
}

/// "!<body>*HH" with the right checksum.
inline std::string with_checksum(char start, std::string_view body) {
    std::string out;
    encoding::append_with_checksum(start, body, out);
    return out;
}

} // namespace sagar::testing
