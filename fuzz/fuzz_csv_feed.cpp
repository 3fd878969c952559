// Fuzz target: arbitrary bytes as a MarineCadastre or DMA CSV file. The first byte picks a header to put
// in front (so most inputs reach the row parser), a short line limit and a small error-message cap; the
// reader must never crash, every report must hold a valid position and MMSI, and the statistics must
// account for every row.

#include <sagar/feeds/csv_feed.hpp>
#include <sagar/framing/line_reader.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void invariant_failed(const char* what) {
    std::fprintf(stderr, "invariant failed: %s\n", what);
    std::abort();
}

constexpr std::string_view mc_header = "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,"
                                       "VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass\n";
constexpr std::string_view dma_header =
    "# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,Callsign,"
    "Name,Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,ETA,"
    "Data source type,A,B,C,D\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const unsigned config = data[0];
    const std::string_view body{reinterpret_cast<const char*>(data + 1), size - 1};
    std::string input;
    switch (config % 3) {
    case 0:
        input.assign(mc_header);
        break;
    case 1:
        input.assign(dma_header);
        break;
    default:
        break; // the input brings its own header (or none)
    }
    input.append(body);

    sagar::feeds::CsvOptions options;
    options.max_line = (config & 4U) != 0 ? 64 : sagar::framing::default_max_line;
    options.max_error_messages = (config & 8U) != 0 ? 1 : 20;
    sagar::framing::MemorySource source{input};
    sagar::feeds::CsvFeedReader reader{source, "fuzz.csv", options};
    sagar::feeds::CsvRecord record;
    std::uint64_t records = 0;
    while (reader.next(record)) {
        ++records;
        if (!record.position && !record.identity) {
            invariant_failed("a record with neither position nor identity");
        }
        if (record.position) {
            const auto& p = *record.position;
            if (!(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180)) {
                invariant_failed("position out of range");
            }
            if (p.mmsi == 0 || p.mmsi > 999999999) {
                invariant_failed("MMSI out of range");
            }
            if (p.has_speed() && !(p.speed_knots >= 0)) {
                invariant_failed("negative speed");
            }
        }
    }
    const auto& stats = reader.stats();
    std::uint64_t sum = 0;
    for (const auto n : stats.rejects) {
        sum += n;
    }
    if (sum != stats.rejected) {
        invariant_failed("rejects do not add up");
    }
    if (records + stats.rejected != stats.rows) {
        invariant_failed("rows are not records + rejected");
    }
    if (reader.error_messages().size() + reader.error_messages_dropped() != stats.rejected) {
        invariant_failed("error messages do not account for every rejection");
    }
    return 0;
}
