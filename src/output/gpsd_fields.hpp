#pragma once
// Per-message-type gpsd JSON fields, private to the output module. Each overload writes the fields
// that follow "scaled" in gpsd's record, in gpsd's order.

#include <sagar/decoding/message.hpp>
#include <sagar/output/gpsd_json.hpp>

#include <string_view>

namespace sagar::output::detail {

// gpsd_position.cpp
void write_fields(JsonWriter& out, const decoding::PositionReportA& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::BaseStationReport& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::SarAircraftReport& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::PositionReportB& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::ExtendedPositionReportB& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::LongRangePosition& m, Scaling scaling);

// gpsd_static_data.cpp
void write_fields(JsonWriter& out, const decoding::StaticVoyageData& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::StaticDataB& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::AidToNavigationReport& m, Scaling scaling);

// gpsd_link_management.cpp
void write_fields(JsonWriter& out, const decoding::BinaryAcknowledge& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::UtcInquiry& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::AddressedSafety& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::BroadcastSafety& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::Interrogation& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::AssignedModeCommand& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::DgnssCorrection& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::DataLinkManagement& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::ChannelManagement& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::GroupAssignment& m, Scaling scaling);

// gpsd_binary.cpp
void write_fields(JsonWriter& out, const decoding::AddressedBinary& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::BroadcastBinary& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::SingleSlotBinary& m, Scaling scaling);
void write_fields(JsonWriter& out, const decoding::MultiSlotBinary& m, Scaling scaling);
/// gpsd's "data":"<bit count>:<hex>" for undecoded application data.
void write_raw_data(JsonWriter& out, const decoding::RawApplicationData& data);

// gpsd_addressed_applications.cpp
void write_application(JsonWriter& out, const decoding::AddressedApplication& app, Scaling scaling);
// gpsd_broadcast_applications.cpp
void write_application(JsonWriter& out, const decoding::BroadcastApplication& app, Scaling scaling);

// gpsd_tables.cpp: gpsd's "*_text" vocabularies.
std::string_view navigation_status_text(unsigned status) noexcept;
std::string_view ship_type_text(unsigned ship_type) noexcept;
std::string_view epfd_text(unsigned epfd) noexcept;
std::string_view aid_type_text(unsigned aid_type) noexcept;

} // namespace sagar::output::detail
