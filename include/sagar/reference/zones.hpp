#pragma once
// Named areas (EEZs, ports, watch boxes, exclusion zones) from GeoJSON, and the per-position question
// "which zones contain this point", answered from an R-tree of zone bounding boxes followed by an exact
// point-in-polygon test, without allocating.
//
// Geometry follows RFC 7946: positions are [lon, lat] in WGS 84 and edges are straight lines in
// longitude/latitude (not great circles). Polygons may have holes; MultiPolygons are one zone. Either
// ring winding is accepted. Not supported: polygons crossing the antimeridian (split them at ±180 into a
// MultiPolygon, as RFC 7946 §3.1.9 asks) and rings around a pole.

#include <sagar/core/function_ref.hpp>
#include <sagar/core/result.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace sagar::reference {

class ZoneIndex {
public:
    /// Parses a FeatureCollection whose features have a Polygon or MultiPolygon geometry and
    /// `properties.id` (string or integer, unique) and optionally `properties.name`. The first problem
    /// fails the load; its message names `source_name`, the feature's index and (when known) its id.
    static Result<ZoneIndex, std::string> parse_geojson(std::string_view text, std::string_view source_name);
    static Result<ZoneIndex, std::string> load_geojson(const std::string& path);

    ZoneIndex(ZoneIndex&&) noexcept;
    ZoneIndex& operator=(ZoneIndex&&) noexcept;
    ZoneIndex(const ZoneIndex&) = delete;
    ZoneIndex& operator=(const ZoneIndex&) = delete;
    ~ZoneIndex();

    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] std::string_view id(std::size_t zone) const noexcept;
    [[nodiscard]] std::string_view name(std::size_t zone) const noexcept;
    /// Index of the zone with this id, or size() when there is none.
    [[nodiscard]] std::size_t find_id(std::string_view id) const noexcept;

    /// Calls `found` with the index of every zone that contains the point (boundary included), in no
    /// particular order; returns how many did.
    std::size_t zones_at(double lat, double lon, FunctionRef<void(std::size_t)> found) const;

    /// Writes the indices of the zones containing the point to `out`, as many as fit, and returns how
    /// many zones contain it (which may exceed out.size()).
    std::size_t zones_at(double lat, double lon, std::span<std::uint32_t> out) const;

    /// True when zone `zone` contains the point (boundary included).
    [[nodiscard]] bool contains(std::size_t zone, double lat, double lon) const noexcept;

private:
    struct Impl;
    explicit ZoneIndex(std::unique_ptr<Impl> impl) noexcept;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sagar::reference
