#pragma once
// The parameters of docs/detection.md with their defaults; `sagar detect --config FILE` overrides any of
// them from a JSON object whose keys are the field names below.

#include <sagar/core/result.hpp>
#include <sagar/tracks/tracker.hpp>

#include <string>
#include <string_view>

namespace sagar::detectors {

struct DetectConfig {
    tracks::TrackerConfig tracks;

    double gap_min_h = 12;
    double gap_min_shore_nm = 50;

    double encounter_max_m = 500;
    double encounter_max_knots = 2;
    double encounter_min_h = 2;
    double encounter_min_port_km = 10;
    double encounter_merge_h = 4;
    double encounter_max_silence_h = 1; ///< contacts further apart do not add up to "together"

    double loitering_max_knots = 2;
    double loitering_min_h = 4;
    double loitering_min_shore_nm = 20;
    double loitering_max_silence_h = 2; ///< a silence this long ends a slow run

    double port_exit_margin_km = 1;
    double port_call_min_h = 1;

    double impossible_speed_knots = 50;
    double impossible_speed_min_m = 2000;

    double land_margin_m = 2000;

    double conflict_window_min = 30;
    double conflict_min_reports = 3;

    double detection_match_km = 5;
    double detection_max_extrapolation_min = 30;
};

/// Parses a JSON object of overrides; unknown keys and non-numbers are errors naming the key, so that a
/// typo never silently leaves a default in place.
Result<DetectConfig, std::string> parse_config(std::string_view json, std::string_view source_name);
Result<DetectConfig, std::string> load_config(const std::string& path);
/// Every key with its value, as a JSON object that parse_config reads back to `config`
/// (`sagar detect --print-config`; data/detect.example.json holds the defaults).
std::string format_config(const DetectConfig& config);

} // namespace sagar::detectors
