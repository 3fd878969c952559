// Structure-aware fuzz target: the input is a recipe (see recipe.hpp) for a stream of well-formed,
// checksummed sentences — every message type, DAC/FI pairs, lengths around each decoder's limits,
// multi-part splits, tag blocks with c:/s:/g:, $PGHP headers, trailers and interleavings — so mutations
// reach the reassembler and every decoder instead of dying at the checksum.
//
// Checked beyond memory safety: every JSON record is valid, the statistics add up, and a message decoded
// from a clean recipe message has the type, repeat indicator and MMSI it was built with.

#include "fuzz_support.hpp"
#include "recipe.hpp"

#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in{data, size};
    const sagar::fuzzing::Recipe recipe = sagar::fuzzing::build_recipe(in);

    sagar::decoding::StreamOptions options;
    options.checksums =
        recipe.lenient ? sagar::framing::ChecksumPolicy::lenient : sagar::framing::ChecksumPolicy::strict;
    options.reassembly.capacity = recipe.reassembly_capacity;

    static sagar::output::JsonWriter json; // static: its 64 KiB reservation is made once
    sagar::output::GpsdJsonOptions json_options;
    std::uint64_t records = 0;
    auto sink = [&](const sagar::framing::Meta& meta, const sagar::decoding::Message& message) {
        sagar::fuzzing::write_and_check_record(json, meta, message, json_options, ++records);

        if (meta.line == 0 || meta.line > recipe.message_of_line.size()) {
            sagar::fuzzing::invariant_failed("Meta.line outside the input", json.view());
        }
        const int index = recipe.message_of_line[meta.line - 1];
        if (index < 0) {
            return;
        }
        const auto& built = recipe.messages[static_cast<std::size_t>(index)];
        const auto& header = sagar::decoding::header_of(message);
        if (built.clean &&
            (header.type != built.type || header.repeat != built.repeat || header.mmsi != built.mmsi)) {
            sagar::fuzzing::invariant_failed("decoded message differs from the one built", json.view());
        }
    };

    // Lines go straight to the decoder: fuzz_framing covers the LineReader, and its 256 KiB buffer would
    // dominate the time of each run here.
    sagar::decoding::StreamDecoder decoder{options};
    for (const auto& line : recipe.lines) {
        decoder.feed_line(line, sink);
    }
    decoder.finish();

    const auto stats = decoder.stats();
    if (stats.lines != recipe.message_of_line.size() ||
        recipe.lines.size() != recipe.message_of_line.size()) {
        sagar::fuzzing::invariant_failed("StreamStats.lines differs from the lines built", recipe.text);
    }
    if (stats.messages != records) {
        sagar::fuzzing::invariant_failed("StreamStats.messages differs from the sink calls", recipe.text);
    }
    return 0;
}
