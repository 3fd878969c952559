// sagar_bench: decoding throughput on a large corpus (docs/performance.md).
//
//   core      LineReader + StreamDecoder (framing, reassembly, decoding into typed messages), no output,
//             one thread: the figure the 5 M sentences/s target is about;
//   stages    the same input cut at each stage (line splitting, framing, payload decoding, JSON writing),
//             to show where the time goes;
//   cli       `sagar decode FILE > /dev/null` and `gpsdecode -j < FILE > /dev/null`, wall time, same file;
//   libais    Debian's python3-ais on the same file (bench/libais_peer.py): its stream decoder against our
//             core, and its ais.decode() on pre-joined payloads against our payload decoding stage.
//
// Options: --source LOG  --sentences N  --iterations K  --cli-runs R  --sagar PATH  --gpsdecode PATH
// --no-libais
//          --keep-corpus PATH  --no-cli  --tag-blocks  --enforce (exit 1 when a target is missed)
//          --core-only (just the core measurement, for profiling)

#include "corpus.hpp"

#include <sagar/decoding/bits.hpp>
#include <sagar/decoding/message.hpp>
#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/framing/line_reader.hpp>
#include <sagar/framing/sentence.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <spawn.h>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

constexpr double core_target = 5.0e6;     // sentences per second, one core
constexpr double cli_target_ratio = 20.0; // sagar decode vs gpsdecode -j

struct Options {
    std::string source;
    std::size_t sentences = 1'500'000;
    int iterations = 5;
    int cli_runs = 3;
    std::string sagar;
    std::string gpsdecode = "/usr/bin/gpsdecode";
    std::string python = "/usr/bin/python3"; ///< Debian's, where python3-ais is installed
    bool libais = true;
    std::string keep_corpus;
    bool cli = true;
    bool tag_blocks = false;
    bool enforce = false;
    bool core_only = false;
};

/// Best and median of repeated timings, in seconds.
struct Timing {
    double best = 0;
    double median = 0;
};

Timing time_runs(int runs, const std::function<void()>& body) {
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        body();
        seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    if (seconds.empty()) {
        return {};
    }
    return {seconds.front(), seconds[seconds.size() / 2]};
}

/// Keeps results observable so the optimiser cannot drop the work being measured.
volatile std::uint64_t g_sink = 0;

std::string default_source() {
    if (const char* env = std::getenv("SAGAR_CORPORA"); env != nullptr && *env != '\0') {
        return std::string{env} + "/ntpsec-gpsd/test/daemon/ais-nmea-type6-fid55.log";
    }
    return SAGAR_DEFAULT_CORPORA "/ntpsec-gpsd/test/daemon/ais-nmea-type6-fid55.log";
}

std::string sibling_binary(const char* name) {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string{name} : (self.parent_path() / name).string();
}

/// Runs `argv` with standard output to /dev/null (and standard input from `input` when given);
/// returns the wall time in seconds, or a negative value when it could not run or failed.
double run_wall(const std::vector<std::string>& args, const std::string& input) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (!input.empty()) {
        posix_spawn_file_actions_addopen(&actions, 0, input.c_str(), O_RDONLY, 0);
    }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (const auto& a : args) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    const auto start = Clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        std::fprintf(stderr, "cannot run %s: %s\n", argv[0], std::strerror(rc));
        return -1;
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "%s failed (status %d)\n", argv[0], status);
        return -1;
    }
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double best_wall(int runs, const std::vector<std::string>& args, const std::string& input) {
    double best = -1;
    for (int i = 0; i < runs; ++i) {
        const double t = run_wall(args, input);
        if (t < 0) {
            return -1;
        }
        best = best < 0 ? t : std::min(best, t);
    }
    return best;
}

/// Seconds and messages the libais peer reported for one of its measurements.
struct PeerTiming {
    double seconds = -1;
    unsigned long long messages = 0;
};
struct LibaisTimings {
    PeerTiming stream; ///< NmeaQueue over every line
    PeerTiming decode; ///< ais.decode() on pre-joined payloads
};

