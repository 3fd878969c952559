#pragma once
// LandMap: where the land is and how far the shore is, from the grid built at build time from Natural
// Earth 1:10m land, 1:50m lakes and 1:50m river centrelines (docs/land-data.md). Every query is a
// constant-time grid lookup (no allocation, a few tens of nanoseconds) because detectors ask it once per
// position report.
//
// Resolution: a 1 arc-minute land mask (1.85 km north-south, 1.85 km × cos(latitude) east-west), a mask of
// the same resolution for "more than 2 km inside land" (conservative, see inland_beyond; lakes and rivers
// count as water for it), one for "inland water" (near_inland_water), all stored as 64 × 64 tiles with
// uniform tiles elided, and signed distances to the sea coast every 3 arc-minutes (int16 in units of
// 100 m, 52 MB), interpolated bilinearly. About 62 MB in all.

#include <sagar/core/result.hpp>
#include <sagar/geo/geodesy.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace sagar::geo {

struct LandMapParser; // src/geo/land_map.cpp: reads the private file format

/// The land grid loaded into memory. Immutable after load, so one instance may be shared by threads.
class LandMap {
public:
    /// Reads and validates a grid file (magic, version, dimensions, exact size, checksum). Failures are
    /// values with a message naming the file and the problem; a corrupt file never crashes.
    [[nodiscard]] static Result<LandMap, std::string> load(const std::filesystem::path& path);
    /// Validates and copies a grid held in memory (used by load() and the fuzz target).
    [[nodiscard]] static Result<LandMap, std::string> load_from_bytes(std::span<const std::byte> bytes);
    /// $SAGAR_LAND_GRID when set and non-empty, else <directory of the running
    /// program>/../share/sagar/land.grid (found through /proc/self/exe). Does not check that the file exists.
    [[nodiscard]] static std::filesystem::path default_path();

    /// True when p is inside Natural Earth land at the mask resolution (1 arc-minute cells; lakes and rivers
    /// are land, as in the source's land layer). False for non-finite coordinates.
    [[nodiscard]] bool on_land(LatLon p) const noexcept;
    /// Distance from p to the nearest sea coastline in metres, ≥ 0 both on land and at sea (lake shores and
    /// rivers are not shore for it). Within ±2 km of the source coastline where the distance is below
    /// 100 nm (measured; docs/land-data.md). NaN for non-finite coordinates.
    [[nodiscard]] double distance_to_shore_m(LatLon p) const noexcept;
    /// True when p is on land and farther than margin_m from the shore, and not inside a waterway box
    /// (waterways.hpp). The shore is the sea coast, the shores of Natural Earth 1:50m lakes and the
    /// centrelines of its 1:50m rivers. For margin_m == inland_margin_m() (2000 m) this is a lookup in the
    /// 1 arc-minute inland mask, which is conservative: a cell is inland only when all of it is on land,
    /// outside every lake and at least 2,000 m from the source coastline, lake shores and river
    /// centrelines (exact distance to their segments). So a position nearer the shore is never inland, and
    /// one farther than 2,000 m plus a cell diagonal (4.6 km in all at the equator, 4.1 km at 55°) always
    /// is. Other margins combine that mask with the interpolated distance to the sea coast and never count
    /// a position near inland water (near_inland_water).
    [[nodiscard]] bool inland_beyond(LatLon p, double margin_m) const noexcept;
    /// True when p's 1′ cell lies in a Natural Earth 1:50m lake or within inland_margin_m() plus half a
    /// cell diagonal of a lake shore or river centreline: the cells that lakes and rivers keep out of the
    /// inland mask. False for non-finite coordinates.
    [[nodiscard]] bool near_inland_water(LatLon p) const noexcept;
    /// The margin the inland mask was built with, in metres.
    [[nodiscard]] double inland_margin_m() const noexcept { return m_inland_margin_m; }

    /// Size of one land mask cell and of the distance node spacing, in degrees.
    [[nodiscard]] double mask_cell_deg() const noexcept { return 180.0 / m_mask_rows; }
    [[nodiscard]] double distance_cell_deg() const noexcept { return 180.0 / m_dist_rows; }
    /// Heap memory held by the map, in bytes.
    [[nodiscard]] std::size_t memory_bytes() const noexcept;

private:
    friend struct LandMapParser;
    LandMap() = default;
    [[nodiscard]] bool mask_bit(const std::vector<std::uint32_t>& index,
                                const std::vector<std::uint64_t>& words, LatLon p) const noexcept;

    std::uint32_t m_mask_rows = 0;
    std::uint32_t m_dist_rows = 0;
    double m_cells_per_deg = 0.0;
    std::size_t m_tiles_x = 0;
    double m_dist_unit_m = 0.0;
    double m_inland_margin_m = 0.0;
    std::vector<std::uint32_t> m_land_index;
    std::vector<std::uint32_t> m_inland_index;
    std::vector<std::uint32_t> m_water_index;
    std::vector<std::uint64_t> m_land_tiles;
    std::vector<std::uint64_t> m_inland_tiles;
    std::vector<std::uint64_t> m_water_tiles;
    std::vector<std::int16_t> m_distance;
};

} // namespace sagar::geo
