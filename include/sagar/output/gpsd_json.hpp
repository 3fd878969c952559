#pragma once
// Decoded AIS as gpsd's JSON ("class":"AIS"), the de facto interchange format: the field names,
// order and scaling of gpsdecode -j (scaled) and gpsdecode -u -j (unscaled). Differences are listed
// in docs/gpsd-compatibility.md. Type 24 parts A and B are written as they come (like gpsdecode -s).

#include <sagar/decoding/message.hpp>
#include <sagar/framing/meta.hpp>
#include <sagar/output/json_writer.hpp>

#include <string>
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

/// Writes gpsd JSON records with fixed options. Every record starts with the same members
/// (`"class":"AIS","device":…`), prepared once per device rather than escaped for every record.
class GpsdJsonFormatter {
public:
    explicit GpsdJsonFormatter(const GpsdJsonOptions& options);

    /// Records written from now on carry "device" `device`.
    void set_device(std::string_view device);
    /// Writes one JSON object (no newline) for `message`.
    void write(JsonWriter& out, const framing::Meta& meta, const decoding::Message& message) const;

private:
    GpsdJsonOptions m_options;
    std::string m_leading_members;
};

/// Writes one JSON object (no newline) for `message`; for one-off records (a GpsdJsonFormatter is faster
/// for many).
void write_gpsd_json(JsonWriter& out, const framing::Meta& meta, const decoding::Message& message,
                     const GpsdJsonOptions& options);

} // namespace sagar::output
