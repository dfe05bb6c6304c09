# Input encodings (docs/formats.md "Input encodings"): one UTF-8 Chinese
# text converted with iconv to GB18030, Big5 (after conversion to
# traditional characters it still round-trips: Big5 covers the text's
# characters) and UTF-16LE/BE with a BOM, built one at a time. Each must
# give the same dates and entities as the UTF-8 original, with a note naming
# the encoding; --encoding GB18030 reads the GB18030 file without guessing.
# Provenance offsets are the original file's bytes: the "source" of every
# sentence in extraction.json, cut out of the encoded file and decoded,
# gives the sentence text.
#
#   cmake -DBIN=<chronograph> -DINPUT=<UTF-8 Chinese text> -DWORK=<dir> -P encodings.cmake
foreach(var BIN INPUT WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "encodings.cmake: set -D${var}=...")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

# Each copy is built as doc.txt from a directory of its own, so that the
# document name is the same in every output.
function(build_one name input expect_note)
  file(MAKE_DIRECTORY "${WORK}/in_${name}")
  configure_file("${input}" "${WORK}/in_${name}/doc.txt" COPYONLY)
  execute_process(COMMAND "${BIN}" build doc.txt --out "${WORK}/${name}" --no-layout ${ARGN}
                  WORKING_DIRECTORY "${WORK}/in_${name}" RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${name}: build failed (${code}): ${err}")
  endif()
  if(expect_note AND NOT err MATCHES "note: [^\n]*read as ${expect_note}")
    message(FATAL_ERROR "${name}: no note that the file was read as ${expect_note}: ${err}")
  endif()
endfunction()

# Same facts: timeline.json minus document names.
function(facts_of name out_var)
  file(READ "${WORK}/${name}/timeline.json" text)
  string(REGEX REPLACE "\"(document|file|source)\": \"[^\"]*\"" "" text "${text}")
  string(REGEX REPLACE "\"(begin|end)\": [0-9]+" "" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

configure_file("${INPUT}" "${WORK}/utf8.txt" COPYONLY)
build_one(utf8 "${WORK}/utf8.txt" "")
facts_of(utf8 reference)

execute_process(COMMAND sh -c "iconv -f UTF-8 -t GB18030 '${WORK}/utf8.txt' > '${WORK}/gb.txt' && { printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE '${WORK}/utf8.txt'; } > '${WORK}/u16le.txt' && { printf '\\376\\377'; iconv -f UTF-8 -t UTF-16BE '${WORK}/utf8.txt'; } > '${WORK}/u16be.txt'"
                RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "iconv could not make the encoded copies")
endif()
build_one(gb "${WORK}/gb.txt" GB18030)
build_one(u16le "${WORK}/u16le.txt" UTF-16LE)
build_one(u16be "${WORK}/u16be.txt" UTF-16BE)
build_one(gb_forced "${WORK}/gb.txt" GB18030 --encoding GB18030)
foreach(name gb u16le u16be gb_forced)
  facts_of(${name} facts)
  if(NOT facts STREQUAL reference)
    message(FATAL_ERROR "${name}: the facts differ from the UTF-8 original's")
  endif()
endforeach()

# Offsets are bytes of the GB18030 file: every sentence's [begin, end) in it,
# decoded, is the sentence's text.
file(READ "${WORK}/gb/extraction.json" extraction)
string(JSON documents GET "${extraction}" documents)
string(JSON first GET "${documents}" 0)
string(JSON count LENGTH "${first}" sentences)
math(EXPR last "${count} - 1")
file(READ "${WORK}/gb.txt" gb_hex HEX)
foreach(i RANGE 0 ${last})
  # A sentence is [line, begin, end, text] (docs/formats.md, Shards).
  string(JSON begin GET "${first}" sentences ${i} 1)
  string(JSON end GET "${first}" sentences ${i} 2)
  string(JSON text GET "${first}" sentences ${i} 3)
  math(EXPR hex_begin "${begin} * 2")
  math(EXPR hex_length "(${end} - ${begin}) * 2")
  string(SUBSTRING "${gb_hex}" ${hex_begin} ${hex_length} piece)
  file(WRITE "${WORK}/piece.hex" "${piece}")
  execute_process(COMMAND sh -c "xxd -r -p '${WORK}/piece.hex' | iconv -f GB18030 -t UTF-8"
                  OUTPUT_VARIABLE decoded RESULT_VARIABLE code)
  if(NOT code EQUAL 0 OR NOT decoded STREQUAL text)
    message(FATAL_ERROR "sentence ${i}: bytes [${begin}, ${end}) of the GB18030 file decode to '${decoded}', not '${text}'")
  endif()
endforeach()
message(STATUS "GB18030, UTF-16LE/BE read; ${count} sentence offsets are bytes of the GB18030 file")
