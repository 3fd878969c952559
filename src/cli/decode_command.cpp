#include "commands.hpp"

#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/framing/line_reader.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace sagar::cli {
namespace {

struct DecodeOptions {
    std::vector<std::string> inputs;
    bool unscaled = false;
    bool stats = false;
    bool lenient = false;
    bool no_metadata = false;
    std::size_t max_line = framing::default_max_line;
};

/// Buffers JSON Lines and writes them to stdout in large blocks.
class Output {
public:
    bool flush_if_full() { return m_json.size() < (1U << 16) || flush(); }
    bool flush() {
        const std::string_view text = m_json.view();
        const bool ok = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
        m_json.clear();
        return ok;
    }
    output::JsonWriter& json() noexcept { return m_json; }

private:
    output::JsonWriter m_json;
};

void print_stats(const decoding::StreamStats& s) {
    std::fprintf(
        stderr,
        "lines %llu\nsentences %llu\nmessages %llu\nignored_blank_or_comment %llu\n"
        "ignored_other_sentences %llu\nheaders %llu\nchecksums_accepted %llu\nfragments_out_of_order %llu\n",
        static_cast<unsigned long long>(s.lines), static_cast<unsigned long long>(s.sentences),
        static_cast<unsigned long long>(s.messages), static_cast<unsigned long long>(s.blank_or_comment),
        static_cast<unsigned long long>(s.other_sentences), static_cast<unsigned long long>(s.headers),
        static_cast<unsigned long long>(s.checksums_accepted),
        static_cast<unsigned long long>(s.out_of_order));
    for (std::size_t type = 1; type < s.by_type.size(); ++type) {
        if (s.by_type[type] != 0) {
            std::fprintf(stderr, "type %zu %llu\n", type, static_cast<unsigned long long>(s.by_type[type]));
        }
    }
    std::fprintf(stderr, "rejected %llu\n", static_cast<unsigned long long>(s.rejects.total()));
    for (std::size_t i = 0; i < reject_count; ++i) {
        const auto reason = static_cast<Reject>(i);
        if (s.rejects[reason] != 0) {
            const std::string_view name = to_string(reason);
            std::fprintf(stderr, "rejected %.*s %llu\n", static_cast<int>(name.size()), name.data(),
                         static_cast<unsigned long long>(s.rejects[reason]));
        }
    }
}

int run_decode(const DecodeOptions& options) {
    std::vector<std::string> inputs = options.inputs;
    if (inputs.empty()) {
        inputs.emplace_back("-");
    }
    // Open everything first so that a bad path fails before any output is written.
    std::vector<std::unique_ptr<framing::ByteSource>> sources;
    for (const auto& path : inputs) {
        std::string error;
        auto source = framing::open_input(path, error);
        if (!source) {
            std::fprintf(stderr, "sagar decode: cannot read %s\n", error.c_str());
            return 1;
        }
        sources.push_back(std::move(source));
    }

    decoding::StreamOptions stream_options;
    stream_options.checksums =
        options.lenient ? framing::ChecksumPolicy::lenient : framing::ChecksumPolicy::strict;
    decoding::StreamDecoder decoder{stream_options};
    output::GpsdJsonOptions json_options;
    json_options.scaling = options.unscaled ? output::Scaling::unscaled : output::Scaling::scaled;
    json_options.metadata = !options.no_metadata;
    Output out;
    bool write_ok = true;
    auto sink = [&](const framing::Meta& meta, const decoding::Message& message) {
        output::write_gpsd_json(out.json(), meta, message, json_options);
        out.json().end_line();
        write_ok = write_ok && out.flush_if_full();
    };

    for (std::size_t i = 0; i < sources.size() && write_ok; ++i) {
        json_options.device = inputs[i] == "-" ? std::string_view{"stdin"} : std::string_view{inputs[i]};
        framing::LineReader reader{*sources[i], options.max_line};
        while (const auto line = reader.next()) {
            if (line->too_long) {
                decoder.skipped_long_line();
            } else {
                decoder.feed_line(line->text, sink);
            }
            if (!write_ok) {
                break;
            }
        }
        if (reader.failed()) {
            std::fprintf(stderr, "sagar decode: error reading %s: %s\n", inputs[i].c_str(),
                         sources[i]->error().c_str());
            out.flush();
            return 1;
        }
    }
    decoder.finish();
    write_ok = write_ok && out.flush() && std::fflush(stdout) == 0;
    if (options.stats) {
        print_stats(decoder.stats());
    }
    if (!write_ok) {
        std::fprintf(stderr, "sagar decode: cannot write output\n");
        return 1;
    }
    return 0;
}

} // namespace

std::function<int()> add_decode_command(CLI::App& app) {
    auto options = std::make_shared<DecodeOptions>();
    CLI::App* cmd =
        app.add_subcommand("decode", "Decode NMEA AIS to gpsd-compatible JSON Lines on standard output");
    cmd->add_option("files", options->inputs,
                    "Input files (.gz read transparently); standard input when none or '-'");
    cmd->add_flag("-u,--unscaled", options->unscaled, "Raw wire values, like gpsdecode -u -j");
    cmd->add_flag("--stats", options->stats,
                  "Print counts per message type and rejection reason to standard error");
    cmd->add_flag("--lenient", options->lenient,
                  "Accept sentences and tag blocks with bad or missing checksums");
    cmd->add_flag("--no-metadata", options->no_metadata, "Leave out station, time and own_ship fields");
    cmd->add_option("--max-line", options->max_line, "Longest line accepted, in bytes")
        ->check(CLI::Range(std::size_t{82}, std::size_t{1} << 20))
        ->default_val(framing::default_max_line);
    return [options] { return run_decode(*options); };
}

} // namespace sagar::cli
