#include <sagar/framing/line_reader.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using sagar::framing::LineReader;
using sagar::framing::MemorySource;

/// Reads all lines; too-long lines appear as "<too long>".
std::vector<std::string> read_all(std::string_view data, std::size_t max_line = 4096) {
    MemorySource source{data};
    LineReader reader{source, max_line};
    std::vector<std::string> lines;
    while (const auto line = reader.next()) {
        lines.emplace_back(line->too_long ? std::string{"<too long>"} : std::string{line->text});
    }
    return lines;
}

TEST(LineReader, AcceptsLfCrAndCrlfAndAFinalLineWithoutEnd) {
    EXPECT_EQ(read_all("a\nb\r\nc\rd"), (std::vector<std::string>{"a", "b", "c", "d"}));
    EXPECT_EQ(read_all("a\n\nb\n"), (std::vector<std::string>{"a", "", "b"}));
    EXPECT_EQ(read_all("a\r\n\r\nb"), (std::vector<std::string>{"a", "", "b"}));
    EXPECT_TRUE(read_all("").empty());
}

TEST(LineReader, SkipsOverLongLinesAndKeepsTheNext) {
    const std::string huge(3 * 1024 * 1024, 'x');
    const auto lines = read_all("first\n" + huge + "\nlast\n", 100);
    EXPECT_EQ(lines, (std::vector<std::string>{"first", "<too long>", "last"}));
    const auto tail = read_all("first\n" + huge, 100);
    EXPECT_EQ(tail, (std::vector<std::string>{"first", "<too long>"}));
}

TEST(LineReader, LinesSpanningBufferRefills) {
    std::string data;
    std::vector<std::string> expected;
    for (int i = 0; i < 40000; ++i) {
        expected.push_back("line " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 97), 'y'));
        data += expected.back();
        data += (i % 3 == 0) ? "\r\n" : (i % 3 == 1 ? "\n" : "\r");
    }
    EXPECT_EQ(read_all(data), expected);
}

TEST(LineReader, CrOnlyLineEndsAcrossRefills) {
    std::string data;
    std::vector<std::string> expected;
    for (int i = 0; i < 30000; ++i) {
        expected.push_back("cr " + std::to_string(i));
        data += expected.back() + "\r";
    }
    expected.emplace_back("lf");
    data += "lf\nlast";
    expected.emplace_back("last");
    EXPECT_EQ(read_all(data), expected);
}

TEST(LineReader, OpenInputReportsMissingFiles) {
    std::string error;
    EXPECT_EQ(sagar::framing::open_input("/nonexistent/file.nmea", error), nullptr);
    EXPECT_NE(error.find("/nonexistent/file.nmea"), std::string::npos);
}

} // namespace
