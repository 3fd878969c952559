# Warnings and sanitizers for every sagar target, applied through sagar_apply_build_flags().
add_library(sagar_build_flags INTERFACE)
target_compile_options(sagar_build_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(SAGAR_WERROR)
    target_compile_options(sagar_build_flags INTERFACE -Werror)
endif()
if(SAGAR_SANITIZE)
    target_compile_options(sagar_build_flags INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(sagar_build_flags INTERFACE -fsanitize=address,undefined)
endif()
