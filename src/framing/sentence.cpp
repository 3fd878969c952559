#include <sagar/framing/sentence.hpp>

#include <array>
#include <bit>
#include <charconv>
#include <cstring>

namespace sagar::framing {
namespace {

constexpr std::int64_t milliseconds_threshold = 100'000'000'000; // c: above 1e11 is in milliseconds

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

/// Reads "hh" at `text[pos]`; -1 when there are not two hex digits.
int read_checksum(std::string_view text, std::size_t pos) noexcept {
    if (pos + 2 > text.size()) {
        return -1;
    }
    const int hi = hex_value(text[pos]);
    const int lo = hex_value(text[pos + 1]);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/// XOR checksum eight bytes at a time: the sentence checksum is on the hot path of every message.
std::uint8_t fast_checksum(std::string_view text) noexcept {
    std::uint64_t acc = 0;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        acc ^= word;
    }
    acc ^= acc >> 32;
    acc ^= acc >> 16;
    acc ^= acc >> 8;
    auto x = static_cast<std::uint8_t>(acc);
    for (; i < text.size(); ++i) {
        x = static_cast<std::uint8_t>(x ^ static_cast<std::uint8_t>(text[i]));
    }
    return x;
}

/// Where the checksummed part of a sentence ends, and the XOR of the bytes before it.
struct SentenceScan {
    std::size_t end; ///< first '*', '\' or '!' at or after the start, or npos
    std::uint8_t checksum;
};

/// Finds the end of the checksummed part of `text` (from `from`) and computes its checksum in the same
/// pass, eight bytes at a time: the one pass over the whole sentence that every message needs.
SentenceScan scan_sentence(std::string_view text, std::size_t from) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    // High bit set in each byte of `word` equal to `c`; exact for the lowest such byte (a borrow only
    // disturbs bytes above a match), which is all the scan needs.
    const auto bytes_equal = [](std::uint64_t word, std::uint8_t c) noexcept {
        const std::uint64_t x = word ^ (ones * c);
        return (x - ones) & ~x & highs;
    };
    std::uint64_t acc = 0;
    std::size_t i = from;
    if constexpr (std::endian::native == std::endian::little) {
        for (; i + 8 <= text.size(); i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, sizeof word);
            const std::uint64_t hits =
                bytes_equal(word, '*') | bytes_equal(word, '\\') | bytes_equal(word, '!');
            if (hits != 0) {
                const auto k = static_cast<unsigned>(std::countr_zero(hits)) / 8;
                acc ^= word & ((std::uint64_t{1} << (8 * k)) - 1);
                i += k;
                break;
            }
            acc ^= word;
        }
    }
    acc ^= acc >> 32;
    acc ^= acc >> 16;
    acc ^= acc >> 8;
    auto x = static_cast<std::uint8_t>(acc);
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '*' || c == '\\' || c == '!') {
            return {i, x};
        }
        x = static_cast<std::uint8_t>(x ^ static_cast<std::uint8_t>(c));
    }
    return {std::string_view::npos, x};
}

/// The first '\' or '!' (where another unit may start) in `text`, or npos.
std::size_t find_unit_start(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' || text[i] == '!') {
            return i;
        }
    }
    return std::string_view::npos;
}

template <class Int>
bool parse_int(std::string_view text, Int& out) noexcept {
    if (text.empty()) {
        return false;
    }
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

/// An epoch in seconds ("1272412827", "1599239526.5") or milliseconds ("1327992119157").
std::optional<UtcTime> parse_epoch(std::string_view text) noexcept {
    const std::size_t dot = text.find('.');
    std::int64_t whole = 0;
    if (!parse_int(text.substr(0, dot), whole) || whole < 0) {
        return std::nullopt;
    }
    if (dot == std::string_view::npos) {
        return whole > milliseconds_threshold ? UtcTime::from_unix_ms(whole)
                                              : UtcTime::from_unix_seconds(whole);
    }
    std::int64_t millis = 0;
    std::int64_t scale = 100;
    const std::string_view fraction = text.substr(dot + 1);
    if (fraction.empty()) {
        return std::nullopt;
    }
    for (const char c : fraction) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        millis += (c - '0') * scale;
        scale /= 10;
    }
    return UtcTime::from_unix_ms(whole * 1000 + millis);
}

/// Splits `text` at commas into at most N fields; returns the number of fields, or N + 1 if there are more.
template <std::size_t N>
std::size_t split_fields(std::string_view text, std::array<std::string_view, N>& fields) noexcept {
    std::size_t count = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        if (count == N) {
            return N + 1;
        }
        fields[count++] =
            text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (comma == std::string_view::npos) {
            return count;
        }
        start = comma + 1;
    }
}

