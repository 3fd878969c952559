#pragma once
// Field access for the application data of binary messages (types 6 and 8): offsets are relative to the
// first bit after the FI field, so the decoders read like the published layouts.

#include <sagar/core/fixed_string.hpp>
#include <sagar/decoding/bits.hpp>
#include <sagar/decoding/messages/addressed_applications.hpp>

#include <cstddef>
#include <cstdint>

namespace sagar::decoding::detail {

class ApplicationReader {
public:
    ApplicationReader(const Bits& bits, std::size_t start) noexcept
        : m_bits(bits)
        , m_start(start) {}

    /// Bits of application data carried by the message.
    [[nodiscard]] std::size_t size() const noexcept {
        return m_bits.size() > m_start ? m_bits.size() - m_start : 0;
    }
    template <class T>
    [[nodiscard]] T u(std::size_t offset, unsigned width) const noexcept {
        return static_cast<T>(m_bits.u(m_start + offset, width));
    }
    template <class T>
    [[nodiscard]] T s(std::size_t offset, unsigned width) const noexcept {
        return static_cast<T>(m_bits.s32(m_start + offset, width));
    }
    [[nodiscard]] bool flag(std::size_t offset) const noexcept { return m_bits.flag(m_start + offset); }
    /// Six-bit text as Bits::text reads it.
    template <std::size_t N>
    void text(std::size_t offset, std::size_t chars, FixedString<N>& out) const noexcept {
        m_bits.text(m_start + offset, chars, out);
    }
    /// Six-bit text of `chars` characters ending at the first '@', trailing spaces removed. Unlike
    /// Bits::text, a character cut by the end of the message is read with zero bits for the missing
    /// part, as gpsd does; past the end every character is '@', which ends the text.
    template <std::size_t N>
    void text_zero_filled(std::size_t offset, std::size_t chars, FixedString<N>& out) const noexcept {
        out.clear();
        for (std::size_t i = 0; i < chars; ++i) {
            const char c = Bits::sixbit_ascii(u<std::uint8_t>(offset + 6 * i, 6));
            if (c == '@') {
                break;
            }
            out.push_back(c);
        }
        std::size_t end = out.size();
        while (end > 0 && out.view()[end - 1] == ' ') {
            --end;
        }
        out.resize_down(end);
    }
    /// Month (4 bits), day, hour (5 bits each) and minute (6 bits) from `offset`.
    [[nodiscard]] addressed::PartialUtcTime time(std::size_t offset) const noexcept {
        return addressed::PartialUtcTime{u<std::uint8_t>(offset, 4), u<std::uint8_t>(offset + 4, 5),
                                         u<std::uint8_t>(offset + 9, 5), u<std::uint8_t>(offset + 14, 6)};
    }

private:
    const Bits& m_bits;
    std::size_t m_start;
};

} // namespace sagar::decoding::detail
