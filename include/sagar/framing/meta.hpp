#pragma once
// What the input says about a message besides its payload: when and where it was received.

#include <sagar/core/fixed_string.hpp>
#include <sagar/core/utc_time.hpp>

#include <cstdint>
#include <optional>

namespace sagar::framing {

struct Meta {
    /// Event (receive) time from the input: tag block c:, a $PGHP header or a trailing epoch field.
    std::optional<UtcTime> time;
    /// Receiving station: tag block s:, the $PGHP source MMSI or a USCG r/b field; empty when unknown.
    FixedString<32> station;
    /// Radio channel 'A' or 'B' (1 and 2 are mapped to A and B), 'C'/'D' as given, or 0 when empty.
    char channel = 0;
    /// NMEA talker, e.g. "AI", "AB", "BS", "SA".
    FixedString<2> talker;
    /// True for VDO sentences: the receiver's own ship.
    bool own_ship = false;
    /// Number of sentences the message came in.
    std::uint8_t fragments = 1;
    /// Line number (1-based) of the message's last sentence in its input.
    std::uint64_t line = 0;
};

} // namespace sagar::framing
