#pragma once
// Test-only helpers for the corpus tests: locating ../shared/corpora, running the whole decoder over a
// file with per-line accounting, parsing gpsd-style JSON records, comparing them field by field, and
// running Debian's gpsdecode for the differential test.
//
// The corpora are optional: a test that needs one calls SAGAR_REQUIRE_CORPUS, which skips it with a
// message naming the file when the directory or the file is absent.

#include "process.hpp"

#include <sagar/core/reject.hpp>
#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/framing/line_reader.hpp>
#include <sagar/output/gpsd_json.hpp>
#include <sagar/output/json_writer.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace sagar::testing {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------------------
// Locating the corpora

/// $SAGAR_CORPORA when set and non-empty, else the build's default (<repo>/../shared/corpora).
inline std::filesystem::path corpora_dir() {
    const char* env = std::getenv("SAGAR_CORPORA");
    if (env != nullptr && *env != '\0') {
        return env;
    }
#ifdef SAGAR_DEFAULT_CORPORA
    return SAGAR_DEFAULT_CORPORA;
#else
    return {};
#endif
}

/// Sets `path` to corpora_dir()/relative; false (and a message) when it does not exist.
inline bool find_corpus_path(std::string_view relative, std::filesystem::path& path, std::string& message) {
    const std::filesystem::path dir = corpora_dir();
    std::error_code ec;
    if (dir.empty() || !std::filesystem::is_directory(dir, ec)) {
        message = "corpora directory not found (set SAGAR_CORPORA; default " + dir.string() + ")";
        return false;
    }
    path = dir / std::filesystem::path{relative};
    if (!std::filesystem::exists(path, ec)) {
        message = "corpus file " + path.string() + " not found";
        return false;
    }
    return true;
}

/// Declares `std::filesystem::path var` for a corpus file or directory, or skips the test. A macro because
/// GTEST_SKIP must return from the test body itself.
#define SAGAR_REQUIRE_CORPUS(var, relative)                                                                  \
    std::filesystem::path var;                                                                               \
    if (std::string sagar_skip_message_;                                                                     \
        !::sagar::testing::find_corpus_path(relative, var, sagar_skip_message_)) {                           \
        GTEST_SKIP() << sagar_skip_message_;                                                                 \
    }

// ---------------------------------------------------------------------------------------------------
// Reading files

/// The whole content of a file (gzip decompressed, through the library's own open_input).
inline std::string read_input(const std::filesystem::path& path) {
    std::string error;
    auto source = framing::open_input(path.string(), error);
    if (!source) {
        ADD_FAILURE() << "cannot open " << path << ": " << error;
        return {};
    }
    std::string data;
    std::array<char, 1 << 16> buffer{};
    for (;;) {
        const std::ptrdiff_t n = source->read(buffer);
        if (n < 0) {
            ADD_FAILURE() << "cannot read " << path << ": " << source->error();
            return data;
        }
        if (n == 0) {
            return data;
        }
        data.append(buffer.data(), static_cast<std::size_t>(n));
    }
}

/// Lines of a text file, each without its line end, split like framing::LineReader (LF, CR or CRLF).
/// A plain file only (the gpsd expected-output files).
inline std::vector<std::string> read_lines(const std::filesystem::path& path) {
    const std::string data = read_input(path);
    std::vector<std::string> lines;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data[i] == '\n' || data[i] == '\r') {
            lines.emplace_back(data, begin, i - begin);
            if (data[i] == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
                ++i;
            }
            begin = i + 1;
        }
    }
    if (begin < data.size()) {
        lines.emplace_back(data, begin);
    }
    return lines;
}

