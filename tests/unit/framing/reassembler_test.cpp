#include <sagar/framing/reassembler.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using sagar::Reject;
using sagar::framing::AisSentence;
using sagar::framing::Meta;
using sagar::framing::Reassembler;

struct Feeder {
    Reassembler reassembler;
    std::uint64_t index = 0;
    std::string last;
    unsigned last_fill = 0;
    Meta last_meta;

    explicit Feeder(sagar::framing::ReassemblyLimits limits = {})
        : reassembler{limits} {}

    /// Adds fragment `number` of `count`; returns true when it completed a message.
    bool add(unsigned count, unsigned number, int seq, char channel, std::string_view payload,
             std::string_view station = "", std::optional<std::int64_t> time_ms = {}, unsigned fill = 0,
             std::optional<std::uint32_t> group = {}) {
        AisSentence s;
        s.fragment_count = static_cast<std::uint8_t>(count);
        s.fragment_number = static_cast<std::uint8_t>(number);
        s.sequence_id = static_cast<std::int8_t>(seq);
        s.channel = channel;
        s.payload = payload;
        s.fill_bits = static_cast<std::uint8_t>(fill);
        Meta meta;
        meta.station.assign(station);
        if (time_ms) {
            meta.time = sagar::UtcTime::from_unix_ms(*time_ms);
        }
        std::optional<sagar::framing::TagBlock::Group> g;
        if (group) {
            g = sagar::framing::TagBlock::Group{static_cast<std::uint8_t>(number),
                                                static_cast<std::uint8_t>(count), *group};
        }
        const auto done = reassembler.add({s, g, station, meta, ++index});
        if (done) {
            last = std::string{done->payload};
            last_fill = done->fill_bits;
            last_meta = done->meta;
        }
        return done.has_value();
    }
};

TEST(Reassembler, StaleLaterFragmentsDoNotCompleteANewMessage) {
    sagar::framing::ReassemblyLimits limits;
    limits.max_reorder_sentences = 5;
    Feeder f{limits};
    EXPECT_FALSE(f.add(2, 2, 3, 'A', "old"));
    for (int i = 0; i < 6; ++i) {
        EXPECT_FALSE(f.add(2, 1, 7, 'B', "other" + std::to_string(i)));
        EXPECT_TRUE(f.add(2, 2, 7, 'B', "x"));
    }
    // The orphan second fragment is older than the reorder window: the new first fragment waits for its own.
    EXPECT_FALSE(f.add(2, 1, 3, 'A', "new"));
    EXPECT_EQ(f.reassembler.rejects()[Reject::fragment_orphan], 1U);
    EXPECT_TRUE(f.add(2, 2, 3, 'A', "end"));
    EXPECT_EQ(f.last, "newend");
}

TEST(Reassembler, JoinsFragmentsInOrderAndOutOfOrder) {
    Feeder f;
    EXPECT_FALSE(f.add(3, 1, 4, 'A', "aaa", "", 1000));
    EXPECT_FALSE(f.add(3, 2, 4, 'A', "bbb"));
    EXPECT_TRUE(f.add(3, 3, 4, 'A', "cc", "", {}, 2));
    EXPECT_EQ(f.last, "aaabbbcc");
    EXPECT_EQ(f.last_fill, 2U);
    EXPECT_EQ(f.last_meta.fragments, 3);
    EXPECT_EQ(f.last_meta.time->unix_ms(), 1000);

    EXPECT_FALSE(f.add(2, 2, 5, 'B', "yy", "", {}, 4));
    EXPECT_TRUE(f.add(2, 1, 5, 'B', "xx"));
    EXPECT_EQ(f.last, "xxyy");
    EXPECT_EQ(f.last_fill, 4U);
    EXPECT_EQ(f.reassembler.out_of_order(), 1U);
    EXPECT_EQ(f.reassembler.open_messages(), 0U);
    EXPECT_EQ(f.reassembler.rejects().total(), 0U);
}