/// Runs bench/libais_peer.py on `path`; negative seconds when python3-ais is not available.
LibaisTimings run_libais(const std::string& python, const std::string& path) {
    LibaisTimings t;
    if (access(python.c_str(), X_OK) != 0) {
        return t;
    }
    const std::string command = python + " " SAGAR_BENCH_DIR "/libais_peer.py '" + path + "'";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return t;
    }
    char name[16] = {};
    double seconds = 0;
    unsigned long long messages = 0;
    while (std::fscanf(pipe, "%15s %lf %llu", name, &seconds, &messages) == 3) {
        const std::string_view n = name;
        if (n == "stream") {
            t.stream = {seconds, messages};
        } else if (n == "decode") {
            t.decode = {seconds, messages};
        }
    }
    if (pclose(pipe) != 0) {
        return {};
    }
    return t;
}

/// The lines of `text` as views (for the stages that skip the LineReader).
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

void print_rate(const char* what, const Timing& t, std::size_t items, const char* unit, std::size_t bytes) {
    std::printf("  %-44s %8.2f M %s/s (median %.2f)  %7.0f MB/s  %.3f s\n", what,
                static_cast<double>(items) / t.best / 1e6, unit, static_cast<double>(items) / t.median / 1e6,
                static_cast<double>(bytes) / t.best / 1e6, t.best);
}

