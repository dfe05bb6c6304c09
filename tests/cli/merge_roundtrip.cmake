# `merge` over two runs gives the same files as one run over both inputs.
#
#   cmake -DBIN=<chronograph> -DSRC=<source dir> -DOUT=<scratch dir> -P merge_roundtrip.cmake
#
# Builds examples/ as a whole and in two halves (run in the source dir, so
# document names match), merges the halves in reverse order, and compares
# every file of the merged output with the whole run's, byte for byte.
foreach(var BIN SRC OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "merge_roundtrip.cmake: set -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${OUT}")
file(GLOB texts RELATIVE "${SRC}" "${SRC}/examples/*.txt" "${SRC}/examples/*.md")
list(SORT texts)
list(LENGTH texts count)
math(EXPR half "${count} / 2")
list(SUBLIST texts 0 ${half} first)
list(SUBLIST texts ${half} -1 second)

function(run)
  execute_process(COMMAND "${BIN}" ${ARGN} --quiet WORKING_DIRECTORY "${SRC}" RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "chronograph ${ARGN} failed (${code}): ${err}")
  endif()
endfunction()

run(build examples --out "${OUT}/whole")
run(build ${first} --out "${OUT}/a")
run(build ${second} --out "${OUT}/b")
run(merge "${OUT}/b/graph.graphml" "${OUT}/a/graph.graphml" --out "${OUT}/merged")

file(GLOB_RECURSE files RELATIVE "${OUT}/whole" "${OUT}/whole/*")
list(LENGTH files n)
if(n LESS 8)
  message(FATAL_ERROR "the whole run wrote only ${n} files")
endif()
foreach(name IN LISTS files)
  file(SHA256 "${OUT}/whole/${name}" expected)
  if(NOT EXISTS "${OUT}/merged/${name}")
    message(FATAL_ERROR "merge did not write ${name}")
  endif()
  file(SHA256 "${OUT}/merged/${name}" found)
  if(NOT expected STREQUAL found)
    message(FATAL_ERROR "${name} differs between the merged and the whole run")
  endif()
endforeach()
message(STATUS "merge round-trip: ${n} files byte-identical")
