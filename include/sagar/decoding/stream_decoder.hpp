#pragma once
// From lines of text to decoded messages: framing, metadata, multi-sentence reassembly and decoding,
// with every line accounted for in StreamStats (decoded, ignored, or rejected with a reason).

#include <sagar/core/function_ref.hpp>
#include <sagar/core/reject.hpp>
#include <sagar/decoding/bits.hpp>
#include <sagar/decoding/message.hpp>
#include <sagar/framing/meta.hpp>
#include <sagar/framing/reassembler.hpp>
#include <sagar/framing/sentence.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace sagar::decoding {

struct StreamOptions {
    framing::ChecksumPolicy checksums = framing::ChecksumPolicy::strict;
    framing::ReassemblyLimits reassembly;
};

struct StreamStats {
    std::uint64_t lines = 0;                 ///< lines read
    std::uint64_t blank_or_comment = 0;      ///< ignored: nothing on them
    std::uint64_t other_sentences = 0;       ///< ignored: valid NMEA that is not AIS ($GPGGA, ...)
    std::uint64_t headers = 0;               ///< $PGHP headers and lone tag blocks, metadata for the next
    std::uint64_t sentences = 0;             ///< AIS sentences framed
    std::uint64_t messages = 0;              ///< messages decoded
    std::uint64_t checksums_accepted = 0;    ///< bad or missing checksums let through (lenient policy)
    std::uint64_t out_of_order = 0;          ///< fragments that arrived before an earlier one (still decoded)
    std::array<std::uint64_t, 28> by_type{}; ///< decoded messages per type (index = type)
    RejectCounts rejects;
};

/// Single-threaded; one per input stream, or one shared by inputs whose fragments may interleave.
class StreamDecoder {
public:
    using Sink = FunctionRef<void(const framing::Meta&, const Message&)>;

    explicit StreamDecoder(StreamOptions options = {});

    /// Processes one line (without its line end), calling `sink` for each message completed by it.
    void feed_line(std::string_view line, Sink sink);
    /// Counts a line that the reader skipped for being too long.
    void skipped_long_line() noexcept;
    /// End of input: open multi-sentence messages are abandoned and counted.
    void finish();

    /// Statistics so far (the reassembler's counts are folded in).
    [[nodiscard]] StreamStats stats() const;

private:
    void on_sentence(const framing::Unit& unit, Sink sink);
    void decode(std::string_view payload, unsigned fill_bits, const framing::Meta& meta, Sink sink);

    StreamOptions m_options;
    framing::Reassembler m_reassembler;
    Bits m_bits;
    framing::Unit m_unit; ///< reused for every unit: filled in place, never copied
    StreamStats m_stats;
    /// Metadata from a $PGHP header or a lone tag block, for the next AIS sentence only.
    framing::Meta m_pending;
    bool m_has_pending = false;
    bool m_pending_from_tag_block = false; ///< m_pending.station is a tag block source (a reassembly key)
};

} // namespace sagar::decoding
