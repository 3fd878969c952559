// `sagar decode` run as a program: the two-thread pipeline must write exactly what one thread writes,
// across batch boundaries and input switches, and keep the exit status.

#include "support/process.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace {

using sagar::testing::CommandResult;
using sagar::testing::run_shell;

std::string quoted(const std::filesystem::path& path) {
    return sagar::testing::shell_quote(path.string());
}

class DecodeCommand : public ::testing::Test {
protected:
    void SetUp() override {
        m_cli = std::filesystem::path{SAGAR_TEST_BIN_DIR} / "sagar";
        m_sample = std::filesystem::path{SAGAR_TEST_SOURCE_DIR} / "data" / "sample.nmea";
        ASSERT_TRUE(std::filesystem::exists(m_cli)) << m_cli;
        ASSERT_TRUE(std::filesystem::exists(m_sample)) << m_sample;
    }
    /// `sagar decode ARGS` with standard error discarded.
    std::optional<CommandResult> decode(const std::string& args) const {
        return run_shell(quoted(m_cli) + " decode " + args + " 2>/dev/null");
    }

    std::filesystem::path m_cli;
    std::filesystem::path m_sample;
};

TEST_F(DecodeCommand, TwoThreadsWriteWhatOneThreadWrites) {
    const std::string file = quoted(m_sample);
    for (const std::string options : {"", "--unscaled", "--unscaled --no-metadata"}) {
        SCOPED_TRACE(options);
        const auto one = decode("--threads 1 " + options + " " + file);
        const auto two = decode("--threads 2 " + options + " " + file);
        ASSERT_TRUE(one && two);
        EXPECT_EQ(one->status, 0);
        EXPECT_EQ(two->status, 0);
        EXPECT_FALSE(one->out.empty());
        EXPECT_EQ(one->out, two->out);
    }
}

TEST_F(DecodeCommand, TwoThreadsKeepOrderAcrossBatchesAndInputs) {
    // Several inputs (each switch starts a batch, "device" changes) and a large standard input (many
    // full batches).
    const std::string file = quoted(m_sample);
    std::string files;
    for (int i = 0; i < 12; ++i) {
        files += (i % 3 == 0 ? " - " : " ") + file;
    }
    std::string cat = "cat";
    for (int i = 0; i < 40; ++i) {
        cat += " " + file;
    }
    const auto one = run_shell(cat + " | " + quoted(m_cli) + " decode --threads 1" + files);
    const auto two = run_shell(cat + " | " + quoted(m_cli) + " decode --threads 2" + files);
    ASSERT_TRUE(one && two);
    EXPECT_EQ(one->status, 0);
    EXPECT_EQ(two->status, 0);
    EXPECT_GT(two->out.size(), std::size_t{4} << 20);
    EXPECT_EQ(one->out, two->out);
}

TEST_F(DecodeCommand, WriteFailureGivesStatusOneWithEitherThreadCount) {
    for (const char* threads : {"1", "2"}) {
        SCOPED_TRACE(threads);
        const auto result = run_shell(quoted(m_cli) + " decode --threads " + threads + " " +
                                      quoted(m_sample) + " >&- 2>/dev/null; echo $?");
        ASSERT_TRUE(result);
        EXPECT_EQ(result->out, "1\n");
    }
}

TEST_F(DecodeCommand, RejectsOtherThreadCounts) {
    const auto result = decode("--threads 3 '" + m_sample.string() + "'");
    ASSERT_TRUE(result);
    EXPECT_NE(result->status, 0);
    EXPECT_TRUE(result->out.empty());
}

} // namespace
