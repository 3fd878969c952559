// Fuzz target: arbitrary bytes as a zones GeoJSON file. Loading must fail with a message or succeed; a
// loaded index is queried at points derived from the input and must agree with its own contains().

#include <sagar/reference/zones.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto zones = sagar::reference::ZoneIndex::parse_geojson(text, "fuzz.geojson");
    if (!zones) {
        if (zones.error().empty()) {
            std::fprintf(stderr, "invariant failed: empty error message\n");
            std::abort();
        }
        return 0;
    }
    std::array<std::uint32_t, 4> hits{};
    for (std::size_t i = 0; i + 1 < size && i < 64; i += 2) {
        const double lat = (static_cast<int>(data[i]) - 128) * 0.7;
        const double lon = (static_cast<int>(data[i + 1]) - 128) * 1.4;
        const std::size_t n = zones->zones_at(lat, lon, hits);
        std::size_t expected = 0;
        for (std::size_t z = 0; z < zones->size(); ++z) {
            expected += zones->contains(z, lat, lon) ? 1U : 0U;
        }
        if (n != expected) {
            std::fprintf(stderr, "invariant failed: zones_at and contains disagree\n");
            std::abort();
        }
    }
    return 0;
}
