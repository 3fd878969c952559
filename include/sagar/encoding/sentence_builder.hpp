#pragma once
// From message bits to !AIVDM sentences: splitting into fragments, fill bits, sequence ids, checksums and
// an optional NMEA 4.x tag block. Multi-sentence messages carry the tag block on every fragment with a
// `g:` group (sentence-total-id), which is how sagar::framing ties fragments together even when stations
// interleave them.

#include <sagar/encoding/bit_writer.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sagar::encoding {

struct SentenceOptions {
    char channel = 'A';
    /// Sequence id (0..9) of multi-sentence messages; single sentences leave the field empty.
    unsigned sequence_id = 0;
    /// Payload characters per sentence: 60 keeps a two-slot message in one sentence and splits type 5.
    std::size_t max_payload_chars = 60;
    std::string_view talker = "AI";
    // Tag block fields; no tag block is written when all three are absent.
    std::string_view station;                 ///< s:
    std::optional<std::int64_t> unix_seconds; ///< c:
    /// g: id for multi-sentence messages; a single-sentence message carries no group.
    std::optional<std::uint32_t> group_id;
};

/// XOR checksum of `body` (the text between '!' or '\' and '*').
[[nodiscard]] std::uint8_t checksum(std::string_view body) noexcept;

/// Appends `start`, `body`, '*' and the two-digit hexadecimal checksum to `out`.
void append_with_checksum(char start, std::string_view body, std::string& out);

/// Appends the sentences of `bits` to `out`, each followed by '\n'; returns how many were written.
std::size_t append_sentences(const BitWriter& bits, const SentenceOptions& options, std::string& out);

/// The sentences of `bits` as separate strings, without line ends.
[[nodiscard]] std::vector<std::string> sentences(const BitWriter& bits, const SentenceOptions& options);

} // namespace sagar::encoding
