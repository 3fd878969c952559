#include "decoders.hpp"

namespace sagar::decoding {

namespace detail {
Header decode_header(const Bits& bits) noexcept {
    return Header{static_cast<std::uint8_t>(bits.u(0, 6)), static_cast<std::uint8_t>(bits.u(6, 2)),
                  bits.u32(8, 30)};
}
} // namespace detail

Result<Message, Reject> decode_message(const Bits& bits) {
    using namespace detail;
    if (bits.size() < 38) {
        return unexpected(Reject::payload_too_short);
    }
    switch (bits.u(0, 6)) {
    case 1:
    case 2:
    case 3:
        return decode_position_report_a(bits);
    case 4:
    case 11:
        return decode_base_station_report(bits);
    case 5:
        return decode_static_voyage_data(bits);
    case 6:
        return decode_addressed_binary(bits);
    case 7:
    case 13:
        return decode_binary_acknowledge(bits);
    case 8:
        return decode_broadcast_binary(bits);
    case 9:
        return decode_sar_aircraft_report(bits);
    case 10:
        return decode_utc_inquiry(bits);
    case 12:
        return decode_addressed_safety(bits);
    case 14:
        return decode_broadcast_safety(bits);
    case 15:
        return decode_interrogation(bits);
    case 16:
        return decode_assigned_mode_command(bits);
    case 17:
        return decode_dgnss_correction(bits);
    case 18:
        return decode_position_report_b(bits);
    case 19:
        return decode_extended_position_b(bits);
    case 20:
        return decode_data_link_management(bits);
    case 21:
        return decode_aid_to_navigation(bits);
    case 22:
        return decode_channel_management(bits);
    case 23:
        return decode_group_assignment(bits);
    case 24:
        return decode_static_data_b(bits);
    case 25:
        return decode_single_slot_binary(bits);
    case 26:
        return decode_multi_slot_binary(bits);
    case 27:
        return decode_long_range_position(bits);
    default:
        return unexpected(Reject::message_type);
    }
}

const Header& header_of(const Message& message) {
    return std::visit([](const auto& m) -> const Header& { return m.header; }, message);
}

} // namespace sagar::decoding
