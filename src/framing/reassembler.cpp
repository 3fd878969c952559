#include <sagar/framing/reassembler.hpp>

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

namespace sagar::framing {
namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) noexcept {
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    return h;
}

} // namespace

Reassembler::Reassembler(ReassemblyLimits limits)
    : m_limits{limits} {
    if (limits.capacity == 0 || limits.capacity >= none) {
        throw std::invalid_argument("reassembly capacity must be between 1 and 2^32-2");
    }
    m_slots.resize(limits.capacity);
    m_buckets.assign(std::bit_ceil(limits.capacity * 2), none);
    for (std::size_t i = m_slots.size(); i-- > 0;) {
        m_slots[i].bucket_next = m_free;
        m_free = static_cast<std::uint32_t>(i);
    }
}

Reassembler::Key Reassembler::key_of(const Fragment& f) noexcept {
    Key key;
    key.channel = f.sentence.channel;
    key.fragment_count = f.sentence.fragment_count;
    if (f.group) {
        // The group id ties the sentences together even when later ones lack the station (s:) field.
        key.by_group = true;
        key.group_id = f.group->id;
    } else {
        key.station.assign(f.source);
        key.sequence_id = f.sentence.sequence_id;
    }
    return key;
}

std::uint64_t Reassembler::hash_of(const Key& key) noexcept {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : key.station.view()) {
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
    }
    h = mix(h, key.group_id);
    h = mix(h, static_cast<std::uint64_t>(static_cast<unsigned char>(key.channel)) |
                   (static_cast<std::uint64_t>(static_cast<std::uint8_t>(key.sequence_id)) << 8) |
                   (std::uint64_t{key.fragment_count} << 16) | (std::uint64_t{key.by_group} << 24));
    return h;
}

std::uint32_t Reassembler::find(const Key& key, std::uint64_t hash) const noexcept {
    std::uint32_t i = m_buckets[hash & (m_buckets.size() - 1)];
    while (i != none) {
        const Slot& s = m_slots[i];
        if (s.hash == hash && s.key == key) {
            return i;
        }
        i = s.bucket_next;
    }
    return none;
}

std::uint32_t Reassembler::claim(const Key& key, std::uint64_t hash) {
    if (m_free == none) {
        release(m_oldest, Reject::fragment_evicted);
    }
    const std::uint32_t i = m_free;
    Slot& s = m_slots[i];
    m_free = s.bucket_next;
    s.key = key;
    s.hash = hash;
    s.received_mask = 0;
    s.used = 0;
    s.fill_bits = 0;
    auto& head = m_buckets[hash & (m_buckets.size() - 1)];
    s.bucket_next = head;
    head = i;
    s.newer = none;
    s.older = m_newest;
    if (m_newest != none) {
        m_slots[m_newest].newer = i;
    }
    m_newest = i;
    if (m_oldest == none) {
        m_oldest = i;
    }
    ++m_open;
    return i;
}

void Reassembler::release(std::uint32_t index, std::optional<Reject> reason) noexcept {
    Slot& s = m_slots[index];
    if (reason) {
        // A message that never got its first fragment is an orphan; one that did is incomplete.
        m_rejects.add(*reason == Reject::fragment_incomplete && (s.received_mask & 1U) == 0
                          ? Reject::fragment_orphan
                          : *reason);
    }
    auto* link = &m_buckets[s.hash & (m_buckets.size() - 1)];
    while (*link != index) {
        link = &m_slots[*link].bucket_next;
    }
    *link = s.bucket_next;
    if (s.older != none) {
        m_slots[s.older].newer = s.newer;
    } else {
        m_oldest = s.newer;
    }
    if (s.newer != none) {
        m_slots[s.newer].older = s.older;
    } else {
        m_newest = s.older;
    }
    s.bucket_next = m_free;
    m_free = index;
    --m_open;
}

