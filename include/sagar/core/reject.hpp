#pragma once
// The catalogue of reasons why input is not turned into a message. Bad input off the air is normal:
// every reason is a value that is counted, never an exception. Values are only ever appended, so
// counters persisted or exported by number keep their meaning.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sagar {

enum class Reject : std::uint8_t {
    // Lines
    line_too_long, ///< longer than the reader's limit; the whole line is skipped
    not_nmea,      ///< neither a sentence nor a tag block (garbage, binary noise, free text)
    // Tag blocks (NMEA 4.x)
    tag_block_malformed, ///< no closing backslash, no checksum or an unparsable field
    tag_block_checksum,  ///< tag block checksum does not match
    // Sentences
    checksum_missing,  ///< no "*hh" after the payload fields
    checksum_mismatch, ///< "*hh" does not match the XOR of the sentence
    field_count,       ///< not the 7 fields of a VDM/VDO sentence
    fragment_fields,   ///< fragment count/number/sequence id missing, zero or inconsistent
    channel,           ///< radio channel is not one of A, B, 1, 2, C, D or empty
    fill_bits,         ///< fill bits not in 0..5, or non-zero on a non-final fragment
    payload_char,      ///< a payload character outside the AIS 6-bit armouring
    payload_empty,     ///< no payload characters
    // Multi-sentence reassembly
    fragment_duplicate,  ///< the same fragment of an open message arrived again
    fragment_orphan,     ///< a later fragment whose first fragment never arrived (message abandoned)
    fragment_incomplete, ///< a message whose remaining fragments never arrived (timeout or replaced)
    fragment_evicted,    ///< an incomplete message pushed out because the reassembly table was full
    message_too_long,    ///< reassembled payload longer than the reassembly buffer (1,024 characters)
    // Payload decoding
    message_type,      ///< message type 0 or above 27
    payload_too_short, ///< fewer bits than the message type needs
    payload_too_long,  ///< more bits than the message type (or its part) can have
    message_subtype,   ///< an undefined variant of a known type (type 24 part numbers 2 and 3)
};

inline constexpr std::size_t reject_count = static_cast<std::size_t>(Reject::message_subtype) + 1;

/// Stable snake_case name used in statistics, logs and the API.
std::string_view to_string(Reject reason) noexcept;

/// Counts per reason. Plain counters: one owner thread, read by whoever it publishes to.
class RejectCounts {
public:
    void add(Reject reason) noexcept { ++m_counts[static_cast<std::size_t>(reason)]; }
    [[nodiscard]] std::uint64_t operator[](Reject reason) const noexcept {
        return m_counts[static_cast<std::size_t>(reason)];
    }
    [[nodiscard]] std::uint64_t total() const noexcept;
    RejectCounts& operator+=(const RejectCounts& other) noexcept;

private:
    std::array<std::uint64_t, reject_count> m_counts{};
};

} // namespace sagar
