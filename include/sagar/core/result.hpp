#pragma once
// sagar::Result<T, E>: the subset of C++23 std::expected that sagar uses, with the same member names,
// so switching to std::expected later is mechanical. Expected failures (bad input off the air) travel
// as values; exceptions are kept for start-up errors and broken invariants.

#include <type_traits>
#include <utility>
#include <variant>

namespace sagar {

template <class E>
struct Unexpected {
    E error;
};

template <class E>
constexpr Unexpected<E> unexpected(E error) noexcept {
    return Unexpected<E>{error};
}

template <class T, class E>
class Result {
public:
    // NOLINTBEGIN(google-explicit-constructor): implicit like std::expected, so `return value;` works.
    constexpr Result(T value)
        : m_state{std::in_place_index<0>, std::move(value)} {}
    constexpr Result(Unexpected<E> failure)
        : m_state{std::in_place_index<1>, failure.error} {}
    // NOLINTEND(google-explicit-constructor)

    [[nodiscard]] constexpr bool has_value() const noexcept { return m_state.index() == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    constexpr T& value() & { return std::get<0>(m_state); }
    constexpr const T& value() const& { return std::get<0>(m_state); }
    constexpr T&& value() && { return std::get<0>(std::move(m_state)); }
    constexpr T& operator*() & { return value(); }
    constexpr const T& operator*() const& { return value(); }
    constexpr T* operator->() { return &value(); }
    constexpr const T* operator->() const { return &value(); }
    [[nodiscard]] constexpr E error() const { return std::get<1>(m_state); }

private:
    std::variant<T, E> m_state;
};

} // namespace sagar
