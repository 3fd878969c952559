#include "gpsd_fields.hpp"

#include <array>

namespace sagar::output {

void write_gpsd_json(JsonWriter& out, const framing::Meta& meta, const decoding::Message& message,
                     const GpsdJsonOptions& options) {
    const decoding::Header& header = decoding::header_of(message);
    out.begin_object();
    out.field_raw("class", R"("AIS")");
    out.field("device", options.device);
    out.field("type", unsigned{header.type});
    out.field("repeat", unsigned{header.repeat});
    out.field("mmsi", std::uint64_t{header.mmsi});
    out.field("scaled", options.scaling == Scaling::scaled);
    std::visit([&](const auto& m) { detail::write_fields(out, m, options.scaling); }, message);
    if (options.metadata) {
        if (!meta.station.empty()) {
            out.field("station", meta.station.view());
        }
        if (meta.time) {
            std::array<char, iso8601_max_size> text{};
            const std::size_t n = format_iso8601(*meta.time, text);
            out.field("time", std::string_view{text.data(), n});
        }
        if (meta.own_ship) {
            out.field("own_ship", true);
        }
    }
    out.end_object();
}

} // namespace sagar::output
