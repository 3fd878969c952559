// Fuzz target: arbitrary bytes as one message payload, straight into Bits::assign, decode_message and the
// gpsd JSON output (scaled and unscaled), skipping the framing so every byte reaches the decoders.
//
// First byte: bits 0-2 give the fill bits (6 and 7 are out of range on purpose), bit 3 selects raw
// payload text (mostly rejected by the armour check) or bytes mapped onto the 64 armour characters
// (always accepted, so the input is in effect raw message bits).

#include "fuzz_support.hpp"

#include <sagar/decoding/bits.hpp>
#include <sagar/decoding/message.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void check_output(const sagar::decoding::Message& message) {
    sagar::framing::Meta meta;
    meta.channel = 'A';
    meta.talker.assign("AI");
    static sagar::output::JsonWriter json; // static: its 64 KiB reservation is made once
    for (const auto scaling : {sagar::output::Scaling::scaled, sagar::output::Scaling::unscaled}) {
        sagar::output::GpsdJsonOptions options;
        options.scaling = scaling;
        json.clear();
        sagar::output::write_gpsd_json(json, meta, message, options);
        sagar::fuzzing::check_json_record(json.view());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const unsigned config = data[0];
    const unsigned fill_bits = config & 7U;
    const bool mapped = (config & 8U) != 0;

    // Twice the longest accepted payload, so the over-long rejection is reachable too.
    static std::array<char, 2 * sagar::decoding::max_payload_chars> text;
    const std::size_t length = std::min(size - 1, text.size());
    for (std::size_t i = 0; i < length; ++i) {
        const auto byte = data[1 + i];
        text[i] = mapped ? sagar::decoding::armour_char(static_cast<std::uint8_t>(byte & 63U))
                         : static_cast<char>(byte);
    }
    const std::string_view payload{text.data(), length};

    sagar::decoding::Bits bits;
    if (!bits.assign(payload, fill_bits)) {
        if (mapped && fill_bits <= 5 && length <= sagar::decoding::max_payload_chars) {
            sagar::fuzzing::invariant_failed("Bits::assign rejected a valid armoured payload", payload);
        }
        return 0;
    }
    // A payload shorter than its fill bits is an empty message, not an underflow.
    const std::size_t expected_bits = length * 6 >= fill_bits ? length * 6 - fill_bits : 0;
    if (bits.size() != expected_bits) {
        sagar::fuzzing::invariant_failed("Bits::size is not 6 * chars - fill bits", payload);
    }
    const auto message = sagar::decoding::decode_message(bits);
    if (!message) {
        return 0;
    }
    const auto& header = sagar::decoding::header_of(*message);
    if (header.type != bits.u(0, 6) || header.repeat != bits.u(6, 2) || header.mmsi != bits.u(8, 30)) {
        sagar::fuzzing::invariant_failed("decoded header differs from the message bits", payload);
    }
    check_output(*message);
    return 0;
}
