// Fuzz target: arbitrary bytes as a land grid file into LandMap::load_from_bytes. A file that loads must
// answer queries without reading out of bounds, whatever its dimensions and tile numbers claim; any
// other input must be rejected with a message, never crash. Real grids are 59 MB, so the interesting
// inputs are small grids (a few mask rows) with a matching size and checksum, and near misses of them.

#include <sagar/geo/land_map.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto bytes = std::as_bytes(std::span(data, size));
    auto map = sagar::geo::LandMap::load_from_bytes(bytes);
    if (!map) {
        if (map.error().empty()) {
            std::abort(); // every rejection says why
        }
        return 0;
    }
    // Corners, the antimeridian, the poles and a sweep: every cell row and tile edge is reachable.
    for (double lat = -91.0; lat <= 91.0; lat += 7.3) {
        for (double lon = -200.0; lon <= 200.0; lon += 11.7) {
            const sagar::geo::LatLon p{lat, lon};
            const double d = map->distance_to_shore_m(p);
            if (!(d >= 0.0)) {
                std::abort();
            }
            static_cast<void>(map->on_land(p));
            static_cast<void>(map->inland_beyond(p, 2'000.0));
            static_cast<void>(map->inland_beyond(p, 500.0));
        }
    }
    static_cast<void>(map->memory_bytes());
    return 0;
}
