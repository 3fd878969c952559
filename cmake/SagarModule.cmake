# sagar_add_module(NAME SOURCES ... [DEPENDS ...] [PRIVATE_DEPENDS ...])
# Creates the library sagar_<NAME> with alias sagar::<NAME>. A module sees the public headers of the
# modules it names in DEPENDS only, so the direction of data flow is enforced by the linker, not by habit.
function(sagar_add_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
    add_library(sagar_${name} STATIC ${ARG_SOURCES})
    add_library(sagar::${name} ALIAS sagar_${name})
    target_include_directories(sagar_${name}
        PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
        PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(sagar_${name} PUBLIC ${ARG_DEPENDS} PRIVATE ${ARG_PRIVATE_DEPENDS} sagar_build_flags)
endfunction()
