// Whole-pipeline robustness on our own generated inputs and on the corpora's dirty files: bounded memory
// under a flood of never-completed fragments, binary garbage, megabyte lines, and the accounting of every
// input line.
//
// Line accounting: each line is put in exactly one class from what it added to StreamStats (see
// support/corpus.hpp, classify): decoded, rejected, held (a fragment waiting for reassembly),
// other_sentence, blank_or_comment, or header ($PGHP or a lone tag block).
// The identity checked for every input is
//     stats.lines == decoded + rejected + held + other_sentence + blank_or_comment + header
// with no line left unaccounted, stats.blank_or_comment equal to the blank_or_comment class, and
// stats.messages == sum(stats.by_type) == the number of records the sink received.

#include "support/bit_writer.hpp"
#include "support/corpus.hpp"
#include "support/sample_messages.hpp"

#include <sagar/framing/reassembler.hpp>
#include <sagar/framing/sentence.hpp>

#include <iostream>
#include <numeric>
#include <random>
#include <sstream>

namespace sagar::testing {
namespace {

/// Checks the accounting identity described at the top of the file; returns the class counts.
std::map<LineClass, std::uint64_t> expect_accounted(const DecodeRun& run, const std::string& label) {
    const auto counts = count_classes(run);
    std::uint64_t sum = 0;
    for (const auto& [cls, n] : counts) {
        if (cls != LineClass::unaccounted) {
            sum += n;
        }
    }
    EXPECT_EQ(run.stats.lines, run.lines.size()) << label;
    EXPECT_EQ(run.stats.lines, sum) << label << ": lines not in any class";
    const auto unaccounted = counts.contains(LineClass::unaccounted) ? counts.at(LineClass::unaccounted) : 0U;
    EXPECT_EQ(unaccounted, 0U) << label;
    for (std::size_t i = 0; i < run.lines.size(); ++i) {
        if (run.lines[i].cls == LineClass::unaccounted) {
            ADD_FAILURE() << label << ": line " << i + 1
                          << " unaccounted: " << run.lines[i].text.substr(0, 120);
        }
    }
    const auto blank =
        counts.contains(LineClass::blank_or_comment) ? counts.at(LineClass::blank_or_comment) : 0U;
    EXPECT_EQ(run.stats.blank_or_comment, blank) << label;
    EXPECT_EQ(run.stats.messages, std::accumulate(run.stats.by_type.begin(), run.stats.by_type.end(), 0ULL))
        << label;
    EXPECT_EQ(run.stats.messages, run.sink_calls) << label;
    EXPECT_EQ(run.records.size(), run.sink_calls) << label << ": every message is valid JSON";
    return counts;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) {
        out += l;
        out += '\n';
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------
// Fragment flood

/// First fragments of two-sentence messages from `stations` different receivers (tag block s:), never
/// followed by their second fragment.
std::vector<std::string> fragment_flood(std::size_t stations) {
    const std::string first = static_voyage(123456789).sentences('A', 3)[0];
    std::vector<std::string> lines;
    lines.reserve(stations);
    for (std::size_t i = 0; i < stations; ++i) {
        lines.push_back(tagged("s:flood" + std::to_string(i) + ",c:1700000000", first));
    }
    return lines;
}

TEST(Robustness, FragmentFloodEvictsOldestAndLaterMessagesStillDecode) {
    constexpr std::size_t capacity = 512;
    constexpr std::size_t stations = 20'000;
    RunOptions options;
    options.stream.reassembly.capacity = capacity;
    options.stream.reassembly.max_age_sentences = 1'000'000; // isolate eviction from expiry
    std::vector<std::string> lines = fragment_flood(stations);
    // Complete messages after the flood: a two-sentence type 5 from a new station and a type 1.
    for (const auto& s : static_voyage(211000001).sentences('B', 7)) {
        lines.push_back(tagged("s:after,c:1700000001", s));
    }
    lines.push_back(position_report(211000002).sentences()[0]);

    const DecodeRun run = decode_text(join_lines(lines), options);
    expect_accounted(run, "flood");
    ASSERT_EQ(run.records.size(), 2U);
    EXPECT_EQ(run.records[0].json.value("type", 0), 5);
    EXPECT_EQ(run.records[0].json.value("mmsi", 0U), 211000001U);
    EXPECT_EQ(run.records[0].fragments, 2U);
    EXPECT_EQ(run.records[1].json.value("type", 0), 1);
    EXPECT_EQ(run.records[1].json.value("mmsi", 0U), 211000002U);
    // Every flooded message is abandoned exactly once: pushed out while the table was full (the type 5
    // after the flood takes one more slot), or at end of input.
    EXPECT_EQ(run.stats.rejects[Reject::fragment_evicted], stations - capacity + 1);
    EXPECT_EQ(run.stats.rejects[Reject::fragment_incomplete], capacity - 1);
    EXPECT_EQ(run.stats.sentences, stations + 3);
}

TEST(Robustness, FragmentFloodWithDefaultLimitsAccountsForEveryMessage) {
    constexpr std::size_t stations = 30'000;
    std::vector<std::string> lines = fragment_flood(stations);
    // Orphans too: second fragments whose first never comes.
    const std::string second = static_voyage(987654321).sentences('B', 4)[1];
    for (std::size_t i = 0; i < 2'000; ++i) {
        lines.push_back(tagged("s:orphan" + std::to_string(i), second));
    }
    lines.push_back(position_report(211000003).sentences()[0]);
    const DecodeRun run = decode_text(join_lines(lines));
    expect_accounted(run, "flood-default");
    ASSERT_EQ(run.records.size(), 1U);
    EXPECT_EQ(run.records[0].json.value("mmsi", 0U), 211000003U);
    const auto& r = run.stats.rejects;
    EXPECT_EQ(r[Reject::fragment_evicted] + r[Reject::fragment_incomplete] + r[Reject::fragment_orphan],
              stations + 2'000);
    EXPECT_GT(r[Reject::fragment_evicted] + r[Reject::fragment_incomplete], 0U);
    EXPECT_GT(r[Reject::fragment_orphan], 0U);
}

TEST(Robustness, ReassemblerOpenMessagesNeverExceedCapacity) {
    constexpr std::size_t capacity = 64;
    framing::ReassemblyLimits limits;
    limits.capacity = capacity;
    framing::Reassembler reassembler{limits};
    const std::string first = static_voyage(123456789).sentences('A', 3)[0];
    std::uint64_t index = 0;
    for (std::size_t i = 0; i < 5'000; ++i) {
        framing::LineFramer framer{first, framing::ChecksumPolicy::strict};
        auto unit = framer.next();
        ASSERT_TRUE(unit.has_value());
        framing::Meta meta;
        const std::string station = "st" + std::to_string(i);
        meta.station.assign(station);
        const auto done = reassembler.add({unit->sentence, std::nullopt, station, meta, ++index});
        EXPECT_FALSE(done.has_value());
        ASSERT_LE(reassembler.open_messages(), capacity);
    }
    EXPECT_EQ(reassembler.open_messages(), capacity);
    EXPECT_EQ(reassembler.rejects()[Reject::fragment_evicted], 5'000 - capacity);
    reassembler.flush();
    EXPECT_EQ(reassembler.open_messages(), 0U);
    EXPECT_EQ(reassembler.rejects()[Reject::fragment_incomplete], capacity);
}

// ---------------------------------------------------------------------------------------------------
// Garbage

TEST(Robustness, BinaryGarbageNeverCrashesAndEveryLineIsAccounted) {
    std::mt19937_64 rng{20240601};
    std::uniform_int_distribution<int> byte{0, 255};
    std::string data;
    const std::string good = position_report(366000001).sentences()[0];
    std::size_t good_lines = 0;
    for (int block = 0; block < 400; ++block) {
        const int n = std::uniform_int_distribution<int>{0, 3000}(rng);
        for (int i = 0; i < n; ++i) {
            data.push_back(static_cast<char>(byte(rng))); // NUL, high bytes, stray CR/LF and all
        }
        // A valid sentence on a line of its own, so the decoder must recover after the noise.
        data += "\n" + good + "\n";
        ++good_lines;
    }
    const DecodeRun run = decode_text(data);
    expect_accounted(run, "garbage");
    EXPECT_EQ(run.records.size(), good_lines);
    for (const auto& r : run.records) {
        EXPECT_EQ(r.json.value("mmsi", 0U), 366000001U);
    }
    EXPECT_GT(run.stats.rejects[Reject::not_nmea], 0U);
}

/// Characters of the AIS six-bit armour.
char armour(unsigned v) {
    return static_cast<char>(v < 40 ? v + 48 : v + 56);
}

TEST(Robustness, RandomPayloadsWithValidChecksumsAreDecodedOrRejected) {
    // Past the checksum, every message type's decoder sees arbitrary bits and lengths.
    std::mt19937_64 rng{7};
    std::vector<std::string> lines;
    for (int i = 0; i < 20'000; ++i) {
        const int length = std::uniform_int_distribution<int>{0, 200}(rng);
        std::string payload;
        // Half of them start with a valid type (1..27) so that every decoder is exercised.
        for (int k = 0; k < length; ++k) {
            const unsigned v = k == 0 && i % 2 == 0 ? std::uniform_int_distribution<unsigned>{1, 27}(rng)
                                                    : std::uniform_int_distribution<unsigned>{0, 63}(rng);
            payload.push_back(armour(v));
        }
        const int fill = std::uniform_int_distribution<int>{0, 5}(rng);
        lines.push_back(with_checksum('!', "AIVDM,1,1,,A," + payload + "," + std::to_string(fill)));
    }
    for (const auto scaling : {output::Scaling::unscaled, output::Scaling::scaled}) {
        RunOptions options;
        options.scaling = scaling;
        options.metadata = true;
        const DecodeRun run = decode_text(join_lines(lines), options);
        const auto counts = expect_accounted(run, "random payloads");
        EXPECT_EQ(counts.at(LineClass::decoded) + counts.at(LineClass::rejected), lines.size());
        EXPECT_GT(run.stats.messages, 0U);
        EXPECT_GT(run.stats.rejects[Reject::payload_too_short], 0U);
    }
}

TEST(Robustness, MutatedSentencesNeverCrash) {
    std::mt19937_64 rng{99};
    std::vector<std::string> seeds = {position_report(1).sentences()[0]};
    for (const auto& s : static_voyage(2).sentences('A', 1)) {
        seeds.push_back(tagged("g:1-2-55,s:x,c:1700000000", s));
    }
    std::vector<std::string> lines;
    for (int i = 0; i < 20'000; ++i) {
        std::string s = seeds[static_cast<std::size_t>(i) % seeds.size()];
        const int edits = std::uniform_int_distribution<int>{1, 4}(rng);
        for (int e = 0; e < edits && !s.empty(); ++e) {
            const auto at = std::uniform_int_distribution<std::size_t>{0, s.size() - 1}(rng);
            switch (std::uniform_int_distribution<int>{0, 2}(rng)) {
            case 0:
                s[at] = static_cast<char>(std::uniform_int_distribution<int>{0, 255}(rng));
                break;
            case 1:
                s.erase(at, 1);
                break;
            default:
                s.insert(at, 1, ",*\\!$"[std::uniform_int_distribution<int>{0, 4}(rng)]);
                break;
            }
        }
        lines.push_back(std::move(s));
    }
    RunOptions lenient;
    lenient.stream.checksums = framing::ChecksumPolicy::lenient; // let damaged payloads reach the decoders
    expect_accounted(decode_text(join_lines(lines), lenient), "mutated lenient");
    expect_accounted(decode_text(join_lines(lines)), "mutated strict");
}

// ---------------------------------------------------------------------------------------------------
// Long lines

TEST(Robustness, MegabyteLinesAreSkippedAndTheNextLineDecodes) {
    const std::string good = position_report(366000002).sentences()[0];
    std::string data;
    data += std::string(3 << 20, 'A') + "\n" + good + "\n";                 // plain letters
    data += "!AIVDM," + std::string(1 << 20, ',') + "\r\n" + good + "\r\n"; // a huge sentence, CRLF
    data += good + "\n" + std::string(2 << 20, '\\');                       // long last line without an end
    const DecodeRun run = decode_text(data);
    expect_accounted(run, "long lines");
    EXPECT_EQ(run.stats.rejects[Reject::line_too_long], 3U);
    ASSERT_EQ(run.records.size(), 3U);
    ASSERT_EQ(run.lines.size(), 6U);
    EXPECT_TRUE(run.lines[0].too_long);
    EXPECT_EQ(run.lines[1].cls, LineClass::decoded);
    EXPECT_TRUE(run.lines[2].too_long);
    EXPECT_EQ(run.lines[3].cls, LineClass::decoded);
    EXPECT_EQ(run.lines[4].cls, LineClass::decoded);
    EXPECT_TRUE(run.lines[5].too_long);
}

// ---------------------------------------------------------------------------------------------------
// The corpora's dirty files

TEST(Robustness, EveryLineOfTheDirtyCorpusFilesIsAccounted) {
    SAGAR_REQUIRE_CORPUS(gfw, "GlobalFishingWatch-ais-tools/sample");
    SAGAR_REQUIRE_CORPUS(mixed, "M0r13n-pyais/tests/mixed.txt");
    auto files = files_under(gfw, [](const auto& p) { return p.extension() == ".nmea"; });
    ASSERT_FALSE(files.empty());
    files.push_back(mixed);
    std::map<LineClass, std::uint64_t> total;
    std::ostringstream table;
    table << "file: lines = decoded + rejected + held + other_sentence + blank_or_comment + header\n";
    for (const auto& file : files) {
        for (const auto policy : {framing::ChecksumPolicy::strict, framing::ChecksumPolicy::lenient}) {
            RunOptions options;
            options.stream.checksums = policy;
            const DecodeRun run = decode_file(file, options);
            const std::string label =
                file.filename().string() + (policy == framing::ChecksumPolicy::strict ? "" : " (lenient)");
            auto counts = expect_accounted(run, label);
            table << label << ": " << run.stats.lines << " = " << counts[LineClass::decoded] << " + "
                  << counts[LineClass::rejected] << " + " << counts[LineClass::held] << " + "
                  << counts[LineClass::other_sentence] << " + " << counts[LineClass::blank_or_comment]
                  << " + " << counts[LineClass::header] << "\n";
            if (policy == framing::ChecksumPolicy::strict) {
                for (const auto& [cls, n] : counts) {
                    total[cls] += n;
                }
            }
        }
    }
    std::cout << table.str();
    EXPECT_GT(total[LineClass::decoded], 100U);
    EXPECT_GT(total[LineClass::rejected], 0U);
    EXPECT_GT(total[LineClass::header], 0U); // mixed.txt has $PGHP headers
}

} // namespace
} // namespace sagar::testing
