// `sagar detect`: reports from NMEA or CSV feeds through the detection engine, events as JSON Lines.

#include "commands.hpp"
#include "inputs.hpp"

#include <sagar/decoding/stream_decoder.hpp>
#include <sagar/detectors/engine.hpp>
#include <sagar/feeds/csv_feed.hpp>
#include <sagar/feeds/from_ais.hpp>
#include <sagar/framing/line_reader.hpp>
#include <sagar/geo/land_map.hpp>
#include <sagar/output/event_json.hpp>
#include <sagar/reference/detections.hpp>
#include <sagar/reference/ports.hpp>
#include <sagar/reference/zones.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sagar::cli {
namespace {

struct DetectOptions {
    std::vector<std::string> inputs;
    std::string zones;
    std::string ports;
    std::string detections;
    std::string config;
    std::string land;
    bool no_land = false;
    bool stats = false;
    bool print_config = false;
};

/// CSV feeds are recognised by name (".csv", ".csv.gz"); everything else is read as NMEA.
bool is_csv(const std::string& path) {
    const auto ends_with = [&](std::string_view suffix) {
        return path.size() >= suffix.size() &&
               path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return ends_with(".csv") || ends_with(".csv.gz");
}

UtcTime now_utc() {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    return UtcTime::from_unix_ms(std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count());
}

/// Events as JSON Lines on standard output, written in large blocks.
class EventOutput {
public:
    void add(const detectors::Event& event) {
        output::write_event_json(m_json, event);
        m_json.end_line();
        if (m_json.size() >= block_size) {
            flush();
        }
    }
    bool flush() {
        const std::string_view text = m_json.view();
        m_ok = m_ok && std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
        m_json.clear();
        return m_ok;
    }

private:
    static constexpr std::size_t block_size = std::size_t{64} << 10;
    output::JsonWriter m_json;
    bool m_ok = true;
};

bool read_nmea(framing::ByteSource& source, decoding::StreamDecoder& decoder, detectors::Engine& engine) {
    framing::LineReader reader{source, framing::default_max_line};
    while (const auto line = reader.next()) {
        if (line->too_long) {
            decoder.skipped_long_line();
            continue;
        }
        // Without a time from the feed, a report happened when its line was read.
        const UtcTime read_at = now_utc();
        decoder.feed_line(line->text, [&](const framing::Meta& meta, const decoding::Message& message) {
            const feeds::AisReports reports = feeds::from_ais(message, meta, read_at);
            if (reports.identity) {
                engine.add(*reports.identity);
            }
            if (reports.position) {
                engine.add(*reports.position);
            }
        });
    }
    return !reader.failed();
}

/// CSV exports (MarineCadastre, DMA) come grouped by vessel rather than in time order, which the tracker's
/// reorder window cannot absorb: their reports are sorted by time in batches of this many before the engine
/// sees them (about 1 GiB). A file with more rows is sorted batch by batch, and rows older than the
/// reorder window behind a previous batch are counted as late.
constexpr std::size_t csv_sort_batch = std::size_t{20} << 20;

class SortedCsvBatch {
public:
    explicit SortedCsvBatch(detectors::Engine& engine)
        : m_engine{engine} {}
    void add(const feeds::CsvRecord& record) {
        if (record.identity) {
            m_identities.push_back(*record.identity);
        }
        if (record.position) {
            m_positions.push_back(*record.position);
        }
        if (m_positions.size() + m_identities.size() >= csv_sort_batch) {
            flush();
        }
    }
    /// Passes the batch to the engine in time order (identities before positions of the same time).
    void flush() {
        const auto earlier = [](const auto& a, const auto& b) { return a.time < b.time; };
        std::stable_sort(m_positions.begin(), m_positions.end(), earlier);
        std::stable_sort(m_identities.begin(), m_identities.end(), earlier);
        std::size_t i = 0;
        for (const PositionReport& position : m_positions) {
            for (; i < m_identities.size() && !(position.time < m_identities[i].time); ++i) {
                m_engine.add(m_identities[i]);
            }
            m_engine.add(position);
        }
        for (; i < m_identities.size(); ++i) {
            m_engine.add(m_identities[i]);
        }
        m_positions.clear();
        m_identities.clear();
    }

private:
    detectors::Engine& m_engine;
    std::vector<PositionReport> m_positions;
    std::vector<IdentityReport> m_identities;
};

bool read_csv(framing::ByteSource& source, const std::string& path, detectors::Engine& engine, bool stats) {
    feeds::CsvFeedReader reader{source, path};
    feeds::CsvRecord record;
    SortedCsvBatch batch{engine};
    while (reader.next(record)) {
        batch.add(record);
    }
    batch.flush();
    for (const std::string& message : reader.error_messages()) {
        std::fprintf(stderr, "sagar detect: %s\n", message.c_str());
    }
    if (reader.error_messages_dropped() != 0) {
        std::fprintf(stderr, "sagar detect: %s: %llu more rejected rows\n", path.c_str(),
                     static_cast<unsigned long long>(reader.error_messages_dropped()));
    }
    if (stats) {
        const feeds::CsvStats& s = reader.stats();
        std::fprintf(stderr, "%s: rows %llu positions %llu identities %llu rejected %llu\n", path.c_str(),
                     static_cast<unsigned long long>(s.rows), static_cast<unsigned long long>(s.positions),
                     static_cast<unsigned long long>(s.identities),
                     static_cast<unsigned long long>(s.rejected));
    }
    if (!reader.fatal_error().empty()) {
        std::fprintf(stderr, "sagar detect: %s\n", reader.fatal_error().c_str());
        return false;
    }
    return true;
}

void print_stats(const detectors::Engine& engine, const decoding::StreamStats& nmea) {
    const tracks::TrackerStats& t = engine.track_stats();
    std::fprintf(stderr, "nmea_messages %llu\nnmea_rejected %llu\n",
                 static_cast<unsigned long long>(nmea.messages),
                 static_cast<unsigned long long>(nmea.rejects.total()));
    std::fprintf(stderr, "reports %llu\nduplicates %llu\nlate %llu\nsegments %llu\n",
                 static_cast<unsigned long long>(t.reports), static_cast<unsigned long long>(t.duplicates),
                 static_cast<unsigned long long>(t.late), static_cast<unsigned long long>(t.segments));
    const detectors::EngineStats e = engine.stats();
    std::fprintf(stderr, "encounter_pairs_dropped %llu\n", static_cast<unsigned long long>(e.pairs_dropped));
    for (std::size_t i = 0; i < detectors::event_type_count; ++i) {
        const std::string_view name = to_string(static_cast<detectors::EventType>(i));
        std::fprintf(stderr, "events %.*s %llu\n", static_cast<int>(name.size()), name.data(),
                     static_cast<unsigned long long>(e.events[i]));
    }
}

int run_detect(const DetectOptions& options) {
    detectors::DetectConfig config;
    if (!options.config.empty()) {
        auto loaded = detectors::load_config(options.config);
        if (!loaded) {
            std::fprintf(stderr, "sagar detect: %s\n", loaded.error().c_str());
            return 2;
        }
        config = *loaded;
    }
    if (options.print_config) {
        const std::string text = detectors::format_config(config);
        return std::fputs(text.c_str(), stdout) >= 0 && std::fflush(stdout) == 0 ? 0 : 1;
    }
    std::optional<geo::LandMap> land;
    if (!options.no_land) {
        const std::string path = options.land.empty() ? geo::LandMap::default_path().string() : options.land;
        auto loaded = geo::LandMap::load(path);
        if (!loaded) {
            std::fprintf(stderr, "sagar detect: land data: %s (or pass --no-land)\n", loaded.error().c_str());
            return 1;
        }
        land.emplace(std::move(*loaded));
    }
    std::optional<reference::ZoneIndex> zones;
    if (!options.zones.empty()) {
        auto loaded = reference::ZoneIndex::load_geojson(options.zones);
        if (!loaded) {
            std::fprintf(stderr, "sagar detect: %s\n", loaded.error().c_str());
            return 1;
        }
        zones.emplace(std::move(*loaded));
    }
    std::optional<reference::PortIndex> ports;
    if (!options.ports.empty()) {
        auto loaded = reference::PortIndex::load_csv(options.ports);
        if (!loaded) {
            std::fprintf(stderr, "sagar detect: %s\n", loaded.error().c_str());
            return 1;
        }
        ports.emplace(std::move(*loaded));
    }
    std::vector<reference::Detection> detections;
    if (!options.detections.empty()) {
        auto loaded = reference::load_detections_csv(options.detections);
        if (!loaded) {
            std::fprintf(stderr, "sagar detect: %s\n", loaded.error().c_str());
            return 1;
        }
        detections = std::move(*loaded);
    }

    auto inputs = open_inputs(options.inputs, "detect");
    if (!inputs) {
        return 1;
    }

    detectors::Surroundings surroundings;
    surroundings.land = land ? &*land : nullptr;
    surroundings.zones = zones ? &*zones : nullptr;
    surroundings.ports = ports ? &*ports : nullptr;
    surroundings.detections = detections;
    EventOutput out;
    auto sink = [&out](const detectors::Event& event) { out.add(event); };
    detectors::Engine engine{config, surroundings, sink};
    decoding::StreamDecoder decoder{decoding::StreamOptions{}};
    for (std::size_t i = 0; i < inputs->names.size(); ++i) {
        const std::string& name = inputs->names[i];
        framing::ByteSource& source = *inputs->sources[i];
        const bool ok =
            is_csv(name) ? read_csv(source, name, engine, options.stats) : read_nmea(source, decoder, engine);
        if (!ok) {
            std::fprintf(stderr, "sagar detect: error reading %s: %s\n", name.c_str(),
                         source.error().c_str());
            return 1;
        }
    }
    decoder.finish();
    engine.finish();
    const bool written = out.flush() && std::fflush(stdout) == 0;
    if (options.stats) {
        print_stats(engine, decoder.stats());
    }
    if (!written) {
        std::fprintf(stderr, "sagar detect: cannot write output\n");
        return 1;
    }
    return 0;
}

} // namespace

std::function<int()> add_detect_command(CLI::App& app) {
    auto options = std::make_shared<DetectOptions>();
    CLI::App* cmd = app.add_subcommand(
        "detect", "Detect events (gaps, encounters, loitering, port calls, zones, spoofing, dark detections) "
                  "and print them as JSON Lines");
    cmd->add_option("inputs", options->inputs,
                    "NMEA files, or CSV (NOAA MarineCadastre, Danish Maritime Authority) named *.csv[.gz]; "
                    "standard input (NMEA) when none or '-'");
    cmd->add_option("--zones", options->zones, "GeoJSON FeatureCollection of zones (properties.id, .name)");
    cmd->add_option("--ports", options->ports, "Ports CSV: name,lat,lon,radius_km");
    cmd->add_option("--detections", options->detections,
                    "SAR/RF detections CSV: id,time,lat,lon,length_m,source");
    cmd->add_option("--config", options->config, "JSON object overriding the defaults of docs/detection.md");
    cmd->add_flag("--print-config", options->print_config,
                  "Print every parameter with its value (defaults, or as --config sets them) and exit");
    cmd->add_option("--land", options->land,
                    "Land grid (default: share/sagar/land.grid next to the program)");
    cmd->add_flag("--no-land", options->no_land,
                  "Run without land data: no shore distances, nothing on land");
    cmd->add_flag("--stats", options->stats, "Print counts to standard error at the end");
    return [options] { return run_detect(*options); };
}

} // namespace sagar::cli
