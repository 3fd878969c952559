// Differential test: our decoder against Debian's gpsdecode (gpsd 3.22) on every NMEA file of the corpora.
//
// gpsdecode runs as `gpsdecode -v -s -u -j`: unscaled, type 24 parts not merged, and -v to echo each
// sentence before the records it completes, which ties every gpsd record to an input line. Our records
// carry the line of their last sentence (Meta::line). Records are paired by line, then message type and
// MMSI in order; records left over are paired by type and MMSI across lines (a message the two decoders
// complete on different lines). Every leftover record and every differing field is a disagreement, and
// every disagreement must fall into one of the documented categories below (docs/gpsd-compatibility.md):
// the test fails on any unexplained one and prints a per-file table.

#include "support/corpus.hpp"

#include <iomanip>
#include <iostream>
#include <sstream>

namespace sagar::testing {
namespace {

constexpr const char* gpsdecode_path = "/usr/bin/gpsdecode";

struct GpsdRecord {
    Json json;
    std::uint64_t line = 0; ///< 1-based input line of the sentence echoed before it; 0 when not found
};

/// Runs gpsdecode over `file` and attributes its records to the lines of `run` (our reading of the same
/// bytes) by finding each echoed sentence in the lines, moving forward only.
std::vector<GpsdRecord> run_gpsdecode(const std::filesystem::path& file, const DecodeRun& run) {
    const bool gz = file.extension() == ".gz";
    const std::string command = (gz ? "gzip -dc " + shell_quote(file.string()) + " | " : std::string{}) +
                                gpsdecode_path + " -v -s -u -j" +
                                (gz ? std::string{} : " < " + shell_quote(file.string())) + " 2>/dev/null";
    const auto output = run_command(command);
    EXPECT_TRUE(output.has_value()) << command;
    std::vector<GpsdRecord> records;
    if (!output) {
        return records;
    }
    std::size_t line_index = 0; // where the last echo was found
    std::size_t offset = 0;     // and where in that line it ended (several sentences may share a line)
    std::uint64_t current = 0;
    std::istringstream in{*output};
    std::string text;
    constexpr std::size_t search_window = 5'000;
    while (std::getline(in, text)) {
        if (!text.starts_with('{')) {
            // gpsd echoes the packet with the CR of a CRLF line end.
            while (!text.empty() && (text.back() == '\r' || text.back() == '\n')) {
                text.pop_back();
            }
            current = 0;
            for (std::size_t j = line_index; j < run.lines.size() && j < line_index + search_window; ++j) {
                const auto at = run.lines[j].text.find(text, j == line_index ? offset : 0);
                if (at != std::string::npos) {
                    line_index = j;
                    offset = at + text.size();
                    current = j + 1;
                    break;
                }
            }
            continue;
        }
        Json j = Json::parse(text, nullptr, false);
        if (j.is_discarded() || !j.is_object() || j.value("class", "") != "AIS") {
            continue;
        }
        records.push_back({std::move(j), current});
    }
    return records;
}

// ---------------------------------------------------------------------------------------------------
// Disagreements and their categories

enum class Kind : std::uint8_t {
    gpsd_only,   ///< gpsd decoded a message we did not
    ours_only,   ///< we decoded a message gpsd did not
    field_value, ///< a field of gpsd's record is missing from ours or has another value
    field_extra, ///< our record has a field gpsd's record lacks
};

std::string_view to_string(Kind k) {
    switch (k) {
    case Kind::gpsd_only:
        return "gpsd_only";
    case Kind::ours_only:
        return "ours_only";
    case Kind::field_value:
        return "field_value";
    case Kind::field_extra:
        return "field_extra";
    }
    return "?";
}

struct FileContext {
    std::filesystem::path path;
    const DecodeRun* run = nullptr;
};

struct Disagreement {
    Kind kind = Kind::gpsd_only;
    const FileContext* file = nullptr;
    std::uint64_t line = 0;
    const Json* gpsd = nullptr;
    const Json* ours = nullptr;
    const DecodedRecord* our_record = nullptr;
    std::string field; ///< top-level field, for field kinds
    std::string detail;

