# Bad documents cost only themselves (docs/robustness.md): a directory of
# good files is built alone, then again with bad files beside them; the
# second run must exit 3 (finished, documents skipped), warn about each bad
# file by name, and write outputs byte-identical to the first run's.
#
#   cmake -DBIN=<chronograph> -DGOOD_DIR=<dir of good inputs> -DWORK=<dir>
#         -P bad_documents.cmake
#
# Bad files: a binary file, a file of NUL bytes (UTF-16 without a BOM), a
# FIFO (opening it would block forever), a dangling symlink, a symlink loop
# between directories, a file whose name is not UTF-8, and (when not root,
# who reads everything) an unreadable file and an unreadable subdirectory.
# Then --strict refuses the same directory with exit 1, naming a bad file.
foreach(var BIN GOOD_DIR WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "bad_documents.cmake: set -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK}")
set(corpus "${WORK}/corpus")
file(MAKE_DIRECTORY "${corpus}")
file(GLOB good "${GOOD_DIR}/*.txt")
file(COPY ${good} DESTINATION "${corpus}")

execute_process(COMMAND "${BIN}" build "${corpus}" --out "${WORK}/alone" --quiet --no-layout
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "build of the good files failed (${code}): ${err}")
endif()

# The bad ones, beside the good ones.
execute_process(COMMAND sh -c "printf '\\211PNG\\r\\n\\032\\n\\000\\000\\000\\rIHDR' > '${corpus}/picture.txt'; LC_ALL=C awk 'BEGIN { for (i = 0; i < 4096; i++) printf \"%c\", 128 + (i * 37) % 128 }' > '${corpus}/random.md'; printf 'h\\000i\\000\\n\\000' > '${corpus}/utf16_no_bom.txt'; mkfifo '${corpus}/pipe.txt'; printf 'x' > \"${corpus}/bad_name_\$(printf '\\377').txt\"")
file(CREATE_LINK "${corpus}/no_such_file.txt" "${corpus}/dangling.txt" SYMBOLIC)
file(MAKE_DIRECTORY "${corpus}/sub")
file(CREATE_LINK "${corpus}" "${corpus}/sub/loop" SYMBOLIC)
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
set(expect_names picture.txt random.md utf16_no_bom.txt pipe.txt dangling.txt "sub/loop" "bad_name_")
if(NOT uid STREQUAL "0")
  file(WRITE "${corpus}/secret.txt" "2012 年")
  file(MAKE_DIRECTORY "${corpus}/locked")
  file(WRITE "${corpus}/locked/inside.txt" "2012 年")
  execute_process(COMMAND chmod 000 "${corpus}/secret.txt" "${corpus}/locked")
  list(APPEND expect_names secret.txt locked)
endif()

execute_process(COMMAND "${BIN}" build "${corpus}" --out "${WORK}/mixed" --quiet --no-layout
                RESULT_VARIABLE code ERROR_VARIABLE err TIMEOUT 120)
if(NOT uid STREQUAL "0")
  execute_process(COMMAND chmod 700 "${corpus}/locked")
endif()
if(NOT code EQUAL 3)
  message(FATAL_ERROR "build with bad files should exit 3, got '${code}': ${err}")
endif()
foreach(name IN LISTS expect_names)
  string(FIND "${err}" "${name}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "no warning names ${name}: ${err}")
  endif()
endforeach()
if(NOT err MATCHES "document\\(s\\) repaired, [0-9]+ skipped")
  message(FATAL_ERROR "no summary of repaired and skipped documents: ${err}")
endif()

foreach(name graph.graphml graph.gexf timeline.json timelinejs.json vis-timeline.json facts.json conflicts.json
             extraction.json report.html graph.dot)
  file(SHA256 "${WORK}/alone/${name}" a)
  file(SHA256 "${WORK}/mixed/${name}" b)
  if(NOT a STREQUAL b)
    message(FATAL_ERROR "${name} differs between the good files alone and with bad files beside them")
  endif()
endforeach()

execute_process(COMMAND "${BIN}" build "${corpus}" --out "${WORK}/strict" --quiet --strict
                RESULT_VARIABLE code ERROR_VARIABLE err TIMEOUT 120)
if(NOT code EQUAL 1 OR NOT err MATCHES "error: .*${corpus}")
  message(FATAL_ERROR "--strict should refuse the directory with exit 1 naming a file, got '${code}': ${err}")
endif()
if(EXISTS "${WORK}/strict/graph.graphml")
  message(FATAL_ERROR "--strict wrote outputs although it refused")
endif()
message(STATUS "good files give the same outputs with bad files beside them; bad files named and skipped")
