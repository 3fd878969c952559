#pragma once
// Decoded AIS as gpsd's JSON ("class":"AIS"), the de facto interchange format: the field names,
// order and scaling of gpsdecode -j (scaled) and gpsdecode -u -j (unscaled). Differences are listed
// in docs/gpsd-compatibility.md. Type 24 parts A and B are written as they come (like gpsdecode -s).

#include <sagar/decoding/message.hpp>
#include <sagar/framing/meta.hpp>
#include <sagar/output/json_writer.hpp>

#include <string_view>

namespace sagar::output {

enum class Scaling : std::uint8_t { scaled, unscaled };

struct GpsdJsonOptions {
    Scaling scaling = Scaling::scaled;
    /// Value of the "device" field ("stdin" like gpsdecode, or the input's name).
    std::string_view device = "stdin";
    /// Add "station", "time" (ISO 8601 UTC) and "own_ship" when the input provides them.
    bool metadata = true;
};

/// Writes one JSON object (no newline) for `message`.
void write_gpsd_json(JsonWriter& out, const framing::Meta& meta, const decoding::Message& message,
                     const GpsdJsonOptions& options);

} // namespace sagar::output
