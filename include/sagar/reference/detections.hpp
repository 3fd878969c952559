#pragma once
// Vessel detections from remote sensing (SAR or RF), to be matched against AIS: CSV with a header row
// `id,time,lat,lon,length_m,source`.

#include <sagar/core/result.hpp>
#include <sagar/core/utc_time.hpp>

#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace sagar::reference {

struct Detection {
    std::string id;
    UtcTime time;
    double lat = 0;
    double lon = 0;
    float length_m = std::numeric_limits<float>::quiet_NaN(); ///< NaN when the file leaves it empty
    std::string source;                                       ///< e.g. "sentinel-1", "rf"
};

/// Parses detections CSV: columns named `id,time,lat,lon,length_m,source` (any order, case-insensitive;
/// length_m and source may be absent or empty). time is ISO 8601 UTC with 'Z'. The first problem fails
/// the load with a message naming `source_name`, the line and the problem. Rows keep the file's order.
Result<std::vector<Detection>, std::string> parse_detections_csv(std::string_view text,
                                                                 std::string_view source_name);
Result<std::vector<Detection>, std::string> load_detections_csv(const std::string& path);

} // namespace sagar::reference
