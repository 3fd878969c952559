// Cross-checks the MID table typed from the ITU list against libais's docs/mid.csv (another transcription
// of the same list) in ../shared/corpora; skipped when the corpora are absent.

#include "support/corpus.hpp"

#include <sagar/reference/mmsi.hpp>

#include <gtest/gtest.h>

#include <set>

namespace sagar::reference {
namespace {

TEST(MidCorpus, SameAllocatedMidsAsLibais) {
    SAGAR_REQUIRE_CORPUS(path, "schwehr-libais/docs/mid.csv");
    std::set<unsigned> theirs;
    for (const auto& line : testing::read_lines(path)) {
        const auto comma = line.find(',');
        if (comma == std::string::npos || line.starts_with("prefix")) {
            continue;
        }
        theirs.insert(static_cast<unsigned>(std::stoul(line.substr(0, comma))));
    }
    ASSERT_GT(theirs.size(), 250U);
    std::vector<unsigned> only_theirs;
    for (const unsigned mid : theirs) {
        if (!is_allocated_mid(mid)) {
            only_theirs.push_back(mid);
        }
    }
    std::vector<unsigned> only_ours;
    for (unsigned mid = 200; mid < 800; ++mid) {
        if (is_allocated_mid(mid) && theirs.count(mid) == 0) {
            only_ours.push_back(mid);
        }
    }
    std::string report;
    for (const unsigned mid : only_theirs) {
        report += " libais-only:" + std::to_string(mid);
    }
    for (const unsigned mid : only_ours) {
        report += " ours-only:" + std::to_string(mid);
    }
    // Every MID libais knows is ours too. Ours has three that libais's older copy lacks, all allocated by
    // the ITU since: 374 (Panama), 471 (United Arab Emirates), 550 (Timor-Leste).
    EXPECT_TRUE(only_theirs.empty()) << report;
    EXPECT_EQ(only_ours, (std::vector<unsigned>{374, 471, 550})) << report;
}

} // namespace
} // namespace sagar::reference
