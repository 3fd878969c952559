#pragma once
// NMEA 0183 framing of AIS input: VDM/VDO sentences, NMEA 4.x tag blocks, Gatehouse $PGHP headers and
// receiver-appended trailing fields. Everything here returns views into the caller's line: nothing is
// copied or allocated, so the caller's buffer must outlive the results.

#include <sagar/core/reject.hpp>
#include <sagar/core/result.hpp>
#include <sagar/core/utc_time.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace sagar::framing {

enum class ChecksumPolicy : std::uint8_t {
    strict,  ///< a sentence or tag block with a wrong or missing checksum is rejected
    lenient, ///< wrong or missing checksums are accepted (and counted by the stream decoder)
};

/// XOR of the bytes of `text` (the checksum of NMEA sentences and tag blocks).
constexpr std::uint8_t nmea_checksum(std::string_view text) noexcept {
    std::uint8_t x = 0;
    for (const char c : text) {
        x = static_cast<std::uint8_t>(x ^ static_cast<std::uint8_t>(c));
    }
    return x;
}

/// NMEA 4.x tag block fields (between backslashes, before a sentence).
struct TagBlock {
    std::optional<UtcTime> time;               ///< c: UNIX time in seconds, or milliseconds when above 1e11
    std::string_view source;                   ///< s: source / station identifier
    std::string_view destination;              ///< d:
    std::string_view text;                     ///< t:
    std::optional<std::int64_t> relative_time; ///< r:
    std::optional<std::uint32_t> line_count;   ///< n:
    struct Group {
        std::uint8_t sentence = 0; ///< 1-based number of this sentence in the group
        std::uint8_t total = 0;
        std::uint32_t id = 0;
    };
    std::optional<Group> group; ///< g: sentence-total-id, groups the sentences of one multi-part message
    bool checksum_ok = true;    ///< false only under ChecksumPolicy::lenient
};

/// Parses the inside of a tag block, `body` being the text between the backslashes ("s:..,c:..*hh").
Result<TagBlock, Reject> parse_tag_block(std::string_view body, ChecksumPolicy policy) noexcept;

/// One !--VDM / !--VDO sentence.
struct AisSentence {
    std::string_view talker; ///< two characters, e.g. "AI", "AB", "BS"
    bool own_ship = false;   ///< VDO rather than VDM
    std::uint8_t fragment_count = 1;
    std::uint8_t fragment_number = 1;
    std::int8_t sequence_id = -1; ///< 0..9, or -1 when the field is empty
    char channel = 0;             ///< 'A', 'B', 'C', 'D' (1 and 2 mapped to A and B) or 0 when empty
    std::string_view payload;     ///< armoured 6-bit text, validated later when unpacked
    std::uint8_t fill_bits = 0;
    bool checksum_ok = true; ///< false only under ChecksumPolicy::lenient
};

/// What follows a sentence's checksum: some receivers append ",<epoch>" (seconds or milliseconds) and the
/// USCG format appends fields such as ",r003669946,1325394060" (station, then receive time).
struct Trailer {
    std::optional<UtcTime> time;
    std::string_view station;
};

/// A Gatehouse "$PGHP,1,..." header: the receive time and source of the sentence that follows.
struct GatehouseHeader {
    std::optional<UtcTime> time;
    std::string_view station; ///< the source (PSS) MMSI, when given
};

/// One unit found in a line.
enum class UnitKind : std::uint8_t {
    ais_sentence,     ///< sentence (and tag, trailer) are set
    gatehouse_header, ///< gatehouse is set; applies to the next AIS sentence
    tag_block_only,   ///< a tag block with no sentence; applies to the next AIS sentence
    other_sentence,   ///< a well-formed NMEA sentence that is not AIS ($GPGGA, !AIALR, ...): ignored
};

struct Unit {
    UnitKind kind = UnitKind::ais_sentence;
    std::optional<TagBlock> tag;
    /// Set when a tag block was present but unusable: the sentence after it is still returned (it has
    /// its own checksum), without the tag block's metadata.
    std::optional<Reject> tag_rejected;
    AisSentence sentence;
    Trailer trailer;
    GatehouseHeader gatehouse;
};

/// Splits one line (without its line end) into units. Most lines hold one sentence, possibly with a tag
/// block before it and a trailer after it; broken concatenators put several on one line, and each one is
/// returned in turn. Blank lines and '#' comments yield nothing (see is_blank_or_comment).
class LineFramer {
public:
    LineFramer(std::string_view line, ChecksumPolicy policy) noexcept
        : m_rest{line}
        , m_policy{policy} {}

    [[nodiscard]] bool done() const noexcept { return m_rest.empty(); }
    /// The next unit, or why the rest of the line cannot be used (the framer is then done).
    Result<Unit, Reject> next() noexcept;
    /// The same, filling `unit` in place and returning false with `reason` set on failure: the stream
    /// decoder's hot path, where copying a Unit through a Result costs as much as framing the sentence.
    /// After a failure the contents of `unit` are unspecified.
    bool next(Unit& unit, Reject& reason) noexcept;

private:
    bool fail(Reject why, Reject& reason) noexcept {
        m_rest = {};
        reason = why;
        return false;
    }
    std::string_view m_rest;
    ChecksumPolicy m_policy;
};

/// True for lines that carry nothing: empty, white space only, or a '#' comment.
bool is_blank_or_comment(std::string_view line) noexcept;

} // namespace sagar::framing
