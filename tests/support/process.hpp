#pragma once
// Test-only: running shell commands (the sagar program, gpsdecode) and capturing their standard output.

#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <sys/wait.h>

namespace sagar::testing {

struct CommandResult {
    std::string out;
    int status = -1; ///< exit status of the shell command; -1 when it did not exit normally
};

/// Runs `command` with /bin/sh and collects its standard output; nullopt when it could not be started.
inline std::optional<CommandResult> run_shell(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return std::nullopt;
    }
    CommandResult result;
    std::array<char, 1 << 16> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        result.out.append(buffer.data(), n);
    }
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

/// Standard output of `command`, whatever its exit status.
inline std::optional<std::string> run_command(const std::string& command) {
    auto result = run_shell(command);
    if (!result) {
        return std::nullopt;
    }
    return std::move(result->out);
}

/// Single-quotes `s` for /bin/sh.
inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out.push_back(c);
        }
    }
    out.push_back('\'');
    return out;
}

} // namespace sagar::testing
