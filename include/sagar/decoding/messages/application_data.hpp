#pragma once
// Application data of a binary message (types 6, 8, 25, 26) kept as transmitted bits: used when the
// DAC/FI pair is not one sagar decodes, or when its payload does not have the length the pair needs.

#include <array>
#include <cstddef>
#include <cstdint>

namespace sagar::decoding {

struct RawApplicationData {
    static constexpr std::size_t capacity_bytes = 160;
    /// Longer than the data of any 5-slot (1008-bit) message; longer data is cut to this length.
    static constexpr std::size_t capacity_bits = capacity_bytes * 8;

    std::uint16_t bit_count = 0;
    /// MSB first. The bits of the last byte past `bit_count` are the bits that followed the data in
    /// the message (zero past its end): gpsd prints them in its hex dump, so they are kept.
    std::array<std::uint8_t, capacity_bytes> bytes{};

    [[nodiscard]] constexpr std::size_t byte_count() const noexcept { return (bit_count + 7U) / 8U; }
    constexpr friend bool operator==(const RawApplicationData&, const RawApplicationData&) noexcept = default;
};

} // namespace sagar::decoding
