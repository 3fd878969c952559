#include <sagar/decoding/stream_decoder.hpp>

namespace sagar::decoding {

StreamDecoder::StreamDecoder(StreamOptions options)
    : m_options{options}
    , m_reassembler{options.reassembly} {}

void StreamDecoder::skipped_long_line() noexcept {
    ++m_stats.lines;
    m_stats.rejects.add(Reject::line_too_long);
}

void StreamDecoder::feed_line(std::string_view line, Sink sink) {
    ++m_stats.lines;
    if (framing::is_blank_or_comment(line)) {
        ++m_stats.blank_or_comment;
        return;
    }
    framing::LineFramer framer{line, m_options.checksums};
    framing::Unit& unit = m_unit;
    while (!framer.done()) {
        Reject reason{};
        if (!framer.next(unit, reason)) {
            m_stats.rejects.add(reason);
            continue;
        }
        if (unit.tag_rejected) {
            m_stats.rejects.add(*unit.tag_rejected);
        }
        switch (unit.kind) {
        case framing::UnitKind::ais_sentence:
            on_sentence(unit, sink);
            break;
        case framing::UnitKind::gatehouse_header:
            m_pending = framing::Meta{};
            m_pending.time = unit.gatehouse.time;
            m_pending.station.assign(unit.gatehouse.station);
            m_has_pending = true;
            m_pending_from_tag_block = false;
            ++m_stats.headers;
            break;
        case framing::UnitKind::tag_block_only:
            m_pending = framing::Meta{};
            m_pending.time = unit.tag->time;
            m_pending.station.assign(unit.tag->source);
            m_has_pending = true;
            m_pending_from_tag_block = true;
            ++m_stats.headers;
            break;
        case framing::UnitKind::other_sentence:
            ++m_stats.other_sentences;
            break;
        }
    }
}

void StreamDecoder::on_sentence(const framing::Unit& unit, Sink sink) {
    ++m_stats.sentences;
    const framing::AisSentence& s = unit.sentence;
    if (!s.checksum_ok || (unit.tag && !unit.tag->checksum_ok)) {
        ++m_stats.checksums_accepted;
    }
    // Precedence of metadata: the sentence's own tag block, then a preceding header, then its trailer for
    // the time (a trailer is often stamped later, on arrival at a collecting server: AMSA's exactEarth log
    // trails its $PGHP satellite times by 15 to 95 minutes); the trailer's station before the header's.
    framing::Meta meta;
    std::string_view source;
    if (m_has_pending) {
        meta = m_pending;
        if (m_pending_from_tag_block) {
            source = m_pending.station.view();
        }
        m_has_pending = false;
    }
    if (unit.trailer.time && !meta.time) {
        meta.time = unit.trailer.time;
    }
    if (!unit.trailer.station.empty()) {
        meta.station.assign(unit.trailer.station);
    }
    if (unit.tag) {
        if (unit.tag->time) {
            meta.time = unit.tag->time;
        }
        if (!unit.tag->source.empty()) {
            meta.station.assign(unit.tag->source);
            source = unit.tag->source;
        }
    }
    meta.channel = s.channel;
    meta.talker.assign(s.talker);
    meta.own_ship = s.own_ship;
    meta.line = m_stats.lines;

    if (s.fragment_count == 1) {
        decode(s.payload, s.fill_bits, meta, sink);
        return;
    }
    std::optional<framing::TagBlock::Group> group;
    if (unit.tag && unit.tag->group) {
        group = unit.tag->group;
    }
    const auto complete = m_reassembler.add({s, group, source, meta, m_stats.sentences});
    if (complete) {
        decode(complete->payload, complete->fill_bits, complete->meta, sink);
    }
}

void StreamDecoder::decode(std::string_view payload, unsigned fill_bits, const framing::Meta& meta,
                           Sink sink) {
    if (!m_bits.assign(payload, fill_bits)) {
        m_stats.rejects.add(payload.size() > max_payload_chars ? Reject::message_too_long
                                                               : Reject::payload_char);
        return;
    }
    const auto message = decode_message(m_bits);
    if (!message) {
        m_stats.rejects.add(message.error());
        return;
    }
    ++m_stats.messages;
    ++m_stats.by_type[header_of(*message).type];
    sink(meta, *message);
}

void StreamDecoder::finish() {
    m_reassembler.flush();
}

StreamStats StreamDecoder::stats() const {
    StreamStats s = m_stats;
    s.rejects += m_reassembler.rejects();
    s.out_of_order = m_reassembler.out_of_order();
    return s;
}

} // namespace sagar::decoding
