#pragma once
// Small text helpers shared by the feed converters.

#include <string_view>

namespace sagar::feeds {

/// `text` without trailing '@' (six-bit padding) and spaces, in any mix.
constexpr std::string_view trim_ais_text(std::string_view text) noexcept {
    while (!text.empty() && (text.back() == '@' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    return text;
}

/// `text` without leading and trailing spaces and tabs.
constexpr std::string_view trim_spaces(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace sagar::feeds
