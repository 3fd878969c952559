#include <sagar/detectors/config.hpp>

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

namespace sagar::detectors {
namespace {

using Field = std::pair<std::string_view, double DetectConfig::*>;

constexpr std::array fields = {
    Field{"gap_min_h", &DetectConfig::gap_min_h},
    Field{"gap_min_shore_nm", &DetectConfig::gap_min_shore_nm},
    Field{"encounter_max_m", &DetectConfig::encounter_max_m},
    Field{"encounter_max_knots", &DetectConfig::encounter_max_knots},
    Field{"encounter_min_h", &DetectConfig::encounter_min_h},
    Field{"encounter_min_port_km", &DetectConfig::encounter_min_port_km},
    Field{"encounter_merge_h", &DetectConfig::encounter_merge_h},
    Field{"encounter_max_silence_h", &DetectConfig::encounter_max_silence_h},
    Field{"loitering_max_knots", &DetectConfig::loitering_max_knots},
    Field{"loitering_min_h", &DetectConfig::loitering_min_h},
    Field{"loitering_min_shore_nm", &DetectConfig::loitering_min_shore_nm},
    Field{"loitering_max_silence_h", &DetectConfig::loitering_max_silence_h},
    Field{"port_exit_margin_km", &DetectConfig::port_exit_margin_km},
    Field{"port_call_min_h", &DetectConfig::port_call_min_h},
    Field{"impossible_speed_knots", &DetectConfig::impossible_speed_knots},
    Field{"impossible_speed_min_m", &DetectConfig::impossible_speed_min_m},
    Field{"land_margin_m", &DetectConfig::land_margin_m},
    Field{"conflict_window_min", &DetectConfig::conflict_window_min},
    Field{"conflict_min_reports", &DetectConfig::conflict_min_reports},
    Field{"detection_match_km", &DetectConfig::detection_match_km},
    Field{"detection_max_extrapolation_min", &DetectConfig::detection_max_extrapolation_min},
};

using TrackField = std::pair<std::string_view, double tracks::TrackerConfig::*>;

constexpr std::array track_fields = {
    TrackField{"reorder_window_s", &tracks::TrackerConfig::reorder_window_s},
    TrackField{"segment_max_knots", &tracks::TrackerConfig::segment_max_knots},
    TrackField{"segment_slack_m", &tracks::TrackerConfig::segment_slack_m},
    TrackField{"segment_idle_h", &tracks::TrackerConfig::segment_idle_h},
};

Unexpected<std::string> problem(std::string_view where, std::string_view text) {
    std::string message{where};
    message.append(": ").append(text);
    return unexpected(std::move(message));
}

} // namespace

Result<DetectConfig, std::string> parse_config(std::string_view json, std::string_view source_name) {
    const std::string where{source_name};
    const auto document = nlohmann::json::parse(json, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        return problem(where, "not a JSON object");
    }
    DetectConfig config;
    for (const auto& [key, value] : document.items()) {
        if (!value.is_number()) {
            return problem(where, "\"" + key + "\" must be a number");
        }
        const double number = value.get<double>();
        if (number < 0) {
            return problem(where, "\"" + key + "\" must not be negative");
        }
        bool known = false;
        for (const auto& [name, member] : fields) {
            if (name == key) {
                config.*member = number;
                known = true;
            }
        }
        for (const auto& [name, member] : track_fields) {
            if (name == key) {
                config.tracks.*member = number;
                known = true;
            }
        }
        if (!known) {
            return problem(where, "unknown key \"" + key + "\" (docs/detection.md lists the keys)");
        }
    }
    return config;
}

Result<DetectConfig, std::string> load_config(const std::string& path) {
    std::ifstream file{path, std::ios::binary};
    if (!file) {
        return problem(path, "cannot open");
    }
    std::ostringstream text;
    text << file.rdbuf();
    return parse_config(text.str(), path);
}

std::string format_config(const DetectConfig& config) {
    nlohmann::ordered_json document = nlohmann::ordered_json::object();
    for (const auto& [name, member] : track_fields) {
        document[std::string{name}] = config.tracks.*member;
    }
    for (const auto& [name, member] : fields) {
        document[std::string{name}] = config.*member;
    }
    return document.dump(2) + "\n";
}

} // namespace sagar::detectors