bool parse_args(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--source") {
            o.source = value();
        } else if (a == "--sentences") {
            o.sentences = std::stoul(value());
        } else if (a == "--iterations") {
            o.iterations = std::max(1, std::stoi(value()));
        } else if (a == "--cli-runs") {
            o.cli_runs = std::max(1, std::stoi(value()));
        } else if (a == "--sagar") {
            o.sagar = value();
        } else if (a == "--gpsdecode") {
            o.gpsdecode = value();
        } else if (a == "--keep-corpus") {
            o.keep_corpus = value();
        } else if (a == "--no-libais") {
            o.libais = false;
        } else if (a == "--no-cli") {
            o.cli = false;
        } else if (a == "--tag-blocks") {
            o.tag_blocks = true;
        } else if (a == "--core-only") {
            o.core_only = true;
        } else if (a == "--enforce") {
            o.enforce = true;
        } else {
            std::fprintf(
                stderr,
                "usage: sagar_bench [--source LOG] [--sentences N] [--iterations K] [--cli-runs R]\n"
                "                   [--sagar PATH] [--gpsdecode PATH] [--keep-corpus PATH] [--no-cli]\n"
                "                   [--tag-blocks] [--enforce] [--core-only] [--no-libais]\n");
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    using namespace sagar;
    Options o;
    o.source = default_source();
    o.sagar = sibling_binary("sagar");
    if (!parse_args(argc, argv, o)) {
        return 2;
    }

    std::string origin;
    const auto base = bench::load_base_sentences(o.source, origin);
    bench::CorpusSpec spec;
    spec.source_path = o.source;
    spec.sentences = o.sentences;
    spec.tag_blocks = o.tag_blocks;
    const bench::Corpus corpus = bench::build_corpus(base, origin, spec);
    const std::string& text = corpus.text;
    std::printf("corpus: %zu sentences, %.1f MB\n  %s\n", corpus.sentences,
                static_cast<double>(text.size()) / 1e6, corpus.origin.c_str());

    // Stage 1: the whole decoding core, as `sagar decode` drives it, without output.
    std::uint64_t sentences = 0;
    std::uint64_t messages = 0;
    const Timing core = time_runs(o.iterations, [&] {
        decoding::StreamDecoder decoder;
        framing::MemorySource source{text};
        framing::LineReader reader{source};
        std::uint64_t mmsi_sum = 0;
        auto sink = [&](const framing::Meta&, const decoding::Message& message) {
            mmsi_sum += decoding::header_of(message).mmsi;
        };
        while (const auto line = reader.next()) {
            decoder.feed_line(line->text, sink);
        }
        decoder.finish();
        const auto stats = decoder.stats();
        sentences = stats.sentences;
        messages = stats.messages;
        g_sink = g_sink + mmsi_sum;
    });
    std::printf("\ncore: %llu sentences -> %llu messages per run, best of %d runs\n",
                static_cast<unsigned long long>(sentences), static_cast<unsigned long long>(messages),
                o.iterations);
    print_rate("core (read+frame+reassemble+decode)", core, sentences, "sentences", text.size());
    const double core_rate = static_cast<double>(sentences) / core.best;

    bool ok = core_rate >= core_target;
    std::printf("target core >= %.1f M sentences/s: %s (%.2f M)\n", core_target / 1e6, ok ? "MET" : "MISSED",
                core_rate / 1e6);
    if (o.core_only) { // for profiling the core alone
        return o.enforce && !ok ? 1 : 0;
    }

    // The stages on their own.
    std::printf("\nstages:\n");
    const Timing t_lines = time_runs(o.iterations, [&] {
        framing::MemorySource source{text};
        framing::LineReader reader{source};
        std::uint64_t n = 0;
        while (const auto line = reader.next()) {
            n += line->text.size();
        }
        g_sink = g_sink + n;
    });
    print_rate("LineReader only", t_lines, sentences, "sentences", text.size());

    const auto lines = split_lines(text);
    struct Payload {
        std::string_view text;
        unsigned fill_bits;
    };
    std::vector<Payload> payloads; // single-sentence messages, as views into `text`
    const Timing t_frame = time_runs(o.iterations, [&] {
        payloads.clear();
        std::uint64_t units = 0;
        for (const auto line : lines) {
            framing::LineFramer framer{line, framing::ChecksumPolicy::strict};
            while (!framer.done()) {
                const auto unit = framer.next();
                if (unit && unit->kind == framing::UnitKind::ais_sentence) {
                    ++units;
                    if (unit->sentence.fragment_count == 1) {
                        payloads.push_back({unit->sentence.payload, unit->sentence.fill_bits});
                    }
                }
            }
        }
        g_sink = g_sink + units;
    });
    print_rate("LineFramer only (incl. collecting payloads)", t_frame, sentences, "sentences", text.size());

    const Timing t_decode = time_runs(o.iterations, [&] {
        decoding::Bits bits;
        std::uint64_t n = 0;
        std::uint64_t mmsi_sum = 0;
        for (const auto& p : payloads) {
            if (bits.assign(p.text, p.fill_bits)) {
                const auto message = decoding::decode_message(bits);
                if (message) {
                    ++n;
                    mmsi_sum += decoding::header_of(*message).mmsi;
                }
            }
        }
        g_sink = g_sink + mmsi_sum + n;
    });
    print_rate("Bits::assign + decode_message (1-sentence)", t_decode, payloads.size(), "messages", 0);

    const Timing t_json = time_runs(o.iterations, [&] {
        decoding::StreamDecoder decoder;
        framing::MemorySource source{text};
        framing::LineReader reader{source};
        output::JsonWriter json;
        output::GpsdJsonOptions json_options;
        std::uint64_t bytes = 0;
        auto sink = [&](const framing::Meta& meta, const decoding::Message& message) {
            output::write_gpsd_json(json, meta, message, json_options);
            json.end_line();
            if (json.size() >= (1U << 16U)) {
                bytes += json.size();
                json.clear();
            }
        };
        while (const auto line = reader.next()) {
            decoder.feed_line(line->text, sink);
        }
        decoder.finish();
        g_sink = g_sink + bytes + json.size();
    });
    print_rate("core + gpsd JSON into memory (scaled)", t_json, sentences, "sentences", text.size());

    // The command-line comparison; negative times mean "not measured".
    double t_sagar = -1;
    double t_gpsd = -1;
    LibaisTimings libais;
    if (o.cli) {
        std::string path = o.keep_corpus;
        if (path.empty()) {
            path = (std::filesystem::temp_directory_path() /
                    ("sagar-bench-" + std::to_string(getpid()) + ".nmea"))
                       .string();
        }
        {
            std::ofstream out{path, std::ios::binary};
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
        }
        std::printf("\ncli (wall time, output to /dev/null, best of %d runs, file %s):\n", o.cli_runs,
                    path.c_str());
        t_sagar = best_wall(o.cli_runs, {o.sagar, "decode", path}, "");
        if (t_sagar > 0) {
            std::printf("  %-44s %8.3f s  %8.2f M sentences/s\n", "sagar decode FILE", t_sagar,
                        static_cast<double>(sentences) / t_sagar / 1e6);
        }
        if (access(o.gpsdecode.c_str(), X_OK) == 0) {
            t_gpsd = best_wall(o.cli_runs, {o.gpsdecode, "-j"}, path);
            if (t_gpsd > 0) {
                std::printf("  %-44s %8.3f s  %8.2f M sentences/s\n", "gpsdecode -j < FILE", t_gpsd,
                            static_cast<double>(sentences) / t_gpsd / 1e6);
            }
        } else {
            std::printf("  gpsdecode not found at %s: comparison skipped\n", o.gpsdecode.c_str());
        }
        if (o.libais) {
            libais = run_libais(o.python, path);
            if (libais.stream.seconds > 0) {
                std::printf("  %-44s %8.3f s  %8.2f M sentences/s\n", "libais NmeaQueue (python3-ais)",
                            libais.stream.seconds,
                            static_cast<double>(sentences) / libais.stream.seconds / 1e6);
                std::printf("  %-44s %8.3f s  %8.2f M messages/s\n", "libais ais.decode, payloads only",
                            libais.decode.seconds,
                            static_cast<double>(libais.decode.messages) / libais.decode.seconds / 1e6);
            } else {
                std::printf("  libais (python3-ais) not available: comparison skipped\n");
            }
        }
        if (o.keep_corpus.empty()) {
            std::filesystem::remove(path);
        }
        ok = ok && t_sagar > 0;
    }

    // Summary, as a Markdown table for docs/performance.md.
    const auto rate = [&](double seconds) { return static_cast<double>(sentences) / seconds / 1e6; };
    std::printf("\n| measurement (%zu sentences) | result | target | status |\n|---|---|---|---|\n",
                corpus.sentences);
    std::printf("| core: frame + reassemble + decode, 1 thread | %.2f M sentences/s | >= %.0f M/s | %s |\n",
                rate(core.best), core_target / 1e6, core_rate >= core_target ? "met" : "MISSED");
    std::printf("| core + gpsd JSON into memory | %.2f M sentences/s | | |\n", rate(t_json.best));
    if (t_sagar > 0) {
        std::printf("| `sagar decode FILE > /dev/null` | %.3f s (%.2f M sentences/s) | | |\n", t_sagar,
                    rate(t_sagar));
    }
    if (t_gpsd > 0) {
        std::printf("| `gpsdecode -j < FILE > /dev/null` | %.3f s (%.3f M sentences/s) | | |\n", t_gpsd,
                    rate(t_gpsd));
    }
    if (t_sagar > 0 && t_gpsd > 0) {
        const double ratio = t_gpsd / t_sagar;
        const bool cli_ok = ratio >= cli_target_ratio;
        std::printf("| speed-up of sagar decode over gpsdecode -j | %.1fx | >= %.0fx | %s |\n", ratio,
                    cli_target_ratio, cli_ok ? "met" : "MISSED");
        ok = ok && cli_ok;
    }
    if (libais.stream.seconds > 0) {
        std::printf(
            "| libais NmeaQueue from Python (framing, reassembly, decoding) | %.3f M sentences/s | | |\n",
            rate(libais.stream.seconds));
        std::printf("| speed-up of the sagar core over libais NmeaQueue | %.1fx | | |\n",
                    libais.stream.seconds / core.best);
    }
    if (libais.decode.seconds > 0 && !payloads.empty()) {
        const double theirs = static_cast<double>(libais.decode.messages) / libais.decode.seconds;
        const double ours = static_cast<double>(payloads.size()) / t_decode.best;
        std::printf("| libais ais.decode() per message, from Python | %.3f M messages/s | | |\n",
                    theirs / 1e6);
        std::printf("| speed-up of sagar payload decoding over libais ais.decode() | %.1fx | | |\n",
                    ours / theirs);
    }
    return o.enforce && !ok ? 1 : 0;
}
