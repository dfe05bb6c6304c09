# chronograph_embed_rules(OUTPUT <file.cc> BASE <dir> FILES <rel>...)
# Writes a .cc that defines chronograph::extract::EmbeddedRuleFiles(): every
# listed rule file's relative path and bytes, so the binary runs from any
# directory. The list is explicit (no glob): a new rule file is added to
# rules/CMakeLists.txt, and the rule-examples test fails if one is missing.
function(chronograph_embed_rules)
  cmake_parse_arguments(ARG "" "OUTPUT;BASE" "FILES" ${ARGN})
  set(deps)
  foreach(rel IN LISTS ARG_FILES)
    list(APPEND deps "${ARG_BASE}/${rel}")
  endforeach()
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND ${CMAKE_COMMAND} -DBASE=${ARG_BASE} "-DFILES=${ARG_FILES}" -DOUTPUT=${ARG_OUTPUT}
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedRulesScript.cmake"
    DEPENDS ${deps} "${PROJECT_SOURCE_DIR}/cmake/EmbedRulesScript.cmake"
    COMMENT "Embedding ${CMAKE_CURRENT_LIST_DIR} rule files"
    VERBATIM)
endfunction()
