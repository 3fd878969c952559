// Fuzz target: arbitrary bytes as a ports CSV and as a detections CSV. Either load fails with a message
// or its values are in range; a loaded port index answers queries consistently.

#include <sagar/reference/detections.hpp>
#include <sagar/reference/ports.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void invariant_failed(const char* what) {
    std::fprintf(stderr, "invariant failed: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};

    const auto detections = sagar::reference::parse_detections_csv(text, "fuzz.csv");
    if (detections) {
        for (const auto& d : *detections) {
            if (!(d.lat >= -90 && d.lat <= 90 && d.lon >= -180 && d.lon <= 180) || d.id.empty()) {
                invariant_failed("detection out of range");
            }
        }
    } else if (detections.error().empty()) {
        invariant_failed("empty detections error message");
    }

    const auto ports = sagar::reference::PortIndex::parse_csv(text, "fuzz.csv");
    if (!ports) {
        if (ports.error().empty()) {
            invariant_failed("empty ports error message");
        }
        return 0;
    }
    for (std::size_t i = 0; i + 1 < size && i < 32; i += 2) {
        const double lat = (static_cast<int>(data[i]) - 128) * 0.7;
        const double lon = (static_cast<int>(data[i + 1]) - 128) * 1.4;
        const auto nearest = ports->nearest(lat, lon);
        if (ports->size() > 0 && (!nearest || !(nearest->distance_m >= 0))) {
            invariant_failed("no nearest port");
        }
        // The nearest centre is at most as far as the centre of any port containing the point.
        if (const auto in = ports->port_at(lat, lon, 1000)) {
            if (!nearest || nearest->distance_m > ports->ports()[*in].radius_m + 1000 + 1e-3) {
                invariant_failed("port_at and nearest disagree");
            }
        }
    }
    return 0;
}