/// Files under `dir` (recursively) whose name satisfies `accept`, sorted for a stable order.
template <class Pred>
std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir, Pred accept) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file() && accept(entry.path())) {
            out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// ---------------------------------------------------------------------------------------------------
// Running the decoder

/// What one input line did to the decoder, from the difference of StreamStats before and after it.
enum class LineClass : std::uint8_t {
    blank_or_comment, ///< counted in blank_or_comment
    decoded,          ///< completed at least one message
    rejected,         ///< completed none and added to a reject counter
    held,             ///< an AIS fragment stored for reassembly (completed or abandoned later)
    other_sentence,   ///< only non-AIS NMEA
    header,           ///< a $PGHP header or a lone tag block: metadata for the next sentence
    unaccounted,      ///< none of the above: a hole in the statistics
};

inline std::string_view to_string(LineClass c) {
    switch (c) {
    case LineClass::blank_or_comment:
        return "blank_or_comment";
    case LineClass::decoded:
        return "decoded";
    case LineClass::rejected:
        return "rejected";
    case LineClass::held:
        return "held";
    case LineClass::other_sentence:
        return "other_sentence";
    case LineClass::header:
        return "header";
    case LineClass::unaccounted:
        return "unaccounted";
    }
    return "?";
}

struct DecodedRecord {
    Json json;
    std::uint64_t line = 0; ///< 1-based line of the message's last sentence
    unsigned fragments = 1;
};

struct LineInfo {
    std::string text;
    LineClass cls = LineClass::unaccounted;
    std::vector<Reject> rejects; ///< reasons added while this line was processed
    bool too_long = false;
};

struct DecodeRun {
    std::vector<DecodedRecord> records;
    std::vector<LineInfo> lines; ///< lines[i] is line i+1
    decoding::StreamStats stats; ///< after finish()
    bool ends_with_line_end = true;
    std::uint64_t sink_calls = 0;
};

struct RunOptions {
    output::Scaling scaling = output::Scaling::unscaled;
    bool metadata = false; ///< add "station"/"time" (gpsd has neither)
    decoding::StreamOptions stream;
};

inline std::vector<Reject> rejects_added(const RejectCounts& before, const RejectCounts& after) {
    std::vector<Reject> out;
    for (std::size_t i = 0; i < reject_count; ++i) {
        const auto reason = static_cast<Reject>(i);
        for (std::uint64_t n = before[reason]; n < after[reason]; ++n) {
            out.push_back(reason);
        }
    }
    return out;
}

inline LineClass classify(const decoding::StreamStats& before, const decoding::StreamStats& after) {
    if (after.messages > before.messages) {
        return LineClass::decoded;
    }
    if (after.rejects.total() > before.rejects.total()) {
        return LineClass::rejected;
    }
    if (after.sentences > before.sentences) {
        return LineClass::held;
    }
    if (after.other_sentences > before.other_sentences) {
        return LineClass::other_sentence;
    }
    if (after.blank_or_comment > before.blank_or_comment) {
        return LineClass::blank_or_comment;
    }
    if (after.headers > before.headers) {
        return LineClass::header;
    }
    return LineClass::unaccounted;
}

/// Decodes `data` line by line like `sagar decode`, writing every message as gpsd JSON and parsing it
/// back, and classifies every line by what it added to the statistics.
inline DecodeRun decode_text(std::string_view data, const RunOptions& options = {},
                             std::size_t max_line = framing::default_max_line) {
    DecodeRun run;
    run.ends_with_line_end = data.empty() || data.back() == '\n' || data.back() == '\r';
    decoding::StreamDecoder decoder{options.stream};
    output::GpsdJsonOptions json_options;
    json_options.scaling = options.scaling;
    json_options.metadata = options.metadata;
    output::JsonWriter writer;
    auto sink = [&](const framing::Meta& meta, const decoding::Message& message) {
        ++run.sink_calls;
        writer.clear();
        output::write_gpsd_json(writer, meta, message, json_options);
        DecodedRecord record;
        record.json = Json::parse(writer.view(), nullptr, false);
        if (record.json.is_discarded()) {
            ADD_FAILURE() << "invalid JSON from write_gpsd_json: " << writer.view();
            return;
        }
        record.line = meta.line;
        record.fragments = meta.fragments;
        run.records.push_back(std::move(record));
    };
    framing::MemorySource source{data};
    framing::LineReader reader{source, max_line};
    decoding::StreamStats before = decoder.stats();
    while (const auto line = reader.next()) {
        LineInfo info;
        info.too_long = line->too_long;
        if (line->too_long) {
            decoder.skipped_long_line();
        } else {
            info.text.assign(line->text);
            decoder.feed_line(line->text, sink);
        }
        const decoding::StreamStats after = decoder.stats();
        info.rejects = rejects_added(before.rejects, after.rejects);
        info.cls = classify(before, after);
        before = after;
        run.lines.push_back(std::move(info));
    }
    decoder.finish();
    run.stats = decoder.stats();
    return run;
}

inline DecodeRun decode_file(const std::filesystem::path& path, const RunOptions& options = {}) {
    return decode_text(read_input(path), options);
}

/// Counts of lines per class.
inline std::map<LineClass, std::uint64_t> count_classes(const DecodeRun& run) {
    std::map<LineClass, std::uint64_t> counts;
    for (const auto& line : run.lines) {
        ++counts[line.cls];
    }
    return counts;
}

// ---------------------------------------------------------------------------------------------------
// gpsd-style JSON

/// Parses JSON Lines; lines that are not objects of "class":"AIS" are left out.
inline std::vector<Json> parse_ais_records(const std::vector<std::string>& lines) {
    std::vector<Json> out;
    for (const auto& line : lines) {
        if (!line.starts_with('{')) {
            continue;
        }
        Json j = Json::parse(line, nullptr, false);
        if (j.is_discarded()) {
            ADD_FAILURE() << "unparsable expected JSON: " << line;
            continue;
        }
        if (j.is_object() && j.value("class", "") == "AIS") {
            out.push_back(std::move(j));
        }
    }
    return out;
}

/// Tolerance for numbers written with decimals: |a-b| <= tolerance, or relative to |b|.
struct NumberTolerance {
    double absolute = 1e-6;
    double relative = 1e-6;
};

inline bool numbers_equal(const Json& expected, const Json& actual, NumberTolerance tol) {
    if (expected.is_number_integer() && actual.is_number_integer()) {
        // Compare as signed or unsigned without a lossy conversion.
        if (expected.is_number_unsigned() && actual.is_number_unsigned()) {
            return expected.get<std::uint64_t>() == actual.get<std::uint64_t>();
        }
        return expected.get<std::int64_t>() == actual.get<std::int64_t>();
    }
    const auto e = expected.get<double>();
    const auto a = actual.get<double>();
    const double diff = std::fabs(e - a);
    return diff <= tol.absolute || diff <= tol.relative * std::fabs(e);
}

/// Checks that every member of `expected` is in `actual` with the same value (recursively: objects by
/// key, arrays element by element and of the same length). `actual` may have more members. Each
/// difference is appended to `diffs` as "path: expected X, got Y".
inline void compare_subset(const Json& expected, const Json& actual, const std::string& path,
                           NumberTolerance tol, std::vector<std::string>& diffs) {
    if (expected.is_object()) {
        if (!actual.is_object()) {
            diffs.push_back(path + ": expected an object, got " + actual.dump());
            return;
        }
        for (const auto& [key, value] : expected.items()) {
            const auto it = actual.find(key);
            const std::string sub = path.empty() ? key : path + "." + key;
            if (it == actual.end()) {
                diffs.push_back(sub + ": missing (expected " + value.dump() + ")");
                continue;
            }
            compare_subset(value, *it, sub, tol, diffs);
        }
        return;
    }
    if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size()) {
            diffs.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
            return;
        }
        for (std::size_t i = 0; i < expected.size(); ++i) {
            compare_subset(expected[i], actual[i], path + "[" + std::to_string(i) + "]", tol, diffs);
        }
        return;
    }
    const bool same = expected.is_number() && actual.is_number() ? numbers_equal(expected, actual, tol)
                                                                 : expected == actual;
    if (!same) {
        diffs.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
    }
}

