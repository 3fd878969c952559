#pragma once
// FunctionRef<R(Args...)>: a non-owning reference to a callable, so hot loops can take callbacks without
// std::function's possible allocation. The callable must outlive the FunctionRef.

#include <memory>
#include <type_traits>
#include <utility>

namespace sagar {

template <class Signature>
class FunctionRef;

template <class R, class... Args>
class FunctionRef<R(Args...)> {
public:
    // Implicit on purpose, like a reference: callers pass lambdas where a FunctionRef is expected.
    // NOLINTBEGIN(google-explicit-constructor,bugprone-forwarding-reference-overload)
    template <class F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, FunctionRef> && std::is_invocable_r_v<R, F&, Args...>)
        FunctionRef(F&& f)
    noexcept
        : m_object{const_cast<void*>(static_cast<const void*>(std::addressof(f)))}
        , m_call{[](void* object, Args... args) -> R {
            return (*static_cast<std::remove_reference_t<F>*>(object))(std::forward<Args>(args)...);
        }} {}
    // NOLINTEND(google-explicit-constructor,bugprone-forwarding-reference-overload)

    R operator()(Args... args) const { return m_call(m_object, std::forward<Args>(args)...); }

private:
    void* m_object;
    R (*m_call)(void*, Args...);
};

} // namespace sagar
