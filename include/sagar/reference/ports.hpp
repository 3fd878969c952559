#pragma once
// Ports as circles (name, centre, radius), from a CSV file, with the two questions detectors ask per
// position: "which port is this point in" and "how far is the nearest port". Both are answered from a
// spatial index without allocating.

#include <sagar/core/result.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sagar::reference {

struct Port {
    std::string name;
    double lat = 0;
    double lon = 0;
    double radius_m = 0;
};

class PortIndex {
public:
    /// Parses CSV text with a header row naming the columns `name,lat,lon,radius_km` (any order,
    /// case-insensitive, more columns ignored). The first problem fails the whole load: the message names
    /// `source_name`, the line and the problem. A reference file is configuration, so a bad row is fixed,
    /// not skipped.
    static Result<PortIndex, std::string> parse_csv(std::string_view text, std::string_view source_name);
    static Result<PortIndex, std::string> load_csv(const std::string& path);

    PortIndex(PortIndex&&) noexcept;
    PortIndex& operator=(PortIndex&&) noexcept;
    PortIndex(const PortIndex&) = delete;
    PortIndex& operator=(const PortIndex&) = delete;
    ~PortIndex();

    [[nodiscard]] const std::vector<Port>& ports() const noexcept { return m_ports; }
    [[nodiscard]] std::size_t size() const noexcept { return m_ports.size(); }

    /// The port whose circle, widened by `extra_m`, contains the point; when circles overlap, the one
    /// whose centre is nearest. nullopt when none.
    [[nodiscard]] std::optional<std::size_t> port_at(double lat, double lon,
                                                     double extra_m = 0) const noexcept;

    struct Nearest {
        std::size_t index = 0;
        double distance_m = 0; ///< to the port's centre (haversine)
    };
    /// The port whose centre is nearest; nullopt when there are no ports.
    [[nodiscard]] std::optional<Nearest> nearest(double lat, double lon) const noexcept;

private:
    struct Impl;
    PortIndex(std::vector<Port> ports, std::unique_ptr<Impl> impl) noexcept;

    std::vector<Port> m_ports;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sagar::reference
