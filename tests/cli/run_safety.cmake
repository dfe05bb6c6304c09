# Run safety (docs/robustness.md):
#  1. Graphviz failing is a warning: a fake sfdp that exits 1 is first on
#     PATH; the build exits 0, says so, and leaves no graph.svg (an older one
#     is removed: it would show another graph).
#  2. SIGTERM while the outputs are being written: a fake sfdp that sleeps
#     holds the run while its staged temp files exist; the run is killed,
#     must exit 143, leave no temporary file, and leave the outputs of the
#     earlier run byte-identical.
#
#   cmake -DBIN=<chronograph> -DINPUT=<a text> -DWORK=<dir> -P run_safety.cmake
foreach(var BIN INPUT WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_safety.cmake: set -D${var}=...")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/failing" "${WORK}/sleeping")
file(WRITE "${WORK}/failing/sfdp" "#!/bin/sh\necho 'sfdp: out of memory' >&2\nexit 1\n")
file(WRITE "${WORK}/sleeping/sfdp" "#!/bin/sh\nsleep 20\n")
execute_process(COMMAND chmod +x "${WORK}/failing/sfdp" "${WORK}/sleeping/sfdp")
set(out "${WORK}/out")

# An earlier run with a picture (a placeholder graph.svg when Graphviz is absent).
execute_process(COMMAND "${BIN}" build "${INPUT}" --out "${out}" --quiet RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "first build failed (${code}): ${err}")
endif()
if(NOT EXISTS "${out}/graph.svg")
  file(WRITE "${out}/graph.svg" "<svg/>")
endif()

# 1. Graphviz fails.
execute_process(COMMAND env "PATH=${WORK}/failing:$ENV{PATH}" "${BIN}" build "${INPUT}" --out "${out}" --quiet
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "a failing Graphviz must not fail the build (exit ${code}): ${err}")
endif()
if(NOT err MATCHES "warning: graph.svg not drawn")
  message(FATAL_ERROR "no warning about graph.svg: ${err}")
endif()
if(EXISTS "${out}/graph.svg")
  message(FATAL_ERROR "a stale graph.svg stayed beside the new outputs")
endif()
file(GLOB leftovers "${out}/.*")
if(leftovers)
  message(FATAL_ERROR "temporary files left behind: ${leftovers}")
endif()

# 2. SIGTERM while Graphviz runs (every other output is staged by then).
set(outputs graph.graphml graph.gexf timeline.json facts.json extraction.json graph.dot)
foreach(name IN LISTS outputs)
  file(SHA256 "${out}/${name}" before_${name})
endforeach()
execute_process(
  COMMAND sh -c "PATH='${WORK}/sleeping':\"\$PATH\" '${BIN}' build '${INPUT}' '${INPUT}' --out '${out}' --quiet & pid=$!
                 i=0; while [ ! -e '${out}/.graph.dot.tmp' ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
                 ls -a '${out}' > '${WORK}/during.txt'
                 kill -TERM $pid; wait $pid; echo $?"
  OUTPUT_VARIABLE status OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_VARIABLE err TIMEOUT 120)
file(READ "${WORK}/during.txt" during)
if(NOT during MATCHES "\\.graph\\.dot\\.tmp")
  message(FATAL_ERROR "the run never staged its outputs: ${during}")
endif()
if(NOT status STREQUAL "143")
  message(FATAL_ERROR "a run stopped by SIGTERM should exit 143, got '${status}': ${err}")
endif()
file(GLOB leftovers "${out}/.*")
if(leftovers)
  message(FATAL_ERROR "temporary files left behind after SIGTERM: ${leftovers}")
endif()
foreach(name IN LISTS outputs)
  file(SHA256 "${out}/${name}" after)
  if(NOT after STREQUAL before_${name})
    message(FATAL_ERROR "${name} changed although the run was stopped")
  endif()
endforeach()
message(STATUS "Graphviz failure is a warning; SIGTERM leaves no temporary file and the old outputs")
