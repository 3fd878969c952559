#pragma once
// Per-type decoders, private to the decoding module. Each one checks the length it needs and returns
// Reject::payload_too_short rather than decode fields that were not transmitted.

#include <sagar/decoding/message.hpp>

namespace sagar::decoding::detail {

using DecodeResult = Result<Message, Reject>;

Header decode_header(const Bits& bits) noexcept;

// position.cpp
DecodeResult decode_position_report_a(const Bits& bits);   // 1, 2, 3
DecodeResult decode_base_station_report(const Bits& bits); // 4, 11
DecodeResult decode_sar_aircraft_report(const Bits& bits); // 9
DecodeResult decode_position_report_b(const Bits& bits);   // 18
DecodeResult decode_extended_position_b(const Bits& bits); // 19
DecodeResult decode_long_range_position(const Bits& bits); // 27

// static_data.cpp
DecodeResult decode_static_voyage_data(const Bits& bits); // 5
DecodeResult decode_static_data_b(const Bits& bits);      // 24
DecodeResult decode_aid_to_navigation(const Bits& bits);  // 21

// link_management.cpp
DecodeResult decode_binary_acknowledge(const Bits& bits);    // 7, 13
DecodeResult decode_utc_inquiry(const Bits& bits);           // 10
DecodeResult decode_addressed_safety(const Bits& bits);      // 12
DecodeResult decode_broadcast_safety(const Bits& bits);      // 14
DecodeResult decode_interrogation(const Bits& bits);         // 15
DecodeResult decode_assigned_mode_command(const Bits& bits); // 16
DecodeResult decode_dgnss_correction(const Bits& bits);      // 17
DecodeResult decode_data_link_management(const Bits& bits);  // 20
DecodeResult decode_channel_management(const Bits& bits);    // 22
DecodeResult decode_group_assignment(const Bits& bits);      // 23

// binary.cpp
DecodeResult decode_addressed_binary(const Bits& bits);   // 6
DecodeResult decode_broadcast_binary(const Bits& bits);   // 8
DecodeResult decode_single_slot_binary(const Bits& bits); // 25
DecodeResult decode_multi_slot_binary(const Bits& bits);  // 26

/// Bits [start, bits.size()) as raw application data.
RawApplicationData raw_application_data(const Bits& bits, std::size_t start);

// addressed_applications.cpp: the DAC/FI payload of a type 6, starting at bit `start`.
AddressedApplication decode_addressed_application(unsigned dac, unsigned fi, const Bits& bits,
                                                  std::size_t start);

// broadcast_applications.cpp: the DAC/FI payload of a type 8, starting at bit `start`.
BroadcastApplication decode_broadcast_application(unsigned dac, unsigned fi, const Bits& bits,
                                                  std::size_t start);

} // namespace sagar::decoding::detail
