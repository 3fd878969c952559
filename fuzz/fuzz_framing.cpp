// Fuzz target: arbitrary bytes as an input file. The whole path of `sagar decode` runs on them: line
// reading, framing (tag blocks, $PGHP, trailers, several units per line), reassembly, decoding and the
// gpsd JSON output, whose every record must be valid JSON.
//
// The first byte selects the configuration, so one corpus covers both checksum policies, short line
// limits (the too-long path) and a tiny reassembly table (the eviction path).

#include "fuzz_support.hpp"

#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/framing/line_reader.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const unsigned config = data[0];
    const std::string_view input{reinterpret_cast<const char*>(data + 1), size - 1};

    sagar::decoding::StreamOptions options;
    options.checksums =
        (config & 1U) != 0 ? sagar::framing::ChecksumPolicy::lenient : sagar::framing::ChecksumPolicy::strict;
    // A small table keeps each run cheap and makes eviction reachable with a few fragments.
    options.reassembly.capacity = (config & 2U) != 0 ? 2 : 16;
    options.reassembly.max_age_sentences = (config & 4U) != 0 ? 3 : 100;
    const std::size_t max_line = (config & 8U) != 0 ? 82 : sagar::framing::default_max_line;

    sagar::output::GpsdJsonOptions json_options;
    json_options.metadata = (config & 16U) == 0;
    json_options.device = "fuzz";

    static sagar::output::JsonWriter json; // static: its 64 KiB reservation is made once
    std::uint64_t records = 0;
    auto sink = [&](const sagar::framing::Meta& meta, const sagar::decoding::Message& message) {
        sagar::fuzzing::write_and_check_record(json, meta, message, json_options, ++records);
    };

    sagar::decoding::StreamDecoder decoder{options};
    sagar::framing::MemorySource source{input};
    sagar::framing::LineReader reader{source, max_line};
    std::uint64_t lines = 0;
    while (const auto line = reader.next()) {
        ++lines;
        if (line->too_long) {
            decoder.skipped_long_line();
        } else {
            decoder.feed_line(line->text, sink);
        }
    }
    decoder.finish();

    const auto stats = decoder.stats();
    if (stats.lines != lines) {
        sagar::fuzzing::invariant_failed("StreamStats.lines differs from the lines fed");
    }
    if (stats.messages != records) {
        sagar::fuzzing::invariant_failed("StreamStats.messages differs from the sink calls");
    }
    if (stats.messages > stats.sentences) {
        sagar::fuzzing::invariant_failed("more messages than sentences");
    }
    return 0;
}
