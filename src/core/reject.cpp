#include <sagar/core/reject.hpp>

namespace sagar {
namespace {

constexpr std::array<std::string_view, reject_count> reject_names = {
    "line_too_long",      "not_nmea",         "tag_block_malformed",
    "tag_block_checksum", "checksum_missing", "checksum_mismatch",
    "field_count",        "fragment_fields",  "channel",
    "fill_bits",          "payload_char",     "payload_empty",
    "fragment_duplicate", "fragment_orphan",  "fragment_incomplete",
    "fragment_evicted",   "message_too_long", "message_type",
    "payload_too_short",  "payload_too_long", "message_subtype",
};
static_assert(reject_names.back() == "message_subtype", "reject_names must follow enum Reject");

} // namespace

std::string_view to_string(Reject reason) noexcept {
    const auto i = static_cast<std::size_t>(reason);
    return i < reject_names.size() ? reject_names[i] : std::string_view{"unknown"};
}

std::uint64_t RejectCounts::total() const noexcept {
    std::uint64_t sum = 0;
    for (const auto c : m_counts) {
        sum += c;
    }
    return sum;
}

RejectCounts& RejectCounts::operator+=(const RejectCounts& other) noexcept {
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        m_counts[i] += other.m_counts[i];
    }
    return *this;
}

} // namespace sagar