inline std::vector<std::string> compare_subset(const Json& expected, const Json& actual,
                                               NumberTolerance tol = {}) {
    std::vector<std::string> diffs;
    compare_subset(expected, actual, "", tol, diffs);
    return diffs;
}

/// Type 24: gpsd (without -s) keeps the last 8 part A names in a ring and emits one merged record when a
/// part B of the same MMSI arrives (consuming the stored name); a part A alone or an unmatched part B
/// emits nothing. We write each part as it comes, so this replays gpsd's rule over our records: the
/// merged record is the union of our part A and part B members without "part".
inline std::vector<Json> merge_type24_like_gpsd(const std::vector<Json>& records) {
    constexpr std::size_t ring_size = 8; // gpsd's MAX_TYPE24_INTERLEAVE
    struct Stored {
        std::uint64_t mmsi = 0;
        Json part_a;
    };
    std::array<Stored, ring_size> ring{};
    std::size_t next = 0;
    std::vector<Json> out;
    for (const auto& r : records) {
        if (r.value("type", 0) != 24) {
            out.push_back(r);
            continue;
        }
        const std::string part = r.value("part", "");
        const auto mmsi = r.value("mmsi", std::uint64_t{0});
        if (part == "A") {
            ring[next] = Stored{mmsi, r};
            next = (next + 1) % ring_size;
            continue;
        }
        if (part != "B") {
            out.push_back(r); // already whole: nothing to merge
            continue;
        }
        for (auto& stored : ring) {
            if (stored.mmsi == mmsi && mmsi != 0) {
                Json merged = stored.part_a;
                merged.erase("part");
                for (const auto& [key, value] : r.items()) {
                    if (key != "part") {
                        merged[key] = value;
                    }
                }
                out.push_back(std::move(merged));
                stored.mmsi = 0;
                break;
            }
        }
    }
    return out;
}

