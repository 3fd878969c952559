#pragma once
// The land grid file (<prefix>/share/sagar/land.grid): written by tools/land_grid/land_grid_builder.cpp,
// read by LandMap. Shared by both so the layout and the sampling arithmetic exist once. Little-endian.
//
//   Header (56 bytes, below)
//   land tile index     u32 × tiles_x × tiles_y   0 = all water, 1 = all land, k + 2 = mixed tile k
//   inland tile index   u32 × tiles_x × tiles_y   same, for "more than inland_margin_m inside land"
//   water tile index    u32 × tiles_x × tiles_y   same, for "inland water": in a lake or within
//                                                 inland_margin_m (plus half a cell diagonal) of a lake
//                                                 shore or a river centreline
//   land tiles          u64 × 64 × land_mixed_tiles      one u64 per tile row, bit i = column i of the tile
//   inland tiles        u64 × 64 × inland_mixed_tiles
//   water tiles         u64 × 64 × water_mixed_tiles
//   signed distance     i16 × dist_cols × dist_rows      row 0 = southernmost; + at sea, − on land
//
// Mask cell (r, c) covers latitudes [-90 + r·s, -90 + (r+1)·s) and longitudes [-180 + c·s, -180 + (c+1)·s)
// with s = 180 / mask_rows degrees; columns = 2 × rows. Tiles are 64 × 64 cells, row-major, the last tile
// row and column padded with zero bits. Distance node (i, j) sits at the centre of a dist cell, i.e. at
// latitude -90 + (i + 0.5)·t and longitude -180 + (j + 0.5)·t with t = 180 / dist_rows.
// The checksum covers every byte after the header.

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace sagar::geo::grid_format {

static_assert(std::endian::native == std::endian::little, "the grid file is read and written natively");

inline constexpr std::array<char, 8> magic{'S', 'A', 'G', 'A', 'R', 'L', 'N', 'D'};
inline constexpr std::uint32_t version = 2;
inline constexpr std::uint32_t tile_shift = 6;
inline constexpr std::uint32_t tile_size = 1U << tile_shift;
inline constexpr std::uint32_t tile_water = 0;
inline constexpr std::uint32_t tile_land = 1;
inline constexpr std::uint32_t first_mixed_tile = 2;
// Limits that keep every size computation far from overflow and the file below 1 GiB.
inline constexpr std::uint32_t max_mask_rows = 21'600; // 30 arc-seconds
inline constexpr std::uint32_t max_dist_rows = 10'800; // 1 arc-minute

struct Header {
    std::array<char, 8> magic;
    std::uint32_t version;
    std::uint32_t header_size;
    std::uint32_t mask_rows;       // mask columns = 2 × mask_rows
    std::uint32_t dist_rows;       // distance columns = 2 × dist_rows
    std::uint32_t dist_unit_m;     // metres per unit of the signed distance
    std::uint32_t inland_margin_m; // the inland mask means "farther than this from the shore"
    std::uint32_t land_mixed_tiles;
    std::uint32_t inland_mixed_tiles;
    std::uint32_t water_mixed_tiles;
    std::uint32_t reserved; // 0; keeps the checksum 8-byte aligned
    std::uint64_t checksum;
};
static_assert(sizeof(Header) == 56, "no padding: the header is copied to and from the file as is");

/// Section sizes in elements, derived from a header.
struct Layout {
    std::uint64_t mask_cols;
    std::uint64_t tiles_x;
    std::uint64_t tiles_y;
    std::uint64_t dist_cols;
    std::uint64_t index_entries; // per mask
    std::uint64_t land_words;    // u64 words of mixed land tiles
    std::uint64_t inland_words;  // u64 words of mixed inland tiles
    std::uint64_t water_words;   // u64 words of mixed inland water tiles
    std::uint64_t dist_entries;  // i16 values
    std::uint64_t file_size;     // bytes including the header
};

[[nodiscard]] constexpr Layout layout_of(const Header& header) noexcept {
    Layout l{};
    l.mask_cols = 2ULL * header.mask_rows;
    l.tiles_x = (l.mask_cols + tile_size - 1) / tile_size;
    l.tiles_y = (std::uint64_t{header.mask_rows} + tile_size - 1) / tile_size;
    l.dist_cols = 2ULL * header.dist_rows;
    l.index_entries = l.tiles_x * l.tiles_y;
    l.land_words = std::uint64_t{header.land_mixed_tiles} * tile_size;
    l.inland_words = std::uint64_t{header.inland_mixed_tiles} * tile_size;
    l.water_words = std::uint64_t{header.water_mixed_tiles} * tile_size;
    l.dist_entries = l.dist_cols * header.dist_rows;
    l.file_size = sizeof(Header) + 3 * l.index_entries * sizeof(std::uint32_t) +
                  (l.land_words + l.inland_words + l.water_words) * sizeof(std::uint64_t) +
                  l.dist_entries * sizeof(std::int16_t);
    return l;
}

/// Word-wise FNV-1a variant with a fold of the high half: every step is a bijection of the running state,
/// so any change confined to one 8-byte word is always detected. Fast enough (several GB/s optimised) to
/// run on every load.
class Checksum {
public:
    void update(std::span<const std::byte> bytes) noexcept {
        std::size_t i = 0;
        for (; i + 8 <= bytes.size(); i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes.data() + i, 8);
            mix(word);
        }
        if (i < bytes.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes.data() + i, bytes.size() - i);
            mix(word ^ (std::uint64_t{bytes.size() - i} << 56U));
        }
    }
    [[nodiscard]] std::uint64_t value() const noexcept { return m_state; }

