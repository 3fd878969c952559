#pragma once
// One decoded AIS message: a variant of the typed messages, and the decoder from message bits.

#include <sagar/core/reject.hpp>
#include <sagar/core/result.hpp>
#include <sagar/decoding/bits.hpp>
#include <sagar/decoding/messages/binary.hpp>
#include <sagar/decoding/messages/link_management.hpp>
#include <sagar/decoding/messages/position.hpp>
#include <sagar/decoding/messages/static_data.hpp>

#include <variant>

namespace sagar::decoding {

using Message =
    std::variant<PositionReportA, BaseStationReport, StaticVoyageData, AddressedBinary, BinaryAcknowledge,
                 BroadcastBinary, SarAircraftReport, UtcInquiry, AddressedSafety, BroadcastSafety,
                 Interrogation, AssignedModeCommand, DgnssCorrection, PositionReportB,
                 ExtendedPositionReportB, DataLinkManagement, AidToNavigationReport, ChannelManagement,
                 GroupAssignment, StaticDataB, SingleSlotBinary, MultiSlotBinary, LongRangePosition>;

/// Decodes the message carried by `bits` (its type is the first 6 bits).
Result<Message, Reject> decode_message(const Bits& bits);

/// The header common to every message.
const Header& header_of(const Message& message);

} // namespace sagar::decoding
