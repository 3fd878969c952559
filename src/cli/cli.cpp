#include "commands.hpp"

#include <sagar/cli/cli.hpp>

#include <cstdio>
#include <exception>

namespace sagar::cli {

int run(int argc, char** argv) {
    CLI::App app{"sagar: maritime domain awareness from raw AIS feeds", "sagar"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "sagar 0.1.0");
    const auto decode = add_decode_command(app);
    const auto detect = add_detect_command(app);
    const auto simulate = add_simulate_command(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int status = app.exit(e);
        return status == 0 ? 0 : 2;
    }
    try {
        if (app.got_subcommand("decode")) {
            return decode();
        }
        if (app.got_subcommand("detect")) {
            return detect();
        }
        if (app.got_subcommand("simulate")) {
            return simulate();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sagar: %s\n", e.what());
        return 1;
    }
    return 2;
}

} // namespace sagar::cli
