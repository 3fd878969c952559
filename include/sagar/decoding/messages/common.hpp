#pragma once
// Pieces shared by the typed AIS messages (ITU-R M.1371-5). Field values are kept as transmitted
// (raw integers with their not-available sentinels); scaling happens at the output edge.

#include <cstdint>

namespace sagar::decoding {

/// The first 38 bits of every AIS message.
struct Header {
    std::uint8_t type = 0;   ///< 1..27
    std::uint8_t repeat = 0; ///< repeat indicator 0..3
    std::uint32_t mmsi = 0;  ///< 30 bits, as transmitted (validity is judged downstream)
};

} // namespace sagar::decoding
