#pragma once
// Randomness with platform-independent results: std::mt19937_64 is specified bit for bit by the standard,
// the std::*_distribution classes are not, so every distribution here is our own formula.

#include <cstdint>
#include <random>

namespace sagar::simulate {

constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31U);
}

/// A uniform double in [0, 1) from the top 53 bits.
constexpr double unit_double(std::uint64_t bits) noexcept {
    return static_cast<double>(bits >> 11U) * 0x1.0p-53;
}

/// Stateless uniform [0, 1) for (a, b, c): per-report jitter that must not depend on generation order.
constexpr double hash_uniform(std::uint64_t a, std::uint64_t b, std::uint64_t c) noexcept {
    return unit_double(splitmix64(splitmix64(splitmix64(a) ^ b) ^ c));
}

class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_engine{seed} {}

    std::uint64_t bits() { return m_engine(); }
    double uniform() { return unit_double(m_engine()); }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    /// An integer in [0, n); n > 0. The modulo bias is below 2^-40 for the n used here.
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(m_engine() % n); }
    bool chance(double p) { return uniform() < p; }
    double sign() { return chance(0.5) ? 1.0 : -1.0; }

private:
    std::mt19937_64 m_engine;
};

} // namespace sagar::simulate
