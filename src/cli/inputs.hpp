#pragma once
// The inputs of a subcommand: file names (standard input when none) opened before any output is written,
// so that a bad path fails the command at once.

#include <sagar/framing/line_reader.hpp>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sagar::cli {

struct Inputs {
    std::vector<std::string> names; ///< "-" for standard input
    std::vector<std::unique_ptr<framing::ByteSource>> sources;
};

/// Opens every input; nullopt (after a message naming `command` and the input) when one cannot be read.
inline std::optional<Inputs> open_inputs(const std::vector<std::string>& names, const char* command) {
    Inputs inputs;
    inputs.names = names;
    if (inputs.names.empty()) {
        inputs.names.emplace_back("-");
    }
    for (const auto& path : inputs.names) {
        std::string error;
        auto source = framing::open_input(path, error);
        if (!source) {
            std::fprintf(stderr, "sagar %s: cannot read %s\n", command, error.c_str());
            return std::nullopt;
        }
        inputs.sources.push_back(std::move(source));
    }
    return inputs;
}

} // namespace sagar::cli