bool is_address_char(char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// split_fields for VDM/VDO fields, `text` starting with the address (`address_size` characters and a
/// comma), with a fast path for the usual shape: the four fields after the address hold at most one
/// character each, then the payload, and the fill bits field is last. Anything else takes the general
/// split, so the result is always the same as split_fields'.
std::size_t split_vdm_fields(std::string_view text, std::size_t address_size,
                             std::array<std::string_view, 7>& fields) noexcept {
    fields[0] = text.substr(0, address_size);
    std::size_t start = address_size + 1;
    for (std::size_t k = 1; k < 5; ++k) {
        if (start < text.size() && text[start] == ',') {
            fields[k] = {};
            start += 1;
        } else if (start + 1 < text.size() && text[start + 1] == ',') {
            fields[k] = text.substr(start, 1);
            start += 2;
        } else {
            return split_fields(text, fields);
        }
    }
    const std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) {
        return split_fields(text, fields);
    }
    const std::string_view last = text.substr(comma + 1);
    if (last.size() > 1 || last == ",") {
        return split_fields(text, fields);
    }
    fields[5] = text.substr(start, comma - start);
    fields[6] = last;
    return 7;
}

/// The fields of a VDM/VDO sentence: `fields_text` is the checksummed part, starting with the address.
bool parse_vdm_fields(std::string_view fields_text, std::string_view address, AisSentence& s,
                      Reject& reason) noexcept {
    std::array<std::string_view, 7> f;
    if (split_vdm_fields(fields_text, address.size(), f) != 7) {
        reason = Reject::field_count;
        return false;
    }
    s = AisSentence{};
    s.talker = address.substr(0, 2);
    s.own_ship = address[4] == 'O';
    if (f[1].size() != 1 || f[2].size() != 1 || f[3].size() > 1) {
        reason = Reject::fragment_fields;
        return false;
    }
    s.fragment_count = static_cast<std::uint8_t>(f[1][0] - '0');
    s.fragment_number = static_cast<std::uint8_t>(f[2][0] - '0');
    if (s.fragment_count < 1 || s.fragment_count > 9 || s.fragment_number < 1 ||
        s.fragment_number > s.fragment_count) {
        reason = Reject::fragment_fields;
        return false;
    }
    if (f[3].size() == 1) {
        if (f[3][0] < '0' || f[3][0] > '9') {
            reason = Reject::fragment_fields;
            return false;
        }
        s.sequence_id = static_cast<std::int8_t>(f[3][0] - '0');
    }
    if (f[4].size() > 1) {
        reason = Reject::channel;
        return false;
    }
    if (f[4].size() == 1) {
        switch (f[4][0]) {
        case 'A':
        case '1':
            s.channel = 'A';
            break;
        case 'B':
        case '2':
            s.channel = 'B';
            break;
        case 'C':
        case 'D':
            s.channel = f[4][0];
            break;
        default:
            reason = Reject::channel;
            return false;
        }
    }
    s.payload = f[5];
    if (s.payload.empty()) {
        reason = Reject::payload_empty;
        return false;
    }
    // An empty fill-bits field occurs in some feeds; it can only mean 0.
    if (f[6].size() > 1 || (f[6].size() == 1 && (f[6][0] < '0' || f[6][0] > '5'))) {
        reason = Reject::fill_bits;
        return false;
    }
    s.fill_bits = f[6].empty() ? 0 : static_cast<std::uint8_t>(f[6][0] - '0');
    return true;
}

std::optional<UtcTime> parse_gatehouse_time(const std::array<std::string_view, 16>& f) noexcept {
    CivilTime t;
    if (!parse_int(f[2], t.year) || !parse_int(f[3], t.month) || !parse_int(f[4], t.day) ||
        !parse_int(f[5], t.hour) || !parse_int(f[6], t.minute) || !parse_int(f[7], t.second) ||
        !parse_int(f[8], t.millis) || t.year < 1970 || t.year > 9999) {
        return std::nullopt;
    }
    return from_civil(t);
}

Trailer parse_trailer(std::string_view text) noexcept {
    Trailer t;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) {
            comma = text.size();
        }
        const std::string_view field = text.substr(start, comma - start);
        if (!field.empty() && (field[0] == 'r' || field[0] == 'b') && field.size() > 1 && t.station.empty()) {
            t.station = field; // USCG receiver ("r...") or base station ("b...") identifier
        } else if (!t.time && !field.empty() && field[0] >= '0' && field[0] <= '9') {
            t.time = parse_epoch(field);
        }
        start = comma + 1;
    }
    return t;
}

