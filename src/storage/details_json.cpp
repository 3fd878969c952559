#include "details_json.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

namespace sagar::storage {
namespace {

void append_key(std::string& out, std::string_view key) {
    out += '"';
    for (const char c : key) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            // Keys are literals of the detectors; escape anyway so the text is always valid JSON.
            constexpr std::string_view hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[(static_cast<unsigned char>(c) >> 4U) & 0xFU];
            out += hex[static_cast<unsigned char>(c) & 0xFU];
        } else {
            out += c;
        }
    }
    out += "\":";
}

} // namespace

void write_details_json(const std::vector<detectors::Detail>& details, std::string& out) {
    out.clear();
    out += '{';
    std::array<char, 64> number{};
    for (const detectors::Detail& detail : details) {
        if (out.size() > 1) {
            out += ',';
        }
        append_key(out, detail.key);
        if (!std::isfinite(detail.value)) {
            out += "null";
            continue;
        }
        std::to_chars_result written{};
        switch (detail.kind) {
        case detectors::Detail::Kind::measure:
            written = std::to_chars(number.data(), number.data() + number.size(), detail.value,
                                    std::chars_format::fixed, 3);
            break;
        case detectors::Detail::Kind::count:
            written = std::to_chars(number.data(), number.data() + number.size(),
                                    static_cast<std::int64_t>(std::llround(detail.value)));
            break;
        case detectors::Detail::Kind::flag:
            out += detail.value != 0 ? "true" : "false";
            continue;
        }
        if (written.ec != std::errc{}) {
            out += "null"; // a measure beyond 60 digits: not a physical value
        } else {
            out.append(number.data(), written.ptr);
        }
    }
    out += '}';
}

} // namespace sagar::storage
