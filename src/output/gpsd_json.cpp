#include "gpsd_fields.hpp"

#include <array>

namespace sagar::output {

GpsdJsonFormatter::GpsdJsonFormatter(const GpsdJsonOptions& options)
    : m_options{options} {
    set_device(options.device);
}

void GpsdJsonFormatter::set_device(std::string_view device) {
    if (!m_leading_members.empty() && device == m_options.device) {
        return;
    }
    m_options.device = device;
    JsonWriter members;
    members.field_raw("class", R"("AIS")");
    members.field("device", device);
    m_leading_members = members.view();
}

void GpsdJsonFormatter::write(JsonWriter& out, const framing::Meta& meta,
                              const decoding::Message& message) const {
    const decoding::Header& header = decoding::header_of(message);
    out.begin_object_with(m_leading_members);
    out.field("type", unsigned{header.type});
    out.field("repeat", unsigned{header.repeat});
    out.field("mmsi", std::uint64_t{header.mmsi});
    out.field("scaled", m_options.scaling == Scaling::scaled);
    std::visit([&](const auto& m) { detail::write_fields(out, m, m_options.scaling); }, message);
    if (m_options.metadata) {
        if (!meta.station.empty()) {
            out.field("station", meta.station.view());
        }
        if (meta.time) {
            std::array<char, iso8601_max_size> text{};
            const std::size_t n = format_iso8601(*meta.time, text);
            out.field_plain("time", std::string_view{text.data(), n});
        }
        if (meta.own_ship) {
            out.field("own_ship", true);
        }
    }
    out.end_object();
}

void write_gpsd_json(JsonWriter& out, const framing::Meta& meta, const decoding::Message& message,
                     const GpsdJsonOptions& options) {
    GpsdJsonFormatter{options}.write(out, meta, message);
}

} // namespace sagar::output
