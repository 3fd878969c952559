#pragma once
// Shared by the gpsd JSON tests: the record sagar writes for what a BitWriter built.

#include "support/bit_writer.hpp"

#include <sagar/decoding/message.hpp>
#include <sagar/framing/meta.hpp>
#include <sagar/output/gpsd_json.hpp>
#include <sagar/output/json_writer.hpp>

#include <gtest/gtest.h>

#include <string>

namespace sagar::testing {

/// The whole record, without metadata; "" and a test failure when the message does not decode.
inline std::string gpsd_record(const BitWriter& w, output::Scaling scaling) {
    const auto message = decoding::decode_message(w.bits());
    EXPECT_TRUE(message.has_value());
    if (!message.has_value()) {
        return {};
    }
    output::JsonWriter out;
    output::GpsdJsonOptions options;
    options.scaling = scaling;
    output::write_gpsd_json(out, framing::Meta{}, *message, options);
    return std::string{out.view()};
}

/// The members after "scaled" (the part the per-type writers own), closing brace included.
inline std::string gpsd_fields(const BitWriter& w, output::Scaling scaling) {
    const std::string text = gpsd_record(w, scaling);
    const std::string marker = scaling == output::Scaling::scaled ? "\"scaled\":true," : "\"scaled\":false,";
    const auto at = text.find(marker);
    EXPECT_NE(at, std::string::npos) << text;
    return at == std::string::npos ? text : text.substr(at + marker.size());
}

} // namespace sagar::testing
