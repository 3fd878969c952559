#include "corpus.hpp"

#include "bit_writer.hpp"

#include <sagar/decoding/bits.hpp>
#include <sagar/framing/sentence.hpp>

#include <array>
#include <fstream>
#include <random>
#include <sstream>
#include <string_view>

namespace sagar::bench {
namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";

std::string hex2(unsigned v) {
    return {hex_digits[(v >> 4U) & 15U], hex_digits[v & 15U]};
}

/// Fields of "!body*HH": the body split at commas.
std::vector<std::string_view> split_body(std::string_view body) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = body.find(',', start);
        fields.push_back(body.substr(start, comma == std::string_view::npos ? comma : comma - start));
        if (comma == std::string_view::npos) {
            return fields;
        }
        start = comma + 1;
    }
}

/// Rewrites the MMSI (bits 8..37, inside payload characters 1..6) of a first fragment.
bool remap_mmsi(std::string& payload, std::uint32_t offset) {
    if (payload.size() < 7) {
        return false;
    }
    std::uint64_t word = 0; // the first 7 characters: 42 bits
    for (std::size_t i = 0; i < 7; ++i) {
        const std::uint8_t v = decoding::armour_value(payload[i]);
        if (v == 0xFF) {
            return false;
        }
        word = (word << 6U) | v;
    }
    constexpr unsigned shift = 42 - 38; // the MMSI ends at bit 37
    const auto mmsi = static_cast<std::uint32_t>((word >> shift) & ((1U << 30U) - 1));
    // Stays below 10^9, hence within 30 bits, and is distinct per copy.
    const std::uint64_t remapped = (std::uint64_t{mmsi} + offset) % 1'000'000'000ULL;
    word = (word & ~(std::uint64_t{(1U << 30U) - 1} << shift)) | (remapped << shift);
    for (std::size_t i = 7; i-- > 0;) {
        payload[i] = decoding::armour_char(static_cast<std::uint8_t>(word & 63U));
        word >>= 6U;
    }
    return true;
}

/// The message of `w` as !AIVDM sentences of at most 60 payload characters, as receivers split them.
void append_sentences(const testing::BitWriter& w, char channel, int sequence,
                      std::vector<std::string>& out) {
    constexpr std::size_t max_chars = 60;
    unsigned fill_bits = 0;
    const std::string payload = w.payload(fill_bits);
    const std::size_t count = (payload.size() + max_chars - 1) / max_chars;
    for (std::size_t i = 0; i < count; ++i) {
        std::string body = "AIVDM,";
        body += std::to_string(count);
        body += ',';
        body += std::to_string(i + 1);
        body += ',';
        if (count > 1) {
            body += std::to_string(sequence);
        }
        body += ',';
        body += channel;
        body += ',';
        body.append(payload, i * max_chars, max_chars);
        body += ',';
        body += std::to_string(i + 1 == count ? fill_bits : 0U);
        out.push_back(with_checksum(body));
    }
}

