#pragma once
// Reassembly of multi-sentence AIS messages from interleaved fragments.
//
// Fragments are grouped by the key (tag block source, channel, sequence id, fragment count), or by the tag
// block group id when there is one (g:, which survives a missing station on later fragments). Only the tag
// block source takes part in the key: a station from a $PGHP header or a trailer often accompanies just one
// fragment of a message. Fragments may arrive in any order, but a later fragment waits for its first one for
// at most `max_reorder_sentences`; after that a new first fragment starts a new message instead of joining a
// stale orphan (sequence ids repeat every ten messages). Memory is bounded: the table holds at most
// `capacity` open messages; when it is full the oldest is evicted, and a message is abandoned once it is
// older than `max_age_ms` of event time or `max_age_sentences` sentences. Every abandoned, duplicated or
// evicted fragment is counted.

#include <sagar/core/reject.hpp>
#include <sagar/framing/meta.hpp>
#include <sagar/framing/sentence.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sagar::framing {

struct ReassemblyLimits {
    std::size_t capacity = 4096;               ///< open messages at most
    std::int64_t max_age_ms = 60'000;          ///< event time between first and last fragment
    std::uint64_t max_age_sentences = 10'000;  ///< sentences between first and last fragment
    std::uint64_t max_reorder_sentences = 100; ///< how long later fragments wait for the first one
};

class Reassembler {
public:
    struct Fragment {
        const AisSentence& sentence;
        std::optional<TagBlock::Group> group;
        std::string_view source;      ///< tag block s: station of this sentence, empty when none
        const Meta& meta;             ///< metadata of this sentence
        std::uint64_t sentence_index; ///< running count of sentences, the clock when times are absent
    };
    /// A completed message; `payload` stays valid until the next call on the reassembler.
    struct Complete {
        std::string_view payload;
        std::uint8_t fill_bits;
        const Meta& meta;
    };

    explicit Reassembler(ReassemblyLimits limits = {});

    /// Adds one fragment of a multi-sentence message; returns the message when it is complete.
    std::optional<Complete> add(const Fragment& fragment);
    /// Abandons every open message (end of input), counting them.
    void flush();

    [[nodiscard]] const RejectCounts& rejects() const noexcept { return m_rejects; }
    [[nodiscard]] std::uint64_t out_of_order() const noexcept { return m_out_of_order; }
    [[nodiscard]] std::size_t open_messages() const noexcept { return m_open; }

private:
    static constexpr std::uint32_t none = 0xFFFFFFFF;
    static constexpr std::size_t max_fragments = 9;
    static constexpr std::size_t slot_payload_chars = 1024;

    struct Key {
        FixedString<32> station;
        std::uint32_t group_id = 0;
        char channel = 0;
        std::int8_t sequence_id = -1;
        std::uint8_t fragment_count = 0;
        bool by_group = false;
        friend bool operator==(const Key&, const Key&) = default;
    };
    struct Slot {
        Key key;
        std::uint64_t hash = 0;
        std::uint32_t bucket_next = none; ///< next slot in the same hash bucket
        std::uint32_t older = none;       ///< age list (doubly linked, oldest at m_oldest)
        std::uint32_t newer = none;
        std::uint16_t received_mask = 0; ///< bit n set when fragment n+1 is here
        std::uint8_t fill_bits = 0;
        std::uint16_t used = 0; ///< bytes of `chars` in use
        std::array<std::uint16_t, max_fragments> offset{};
        std::array<std::uint16_t, max_fragments> length{};
        std::uint64_t first_sentence = 0;
        std::optional<UtcTime> first_time;
        Meta meta;
        std::array<char, slot_payload_chars> chars{};
    };

    static Key key_of(const Fragment& f) noexcept;
    static std::uint64_t hash_of(const Key& key) noexcept;
    std::uint32_t find(const Key& key, std::uint64_t hash) const noexcept;
    std::uint32_t claim(const Key& key, std::uint64_t hash);
    void release(std::uint32_t index, std::optional<Reject> reason) noexcept;
    void expire(const Fragment& now) noexcept;

    ReassemblyLimits m_limits;
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_buckets;
    std::uint32_t m_free = none; ///< free slots, linked through bucket_next
    std::uint32_t m_oldest = none;
    std::uint32_t m_newest = none;
    std::size_t m_open = 0;
    RejectCounts m_rejects;
    std::uint64_t m_out_of_order = 0;
    Meta m_complete_meta;
    std::array<char, slot_payload_chars> m_complete_chars{};
};

} // namespace sagar::framing