inline std::vector<Json> jsons_of(const std::vector<DecodedRecord>& records) {
    std::vector<Json> out;
    out.reserve(records.size());
    for (const auto& r : records) {
        out.push_back(r.json);
    }
    return out;
}

/// The identity used to pair records of two decoders: message type and MMSI.
inline std::pair<int, std::uint64_t> record_key(const Json& r) {
    return {r.value("type", -1), r.value("mmsi", std::uint64_t{0})};
}

/// Pairs `expected[i]` with `actual[j]` along a longest common subsequence of record keys, so that one
/// missing or extra record does not shift every later comparison. Unpaired indexes have no partner.
struct Alignment {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<std::size_t> expected_only;
    std::vector<std::size_t> actual_only;
};

inline Alignment align_records(const std::vector<Json>& expected, const std::vector<Json>& actual) {
    const std::size_t n = expected.size();
    const std::size_t m = actual.size();
    std::vector<std::pair<int, std::uint64_t>> ek(n);
    std::vector<std::pair<int, std::uint64_t>> ak(m);
    for (std::size_t i = 0; i < n; ++i) {
        ek[i] = record_key(expected[i]);
    }
    for (std::size_t j = 0; j < m; ++j) {
        ak[j] = record_key(actual[j]);
    }
    // lcs[i][j]: length of the LCS of the suffixes from i and j (the corpora hold at most a few thousand
    // records per file, so the quadratic table is small).
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            lcs[i][j] = ek[i] == ak[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    Alignment out;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n && j < m) {
        if (ek[i] == ak[j]) {
            out.pairs.emplace_back(i++, j++);
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.expected_only.push_back(i++);
        } else {
            out.actual_only.push_back(j++);
        }
    }
    for (; i < n; ++i) {
        out.expected_only.push_back(i);
    }
    for (; j < m; ++j) {
        out.actual_only.push_back(j);
    }
    return out;
}

/// One line per record for failure messages: "type 5 mmsi 123456789".
inline std::string describe(const Json& r) {
    return "type " + std::to_string(r.value("type", -1)) + " mmsi " + std::to_string(r.value("mmsi", 0ULL));
}

} // namespace sagar::testing
