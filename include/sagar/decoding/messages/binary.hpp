#pragma once
// Binary messages: types 6 (addressed), 8 (broadcast), 25 (single slot) and 26 (multiple slot),
// with the application-specific messages (DAC/FI pairs) that are decoded; the others keep raw bits.

#include <sagar/decoding/messages/addressed_applications.hpp>
#include <sagar/decoding/messages/application_data.hpp>
#include <sagar/decoding/messages/broadcast_applications.hpp>
#include <sagar/decoding/messages/common.hpp>

#include <cstdint>
#include <optional>

namespace sagar::decoding {

struct AddressedBinary { // type 6
    Header header;
    std::uint8_t seqno = 0; ///< 0..3
    std::uint32_t dest_mmsi = 0;
    bool retransmit = false;
    std::uint16_t dac = 0; ///< designated area code, 10 bits
    std::uint8_t fi = 0;   ///< function identifier, 6 bits
    AddressedApplication application;
};

struct BroadcastBinary { // type 8
    Header header;
    std::uint16_t dac = 0; ///< designated area code, 10 bits
    std::uint8_t fi = 0;   ///< function identifier, 6 bits
    BroadcastApplication application;
};

/// The application identifier of a structured type 25/26 message.
struct ApplicationId {
    std::uint16_t dac = 0; ///< 10 bits
    std::uint8_t fi = 0;   ///< 6 bits

    /// The 16 transmitted bits (gpsd's "app_id").
    [[nodiscard]] constexpr std::uint16_t value() const noexcept {
        return static_cast<std::uint16_t>((dac << 6U) | fi);
    }
    constexpr friend bool operator==(const ApplicationId&, const ApplicationId&) noexcept = default;
};

/// Type 25. The data are kept as raw bits: ITU-R M.1371 defines no application layouts for it.
struct SingleSlotBinary {
    Header header;
    std::optional<std::uint32_t> dest_mmsi; ///< present when the message is addressed
    std::optional<ApplicationId> app_id;    ///< present when the message is structured
    RawApplicationData data;

    [[nodiscard]] constexpr bool addressed() const noexcept { return dest_mmsi.has_value(); }
    [[nodiscard]] constexpr bool structured() const noexcept { return app_id.has_value(); }
};

/// Type 26: as type 25, followed by a communication state.
struct MultiSlotBinary {
    Header header;
    std::optional<std::uint32_t> dest_mmsi; ///< present when the message is addressed
    std::optional<ApplicationId> app_id;    ///< present when the message is structured
    RawApplicationData data;
    std::uint32_t radio = 0; ///< communication state: 1 selector bit + 19 bits of SOTDMA/ITDMA state

    [[nodiscard]] constexpr bool addressed() const noexcept { return dest_mmsi.has_value(); }
    [[nodiscard]] constexpr bool structured() const noexcept { return app_id.has_value(); }
};

} // namespace sagar::decoding
