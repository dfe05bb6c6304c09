# A failed build must leave the outputs of an earlier good build untouched
# (build_command.h: every input is checked before anything is written).
#
#   cmake -DBIN=<chronograph> -DGOOD=<input> -DBAD=<input> -DOUT=<dir>
#         [-DEXTRA=<flag, e.g. --strict>] -P keeps_outputs.cmake
#
# Runs `build GOOD --out OUT`, then `build GOOD BAD --out OUT`, which must
# exit 1; every output file must be byte-identical afterwards and no
# temporary file may be left in OUT.
foreach(var BIN GOOD BAD OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "keeps_outputs.cmake: set -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${BIN}" build "${GOOD}" --out "${OUT}" --quiet
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "first build failed (${code}): ${err}")
endif()

set(outputs graph.graphml timeline.json timelinejs.json vis-timeline.json)
foreach(name IN LISTS outputs)
  if(NOT EXISTS "${OUT}/${name}")
    message(FATAL_ERROR "first build did not write ${name}")
  endif()
  file(SHA256 "${OUT}/${name}" before_${name})
endforeach()

execute_process(COMMAND "${BIN}" build "${GOOD}" "${BAD}" --out "${OUT}" --quiet ${EXTRA}
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 1)
  message(FATAL_ERROR "second build should exit 1, got '${code}': ${err}")
endif()
string(FIND "${err}" "${BAD}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the error does not name ${BAD}: ${err}")
endif()

foreach(name IN LISTS outputs)
  file(SHA256 "${OUT}/${name}" after)
  if(NOT after STREQUAL before_${name})
    message(FATAL_ERROR "${name} changed although the build failed")
  endif()
endforeach()
file(GLOB leftovers "${OUT}/.*")
if(leftovers)
  message(FATAL_ERROR "temporary files left behind: ${leftovers}")
endif()
message(STATUS "outputs unchanged after a failed build (${BAD})")
