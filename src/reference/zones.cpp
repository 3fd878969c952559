#include "csv.hpp"

#include <sagar/reference/zones.hpp>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sagar::reference {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using Json = nlohmann::json;

// RFC 7946 edges are straight in lon/lat, which is exactly the Cartesian plane with x = lon, y = lat.
using Point = bg::model::d2::point_xy<double>;
using Polygon = bg::model::polygon<Point>; // clockwise, closed; bg::correct() fixes the input's winding
using Box = bg::model::box<Point>;

} // namespace

struct ZoneIndex::Impl {
    struct Zone {
        std::string id;
        std::string name;
        std::uint32_t first_polygon = 0;
        std::uint32_t polygon_count = 0;
    };
    /// One R-tree entry per polygon (not per zone): a MultiPolygon of scattered islands would otherwise
    /// have one huge box that matches most queries.
    using Entry = std::pair<Box, std::uint32_t>; // polygon index

    std::vector<Zone> zones;
    std::vector<Polygon> polygons;
    std::vector<Box> boxes;                  ///< envelope of each polygon
    std::vector<std::uint32_t> polygon_zone; ///< zone of each polygon
    bgi::rtree<Entry, bgi::quadratic<16>> tree;

    [[nodiscard]] bool polygon_covers(std::uint32_t p, const Point& pt) const {
        return bg::covered_by(pt, boxes[p]) && bg::covered_by(pt, polygons[p]);
    }

    /// Calls found(zone) once per zone containing `pt`. A point on an edge shared by two polygons of one
    /// zone is covered by both; only the first of them reports the zone.
    template <class F>
    std::size_t query(const Point& pt, F&& found) const {
        std::size_t count = 0;
        tree.query(bgi::intersects(pt), boost::make_function_output_iterator([&](const Entry& e) {
                       const std::uint32_t p = e.second;
                       if (!bg::covered_by(pt, polygons[p])) {
                           return;
                       }
                       const Zone& zone = zones[polygon_zone[p]];
                       for (std::uint32_t q = zone.first_polygon; q < p; ++q) {
                           if (polygon_covers(q, pt)) {
                               return;
                           }
                       }
                       ++count;
                       found(polygon_zone[p]);
                   }));
        return count;
    }
};

namespace {

/// Builds one zone's polygons from GeoJSON coordinates, or says what is wrong with them.
class GeometryReader {
public:
    explicit GeometryReader(std::vector<Polygon>& out) noexcept
        : m_out{out} {}

    /// An error message, or nullopt when the geometry was added.
    std::optional<std::string> read(const Json& geometry) {
        if (!geometry.is_object()) {
            return "geometry is not an object";
        }
        const auto type = geometry.find("type");
        const auto coordinates = geometry.find("coordinates");
        if (type == geometry.end() || !type->is_string()) {
            return "geometry has no \"type\" string";
        }
        if (coordinates == geometry.end() || !coordinates->is_array()) {
            return "geometry has no \"coordinates\" array";
        }
        if (*type == "Polygon") {
            return polygon(*coordinates, "");
        }
        if (*type == "MultiPolygon") {
            if (coordinates->empty()) {
                return "MultiPolygon has no polygons";
            }
            for (std::size_t i = 0; i < coordinates->size(); ++i) {
                if (auto error = polygon((*coordinates)[i], "polygon " + std::to_string(i) + ": ")) {
                    return error;
                }
            }
            return std::nullopt;
        }
        return "geometry type " + type->get<std::string>() + " is not Polygon or MultiPolygon";
    }

private:
    std::optional<std::string> polygon(const Json& rings, const std::string& where) {
        if (!rings.is_array() || rings.empty()) {
            return where + "a polygon must be a non-empty array of rings";
        }
        Polygon poly;
        for (std::size_t r = 0; r < rings.size(); ++r) {
            const std::string ring_where = where + (r == 0 ? "exterior ring" : "hole " + std::to_string(r));
            if (r > 0) {
                poly.inners().emplace_back();
            }
            auto& ring = r == 0 ? poly.outer() : poly.inners().back();
            if (auto error = read_ring(rings[r], ring, ring_where)) {
                return error;
            }
        }
        bg::correct(poly); // winding: RFC 7946 asks for counter-clockwise exteriors, but accept either
        m_out.push_back(std::move(poly));
        return std::nullopt;
    }

    template <class Ring>
    static std::optional<std::string> read_ring(const Json& positions, Ring& ring, const std::string& where) {
        if (!positions.is_array()) {
            return where + ": not an array of positions";
        }
        if (positions.size() < 4) {
            return where + ": " + std::to_string(positions.size()) +
                   " positions; a closed ring needs at least 4 (first = last)";
        }
        for (std::size_t i = 0; i < positions.size(); ++i) {
            const Json& p = positions[i];
            if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
                return where + ": position " + std::to_string(i) + " is not [lon, lat]";
            }
            const double lon = p[0].get<double>();
            const double lat = p[1].get<double>();
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                return where + ": position " + std::to_string(i) + " [" + p[0].dump() + ", " + p[1].dump() +
                       "] is outside [-180, 180] x [-90, 90]";
            }
            ring.emplace_back(lon, lat);
        }
        if (!bg::equals(ring.front(), ring.back())) {
            return where + ": not closed (the last position must repeat the first)";
        }
        return std::nullopt;
    }

    std::vector<Polygon>& m_out;
};

std::string id_text(const Json& id) {
    if (id.is_string()) {
        return id.get<std::string>();
    }
    return id.dump(); // an integer
}

} // namespace

