#pragma once
// `sagar simulate`: a seeded generator of Indian Ocean AIS traffic with injected events and their ground
// truth, for testing `sagar detect` against docs/detection.md.
//
// Traffic: transits on shipping lanes between Hormuz, Bab-el-Mandeb, the Cape, Dondra Head, Malacca and
// Fremantle; fishing fleets circling at 3-6 kn; feeders calling at ten ports. Injected: AIS gaps,
// encounters, loitering, impossible speed (jumps and teleports), positions on land, invalid MMSIs, identity
// conflicts, dark and matched SAR/RF detections, and hard negatives that must not be reported. Port calls
// and zone crossings are truth wherever they happen, computed from the generated reports with the rules.
//
// Output is generated in time order from a priority queue of per-vessel report times and written as it
// goes; memory is per-vessel state plus the truth events. The same configuration gives byte-identical
// files on any platform: all randomness comes from std::mt19937_64 and splitmix64 through our own
// distribution formulas.

#include <sagar/core/result.hpp>
#include <sagar/core/utc_time.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sagar::simulate {

struct SimulationConfig {
    std::uint64_t seed = 1;
    std::uint32_t vessels = 300;
    double hours = 48;
    UtcTime start = UtcTime::from_unix_seconds(1'767'225'600); // 2026-01-01T00:00:00Z
    double interval_s = 300;          ///< mean time between position reports of one vessel (±20% jitter)
    double static_interval_s = 1800;  ///< static and voyage data
    double duplicate_fraction = 0.05; ///< messages also heard by a second station
};

/// Why the configuration cannot run, or nullopt when it can.
[[nodiscard]] std::optional<std::string> validate(const SimulationConfig& config);

struct FileSummary {
    std::string name;
    std::uint64_t records = 0; ///< lines (features for zones.geojson)
    std::uint64_t bytes = 0;
};

/// What was injected, by the scenario's own bookkeeping.
struct Injections {
    std::uint32_t ais_gaps = 0;
    std::uint32_t encounters = 0;
    std::uint32_t loiterings = 0; ///< solo loiterers (encounters of 4.5 h or more add loitering truth too)
    std::uint32_t jumps = 0;
    std::uint32_t teleports = 0;
    std::uint32_t land_episodes = 0;
    std::uint32_t invalid_mmsis = 0;
    std::uint32_t identity_conflicts = 0;
    std::uint32_t dark_detections = 0;
    std::uint32_t matched_detections = 0;
    std::uint32_t detections_dropped = 0; ///< planned detections whose surroundings were not clear enough
};

/// Situations that must not be reported as events.
struct HardNegatives {
    std::uint32_t fast_crossings = 0;  ///< opposing ships passing within 500 m at 10 kn or more
    std::uint32_t moored_pairs = 0;    ///< ships moored side by side in a port for hours
    std::uint32_t short_silences = 0;  ///< 2-8 h offshore
    std::uint32_t short_slowdowns = 0; ///< below 2 kn for 1-3 h offshore
    std::uint32_t shore_gaps = 0;      ///< silences of 12 h or more starting within 50 nm of shore
};

struct SimulationSummary {
    std::vector<FileSummary> files;
    std::uint64_t vessels = 0; ///< physical vessels, including identity-conflict clones
    std::uint64_t position_reports = 0;
    std::uint64_t static_messages = 0;
    std::uint64_t duplicates = 0;
    std::uint64_t sentences = 0;
    std::map<std::string, std::uint64_t> truth_by_type;
    Injections injected;
    HardNegatives hard_negatives;
};

/// Writes feed.nmea, zones.geojson, ports.csv, detections.csv and truth.jsonl into `out_dir` (created when
/// missing). Fails with a message for an invalid configuration or an I/O error.
Result<SimulationSummary, std::string> run_simulation(const SimulationConfig& config,
                                                      const std::filesystem::path& out_dir);

} // namespace sagar::simulate