/// "sentence-total-id", e.g. "1-2-1604".
std::optional<TagBlock::Group> parse_group(std::string_view value) noexcept {
    const std::size_t d1 = value.find('-');
    const std::size_t d2 = d1 == std::string_view::npos ? d1 : value.find('-', d1 + 1);
    unsigned sentence = 0;
    unsigned total = 0;
    TagBlock::Group g;
    if (d2 == std::string_view::npos || !parse_int(value.substr(0, d1), sentence) ||
        !parse_int(value.substr(d1 + 1, d2 - d1 - 1), total) || !parse_int(value.substr(d2 + 1), g.id) ||
        sentence < 1 || total > 9 || sentence > total) {
        return std::nullopt;
    }
    g.sentence = static_cast<std::uint8_t>(sentence);
    g.total = static_cast<std::uint8_t>(total);
    return g;
}

} // namespace

Result<TagBlock, Reject> parse_tag_block(std::string_view body, ChecksumPolicy policy) noexcept {
    TagBlock tag;
    const std::size_t star = body.rfind('*');
    if (star == std::string_view::npos || read_checksum(body, star + 1) < 0 || star + 3 != body.size()) {
        if (policy == ChecksumPolicy::strict) {
            return unexpected(Reject::tag_block_malformed);
        }
        tag.checksum_ok = false;
    } else if (fast_checksum(body.substr(0, star)) != read_checksum(body, star + 1)) {
        if (policy == ChecksumPolicy::strict) {
            return unexpected(Reject::tag_block_checksum);
        }
        tag.checksum_ok = false;
    }
    const std::string_view fields = body.substr(0, star);
    std::size_t start = 0;
    while (start <= fields.size()) {
        std::size_t comma = fields.find(',', start);
        if (comma == std::string_view::npos) {
            comma = fields.size();
        }
        const std::string_view field = fields.substr(start, comma - start);
        start = comma + 1;
        const std::size_t colon = field.find(':');
        if (colon == 0 || colon == std::string_view::npos) {
            if (field.empty() && comma == fields.size()) {
                break;
            }
            return unexpected(Reject::tag_block_malformed);
        }
        const std::string_view value = field.substr(colon + 1);
        // NMEA 4.10 names its parameters with one letter; longer names are vendor extensions (the Danish
        // Maritime Authority writes "si:"), kept out of the switch and ignored like unknown letters.
        switch (colon == 1 ? field[0] : '\0') {
        case 'c':
            tag.time = parse_epoch(value);
            if (!tag.time) {
                return unexpected(Reject::tag_block_malformed);
            }
            break;
        case 's':
            tag.source = value;
            break;
        case 'd':
            tag.destination = value;
            break;
        case 't':
            tag.text = value;
            break;
        case 'r': {
            std::int64_t r = 0;
            if (!parse_int(value, r)) {
                return unexpected(Reject::tag_block_malformed);
            }
            tag.relative_time = r;
            break;
        }
        case 'n': {
            std::uint32_t n = 0;
            if (!parse_int(value, n)) {
                return unexpected(Reject::tag_block_malformed);
            }
            tag.line_count = n;
            break;
        }
        case 'g': {
            const auto group = parse_group(value);
            if (!group) {
                return unexpected(Reject::tag_block_malformed);
            }
            tag.group = *group;
            break;
        }
        default:
            break; // other parameters (T:, q:, i:, vendor extensions) carry nothing sagar uses
        }
        if (comma == fields.size()) {
            break;
        }
    }
    return tag;
}

bool is_blank_or_comment(std::string_view line) noexcept {
    for (const char c : line) {
        if (c == '#') {
            return true;
        }
        if (c != ' ' && c != '\t') {
            return false;
        }
    }
    return true;
}

Result<Unit, Reject> LineFramer::next() noexcept {
    Unit unit;
    Reject reason{};
    if (!next(unit, reason)) {
        return unexpected(reason);
    }
    return unit;
}