ZoneIndex::ZoneIndex(std::unique_ptr<Impl> impl) noexcept
    : m_impl{std::move(impl)} {}
ZoneIndex::ZoneIndex(ZoneIndex&&) noexcept = default;
ZoneIndex& ZoneIndex::operator=(ZoneIndex&&) noexcept = default;
ZoneIndex::~ZoneIndex() = default;

Result<ZoneIndex, std::string> ZoneIndex::parse_geojson(std::string_view text, std::string_view source_name) {
    const std::string source{source_name};
    Json doc;
    try {
        doc = Json::parse(text);
    } catch (const Json::exception& e) {
        // nlohmann reports syntax errors by exception only; this is start-up, not a hot path.
        return unexpected(source + ": not JSON: " + e.what());
    }
    if (!doc.is_object() || doc.value("type", Json{}) != "FeatureCollection") {
        return unexpected(source + ": not a GeoJSON FeatureCollection (top-level \"type\" must be "
                                   "\"FeatureCollection\")");
    }
    const auto features = doc.find("features");
    if (features == doc.end() || !features->is_array()) {
        return unexpected(source + ": FeatureCollection has no \"features\" array");
    }

    auto impl = std::make_unique<Impl>();
    std::unordered_map<std::string, std::size_t> seen;
    GeometryReader reader{impl->polygons};
    for (std::size_t i = 0; i < features->size(); ++i) {
        const Json& feature = (*features)[i];
        std::string where = source + ": feature " + std::to_string(i);
        if (!feature.is_object()) {
            return unexpected(where + ": not an object");
        }
        const auto properties = feature.find("properties");
        if (properties == feature.end() || !properties->is_object()) {
            return unexpected(where + ": no \"properties\" object (properties.id is required)");
        }
        const auto id = properties->find("id");
        if (id == properties->end() || !(id->is_string() || id->is_number_integer())) {
            return unexpected(where + ": properties.id is missing or not a string or integer");
        }
        Impl::Zone zone;
        zone.id = id_text(*id);
        where += " (id " + zone.id + ")";
        if (zone.id.empty()) {
            return unexpected(where + ": properties.id is empty");
        }
        if (const auto [it, inserted] = seen.emplace(zone.id, i); !inserted) {
            return unexpected(where + ": duplicate id (also feature " + std::to_string(it->second) + ")");
        }
        if (const auto name = properties->find("name"); name != properties->end() && !name->is_null()) {
            if (!name->is_string()) {
                return unexpected(where + ": properties.name is not a string");
            }
            zone.name = name->get<std::string>();
        }
        const auto geometry = feature.find("geometry");
        if (geometry == feature.end()) {
            return unexpected(where + ": no geometry");
        }
        zone.first_polygon = static_cast<std::uint32_t>(impl->polygons.size());
        if (auto error = reader.read(*geometry)) {
            return unexpected(where + ": " + *error);
        }
        zone.polygon_count = static_cast<std::uint32_t>(impl->polygons.size()) - zone.first_polygon;
        for (std::uint32_t p = zone.first_polygon; p < impl->polygons.size(); ++p) {
            impl->polygon_zone.push_back(static_cast<std::uint32_t>(impl->zones.size()));
        }
        impl->zones.push_back(std::move(zone));
    }

    std::vector<Impl::Entry> entries;
    entries.reserve(impl->polygons.size());
    impl->boxes.reserve(impl->polygons.size());
    for (std::uint32_t p = 0; p < impl->polygons.size(); ++p) {
        impl->boxes.push_back(bg::return_envelope<Box>(impl->polygons[p]));
        entries.emplace_back(impl->boxes.back(), p);
    }
    impl->tree = decltype(impl->tree){entries}; // packing (STR) construction
    return ZoneIndex{std::move(impl)};
}

Result<ZoneIndex, std::string> ZoneIndex::load_geojson(const std::string& path) {
    std::string text;
    std::string error;
    if (!detail::read_file(path, text, error)) {
        return unexpected(error);
    }
    return parse_geojson(text, path);
}

std::size_t ZoneIndex::size() const noexcept {
    return m_impl->zones.size();
}

std::string_view ZoneIndex::id(std::size_t zone) const noexcept {
    return m_impl->zones[zone].id;
}

std::string_view ZoneIndex::name(std::size_t zone) const noexcept {
    return m_impl->zones[zone].name;
}

std::size_t ZoneIndex::find_id(std::string_view id) const noexcept {
    for (std::size_t i = 0; i < m_impl->zones.size(); ++i) {
        if (m_impl->zones[i].id == id) {
            return i;
        }
    }
    return m_impl->zones.size();
}

std::size_t ZoneIndex::zones_at(double lat, double lon, FunctionRef<void(std::size_t)> found) const {
    return m_impl->query(Point{lon, lat}, [&](std::uint32_t zone) { found(zone); });
}

std::size_t ZoneIndex::zones_at(double lat, double lon, std::span<std::uint32_t> out) const {
    std::size_t written = 0;
    return m_impl->query(Point{lon, lat}, [&](std::uint32_t zone) {
        if (written < out.size()) {
            out[written++] = zone;
        }
    });
}

bool ZoneIndex::contains(std::size_t zone, double lat, double lon) const noexcept {
    const Impl::Zone& z = m_impl->zones[zone];
    const Point pt{lon, lat};
    for (std::uint32_t p = z.first_polygon; p < z.first_polygon + z.polygon_count; ++p) {
        if (m_impl->polygon_covers(p, pt)) {
            return true;
        }
    }
    return false;
}

} // namespace sagar::reference
