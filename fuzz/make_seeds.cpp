// Writes seed corpora for the fuzz targets from our own encoder (the recipe builder), so the repository
// holds no captured data: `sagar_fuzz_seeds DIR` fills DIR/framing, DIR/payload and DIR/stream_recipe.
// The seeds are deterministic (fixed random seed) and cover every message type 1..27.

#include "recipe.hpp"

#include <sagar/decoding/bits.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out{path, std::ios::binary};
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::uint8_t> random_bytes(std::mt19937& rng, std::size_t n) {
    std::vector<std::uint8_t> bytes(n);
    for (auto& b : bytes) {
        b = static_cast<std::uint8_t>(rng());
    }
    return bytes;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: sagar_fuzz_seeds DIR\n");
        return 2;
    }
    const std::filesystem::path root{argv[1]};
    for (const char* target : {"framing", "payload", "stream_recipe"}) {
        std::filesystem::create_directories(root / target);
    }
    std::mt19937 rng{20240611};
    std::array<int, 28> per_type{};
    int written = 0;
    // Random recipes, kept when their first message has a type that still lacks seeds: four per type.
    for (int attempt = 0; attempt < 100'000 && written < 27 * 4 * 3; ++attempt) {
        const std::size_t size = 96 + rng() % 512;
        const auto blob = random_bytes(rng, size);
        FuzzedDataProvider in{blob.data(), blob.size()};
        const sagar::fuzzing::Recipe recipe = sagar::fuzzing::build_recipe(in);
        const unsigned type = recipe.messages.front().type;
        if (type < 1 || type > 27 || per_type[type] == 4) {
            continue;
        }
        const std::string name = "t" + std::to_string(type) + "_" + std::to_string(per_type[type]++);
        write_file(root / "stream_recipe" / name, std::string(blob.begin(), blob.end()));
        write_file(root / "framing" / name, std::string(1, static_cast<char>(attempt & 31)) + recipe.text);

        // The payload target takes message bits as 6-bit values (config bit 3 maps bytes to armour).
        const auto& first = recipe.messages.front();
        const unsigned fill_bits = first.fill_bits;
        const std::string& armoured = first.payload;
        std::string payload_seed(1, static_cast<char>(8U | fill_bits));
        for (const char c : armoured) {
            payload_seed.push_back(static_cast<char>(sagar::decoding::armour_value(c)));
        }
        write_file(root / "payload" / name, payload_seed);
        written += 3;
    }
    std::printf("%d seed files in %s\n", written, root.c_str());
    return 0;
}