    [[nodiscard]] const LineInfo* line_info() const {
        return line >= 1 && line <= file->run->lines.size() ? &file->run->lines[line - 1] : nullptr;
    }
    [[nodiscard]] bool line_rejected_with(Reject reason) const {
        const LineInfo* info = line_info();
        return info != nullptr &&
               std::find(info->rejects.begin(), info->rejects.end(), reason) != info->rejects.end();
    }
    [[nodiscard]] int type() const {
        const Json* r = gpsd != nullptr ? gpsd : ours;
        return r != nullptr ? r->value("type", -1) : -1;
    }
};

struct Category {
    std::string_view name;
    std::string_view explanation;
    bool (*applies)(const Disagreement&);
};

std::size_t count_sentences(std::string_view line) {
    std::size_t n = 0;
    for (std::size_t at = 0; (at = line.find("VD", at)) != std::string_view::npos; at += 2) {
        if (at + 3 < line.size() && (line[at + 2] == 'M' || line[at + 2] == 'O') && line[at + 3] == ',') {
            ++n;
        }
    }
    return n;
}

/// Message length in bits when `line` holds exactly one single-sentence VDM/VDO message.
std::optional<std::size_t> single_sentence_bits(std::string_view line) {
    if (count_sentences(line) != 1) {
        return std::nullopt;
    }
    auto at = line.find("VDM,");
    if (at == std::string_view::npos) {
        at = line.find("VDO,");
    }
    std::vector<std::string_view> fields;
    std::string_view rest = line.substr(at);
    for (int i = 0; i < 7; ++i) {
        const auto comma = rest.find_first_of(",*");
        fields.push_back(rest.substr(0, comma));
        if (comma == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(comma + 1);
    }
    if (fields.size() < 7 || fields[1] != "1" || fields[6].empty()) {
        return std::nullopt;
    }
    const auto fill = static_cast<std::size_t>(fields[6][0] - '0');
    return fields[5].size() * 6 - std::min(fill, fields[5].size() * 6);
}

/// gpsd master's (and 3.22's) upper length bounds for the types whose longer messages we accept
/// (src/decoding/link_management.cpp: the fields sent are intact, so we decode them).
std::optional<std::size_t> gpsd_max_bits(int type) {
    switch (type) {
    case 7:
    case 13:
    case 15:
    case 16:
        return 168;
    case 17:
        return 816;
    case 20:
        return 186;
    default:
        return std::nullopt;
    }
}

/// The member's text, or "" when it is absent or not a string (json::value throws on a type mismatch).
std::string string_member(const Json& j, const std::string& key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

bool gpsd322_text_tables(const Disagreement& d) {
    if (d.kind != Kind::field_value || d.gpsd == nullptr || d.ours == nullptr) {
        return false;
    }
    const std::string theirs = string_member(*d.gpsd, d.field);
    const std::string ours = string_member(*d.ours, d.field);
    if (d.field == "status_text") {
        // 3.22 spells "manoeuverability" and names 11, 12 and 14 "Reserved"; master has the
        // ITU-R M.1371-5 texts.
        const auto status = d.ours->value("status", -1);
        return (theirs == "Restricted manoeuverability" && ours == "Restricted maneuverability") ||
               (theirs == "Reserved" && (status == 11 || status == 12 || status == 14));
    }
    if (d.field == "epfd_text") {
        // 3.22's table stops before the reserved codes and 15 (internal GNSS).
        return theirs == "INVALID EPFD" && d.ours->value("epfd", 0) >= 9;
    }
    return false;
}

/// Our earlier part A of the same MMSI in this file carries the name gpsd put in its part B record.
bool name_from_our_part_a(const Disagreement& d, const std::string& name) {
    const auto mmsi = d.ours->value("mmsi", std::uint64_t{0});
    const auto& records = d.file->run->records;
    for (const auto& r : records) {
        if (&r == d.our_record) {
            break;
        }
        if (r.json.value("type", 0) == 24 && r.json.value("part", "") == "A" &&
            r.json.value("mmsi", std::uint64_t{0}) == mmsi && string_member(r.json, "shipname") == name) {
            return true;
        }
    }
    return false;
}

bool type24_split_merge(const Disagreement& d) {
    if (d.type() != 24 || d.gpsd == nullptr || d.ours == nullptr || d.gpsd->contains("part") ||
        d.ours->value("part", "") != "B") {
        return false;
    }
    if (d.kind == Kind::field_extra) {
        return d.field == "part";
    }
    return d.kind == Kind::field_value && d.field == "shipname" && !d.ours->contains("shipname") &&
           name_from_our_part_a(d, string_member(*d.gpsd, "shipname"));
}

bool unterminated_last_line(const Disagreement& d) {
    const DecodeRun& run = *d.file->run;
    return d.kind == Kind::ours_only && !run.ends_with_line_end && d.line == run.lines.size();
}

bool several_sentences_per_line(const Disagreement& d) {
    const LineInfo* info = d.line_info();
    return d.kind == Kind::ours_only && info != nullptr && count_sentences(info->text) > 1;
}

bool overlong_accepted(const Disagreement& d) {
    const LineInfo* info = d.line_info();
    if (d.kind != Kind::ours_only || info == nullptr) {
        return false;
    }
    const auto limit = gpsd_max_bits(d.type());
    const auto bits = single_sentence_bits(info->text);
    return limit && bits && *bits > *limit;
}

bool type20_partial_reservation(const Disagreement& d) {
    const LineInfo* info = d.line_info();
    if (d.kind != Kind::field_value || d.type() != 20 || info == nullptr || d.field.empty()) {
        return false;
    }
    const char n = d.field.back();
    const std::string_view name{d.field.data(), d.field.size() - 1};
    if (n < '1' || n > '4' ||
        (name != "offset" && name != "number" && name != "timeout" && name != "increment")) {
        return false;
    }
    const auto bits = single_sentence_bits(info->text);
    const auto group_end = 40U + 30U * static_cast<unsigned>(n - '0');
    return bits && *bits < group_end && d.ours->contains(d.field) && (*d.ours)[d.field] == 0;
}

const std::vector<Category>& categories() {
    static const std::vector<Category> list = {
        {"gpsd322_text_tables",
         "status_text/epfd_text: gpsd 3.22's vocabularies predate master's, which we follow (pinned by "
         "GpsdCorpus against sample.aivdm.ju.chk)",
         gpsd322_text_tables},
        {"type24_split_merge",
         "gpsd 3.22 fills a type 24 part B with the name of a queued part A even under -s (no \"part\", "
         "a \"shipname\"); we write part B as sent, the name being in our earlier part A",
         type24_split_merge},
        {"unterminated_last_line", "gpsd drops a final line that has no line end; we decode it",
         unterminated_last_line},
        {"several_sentences_per_line",
         "a line holding several sentences (broken concatenators): gpsd's lexer loses all but the "
         "first, we frame each one",
         several_sentences_per_line},
        {"overlong_accepted",
         "types 7, 13, 15, 16, 17, 20 longer than gpsd's upper bound: gpsd drops them, we decode the "
         "fields that were sent",
         overlong_accepted},
        {"type20_partial_reservation",
         "type 20 shorter than a whole reservation: gpsd reads the partial group from padding bits, we "
         "leave it out (zero)",
         type20_partial_reservation},
    };
    return list;
}

std::string_view categorize(const Disagreement& d) {
    for (const auto& c : categories()) {
        if (c.applies(d)) {
            return c.name;
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------------
// Pairing and comparing

void compare_pair(const GpsdRecord& g, const DecodedRecord& o, const FileContext& ctx,
                  std::vector<Disagreement>& out) {
    std::vector<std::string> diffs;
    for (const auto& [key, value] : g.json.items()) {
        const auto it = o.json.find(key);
        if (it == o.json.end()) {
            out.push_back({Kind::field_value, &ctx, o.line, &g.json, &o.json, &o, key,
                           key + ": missing (gpsd " + value.dump() + ")"});
            continue;
        }
        diffs.clear();
        compare_subset(value, *it, key, {0.0, 0.0}, diffs);
        if (!diffs.empty()) {
            std::string detail;
            for (const auto& d : diffs) {
                detail += (detail.empty() ? "" : "; ") + d;
            }
            out.push_back({Kind::field_value, &ctx, o.line, &g.json, &o.json, &o, key, detail});
        }
    }
    for (const auto& [key, value] : o.json.items()) {
        if (!g.json.contains(key)) {
            out.push_back({Kind::field_extra, &ctx, o.line, &g.json, &o.json, &o, key,
                           key + ": only ours (" + value.dump() + ")"});
        }
    }
}

std::vector<Disagreement> compare_file(const FileContext& ctx, const std::vector<GpsdRecord>& gpsd) {
    const auto& ours = ctx.run->records;
    std::vector<bool> g_used(gpsd.size(), false);
    std::vector<bool> o_used(ours.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;

    // Pass 1: same line, same type and MMSI, in order.
    std::map<std::uint64_t, std::vector<std::size_t>> ours_by_line;
    for (std::size_t j = 0; j < ours.size(); ++j) {
        ours_by_line[ours[j].line].push_back(j);
    }
    for (std::size_t i = 0; i < gpsd.size(); ++i) {
        const auto it = ours_by_line.find(gpsd[i].line);
        if (gpsd[i].line == 0 || it == ours_by_line.end()) {
            continue;
        }
        for (const auto j : it->second) {
            if (!o_used[j] && record_key(ours[j].json) == record_key(gpsd[i].json)) {
                g_used[i] = o_used[j] = true;
                pairs.emplace_back(i, j);
                break;
            }
        }
    }
    // Pass 2: leftovers by type and MMSI, in order, on any line.
    std::map<std::pair<int, std::uint64_t>, std::vector<std::size_t>> left_by_key;
    for (std::size_t j = 0; j < ours.size(); ++j) {
        if (!o_used[j]) {
            left_by_key[record_key(ours[j].json)].push_back(j);
        }
    }
    std::map<std::pair<int, std::uint64_t>, std::size_t> next_of_key;
    for (std::size_t i = 0; i < gpsd.size(); ++i) {
        if (g_used[i]) {
            continue;
        }
        const auto key = record_key(gpsd[i].json);
        const auto it = left_by_key.find(key);
        std::size_t& next = next_of_key[key];
        if (it != left_by_key.end() && next < it->second.size()) {
            const std::size_t j = it->second[next++];
            g_used[i] = o_used[j] = true;
            pairs.emplace_back(i, j);
        }
    }

    std::vector<Disagreement> out;
    for (std::size_t i = 0; i < gpsd.size(); ++i) {
        if (!g_used[i]) {
            out.push_back({Kind::gpsd_only,
                           &ctx,
                           gpsd[i].line,
                           &gpsd[i].json,
                           nullptr,
                           nullptr,
                           {},
                           gpsd[i].json.dump()});
        }
    }
    for (std::size_t j = 0; j < ours.size(); ++j) {
        if (!o_used[j]) {
            out.push_back({Kind::ours_only,
                           &ctx,
                           ours[j].line,
                           nullptr,
                           &ours[j].json,
                           &ours[j],
                           {},
                           ours[j].json.dump()});
        }
    }
    for (const auto& [i, j] : pairs) {
        compare_pair(gpsd[i], ours[j], ctx, out);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------

std::vector<std::filesystem::path> differential_inputs(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> files;
    auto add_if = [&](const std::filesystem::path& p) {
        if (std::filesystem::exists(p)) {
            files.push_back(p);
        }
    };
    auto add_under = [&](const std::filesystem::path& dir, auto accept) {
        if (std::filesystem::is_directory(dir)) {
            for (auto& p : files_under(dir, accept)) {
                files.push_back(std::move(p));
            }
        }
    };
    const auto ext = [](std::string_view e) {
        return [e](const std::filesystem::path& p) { return p.extension() == e; };
    };
    add_if(root / "ntpsec-gpsd/test/sample.aivdm");
    add_under(root / "ntpsec-gpsd/test/daemon", ext(".log"));
    add_under(root / "schwehr-libais/test/data", ext(".nmea"));
    add_if(root / "schwehr-libais/test/data/test.aivdm");
    add_under(root / "M0r13n-pyais", [](const std::filesystem::path& p) {
        const auto name = p.filename().string();
        return name != "LICENSE" && name != "SOURCE.txt";
    });
    add_under(root / "GlobalFishingWatch-ais-tools/sample", ext(".nmea"));
    add_under(root / "AISViz-AISdb", ext(".nm4"));
    add_if(root / "amsa-code-risky/exact-earth-augmented.txt");
    add_if(root / "dma-ais-AisAbnormal/ais-sample.txt.gz");
    add_under(root / "dma-ais-AisAbnormal", ext(".ais"));
    return files;
}

TEST(Differential, EveryDisagreementWithGpsdecodeIsExplained) {
    if (!std::filesystem::exists(gpsdecode_path)) {
        GTEST_SKIP() << gpsdecode_path << " not found (apt-get install gpsd-clients)";
    }
    const std::filesystem::path root = corpora_dir();
    if (root.empty() || !std::filesystem::is_directory(root)) {
        GTEST_SKIP() << "corpora directory not found (set SAGAR_CORPORA; default " << root << ")";
    }
    const auto files = differential_inputs(root);
    ASSERT_GE(files.size(), 30U);

    std::map<std::string, std::uint64_t> totals; // category -> count over all files
    std::vector<std::string> unexplained;
    std::ostringstream table;
    table << std::left << std::setw(62) << "file" << std::right << std::setw(7) << "gpsd" << std::setw(7)
          << "ours" << std::setw(7) << "paired"
          << "  disagreements by category\n";
    std::uint64_t total_gpsd = 0;
    std::uint64_t total_ours = 0;
    for (const auto& file : files) {
        RunOptions options; // unscaled, no metadata, strict checksums: like gpsdecode -u -j
        const DecodeRun run = decode_file(file, options);
        const FileContext ctx{file, &run};
        const auto gpsd = run_gpsdecode(file, run);
        const auto disagreements = compare_file(ctx, gpsd);
        std::map<std::string, std::uint64_t> per_file;
        // Pairing relies on finding gpsd's echoed sentences in our lines.
        EXPECT_EQ(std::count_if(gpsd.begin(), gpsd.end(), [](const auto& g) { return g.line == 0; }), 0)
            << file << ": gpsd records whose sentence was not found in the input";
        for (const auto& d : disagreements) {
            const std::string_view cat = categorize(d);
            const std::string name = cat.empty() ? "UNEXPLAINED" : std::string{cat};
            ++per_file[name];
            ++totals[name];
            if (cat.empty()) {
                const LineInfo* info = d.line_info();
                std::string rejects;
                if (info != nullptr) {
                    for (const auto r : info->rejects) {
                        rejects += std::string{sagar::to_string(r)} + " ";
                    }
                }
                unexplained.push_back(std::filesystem::relative(file, root).string() + ":" +
                                      std::to_string(d.line) + " type " + std::to_string(d.type()) + " " +
                                      std::string{to_string(d.kind)} + " " + d.detail.substr(0, 300) +
                                      (rejects.empty() ? "" : " [our rejects: " + rejects + "]") +
                                      (info != nullptr ? "\n      line: " + info->text.substr(0, 160) : ""));
            }
        }
        total_gpsd += gpsd.size();
        total_ours += run.records.size();
        const std::size_t paired =
            run.records.size() -
            static_cast<std::size_t>(std::count_if(disagreements.begin(), disagreements.end(),
                                                   [](const auto& d) { return d.kind == Kind::ours_only; }));
        table << std::left << std::setw(62) << std::filesystem::relative(file, root).string().substr(0, 61)
              << std::right << std::setw(7) << gpsd.size() << std::setw(7) << run.records.size()
              << std::setw(7) << paired << " ";
        for (const auto& [name, n] : per_file) {
            table << " " << name << "=" << n;
        }
        table << "\n";
    }
    table << "total: gpsd " << total_gpsd << " records, ours " << total_ours << "\n";
    for (const auto& [name, n] : totals) {
        table << "  " << name << ": " << n << "\n";
    }
    std::cout << table.str();
    for (const auto& u : unexplained) {
        ADD_FAILURE() << "unexplained disagreement: " << u;
    }
    EXPECT_EQ(unexplained.size(), 0U);
    // A category that no longer matches anything is stale: remove it here and in the documentation.
    for (const auto& c : categories()) {
        EXPECT_GT(totals[std::string{c.name}], 0U) << "category " << c.name << " matched nothing";
    }
}

} // namespace
} // namespace sagar::testing
