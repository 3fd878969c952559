#include <sagar/output/event_json.hpp>

#include <array>
#include <cmath>
#include <cstdint>

namespace sagar::output {
namespace {

void write_time(JsonWriter& out, std::string_view key, UtcTime time) {
    std::array<char, iso8601_max_size> text{};
    const std::size_t n = format_iso8601(time, text);
    out.field_plain(key, std::string_view{text.data(), n});
}

} // namespace

void write_event_json(JsonWriter& out, const detectors::Event& event) {
    out.begin_object();
    out.field_plain("type", to_string(event.type));
    // Every event but a dark detection concerns a vessel, even one transmitting MMSI 0.
    if (event.type != detectors::EventType::dark_detection) {
        out.field("mmsi", std::uint64_t{event.mmsi});
    }
    if (event.type == detectors::EventType::encounter) {
        out.field("other_mmsi", std::uint64_t{event.other_mmsi});
    }
    write_time(out, "start", event.start);
    write_time(out, "end", event.end);
    out.field_fixed("lat", event.lat, 6); // 0.1 m: finer than any AIS position
    out.field_fixed("lon", event.lon, 6);
    if (!event.zone.empty()) {
        out.field("zone", event.zone);
    }
    if (!event.port.empty()) {
        out.field("port", event.port);
    }
    if (!event.detection_id.empty()) {
        out.field("detection_id", event.detection_id);
    }
    if (!event.details.empty()) {
        out.begin_object("details");
        for (const detectors::Detail& detail : event.details) {
            switch (detail.kind) {
            case detectors::Detail::Kind::measure:
                out.field_fixed(detail.key, detail.value, 3);
                break;
            case detectors::Detail::Kind::count:
                out.field(detail.key, static_cast<std::int64_t>(std::llround(detail.value)));
                break;
            case detectors::Detail::Kind::flag:
                out.field(detail.key, detail.value != 0);
                break;
            }
        }
        out.end_object();
    }
    out.end_object();
}

} // namespace sagar::output
