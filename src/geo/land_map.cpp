#include "land_grid_format.hpp"

#include <sagar/geo/land_map.hpp>
#include <sagar/geo/waterways.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <system_error>

namespace sagar::geo {
namespace {

namespace fmt = grid_format;

// The grid is read through this small interface so that the file path reads each section straight into
// its typed vector (no second copy of 59 MB) and the in-memory path shares every validation step.
class Source {
public:
    Source() = default;
    Source(const Source&) = delete;
    Source& operator=(const Source&) = delete;
    Source(Source&&) = delete;
    Source& operator=(Source&&) = delete;
    virtual ~Source() = default;
    [[nodiscard]] virtual std::uint64_t size() const = 0;
    /// Copies the next `bytes` bytes to `out`; false on a short read.
    virtual bool read(void* out, std::size_t bytes) = 0;
};

class SpanSource final : public Source {
public:
    explicit SpanSource(std::span<const std::byte> bytes)
        : m_bytes{bytes} {}
    [[nodiscard]] std::uint64_t size() const override { return m_bytes.size(); }
    bool read(void* out, std::size_t bytes) override {
        if (bytes > m_bytes.size() - m_offset) {
            return false;
        }
        if (bytes != 0) {
            std::memcpy(out, m_bytes.data() + m_offset, bytes);
        }
        m_offset += bytes;
        return true;
    }

private:
    std::span<const std::byte> m_bytes;
    std::size_t m_offset = 0;
};

class FileSource final : public Source {
public:
    FileSource(std::ifstream& in, std::uint64_t size)
        : m_in{in}
        , m_size{size} {}
    [[nodiscard]] std::uint64_t size() const override { return m_size; }
    bool read(void* out, std::size_t bytes) override {
        m_in.read(static_cast<char*>(out), static_cast<std::streamsize>(bytes));
        return static_cast<std::size_t>(m_in.gcount()) == bytes;
    }

private:
    std::ifstream& m_in;
    std::uint64_t m_size;
};

template <class T>
bool read_section(Source& source, std::vector<T>& out, std::uint64_t count, fmt::Checksum& checksum) {
    out.resize(static_cast<std::size_t>(count));
    if (!source.read(out.data(), out.size() * sizeof(T))) {
        return false;
    }
    checksum.update(std::as_bytes(std::span<const T>(out)));
    return true;
}

bool index_in_range(const std::vector<std::uint32_t>& index, std::uint32_t mixed_tiles) {
    const std::uint64_t limit = std::uint64_t{fmt::first_mixed_tile} + mixed_tiles;
    return std::all_of(index.begin(), index.end(), [&](std::uint32_t entry) { return entry < limit; });
}

bool finite(LatLon p) noexcept {
    return std::isfinite(p.lat) && std::isfinite(p.lon);
}

} // namespace

// LandMap's friend: validates a source and fills the map. Defined here so that the file format stays
// private to src/geo.
struct LandMapParser {
    static Result<LandMap, std::string> parse(Source& source);
};

Result<LandMap, std::string> LandMapParser::parse(Source& source) {
    using Error = Unexpected<std::string>;
    fmt::Header header{};
    if (source.size() < sizeof header || !source.read(&header, sizeof header)) {
        return Error{"file too short for a header (" + std::to_string(source.size()) + " bytes)"};
    }
    if (header.magic != fmt::magic) {
        return Error{"not a sagar land grid (bad magic)"};
    }
    if (header.version != fmt::version) {
        return Error{"unsupported land grid version " + std::to_string(header.version) + " (expected " +
                     std::to_string(fmt::version) + ")"};
    }
    if (header.header_size != sizeof header) {
        return Error{"bad header size " + std::to_string(header.header_size)};
    }
    if (header.mask_rows == 0 || header.mask_rows > fmt::max_mask_rows || header.dist_rows == 0 ||
        header.dist_rows > fmt::max_dist_rows) {
        return Error{"grid dimensions out of range (mask rows " + std::to_string(header.mask_rows) +
                     ", distance rows " + std::to_string(header.dist_rows) + ")"};
    }
    if (header.dist_unit_m == 0 || header.dist_unit_m > 10'000 || header.inland_margin_m > 1'000'000) {
        return Error{"distance unit or inland margin out of range"};
    }
    const fmt::Layout layout = fmt::layout_of(header);
    if (header.land_mixed_tiles > layout.index_entries || header.inland_mixed_tiles > layout.index_entries ||
        header.water_mixed_tiles > layout.index_entries) {
        return Error{"more mixed tiles than tiles"};
    }
    if (layout.file_size != source.size()) {
        return Error{"size " + std::to_string(source.size()) + " bytes does not match the header (expected " +
                     std::to_string(layout.file_size) + "): truncated or corrupt"};
    }

    LandMap map;
    fmt::Checksum checksum;
    if (!read_section(source, map.m_land_index, layout.index_entries, checksum) ||
        !read_section(source, map.m_inland_index, layout.index_entries, checksum) ||
        !read_section(source, map.m_water_index, layout.index_entries, checksum) ||
        !read_section(source, map.m_land_tiles, layout.land_words, checksum) ||
        !read_section(source, map.m_inland_tiles, layout.inland_words, checksum) ||
        !read_section(source, map.m_water_tiles, layout.water_words, checksum) ||
        !read_section(source, map.m_distance, layout.dist_entries, checksum)) {
        return Error{"short read"};
    }
    if (checksum.value() != header.checksum) {
        return Error{"checksum mismatch: corrupt file"};
    }
    // Checked after the checksum only to give the clearer message first; a file with a valid checksum and
    // an out-of-range tile number is still rejected, so no query can read outside the tile arrays.
    if (!index_in_range(map.m_land_index, header.land_mixed_tiles) ||
        !index_in_range(map.m_inland_index, header.inland_mixed_tiles) ||
        !index_in_range(map.m_water_index, header.water_mixed_tiles)) {
        return Error{"tile index out of range"};
    }
    map.m_mask_rows = header.mask_rows;
    map.m_dist_rows = header.dist_rows;
    map.m_cells_per_deg = header.mask_rows / 180.0;
    map.m_tiles_x = static_cast<std::size_t>(layout.tiles_x);
    map.m_dist_unit_m = header.dist_unit_m;
    map.m_inland_margin_m = header.inland_margin_m;
    return map;
}

Result<LandMap, std::string> LandMap::load_from_bytes(std::span<const std::byte> bytes) {
    SpanSource source(bytes);
    return LandMapParser::parse(source);
}

Result<LandMap, std::string> LandMap::load(const std::filesystem::path& path) {
    const auto fail = [&](const std::string& why) {
        return Result<LandMap, std::string>{
            Unexpected<std::string>{"land grid " + path.string() + ": " + why}};
    };
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        return fail(error.message() + " (build it with the sagar_land_grid target, or set SAGAR_LAND_GRID)");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return fail("cannot open");
    }
    FileSource source(in, size);
    auto map = LandMapParser::parse(source);
    if (!map) {
        return fail(map.error());
    }
    return map;
}

