# Any thread count gives the same files, byte for byte.
#
#   cmake -DBIN=<chronograph> -DSRC=<source dir> -DOUT=<scratch dir> -P threads_same_outputs.cmake
#
# Builds examples/ (several documents, so that workers finish out of order)
# with --threads 1, 2 and 5 and compares every file with the 1-thread run.
foreach(var BIN SRC OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "threads_same_outputs.cmake: set -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${OUT}")
foreach(threads 1 2 5)
  execute_process(COMMAND "${BIN}" build examples --out "${OUT}/t${threads}" --threads ${threads} --per-entity --quiet
                  WORKING_DIRECTORY "${SRC}" RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "chronograph build --threads ${threads} failed (${code}): ${err}")
  endif()
endforeach()

file(GLOB_RECURSE files RELATIVE "${OUT}/t1" "${OUT}/t1/*")
list(LENGTH files n)
if(n LESS 8)
  message(FATAL_ERROR "the 1-thread run wrote only ${n} files")
endif()
foreach(threads 2 5)
  file(GLOB_RECURSE other RELATIVE "${OUT}/t${threads}" "${OUT}/t${threads}/*")
  if(NOT other STREQUAL files)
    message(FATAL_ERROR "--threads ${threads} wrote other files than --threads 1")
  endif()
  foreach(name IN LISTS files)
    file(SHA256 "${OUT}/t1/${name}" expected)
    file(SHA256 "${OUT}/t${threads}/${name}" found)
    if(NOT expected STREQUAL found)
      message(FATAL_ERROR "${name} differs between --threads 1 and --threads ${threads}")
    endif()
  endforeach()
endforeach()
message(STATUS "threads: ${n} files byte-identical for 1, 2 and 5 threads")
