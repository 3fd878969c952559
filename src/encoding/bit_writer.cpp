#include <sagar/encoding/bit_writer.hpp>

namespace sagar::encoding {

BitWriter& BitWriter::u(std::uint64_t value, unsigned width) noexcept {
    for (unsigned i = width; i-- > 0;) {
        if (m_size >= capacity_bits) {
            m_overflowed = true;
            return *this;
        }
        const bool bit = i < 64 && ((value >> i) & 1U) != 0;
        std::uint8_t& sextet = m_sextets[m_size / 6];
        const auto shift = static_cast<unsigned>(5 - m_size % 6);
        if (shift == 5) {
            sextet = 0; // a reused writer may hold old bits past m_size
        }
        if (bit) {
            sextet = static_cast<std::uint8_t>(sextet | (1U << shift));
        }
        ++m_size;
    }
    return *this;
}

BitWriter& BitWriter::text(std::string_view value, std::size_t chars) noexcept {
    for (std::size_t i = 0; i < chars; ++i) {
        u(i < value.size() ? sixbit_code(value[i]) : 0U, 6);
    }
    return *this;
}

unsigned BitWriter::append_payload(std::string& out) const {
    const std::size_t chars = payload_chars();
    out.reserve(out.size() + chars);
    for (std::size_t i = 0; i < chars; ++i) {
        out.push_back(armour_char(m_sextets[i]));
    }
    return fill_bits();
}

} // namespace sagar::encoding
