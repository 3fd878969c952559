#pragma once
// FixedString<N>: text of at most N bytes stored inline, so decoded messages never allocate.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sagar {

template <std::size_t N>
class FixedString {
public:
    static_assert(N < 65536);
    constexpr FixedString() noexcept = default;
    constexpr explicit FixedString(std::string_view text) noexcept { assign(text); }

    /// Copies at most N bytes of `text`; the rest is cut (the callers' inputs are bounded by the wire
    /// format).
    constexpr void assign(std::string_view text) noexcept {
        m_size = static_cast<std::uint16_t>(std::min(text.size(), N));
        std::copy_n(text.data(), m_size, m_data.begin());
    }
    constexpr void clear() noexcept { m_size = 0; }
    constexpr bool push_back(char c) noexcept {
        if (m_size == N) {
            return false;
        }
        m_data[m_size++] = c;
        return true;
    }
    constexpr void resize_down(std::size_t size) noexcept {
        m_size = static_cast<std::uint16_t>(std::min<std::size_t>(size, m_size));
    }

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {m_data.data(), m_size}; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] constexpr bool empty() const noexcept { return m_size == 0; }
    static constexpr std::size_t capacity() noexcept { return N; }
    constexpr friend bool operator==(const FixedString& a, const FixedString& b) noexcept {
        return a.view() == b.view();
    }

private:
    std::array<char, N> m_data{};
    std::uint16_t m_size = 0;
};

} // namespace sagar
