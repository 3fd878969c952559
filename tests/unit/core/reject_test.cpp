#include <sagar/core/reject.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

TEST(Reject, EveryReasonHasAUniqueName) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < sagar::reject_count; ++i) {
        const auto name = sagar::to_string(static_cast<sagar::Reject>(i));
        EXPECT_FALSE(name.empty());
        EXPECT_NE(name, "unknown");
        EXPECT_TRUE(names.insert(std::string{name}).second) << name;
    }
}

TEST(RejectCounts, CountsAndAdds) {
    sagar::RejectCounts a;
    a.add(sagar::Reject::checksum_mismatch);
    a.add(sagar::Reject::checksum_mismatch);
    sagar::RejectCounts b;
    b.add(sagar::Reject::not_nmea);
    a += b;
    EXPECT_EQ(a[sagar::Reject::checksum_mismatch], 2U);
    EXPECT_EQ(a[sagar::Reject::not_nmea], 1U);
    EXPECT_EQ(a.total(), 3U);
}

} // namespace
