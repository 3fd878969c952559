#include "csv.hpp"

#include <sagar/reference/detections.hpp>

#include <optional>
#include <utility>

namespace sagar::reference {

Result<std::vector<Detection>, std::string> parse_detections_csv(std::string_view text,
                                                                 std::string_view source_name) {
    const std::string source{source_name};
    const auto lines = detail::csv_lines(text);
    if (lines.empty()) {
        return unexpected(source + ": empty; expected a header row id,time,lat,lon,length_m,source");
    }
    const auto where = [&](std::size_t line) { return source + ":" + std::to_string(line) + ": "; };
    const auto header = detail::split_csv(lines.front().text);
    if (!header) {
        return unexpected(where(lines.front().number) + "header has an unterminated quote");
    }
    const auto id_col = detail::column_index(*header, "id");
    const auto time_col = detail::column_index(*header, "time");
    const auto lat_col = detail::column_index(*header, "lat");
    const auto lon_col = detail::column_index(*header, "lon");
    const auto length_col = detail::column_index(*header, "length_m");
    const auto source_col = detail::column_index(*header, "source");
    if (!id_col || !time_col || !lat_col || !lon_col) {
        return unexpected(where(lines.front().number) +
                          "header must name the columns id,time,lat,lon (and optionally length_m,source)");
    }

    std::vector<Detection> out;
    out.reserve(lines.size() - 1);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string at = where(lines[i].number);
        const auto fields = detail::split_csv(lines[i].text);
        if (!fields) {
            return unexpected(at + "unterminated quote");
        }
        if (fields->size() != header->size()) {
            return unexpected(at + std::to_string(fields->size()) + " fields where the header has " +
                              std::to_string(header->size()));
        }
        const auto& f = *fields;
        Detection d;
        d.id = f[*id_col];
        if (d.id.empty()) {
            return unexpected(at + "empty id");
        }
        const auto time = parse_iso8601(f[*time_col]);
        if (!time) {
            return unexpected(at + "time '" + f[*time_col] +
                              "' is not ISO 8601 UTC (YYYY-MM-DDThh:mm:ss[.fff]Z)");
        }
        d.time = *time;
        if (!detail::parse_number(f[*lat_col], d.lat) || d.lat < -90 || d.lat > 90) {
            return unexpected(at + "lat '" + f[*lat_col] + "' is not a latitude in [-90, 90]");
        }
        if (!detail::parse_number(f[*lon_col], d.lon) || d.lon < -180 || d.lon > 180) {
            return unexpected(at + "lon '" + f[*lon_col] + "' is not a longitude in [-180, 180]");
        }
        if (length_col && !f[*length_col].empty()) {
            double length = 0;
            if (!detail::parse_number(f[*length_col], length) || length < 0 || length > 2000) {
                return unexpected(at + "length_m '" + f[*length_col] +
                                  "' is not a length in [0, 2000] metres");
            }
            d.length_m = static_cast<float>(length);
        }
        if (source_col) {
            d.source = f[*source_col];
        }
        out.push_back(std::move(d));
    }
    return out;
}

Result<std::vector<Detection>, std::string> load_detections_csv(const std::string& path) {
    std::string text;
    std::string error;
    if (!detail::read_file(path, text, error)) {
        return unexpected(error);
    }
    return parse_detections_csv(text, path);
}

} // namespace sagar::reference
