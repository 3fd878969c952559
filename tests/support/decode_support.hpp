#pragma once
// Shared by the decoder tests: decode what a BitWriter built, expecting a message type or a reject reason.

#include "support/bit_writer.hpp"

#include <sagar/core/reject.hpp>
#include <sagar/decoding/message.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <variant>

namespace sagar::testing {

/// The decoded message as `T`; a test failure (and a default `T`) when it is rejected or of another type.
template <class T>
T decode_as(const BitWriter& w) {
    const auto result = decoding::decode_message(w.bits());
    if (!result.has_value() || !std::holds_alternative<T>(*result)) {
        ADD_FAILURE() << "not decoded as the expected type";
        return T{};
    }
    return std::get<T>(*result);
}

/// Why the message is rejected; a test failure when it decodes.
inline Reject reject_of(const BitWriter& w) {
    const auto result = decoding::decode_message(w.bits());
    EXPECT_FALSE(result.has_value()) << "decoded, expected a reject";
    return result.has_value() ? Reject::message_type : result.error();
}

/// Appends `count` zero bits (BitWriter::u takes at most 64 at a time).
inline BitWriter& zeros(BitWriter& w, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        w.u(0, 1);
    }
    return w;
}

} // namespace sagar::testing
