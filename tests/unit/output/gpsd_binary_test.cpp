// Expected JSON is what gpsdecode prints (-u -j unscaled, -j scaled) for the same messages, encoded as
// NMEA with BitWriter::sentences().

#include "support/bit_writer.hpp"
#include "support/gpsd_json_support.hpp"

#include <sagar/decoding/message.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using sagar::output::Scaling;
using sagar::testing::BitWriter;
using sagar::testing::gpsd_record;

/// The same fields after "scaled" in both modes (no scaled values in these messages).
void expect_both(const BitWriter& w, const std::string& head, const std::string& fields) {
    EXPECT_EQ(gpsd_record(w, Scaling::unscaled), head + R"("scaled":false,)" + fields);
    EXPECT_EQ(gpsd_record(w, Scaling::scaled), head + R"("scaled":true,)" + fields);
}

TEST(GpsdBinary, AddressedBinaryRawDataPadsTheLastByte) {
    BitWriter w;
    w.header(6, 1, 150834090).u(3, 2).u(313240222, 30).flag(false).u(0, 1).u(366, 10).u(1, 6);
    w.u(0xDEADBEEF, 32).u(0x15, 5);
    expect_both(
        w, R"({"class":"AIS","device":"stdin","type":6,"repeat":1,"mmsi":150834090,)",
        R"("seqno":3,"dest_mmsi":313240222,"retransmit":false,"dac":366,"fid":1,"data":"37:deadbeefa8"})");
}

TEST(GpsdBinary, BroadcastBinaryRawData) {
    BitWriter w;
    w.header(8, 0, 3669713).u(0, 2).u(555, 10).u(7, 6).u(0xABCDE, 20);
    expect_both(w, R"({"class":"AIS","device":"stdin","type":8,"repeat":0,"mmsi":3669713,)",
                R"("dac":555,"fid":7,"data":"20:abcde0"})");
}

TEST(GpsdBinary, SingleSlotBinaryWritesZeroForAbsentFields) {
    BitWriter plain;
    plain.header(25, 0, 440002170).flag(false).flag(false).u(0x0123456789AB, 48).u(5, 3);
    expect_both(
        plain, R"({"class":"AIS","device":"stdin","type":25,"repeat":0,"mmsi":440002170,)",
        R"("addressed":false,"structured":false,"dest_mmsi":0,"app_id":0,"data":"51:0123456789aba0"})");

    BitWriter addressed;
    addressed.header(25, 0, 440006460).flag(true).flag(false).u(134218384, 30).u(0xCAFE, 16).u(1, 2);
    expect_both(
        addressed, R"({"class":"AIS","device":"stdin","type":25,"repeat":0,"mmsi":440006460,)",
        R"("addressed":true,"structured":false,"dest_mmsi":134218384,"app_id":0,"data":"18:cafe40"})");

    BitWriter structured;
    structured.header(25, 2, 563648328).flag(false).flag(true).u(1, 10).u(31, 6).u(0xBEEF, 16);
    expect_both(structured, R"({"class":"AIS","device":"stdin","type":25,"repeat":2,"mmsi":563648328,)",
                R"("addressed":false,"structured":true,"dest_mmsi":0,"app_id":95,"data":"16:beef"})");

    BitWriter both;
    both.header(25, 0, 563648329).flag(true).flag(true).u(244000111, 30).u(200, 10).u(10, 6).u(7, 3);
    expect_both(both, R"({"class":"AIS","device":"stdin","type":25,"repeat":0,"mmsi":563648329,)",
                R"("addressed":true,"structured":true,"dest_mmsi":244000111,"app_id":12810,"data":"3:e0"})");
}

TEST(GpsdBinary, MultiSlotBinaryShowsGpsdPaddingAndRadio) {
    // gpsd writes "radio":0 whatever the communication state, and shows its first bits after the data.
    BitWriter both;
    both.header(26, 1, 137920605).flag(true).flag(true).u(838351848, 30).u(368, 10).u(35, 6);
    both.u(0x123456789, 36).u(0xFFFFF, 20);
    expect_both(both, R"({"class":"AIS","device":"stdin","type":26,"repeat":1,"mmsi":137920605,)",
                R"("addressed":true,"structured":true,"dest_mmsi":838351848,"app_id":23587,)"
                R"("data":"36:123456789f","radio":0})");

    BitWriter plain;
    plain.header(26, 0, 16777280).flag(false).flag(false).u(0xC700EF, 24).u(5, 4).u(0xABCDE, 20);
    expect_both(
        plain, R"({"class":"AIS","device":"stdin","type":26,"repeat":0,"mmsi":16777280,)",
        R"("addressed":false,"structured":false,"dest_mmsi":0,"app_id":0,"data":"28:c700ef5a","radio":0})");

    BitWriter short_addressed;
    short_addressed.header(26, 0, 84148325)
        .flag(true)
        .flag(false)
        .u(834699643, 30)
        .u(0x3FF, 10)
        .u(0xFFFFF, 20);
    expect_both(
        short_addressed, R"({"class":"AIS","device":"stdin","type":26,"repeat":0,"mmsi":84148325,)",
        R"("addressed":true,"structured":false,"dest_mmsi":834699643,"app_id":0,"data":"10:ffc0","radio":0})");
}

} // namespace
