#pragma once
// Application data of a binary message (types 6, 8, 25, 26) kept as transmitted bits: used when the
// DAC/FI pair is not one sagar decodes, or when its payload does not have the length the pair needs.

#include <array>
#include <cstdint>

namespace sagar::decoding {

struct RawApplicationData {
    std::uint16_t bit_count = 0;
    std::array<std::uint8_t, 160> bytes{}; ///< MSB first; enough for a 5-slot message
};

} // namespace sagar::decoding