std::filesystem::path LandMap::default_path() {
    // getenv is read once per call at start-up, never on the hot path.
    if (const char* from_env = std::getenv("SAGAR_LAND_GRID"); from_env != nullptr && *from_env != '\0') {
        return from_env;
    }
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    std::filesystem::path relative = std::filesystem::path("..") / "share" / "sagar" / "land.grid";
    if (error) {
        return relative; // no /proc: relative to the working directory, and load() reports it if missing
    }
    return (program.parent_path() / relative).lexically_normal();
}

bool LandMap::mask_bit(const std::vector<std::uint32_t>& index, const std::vector<std::uint64_t>& words,
                       LatLon p) const noexcept {
    const double lat = std::clamp(p.lat, -90.0, 90.0);
    const double lon = p.lon >= -180.0 && p.lon < 180.0 ? p.lon : normalize_lon(p.lon);
    const std::size_t rows = m_mask_rows;
    // min(): latitude 90 and rounding at +180 land in the last row or column, not past it.
    const std::size_t row = std::min(static_cast<std::size_t>((lat + 90.0) * m_cells_per_deg), rows - 1);
    const std::size_t col = std::min(static_cast<std::size_t>((lon + 180.0) * m_cells_per_deg), 2 * rows - 1);
    const std::uint32_t entry = index[(row >> fmt::tile_shift) * m_tiles_x + (col >> fmt::tile_shift)];
    if (entry < fmt::first_mixed_tile) {
        return entry == fmt::tile_land;
    }
    const std::uint64_t word =
        words[(std::size_t{entry} - fmt::first_mixed_tile) * fmt::tile_size + (row & (fmt::tile_size - 1))];
    return ((word >> (col & (fmt::tile_size - 1))) & 1U) != 0;
}

bool LandMap::on_land(LatLon p) const noexcept {
    return finite(p) && mask_bit(m_land_index, m_land_tiles, p);
}

double LandMap::distance_to_shore_m(LatLon p) const noexcept {
    if (!finite(p)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const double lat = std::clamp(p.lat, -90.0, 90.0);
    return std::abs(fmt::sample_distance(m_distance, m_dist_rows, lat, p.lon)) * m_dist_unit_m;
}

bool LandMap::near_inland_water(LatLon p) const noexcept {
    return finite(p) && mask_bit(m_water_index, m_water_tiles, p);
}

bool LandMap::inland_beyond(LatLon p, double margin_m) const noexcept {
    if (!finite(p)) {
        return false;
    }
    const bool inland_mask = mask_bit(m_inland_index, m_inland_tiles, p);
    if (margin_m == m_inland_margin_m) {
        return inland_mask;
    }
    if (margin_m > m_inland_margin_m) {
        return inland_mask && distance_to_shore_m(p) > margin_m;
    }
    // A smaller margin: everything beyond the built one qualifies, plus land nearer the sea coast by
    // distance, except near inland water (the distance is to the sea coast only).
    return inland_mask || (on_land(p) && !in_waterway({p.lat, normalize_lon(p.lon)}) &&
                           !mask_bit(m_water_index, m_water_tiles, p) && distance_to_shore_m(p) > margin_m);
}

std::size_t LandMap::memory_bytes() const noexcept {
    return m_land_index.capacity() * sizeof(std::uint32_t) +
           m_inland_index.capacity() * sizeof(std::uint32_t) +
           m_water_index.capacity() * sizeof(std::uint32_t) +
           m_land_tiles.capacity() * sizeof(std::uint64_t) +
           m_inland_tiles.capacity() * sizeof(std::uint64_t) +
           m_water_tiles.capacity() * sizeof(std::uint64_t) + m_distance.capacity() * sizeof(std::int16_t);
}

} // namespace sagar::geo
