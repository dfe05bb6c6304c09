# report.html's JavaScript libraries, pinned in report/package-lock.json and
# inlined at build time (never committed).
#
# At configure time: node and npm must exist (scripts/setup.sh installs
# them). At build time: `npm ci --ignore-scripts` installs the locked
# packages into ${CHRONOGRAPH_REPORT_NODE_MODULES} (once per change of the
# lock), then report/embed_assets.js writes a .cc holding the page template
# with the libraries inlined (export/report_page.h declares it).
find_program(CHRONOGRAPH_NODE node)
find_program(CHRONOGRAPH_NPM npm)
if(NOT CHRONOGRAPH_NODE OR NOT CHRONOGRAPH_NPM)
  message(FATAL_ERROR
    "node and npm are needed to build report.html (they install and inline its pinned "
    "JavaScript libraries), but were not found. Run scripts/setup.sh, which installs them, or "
    "configure with -DCHRONOGRAPH_BUILD_REPORT=OFF to build without the report's libraries.")
endif()

set(CHRONOGRAPH_REPORT_DIR ${CMAKE_BINARY_DIR}/report)
set(CHRONOGRAPH_REPORT_NODE_MODULES ${CHRONOGRAPH_REPORT_DIR}/node_modules)
set(CHRONOGRAPH_REPORT_NPM_STAMP ${CHRONOGRAPH_REPORT_NODE_MODULES}/.chronograph-npm-ci.stamp)
file(MAKE_DIRECTORY ${CHRONOGRAPH_REPORT_DIR})  # the working directory of npm ci

# chronograph_embed_report(OUTPUT <file.cc>): the custom commands that make
# <file.cc>; call it in the directory whose target compiles <file.cc>.
function(chronograph_embed_report)
  cmake_parse_arguments(ARG "" "OUTPUT" "" ${ARGN})
  set(src ${PROJECT_SOURCE_DIR}/report)
  add_custom_command(
    OUTPUT ${CHRONOGRAPH_REPORT_NPM_STAMP}
    COMMAND ${CMAKE_COMMAND} -E copy ${src}/package.json ${src}/package-lock.json ${src}/.npmrc
            ${CHRONOGRAPH_REPORT_DIR}
    COMMAND ${CHRONOGRAPH_NPM} ci --ignore-scripts --no-audit --no-fund --loglevel=error
    COMMAND ${CMAKE_COMMAND} -E touch ${CHRONOGRAPH_REPORT_NPM_STAMP}
    WORKING_DIRECTORY ${CHRONOGRAPH_REPORT_DIR}
    DEPENDS ${src}/package.json ${src}/package-lock.json ${src}/.npmrc
    COMMENT "npm ci: installing report.html's pinned JavaScript libraries"
    VERBATIM)
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CHRONOGRAPH_NODE} ${src}/embed_assets.js ${src}/report.html.in ${CHRONOGRAPH_REPORT_NODE_MODULES}
            ${ARG_OUTPUT}
    DEPENDS ${CHRONOGRAPH_REPORT_NPM_STAMP} ${src}/embed_assets.js ${src}/report.html.in
    COMMENT "Inlining vis-timeline and vis-network into report.html"
    VERBATIM)
endfunction()