TEST(Reassembler, KeepsStationsChannelsAndSequenceIdsApart) {
    Feeder f;
    // Four messages with the same sequence id interleave: two stations x two channels.
    EXPECT_FALSE(f.add(2, 1, 1, 'A', "s1a-", "s1"));
    EXPECT_FALSE(f.add(2, 1, 1, 'B', "s1b-", "s1"));
    EXPECT_FALSE(f.add(2, 1, 1, 'A', "s2a-", "s2"));
    EXPECT_FALSE(f.add(2, 1, 1, 'B', "s2b-", "s2"));
    EXPECT_TRUE(f.add(2, 2, 1, 'B', "end", "s2"));
    EXPECT_EQ(f.last, "s2b-end");
    EXPECT_TRUE(f.add(2, 2, 1, 'A', "end", "s1"));
    EXPECT_EQ(f.last, "s1a-end");
    EXPECT_EQ(f.last_meta.station.view(), "s1");
    EXPECT_EQ(f.reassembler.open_messages(), 2U);
}

TEST(Reassembler, TagBlockGroupJoinsFragmentsWithoutStation) {
    Feeder f;
    EXPECT_FALSE(f.add(2, 1, 2, 'B', "first-", "b003669710", 5000, 0, 27300));
    EXPECT_TRUE(f.add(2, 2, 2, 'B', "second", "", {}, 2, 27300));
    EXPECT_EQ(f.last, "first-second");
    EXPECT_EQ(f.last_meta.station.view(), "b003669710");
}

TEST(Reassembler, CountsDuplicatesReusedIdsAndOrphans) {
    Feeder f;
    EXPECT_FALSE(f.add(2, 1, 3, 'A', "one"));
    EXPECT_FALSE(f.add(2, 1, 3, 'A', "one"));
    EXPECT_EQ(f.reassembler.rejects()[Reject::fragment_duplicate], 1U);
    EXPECT_FALSE(f.add(2, 1, 3, 'A', "other")); // sender reused the id: the first message is lost
    EXPECT_EQ(f.reassembler.rejects()[Reject::fragment_incomplete], 1U);
    EXPECT_TRUE(f.add(2, 2, 3, 'A', "-end"));
    EXPECT_EQ(f.last, "other-end");
    EXPECT_FALSE(f.add(2, 2, 4, 'A', "lonely"));
    f.reassembler.flush();
    EXPECT_EQ(f.reassembler.rejects()[Reject::fragment_orphan], 1U);
    EXPECT_EQ(f.reassembler.open_messages(), 0U);
}

TEST(Reassembler, ExpiresBySentencesAndByEventTime) {
    Feeder f{{.capacity = 16, .max_age_ms = 10'000, .max_age_sentences = 5}};
    EXPECT_FALSE(f.add(2, 1, 1, 'A', "old"));
    for (int i = 0; i < 6; ++i) {
        f.index += 1; // sentences of other messages go by
    }
    EXPECT_FALSE(f.add(2, 2, 1, 'A', "late")); // the first half has expired: this is an orphan now
    EXPECT_EQ(f.reassembler.rejects()[Reject::fragment_incomplete], 1U);

    Feeder t{{.capacity = 16, .max_age_ms = 10'000, .max_age_sentences = 1000}};
    EXPECT_FALSE(t.add(2, 1, 1, 'A', "a", "st", 0));
    EXPECT_FALSE(t.add(2, 1, 2, 'A', "b", "st", 20'000));
    EXPECT_EQ(t.reassembler.rejects()[Reject::fragment_incomplete], 1U);
    EXPECT_EQ(t.reassembler.open_messages(), 1U);
}

TEST(Reassembler, FloodFromThousandsOfStationsStaysBounded) {
    Feeder f{{.capacity = 256, .max_age_ms = 60'000, .max_age_sentences = 1'000'000}};
    for (int i = 0; i < 20000; ++i) {
        f.add(3, 1, i % 10, 'A', "fragment", "station" + std::to_string(i));
        ASSERT_LE(f.reassembler.open_messages(), 256U);
    }
    EXPECT_EQ(f.reassembler.rejects()[Reject::fragment_evicted], 20000U - 256U);
    // A complete message still gets through while the table is full.
    EXPECT_FALSE(f.add(2, 1, 1, 'B', "ok-", "fresh"));
    EXPECT_TRUE(f.add(2, 2, 1, 'B', "done", "fresh"));
    EXPECT_EQ(f.last, "ok-done");
}

TEST(Reassembler, RejectsMessagesLongerThanAnySlot) {
    Feeder f;
    const std::string big(600, '0');
    EXPECT_FALSE(f.add(2, 1, 1, 'A', big));
    EXPECT_FALSE(f.add(2, 2, 1, 'A', big));
    EXPECT_EQ(f.reassembler.rejects()[Reject::message_too_long], 1U);
    EXPECT_EQ(f.reassembler.open_messages(), 0U);
}

} // namespace