private:
    void mix(std::uint64_t word) noexcept {
        m_state = (m_state ^ word) * 0x100000001b3ULL;
        m_state ^= m_state >> 32U;
    }
    std::uint64_t m_state = 0xcbf29ce484222325ULL;
};

/// Bilinear interpolation of the signed distance nodes (dist_rows × 2·dist_rows, row 0 south) at a point, in
/// grid units. Needs finite lat and lon; latitudes beyond the outermost node rows take those rows' values
/// and longitudes wrap around.
[[nodiscard]] inline double sample_distance(std::span<const std::int16_t> nodes, std::uint32_t dist_rows,
                                            double lat, double lon) noexcept {
    const std::size_t rows = dist_rows;
    const std::size_t cols = 2 * rows;
    const double step = 180.0 / static_cast<double>(dist_rows);
    const double gy = std::clamp((lat + 90.0) / step - 0.5, 0.0, static_cast<double>(rows - 1));
    const double gy_floor = std::floor(gy);
    const double fy = gy - gy_floor;
    const auto i0 = static_cast<std::size_t>(gy_floor);
    const std::size_t i1 = std::min(i0 + 1, rows - 1);
    if (!(lon >= -180.0 && lon < 180.0)) {
        lon = std::fmod(lon + 180.0, 360.0);
        lon = lon < 0.0 ? lon + 180.0 : lon - 180.0;
    }
    // gx lies in [-0.5, cols - 0.5]: the node left of it is cols - 1 (wrapped) or floor(gx).
    const double gx = (lon + 180.0) / step - 0.5;
    const double gx_floor = std::floor(gx);
    const double fx = gx - gx_floor;
    const std::size_t j0 = gx_floor < 0.0 ? cols - 1 : std::min(static_cast<std::size_t>(gx_floor), cols - 1);
    const std::size_t j1 = j0 + 1 == cols ? 0 : j0 + 1;
    const double v00 = nodes[i0 * cols + j0];
    const double v01 = nodes[i0 * cols + j1];
    const double v10 = nodes[i1 * cols + j0];
    const double v11 = nodes[i1 * cols + j1];
    const double south = v00 + (v01 - v00) * fx;
    const double north = v10 + (v11 - v10) * fx;
    return south + (north - south) * fy;
}

} // namespace sagar::geo::grid_format
