# ctest install.consumer_builds_and_runs: `cmake --install` of the build
# tree into a scratch prefix, checks of what was installed, then the
# consumer project (this directory) configured, built and run against it.
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK=... [-DCXX_FLAGS=...]
#         [-DLINKER_FLAGS=...] [-DCONFIG=...] [-DPYTHON=...] -P install_and_build.cmake
# The compiler and linker flags of the tree are passed on, so that a
# sanitizer build links its consumer too.
cmake_minimum_required(VERSION 3.16)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)
set(config_args)
if(CONFIG)
  set(config_args --config ${CONFIG})
endif()
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} ${config_args})

foreach(installed bin/chronograph include/chronograph/chronograph.h include/chronograph/extract/extractor.h
                  include/chronograph/app/build_command.h share/chronograph/rules/zh/dates.json
                  share/man/man1/chronograph.1 lib/cmake/chronograph/chronographConfig.cmake)
  if(NOT EXISTS ${prefix}/${installed})
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()
file(GLOB targets ${prefix}/lib*/cmake/chronograph/chronographTargets.cmake)
file(READ ${targets} exported)
if(exported MATCHES "-W(all|extra|pedantic)")
  message(FATAL_ERROR "warning flags are exported to consumers:\n${exported}")
endif()
run(${prefix}/bin/chronograph --version)
if(NOT run_output MATCHES "^chronograph [0-9]")
  message(FATAL_ERROR "installed chronograph --version: ${run_output}")
endif()

# The Python module, when the tree built one, imports from where it went.
file(GLOB python_module ${prefix}/lib/python3*/dist-packages/chronograph*.so)
if(python_module AND PYTHON)
  get_filename_component(python_dir ${python_module} DIRECTORY)
  run(${CMAKE_COMMAND} -E env PYTHONPATH=${python_dir}
      ${PYTHON} -c "import chronograph\nprint(chronograph.__version__, chronograph.__file__)")
  message(STATUS "${run_output}")
endif()

run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${WORK}/consumer -DCMAKE_PREFIX_PATH=${prefix}
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK}/consumer)
run(${WORK}/consumer/consumer ${SOURCE_DIR}/examples/en_openai_2015.txt ${WORK}/out)
message(STATUS "${run_output}")
