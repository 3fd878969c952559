#include "csv.hpp"
#include "sphere_index.hpp"

#include <sagar/reference/ports.hpp>

#include <boost/iterator/function_output_iterator.hpp>
#include <cstdint>
#include <limits>
#include <utility>

namespace sagar::reference {

using detail::Box3;
using detail::Point3;
namespace bgi = boost::geometry::index;

struct PortIndex::Impl {
    using Centre = std::pair<Point3, std::uint32_t>;
    using Cap = std::pair<Box3, std::uint32_t>; ///< cube around a port's circle (its radius as a chord)
    bgi::rtree<Centre, bgi::quadratic<16>> centres;
    bgi::rtree<Cap, bgi::quadratic<16>> caps;
};

PortIndex::PortIndex(std::vector<Port> ports, std::unique_ptr<Impl> impl) noexcept
    : m_ports{std::move(ports)}
    , m_impl{std::move(impl)} {}
PortIndex::PortIndex(PortIndex&&) noexcept = default;
PortIndex& PortIndex::operator=(PortIndex&&) noexcept = default;
PortIndex::~PortIndex() = default;

Result<PortIndex, std::string> PortIndex::parse_csv(std::string_view text, std::string_view source_name) {
    const std::string source{source_name};
    const auto lines = detail::csv_lines(text);
    if (lines.empty()) {
        return unexpected(source + ": empty; expected a header row name,lat,lon,radius_km");
    }
    const auto header = detail::split_csv(lines.front().text);
    const auto where = [&](std::size_t line) { return source + ":" + std::to_string(line) + ": "; };
    if (!header) {
        return unexpected(where(lines.front().number) + "header has an unterminated quote");
    }
    const auto name_col = detail::column_index(*header, "name");
    const auto lat_col = detail::column_index(*header, "lat");
    const auto lon_col = detail::column_index(*header, "lon");
    const auto radius_col = detail::column_index(*header, "radius_km");
    if (!name_col || !lat_col || !lon_col || !radius_col) {
        return unexpected(where(lines.front().number) +
                          "header must name the columns name,lat,lon,radius_km");
    }

    std::vector<Port> ports;
    std::vector<Impl::Centre> centres;
    std::vector<Impl::Cap> caps;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto fields = detail::split_csv(lines[i].text);
        const std::string at = where(lines[i].number);
        if (!fields) {
            return unexpected(at + "unterminated quote");
        }
        if (fields->size() != header->size()) {
            return unexpected(at + std::to_string(fields->size()) + " fields where the header has " +
                              std::to_string(header->size()));
        }
        Port port;
        port.name = (*fields)[*name_col];
        double radius_km = 0;
        if (port.name.empty()) {
            return unexpected(at + "empty port name");
        }
        if (!detail::parse_number((*fields)[*lat_col], port.lat) || port.lat < -90 || port.lat > 90) {
            return unexpected(at + "lat '" + (*fields)[*lat_col] + "' is not a latitude in [-90, 90]");
        }
        if (!detail::parse_number((*fields)[*lon_col], port.lon) || port.lon < -180 || port.lon > 180) {
            return unexpected(at + "lon '" + (*fields)[*lon_col] + "' is not a longitude in [-180, 180]");
        }
        if (!detail::parse_number((*fields)[*radius_col], radius_km) || radius_km <= 0 || radius_km > 1000) {
            return unexpected(at + "radius_km '" + (*fields)[*radius_col] + "' is not a number in (0, 1000]");
        }
        port.radius_m = radius_km * 1000;
        const auto index = static_cast<std::uint32_t>(ports.size());
        const Point3 centre = detail::unit_vector(port.lat, port.lon);
        centres.emplace_back(centre, index);
        caps.emplace_back(detail::cube(centre, detail::chord_of(port.radius_m)), index);
        ports.push_back(std::move(port));
    }
    auto impl = std::make_unique<Impl>();
    // The packing constructors (STR bulk load) build better-balanced trees than insertion.
    impl->centres = decltype(impl->centres){centres};
    impl->caps = decltype(impl->caps){caps};
    return PortIndex{std::move(ports), std::move(impl)};
}

Result<PortIndex, std::string> PortIndex::load_csv(const std::string& path) {
    std::string text;
    std::string error;
    if (!detail::read_file(path, text, error)) {
        return unexpected(error);
    }
    return parse_csv(text, path);
}

std::optional<std::size_t> PortIndex::port_at(double lat, double lon, double extra_m) const noexcept {
    if (m_ports.empty()) {
        return std::nullopt;
    }
    const Point3 q = detail::unit_vector(lat, lon);
    // A point within radius + extra of a centre is within chord(radius) + chord(extra) of it on every axis
    // (the chord is subadditive), so the cube of chord(extra) around q meets the port's cap cube.
    const Box3 query = detail::cube(q, detail::chord_of(extra_m));
    std::optional<std::size_t> best;
    double best_distance = std::numeric_limits<double>::infinity();
    m_impl->caps.query(bgi::intersects(query),
                       boost::make_function_output_iterator([&](const Impl::Cap& cap) {
                           const Port& port = m_ports[cap.second];
                           const double d = geo::distance_m({lat, lon}, {port.lat, port.lon});
                           if (d <= port.radius_m + extra_m && d < best_distance) {
                               best_distance = d;
                               best = cap.second;
                           }
                       }));
    return best;
}

std::optional<PortIndex::Nearest> PortIndex::nearest(double lat, double lon) const noexcept {
    if (m_ports.empty()) {
        return std::nullopt;
    }
    const Point3 q = detail::unit_vector(lat, lon);
    // Growing cubes: once the nearest centre found inside a cube of half-side c is within chord c, no
    // centre outside the cube can be nearer. (The R-tree's own k-nearest query keeps its results in a
    // heap-allocated vector; this keeps the per-position path free of allocation.)
    double best_chord = std::numeric_limits<double>::infinity();
    std::uint32_t best = 0;
    for (double c = detail::chord_of(50'000);; c *= 4) {
        m_impl->centres.query(bgi::intersects(detail::cube(q, c)),
                              boost::make_function_output_iterator([&](const Impl::Centre& centre) {
                                  const double d = detail::chord_between(q, centre.first);
                                  if (d < best_chord) {
                                      best_chord = d;
                                      best = centre.second;
                                  }
                              }));
        if (best_chord <= c || c >= 2) {
            break;
        }
    }
    const Port& port = m_ports[best];
    return Nearest{best, geo::distance_m({lat, lon}, {port.lat, port.lon})};
}

} // namespace sagar::reference
