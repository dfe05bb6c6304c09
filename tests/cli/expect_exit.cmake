# Runs a command and checks its exit code (and optionally its output), for
# CLI tests where WILL_FAIL cannot tell exit 1 from exit 2.
#
#   cmake -DEXPECT_EXIT=2 [-DEXPECT_OUTPUT=<regex>] [-DREJECT_OUTPUT=<regex>]
#         -P expect_exit.cmake -- <command> [args...]
#
# EXPECT_OUTPUT must match stdout+stderr; REJECT_OUTPUT must not.
if(NOT DEFINED EXPECT_EXIT)
  message(FATAL_ERROR "expect_exit.cmake: set -DEXPECT_EXIT=<code>")
endif()

set(command)
set(seen_separator FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE 0 ${last})
  if(seen_separator)
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif("${CMAKE_ARGV${i}}" STREQUAL "--")
    set(seen_separator TRUE)
  endif()
endforeach()
if(NOT command)
  message(FATAL_ERROR "expect_exit.cmake: no command after --")
endif()

execute_process(COMMAND ${command}
                RESULT_VARIABLE code
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
set(all "${out}${err}")
if(NOT "${code}" STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "expected exit code ${EXPECT_EXIT}, got '${code}' from: ${command}\n--- output ---\n${all}")
endif()
if(DEFINED EXPECT_OUTPUT AND NOT all MATCHES "${EXPECT_OUTPUT}")
  message(FATAL_ERROR "output does not match '${EXPECT_OUTPUT}':\n${all}")
endif()
if(DEFINED REJECT_OUTPUT AND all MATCHES "${REJECT_OUTPUT}")
  message(FATAL_ERROR "output matches '${REJECT_OUTPUT}', which it must not:\n${all}")
endif()
message(STATUS "exit ${code} as expected")
