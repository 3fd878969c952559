#include "commands.hpp"

#include <sagar/simulate/simulation.hpp>

#include <cstdio>
#include <memory>
#include <string>

namespace sagar::cli {
namespace {

struct SimulateOptions {
    simulate::SimulationConfig config;
    std::string start = "2026-01-01T00:00:00Z";
    std::string out;
};

int run_simulate(const SimulateOptions& options) {
    simulate::SimulationConfig config = options.config;
    const auto start = parse_iso8601(options.start);
    if (!start) {
        std::fprintf(stderr, "sagar simulate: --start: not an ISO 8601 UTC time (YYYY-MM-DDThh:mm:ssZ): %s\n",
                     options.start.c_str());
        return 2;
    }
    config.start = *start;
    if (const auto problem = simulate::validate(config)) {
        std::fprintf(stderr, "sagar simulate: %s\n", problem->c_str());
        return 2;
    }
    const auto result = simulate::run_simulation(config, options.out);
    if (!result) {
        std::fprintf(stderr, "sagar simulate: %s\n", result.error().c_str());
        return 1;
    }
    const simulate::SimulationSummary& s = *result;
    for (const simulate::FileSummary& f : s.files) {
        std::string what;
        if (f.name == "feed.nmea") {
            what = std::to_string(s.position_reports) + " position reports, " +
                   std::to_string(s.static_messages) + " static messages, " + std::to_string(s.duplicates) +
                   " duplicates, " + std::to_string(s.sentences) + " sentences from " +
                   std::to_string(s.vessels) + " vessels";
        } else if (f.name == "truth.jsonl") {
            for (const auto& [type, n] : s.truth_by_type) {
                what += (what.empty() ? "" : ", ") + type + " " + std::to_string(n);
            }
        } else if (f.name == "detections.csv") {
            what = std::to_string(s.injected.dark_detections) + " dark, " +
                   std::to_string(s.injected.matched_detections) + " matched";
        } else {
            what = std::to_string(f.records) + (f.name == "zones.geojson" ? " zones" : " lines");
        }
        std::fprintf(stderr, "%s: %llu bytes: %s\n", f.name.c_str(), static_cast<unsigned long long>(f.bytes),
                     what.c_str());
    }
    return 0;
}

} // namespace

std::function<int()> add_simulate_command(CLI::App& app) {
    auto options = std::make_shared<SimulateOptions>();
    CLI::App* cmd =
        app.add_subcommand("simulate", "Generate Indian Ocean AIS traffic with injected events and "
                                       "their ground truth (docs/detection.md)");
    cmd->add_option("--seed", options->config.seed, "Random seed (same seed, same bytes)")
        ->capture_default_str();
    cmd->add_option("--vessels", options->config.vessels, "Number of vessels")->capture_default_str();
    cmd->add_option("--hours", options->config.hours, "Simulated duration in hours")->capture_default_str();
    cmd->add_option("--start", options->start, "Start time, ISO 8601 UTC")->capture_default_str();
    cmd->add_option("--interval-s", options->config.interval_s, "Mean seconds between position reports")
        ->capture_default_str();
    cmd->add_option("--out", options->out, "Output directory")->required();
    return [options] { return run_simulate(*options); };
}

} // namespace sagar::cli