void Reassembler::expire(const Fragment& now) noexcept {
    while (m_oldest != none) {
        const Slot& s = m_slots[m_oldest];
        const bool too_many_sentences = now.sentence_index - s.first_sentence > m_limits.max_age_sentences;
        const bool too_old = now.meta.time && s.first_time &&
                             now.meta.time->unix_ms() - s.first_time->unix_ms() > m_limits.max_age_ms;
        if (!too_many_sentences && !too_old) {
            return;
        }
        release(m_oldest, Reject::fragment_incomplete);
    }
}

std::optional<Reassembler::Complete> Reassembler::add(const Fragment& f) {
    expire(f);
    const Key key = key_of(f);
    const std::uint64_t hash = hash_of(key);
    std::uint32_t index = find(key, hash);
    const unsigned number = f.sentence.fragment_number - 1U;
    const auto bit = static_cast<std::uint16_t>(1U << number);
    const std::string_view payload = f.sentence.payload;

    if (index != none) {
        Slot& s = m_slots[index];
        if ((s.received_mask & bit) != 0) {
            const std::string_view held{s.chars.data() + s.offset[number], s.length[number]};
            if (held == payload) {
                m_rejects.add(Reject::fragment_duplicate);
                return std::nullopt;
            }
            // Same key, different content: the sender reused the sequence id for a new message.
            release(index, Reject::fragment_incomplete);
            index = none;
        } else if (number == 0 && f.sentence_index - s.first_sentence > m_limits.max_reorder_sentences) {
            // Only later fragments are here and they are stale: they belong to an earlier message.
            release(index, Reject::fragment_orphan);
            index = none;
        } else if (s.used + payload.size() > s.chars.size()) {
            release(index, Reject::message_too_long);
            return std::nullopt;
        }
    }
    if (index == none) {
        if (payload.size() > slot_payload_chars) {
            m_rejects.add(Reject::message_too_long);
            return std::nullopt;
        }
        index = claim(key, hash);
        Slot& s = m_slots[index];
        s.first_sentence = f.sentence_index;
        s.first_time = f.meta.time;
        s.meta = f.meta;
    }
    Slot& s = m_slots[index];
    if (s.received_mask > bit) {
        ++m_out_of_order; // a later fragment came first; the message still completes
    }
    std::memcpy(s.chars.data() + s.used, payload.data(), payload.size());
    s.offset[number] = s.used;
    s.length[number] = static_cast<std::uint16_t>(payload.size());
    s.used = static_cast<std::uint16_t>(s.used + payload.size());
    s.received_mask = static_cast<std::uint16_t>(s.received_mask | bit);
    if (number + 1U == f.sentence.fragment_count) {
        s.fill_bits = f.sentence.fill_bits;
    }
    if (number == 0) {
        // The first fragment's metadata describes the message; keep what later fragments added.
        const auto time = s.meta.time ? s.meta.time : f.meta.time;
        const auto station = s.meta.station.empty() ? f.meta.station : s.meta.station;
        s.meta = f.meta;
        s.meta.time = f.meta.time ? f.meta.time : time;
        s.meta.station = f.meta.station.empty() ? station : f.meta.station;
    } else {
        if (!s.meta.time) {
            s.meta.time = f.meta.time;
        }
        if (s.meta.station.empty()) {
            s.meta.station = f.meta.station;
        }
    }
    s.meta.line = f.meta.line;

    const auto all = static_cast<std::uint16_t>((1U << f.sentence.fragment_count) - 1U);
    if (s.received_mask != all) {
        return std::nullopt;
    }
    std::size_t used = 0;
    for (unsigned n = 0; n < f.sentence.fragment_count; ++n) {
        std::memcpy(m_complete_chars.data() + used, s.chars.data() + s.offset[n], s.length[n]);
        used += s.length[n];
    }
    m_complete_meta = s.meta;
    m_complete_meta.fragments = f.sentence.fragment_count;
    const std::uint8_t fill_bits = s.fill_bits;
    release(index, std::nullopt);
    return Complete{{m_complete_chars.data(), used}, fill_bits, m_complete_meta};
}

void Reassembler::flush() {
    while (m_oldest != none) {
        release(m_oldest, Reject::fragment_incomplete);
    }
}

} // namespace sagar::framing
