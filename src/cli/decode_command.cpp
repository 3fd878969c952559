#include "commands.hpp"
#include "inputs.hpp"
#include "pipeline.hpp"

#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/framing/line_reader.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>
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
    unsigned threads = std::thread::hardware_concurrency() >= 2 ? 2 : 1;
};

/// --threads 1: formats each message as it is decoded, on the decoding thread.
class DirectOutput {
public:
    explicit DirectOutput(const output::GpsdJsonOptions& json_options)
        : m_out{json_options} {}

    void start_input(std::string_view device) { m_out.start_input(device); }
    void add(const framing::Meta& meta, const decoding::Message& message) {
        m_ok = m_ok && m_out.add(meta, message);
    }
    [[nodiscard]] bool ok() const noexcept { return m_ok; }
    /// Writes what is buffered; false when any write failed.
    bool finish() {
        m_ok = m_ok && m_out.flush();
        return m_ok;
    }

private:
    JsonLinesOutput m_out;
    bool m_ok = true;
};

/// --threads 2: the decoding thread hands messages to a formatting and writing thread.
class PipelinedOutput {
public:
    explicit PipelinedOutput(const output::GpsdJsonOptions& json_options)
        : m_pipeline{json_options} {}

    void start_input(std::string_view device) { m_pipeline.start_input(device); }
    void add(const framing::Meta& meta, const decoding::Message& message) { m_pipeline.add(meta, message); }
    [[nodiscard]] bool ok() const noexcept { return !m_pipeline.failed(); }
    bool finish() { return m_pipeline.finish(); }

private:
    Pipeline m_pipeline;
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

/// Decodes every input into `out` (DirectOutput or PipelinedOutput) and gives the exit status.
template <class Output>
int decode_inputs(const DecodeOptions& options, const std::vector<std::string>& inputs,
                  std::vector<std::unique_ptr<framing::ByteSource>>& sources, Output& out) {
    decoding::StreamOptions stream_options;
    stream_options.checksums =
        options.lenient ? framing::ChecksumPolicy::lenient : framing::ChecksumPolicy::strict;
    decoding::StreamDecoder decoder{stream_options};
    auto sink = [&](const framing::Meta& meta, const decoding::Message& message) { out.add(meta, message); };

    for (std::size_t i = 0; i < sources.size() && out.ok(); ++i) {
        out.start_input(inputs[i] == "-" ? std::string_view{"stdin"} : std::string_view{inputs[i]});
        framing::LineReader reader{*sources[i], options.max_line};
        while (const auto line = reader.next()) {
            if (line->too_long) {
                decoder.skipped_long_line();
            } else {
                decoder.feed_line(line->text, sink);
            }
            if (!out.ok()) {
                break;
            }
        }
        if (reader.failed()) {
            std::fprintf(stderr, "sagar decode: error reading %s: %s\n", inputs[i].c_str(),
                         sources[i]->error().c_str());
            out.finish();
            return 1;
        }
    }
    decoder.finish();
    const bool write_ok = out.finish() && std::fflush(stdout) == 0;
    if (options.stats) {
        print_stats(decoder.stats());
    }
    if (!write_ok) {
        std::fprintf(stderr, "sagar decode: cannot write output\n");
        return 1;
    }
    return 0;
}

int run_decode(const DecodeOptions& options) {
    auto inputs = open_inputs(options.inputs, "decode");
    if (!inputs) {
        return 1;
    }

    output::GpsdJsonOptions json_options;
    json_options.scaling = options.unscaled ? output::Scaling::unscaled : output::Scaling::scaled;
    json_options.metadata = !options.no_metadata;
    if (options.threads >= 2) {
        PipelinedOutput out{json_options};
        return decode_inputs(options, inputs->names, inputs->sources, out);
    }
    DirectOutput out{json_options};
    return decode_inputs(options, inputs->names, inputs->sources, out);
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
    cmd->add_option("--threads", options->threads,
                    "1: decode and write JSON on one thread; 2: write JSON on a second thread "
                    "(same output)")
        ->check(CLI::Range(1U, 2U))
        ->default_val(options->threads);
    return [options] { return run_decode(*options); };
}

} // namespace sagar::cli