/// A synthetic day of traffic with roughly the type mix of a coastal receiver.
std::vector<std::string> synthetic_sentences() {
    std::mt19937 rng{1371};
    auto pick = [&](std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); };
    std::vector<std::string> out;
    const std::array<std::string_view, 6> names{"NORDIC STAR", "MARIA",      "OCEAN PRIDE",
                                                "HAVLIDE",     "KV ANDENES", "PILOT 7"};
    int sequence = 0;
    while (out.size() < 1500) {
        const std::uint32_t mmsi = 200'000'000 + pick(575'000'000);
        const std::uint32_t roll = pick(100);
        testing::BitWriter w;
        if (roll < 60) { // class A position report
            w.header(1 + pick(3), 0, mmsi)
                .u(pick(9), 4)
                .s(static_cast<std::int64_t>(pick(256)) - 128, 8)
                .u(pick(300), 10)
                .flag(pick(2) == 1)
                .s(static_cast<std::int64_t>(pick(216'000'000)) - 108'000'000, 28)
                .s(static_cast<std::int64_t>(pick(108'000'000)) - 54'000'000, 27)
                .u(pick(3600), 12)
                .u(pick(360), 9)
                .u(pick(60), 6)
                .u(0, 2)
                .u(0, 3)
                .flag(false)
                .u(pick(1U << 19U), 19);
        } else if (roll < 72) { // class B position report
            w.header(18, 0, mmsi)
                .u(0, 8)
                .u(pick(300), 10)
                .flag(true)
                .s(static_cast<std::int64_t>(pick(216'000'000)) - 108'000'000, 28)
                .s(static_cast<std::int64_t>(pick(108'000'000)) - 54'000'000, 27)
                .u(pick(3600), 12)
                .u(511, 9)
                .u(pick(60), 6)
                .u(0, 2)
                .u(0x1E, 5)
                .flag(false)
                .flag(true)
                .u(pick(1U << 20U), 20);
        } else if (roll < 80) { // static and voyage data: two sentences
            w.header(5, 0, mmsi)
                .u(0, 2)
                .u(9'000'000 + pick(999'999), 30)
                .text("LA" + std::to_string(pick(9999)), 7)
                .text(names[pick(names.size())], 20)
                .u(70 + pick(20), 8)
                .u(pick(200), 9)
                .u(pick(100), 9)
                .u(pick(30), 6)
                .u(pick(30), 6)
                .u(1, 4)
                .u(1 + pick(12), 4)
                .u(1 + pick(28), 5)
                .u(pick(24), 5)
                .u(pick(60), 6)
                .u(pick(200), 8)
                .text("BERGEN", 20)
                .flag(false)
                .u(0, 1);
        } else if (roll < 86) { // static data B, parts A and B
            if (pick(2) == 0) {
                w.header(24, 0, mmsi).u(0, 2).text(names[pick(names.size())], 20).u(0, 8);
            } else {
                w.header(24, 0, mmsi).u(1, 2).u(37, 8).text("SRT", 3).u(pick(16), 4).u(pick(1U << 20U), 20);
                w.text("LH" + std::to_string(pick(999)), 7).u(pick(100), 9).u(pick(100), 9).u(pick(30), 6);
                w.u(pick(30), 6).u(0, 6);
            }
        } else if (roll < 92) { // base station report
            w.header(4, 0, 2'570'000 + pick(9'999))
                .u(2024, 14)
                .u(1 + pick(12), 4)
                .u(1 + pick(28), 5)
                .u(pick(24), 5)
                .u(pick(60), 6)
                .u(pick(60), 6)
                .flag(true)
                .s(static_cast<std::int64_t>(pick(216'000'000)) - 108'000'000, 28)
                .s(static_cast<std::int64_t>(pick(108'000'000)) - 54'000'000, 27)
                .u(7, 4)
                .u(0, 10)
                .flag(false)
                .u(pick(1U << 19U), 19);
        } else if (roll < 96) { // aid to navigation
            w.header(21, 0, 992'570'000 + pick(9'999))
                .u(pick(32), 5)
                .text("BUOY " + std::to_string(pick(99)), 20)
                .flag(true)
                .s(static_cast<std::int64_t>(pick(216'000'000)) - 108'000'000, 28)
                .s(static_cast<std::int64_t>(pick(108'000'000)) - 54'000'000, 27)
                .u(0, 30)
                .u(7, 4)
                .u(pick(60), 6)
                .flag(false)
                .u(0, 8)
                .flag(false)
                .flag(false)
                .flag(false)
                .u(0, 1);
        } else { // broadcast binary, application data kept raw
            w.header(8, 0, mmsi).u(0, 2).u(1, 10).u(31, 6);
            for (int i = 0; i < 15; ++i) {
                w.u(pick(256), 8);
            }
        }
        append_sentences(w, pick(2) == 0 ? 'A' : 'B', sequence, out);
        sequence = (sequence + 1) % 10;
    }
    return out;
}

} // namespace

std::string with_checksum(const std::string& body) {
    return "!" + body + "*" + hex2(framing::nmea_checksum(body));
}

std::vector<std::string> load_base_sentences(const std::string& path, std::string& origin) {
    std::vector<std::string> lines;
    if (!path.empty()) {
        std::ifstream in{path};
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            // Comments and tag-blocked lines are dropped: the tagged variant adds its own tag blocks.
            if (line.size() > 10 && line[0] == '!') {
                lines.push_back(line);
            }
        }
    }
    if (!lines.empty()) {
        origin = "DERIVED from " + path;
        return lines;
    }
    origin = "SYNTHETIC (sagar's test encoder; " +
             (path.empty() ? std::string{"no source log given"} : "source log " + path + " not readable") +
             ")";
    return synthetic_sentences();
}

Corpus build_corpus(const std::vector<std::string>& base, const std::string& origin, const CorpusSpec& spec) {
    Corpus corpus;
    corpus.base_sentences = base.size();
    corpus.copies = base.empty() ? 0 : (spec.sentences + base.size() - 1) / base.size();
    corpus.origin = origin + "; " + std::to_string(corpus.copies) + " copies, MMSIs remapped per copy" +
                    (spec.tag_blocks ? ", tag blocks s:/c: added with times shifted per copy" : "");
    corpus.text.reserve(corpus.copies * base.size() * (spec.tag_blocks ? 100 : 70));
    corpus.text +=
        "# sagar benchmark corpus, generated, not for redistribution as data: " + corpus.origin + "\n";

    constexpr std::int64_t start_time = 1'700'000'000;
    constexpr std::int64_t copy_span = 86'400; // each copy is one day later than the previous one
    for (std::size_t copy = 0; copy < corpus.copies; ++copy) {
        const auto offset = static_cast<std::uint32_t>(copy * 1'000'003U % 1'000'000'000U);
        for (std::size_t i = 0; i < base.size(); ++i) {
            const std::string& line = base[i];
            const std::size_t star = line.rfind('*');
            std::string sentence = line;
            // Only sentences whose checksum is right are rewritten; broken ones stay broken.
            if (star != std::string::npos && star + 3 <= line.size() &&
                hex2(framing::nmea_checksum(std::string_view{line}.substr(1, star - 1))) ==
                    line.substr(star + 1, 2)) {
                const std::string body = line.substr(1, star - 1);
                auto fields = split_body(body);
                if (fields.size() == 7 && fields[2] == "1") {
                    std::string payload{fields[5]};
                    if (remap_mmsi(payload, offset)) {
                        std::string rebuilt;
                        for (std::size_t f = 0; f < fields.size(); ++f) {
                            rebuilt += f == 5 ? std::string_view{payload} : fields[f];
                            if (f + 1 < fields.size()) {
                                rebuilt += ',';
                            }
                        }
                        sentence = with_checksum(rebuilt) + line.substr(star + 3);
                    }
                }
            }
            if (spec.tag_blocks) {
                const std::int64_t time =
                    start_time + static_cast<std::int64_t>(copy) * copy_span + static_cast<std::int64_t>(i);
                const std::string tag = "s:bench" + std::to_string(copy % 16) + ",c:" + std::to_string(time);
                corpus.text += "\\" + tag + "*" + hex2(framing::nmea_checksum(tag)) + "\\";
            }
            corpus.text += sentence;
            corpus.text += '\n';
            ++corpus.sentences;
        }
    }
    return corpus;
}

} // namespace sagar::bench