bool LineFramer::next(Unit& unit, Reject& reason) noexcept {
    unit.tag.reset();
    unit.tag_rejected.reset();
    unit.trailer = {};
    unit.gatehouse = {};
    std::string_view rest = m_rest;
    if (!rest.empty() && rest[0] == '\\') {
        const std::size_t close = rest.find('\\', 1);
        if (close == std::string_view::npos) {
            return fail(Reject::tag_block_malformed, reason);
        }
        auto tag = parse_tag_block(rest.substr(1, close - 1), m_policy);
        if (tag) {
            unit.tag = *tag;
        } else {
            unit.tag_rejected = tag.error();
        }
        rest.remove_prefix(close + 1);
        if (rest.empty()) {
            m_rest = {};
            if (unit.tag_rejected) {
                reason = *unit.tag_rejected;
                return false;
            }
            unit.kind = UnitKind::tag_block_only;
            unit.sentence = {};
            return true;
        }
    }
    if (rest.empty() || (rest[0] != '!' && rest[0] != '$')) {
        return fail(Reject::not_nmea, reason);
    }
    // The address field: talker (2 characters, or 'P' + maker for proprietary sentences) + formatter.
    std::size_t address_end = 1;
    while (address_end < rest.size() && is_address_char(rest[address_end])) {
        ++address_end;
    }
    if (address_end < 4 || address_end > 8 || address_end >= rest.size() || rest[address_end] != ',') {
        return fail(Reject::not_nmea, reason);
    }
    const std::string_view address = rest.substr(1, address_end - 1);

    // The checksummed part ends at the first '*'; a sentence never contains '\' or '!' after its start,
    // so either one also ends a sentence that lacks its checksum. The address holds none of the three,
    // so scanning from its start finds the same end and yields the checksum too.
    const SentenceScan scan = scan_sentence(rest, 1);
    std::size_t star = scan.end;
    std::size_t end = 0;
    bool checksum_ok = true;
    const int given =
        star == std::string_view::npos || rest[star] != '*' ? -1 : read_checksum(rest, star + 1);
    if (given < 0) {
        if (m_policy == ChecksumPolicy::strict) {
            // Skip to where the next unit could start so that one broken sentence does not hide the next.
            const std::size_t resume =
                star == std::string_view::npos ? rest.size() : rest.find_first_of("\\!", star);
            m_rest = resume == std::string_view::npos ? std::string_view{} : rest.substr(resume);
            if (m_rest.size() == rest.size()) {
                m_rest = {};
            }
            reason = Reject::checksum_missing;
            return false;
        }
        checksum_ok = false;
        if (star == std::string_view::npos) {
            star = rest.size();
        }
        end = star;
    } else {
        end = star + 3;
        if (scan.checksum != given) {
            if (m_policy == ChecksumPolicy::strict) {
                m_rest = rest.substr(end);
                const std::size_t resume = find_unit_start(m_rest);
                m_rest = resume == std::string_view::npos ? std::string_view{} : m_rest.substr(resume);
                reason = Reject::checksum_mismatch;
                return false;
            }
            checksum_ok = false;
        }
    }
    const std::string_view fields_text = rest.substr(1, star - 1);

    // After the checksum: a trailer (",..."), another unit ('\' or '!'), or stray bytes that are ignored.
    std::string_view after = rest.substr(std::min(end, rest.size()));
    std::size_t next_unit = find_unit_start(after);
    if (!after.empty() && after[0] == ',') {
        unit.trailer = parse_trailer(
            after.substr(1, next_unit == std::string_view::npos ? std::string_view::npos : next_unit - 1));
    }
    m_rest = next_unit == std::string_view::npos ? std::string_view{} : after.substr(next_unit);

    // VDM/VDO: a two-character talker and the formatter (the last three characters of the address).
    if (address.size() == 5 && address[2] == 'V' && address[3] == 'D' &&
        (address[4] == 'M' || address[4] == 'O')) {
        if (!parse_vdm_fields(fields_text, address, unit.sentence, reason)) {
            return false;
        }
        unit.kind = UnitKind::ais_sentence;
        unit.sentence.checksum_ok = checksum_ok;
        return true;
    }
    unit.sentence = {};
    if (address == "PGHP") {
        std::array<std::string_view, 16> f{};
        const std::size_t n = split_fields(fields_text, f);
        unit.kind = UnitKind::gatehouse_header;
        if (n >= 12 && n <= 16 && f[1] == "1") {
            unit.gatehouse.time = parse_gatehouse_time(f);
            unit.gatehouse.station = f[11];
        }
        if (unit.trailer.time && !unit.gatehouse.time) {
            unit.gatehouse.time = unit.trailer.time;
        }
        return true;
    }
    unit.kind = UnitKind::other_sentence;
    return true;
}

} // namespace sagar::framing
