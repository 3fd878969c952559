// `sagar detect` run as a program on CSV exports, which list rows vessel by vessel rather than in time order.

#include "support/process.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

using sagar::testing::run_shell;
using sagar::testing::shell_quote;

TEST(DetectCommand, CsvGroupedByVesselIsSortedByTime) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("sagar_detect_command_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path csv = dir / "grouped.csv";
    {
        std::ofstream out{csv};
        out << "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,"
               "Width,Draft,Cargo,TransceiverClass\n";
        // Vessel A: hourly for 3 h, silent 13 h, then hourly again; vessel B: every 10 min over the same day.
        // In file order B's rows are up to 18 h older than A's last one.
        for (const int hour : {0, 1, 2, 15, 16, 17}) {
            char row[200];
            std::snprintf(row, sizeof row,
                          "419000001,2026-01-01T%02d:00:00,-10.0,%.3f,10.0,90.0,90,A,,,70,0,,,,,A\n", hour,
                          70.0 + 0.17 * hour);
            out << row;
        }
        for (int minute = 0; minute < 18 * 60; minute += 10) {
            char row[200];
            std::snprintf(row, sizeof row,
                          "419000002,2026-01-01T%02d:%02d:00,-20.0,%.4f,10.0,90.0,90,B,,,70,0,,,,,A\n",
                          minute / 60, minute % 60, 60.0 + 0.0028 * minute);
            out << row;
        }
    }
    const auto result =
        run_shell(shell_quote((std::filesystem::path{SAGAR_TEST_BIN_DIR} / "sagar").string()) +
                  " detect --no-land --stats " + shell_quote(csv.string()) + " 2>&1");
    std::filesystem::remove_all(dir);
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->status, 0) << result->out;
    EXPECT_NE(result->out.find("\nlate 0\n"), std::string::npos) << result->out;
    EXPECT_NE(result->out.find("reports 114\n"), std::string::npos) << result->out;
    EXPECT_NE(result->out.find(R"({"type":"ais_gap","mmsi":419000001,"start":"2026-01-01T02:00:00Z",)"
                               R"("end":"2026-01-01T15:00:00Z")"),
              std::string::npos)
        << result->out;
}

} // namespace
