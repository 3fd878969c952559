#pragma once
// Safety text, acknowledgements, interrogation and data-link management: types 7, 10, 12-17, 20, 22, 23.
//
// Several of these messages have a variable number of repeated groups (acknowledgements, requests,
// reservations). Each struct keeps a count of the groups the message carried; the array slots past
// that count stay zero, which is also what gpsd reports for them.

#include <sagar/core/fixed_string.hpp>
#include <sagar/decoding/messages/application_data.hpp>
#include <sagar/decoding/messages/common.hpp>

#include <array>
#include <cstddef>
#include <cstdint>

namespace sagar::decoding {

/// One acknowledged message: the station that sent it and that message's sequence number.
struct Acknowledgement {
    std::uint32_t mmsi = 0;
    std::uint8_t seqno = 0; ///< 0..3
};

struct BinaryAcknowledge { // types 7 and 13
    static constexpr std::size_t max_acknowledgements = 4;

    Header header;
    std::uint8_t count = 0; ///< 1..4 acknowledgements carried
    std::array<Acknowledgement, max_acknowledgements> acknowledgements{};
};

struct UtcInquiry { // type 10
    Header header;
    std::uint32_t dest_mmsi = 0;
};

struct AddressedSafety { // type 12
    /// Characters that fit in a 5-slot (1008-bit) message after the 72 fixed bits.
    static constexpr std::size_t max_text = (1008 - 72) / 6;

    Header header;
    std::uint8_t seqno = 0; ///< 0..3
    std::uint32_t dest_mmsi = 0;
    bool retransmit = false;
    FixedString<max_text> text;
};

struct BroadcastSafety { // type 14
    /// Characters that fit in a 5-slot (1008-bit) message after the 40 fixed bits.
    static constexpr std::size_t max_text = (1008 - 40) / 6;

    Header header;
    FixedString<max_text> text;
};

/// A request to one station for one message type, answered `slot_offset` slots later.
struct InterrogationRequest {
    std::uint8_t message_type = 0; ///< 6 bits
    std::uint16_t slot_offset = 0; ///< 12 bits
};

struct Interrogation { // type 15
    Header header;
    /// Requests carried: 1 (first request to station 1), 2 (+ second request to station 1) or
    /// 3 (+ one request to station 2).
    std::uint8_t request_count = 0;
    std::uint32_t mmsi1 = 0;
    InterrogationRequest request1_1;
    InterrogationRequest request1_2;
    std::uint32_t mmsi2 = 0;
    InterrogationRequest request2_1;
};

/// An assigned reporting schedule for one station: starting slot offset and slot increment.
struct ModeAssignment {
    std::uint32_t mmsi = 0;
    std::uint16_t offset = 0;    ///< 12 bits
    std::uint16_t increment = 0; ///< 10 bits
};

struct AssignedModeCommand { // type 16
    static constexpr std::size_t max_assignments = 2;

    Header header;
    std::uint8_t count = 0; ///< 1 or 2 assignments carried
    std::array<ModeAssignment, max_assignments> assignments{};
};

struct DgnssCorrection { // type 17
    Header header;
    TenthMinutePosition reference; ///< the reference station's position
    /// The correction words (ITU-R M.823 message) as transmitted, after the 80 fixed bits.
    RawApplicationData data;
};

/// One block of reserved slots (data link management).
struct SlotReservation {
    std::uint16_t offset = 0;    ///< 12 bits: first reserved slot
    std::uint8_t number = 0;     ///< 4 bits: consecutive slots reserved
    std::uint8_t timeout = 0;    ///< 3 bits: minutes
    std::uint16_t increment = 0; ///< 11 bits: slots between repeated blocks
};

struct DataLinkManagement { // type 20
    static constexpr std::size_t max_reservations = 4;

    Header header;
    std::uint8_t count = 0; ///< 1..4 reservations carried
    std::array<SlotReservation, max_reservations> reservations{};
};

struct ChannelManagement { // type 22
    Header header;
    std::uint16_t channel_a = 0; ///< 12 bits, ITU-R M.1084 channel number
    std::uint16_t channel_b = 0;
    std::uint8_t txrx = 0; ///< 4 bits
    bool power = false;    ///< true: low power
    /// Addressed: the command names two stations (dest_mmsi); otherwise it applies inside the
    /// rectangle ne..sw. Only the members of the variant that was sent are set.
    bool addressed = false;
    TenthMinutePosition ne;
    TenthMinutePosition sw;
    std::array<std::uint32_t, 2> dest_mmsi{};
    bool band_a = false;
    bool band_b = false;
    std::uint8_t zonesize = 0; ///< 3 bits
};

struct GroupAssignment { // type 23
    Header header;
    TenthMinutePosition ne;
    TenthMinutePosition sw;
    std::uint8_t station_type = 0; ///< 4 bits
    std::uint8_t ship_type = 0;    ///< 8 bits
    std::uint8_t txrx = 0;         ///< 2 bits
    std::uint8_t interval = 0;     ///< 4 bits: reporting interval code
    std::uint8_t quiet = 0;        ///< 4 bits: minutes
};

} // namespace sagar::decoding
