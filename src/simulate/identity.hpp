#pragma once
// Vessel identities: MMSIs under the MIDs of the region's flags (or deliberately invalid ones), names,
// call signs in each flag's ITU series, and IMO numbers with a valid check digit.

#include "random.hpp"

#include <cstdint>
#include <string>

namespace sagar::simulate {

enum class VesselKind : std::uint8_t { transit, fishing, port, clone };

struct Identity {
    std::uint32_t mmsi = 0;
    std::uint32_t imo = 0; ///< 0 for vessels without one (fishing craft, Class B)
    std::string name;
    std::string callsign;
    std::string destination;
    std::uint8_t ship_type = 0;
    std::uint16_t length_m = 0;
    std::uint16_t beam_m = 0;
    std::uint8_t draught_dm = 0;
};

/// The IMO check digit rule: the 7th digit is Σ d_i · (7..2) mod 10 over the first six.
[[nodiscard]] std::uint32_t imo_with_check_digit(std::uint32_t first_six) noexcept;

/// A new identity of `kind`. `invalid_mmsi` gives an MMSI whose MID is not allocated by the ITU.
[[nodiscard]] Identity make_identity(Random& rng, VesselKind kind, bool invalid_mmsi);

} // namespace sagar::simulate
