# ttsgen_create_only_table(OUTPUT <cpp> SCHEMA_DIR <dir> FILES <relative paths...>)
# Generates a C++ source with the createOnlyProperties (and conditionalCreateOnlyProperties) of the
# vendored CloudFormation registry schemas, read at build time with CMake's JSON parser, so the
# binary carries a few kilobytes of pointers instead of the schemas. ttsgen diff reads the table
# through include/ttsgen/diff/create_only.hpp to flag changes that replace a resource.
set(TTSGEN_CREATE_ONLY_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/CreateOnlyTableScript.cmake")

function(ttsgen_create_only_table)
  cmake_parse_arguments(ARG "" "OUTPUT;SCHEMA_DIR" "FILES" ${ARGN})
  set(deps "")
  foreach(f IN LISTS ARG_FILES)
    list(APPEND deps "${ARG_SCHEMA_DIR}/${f}")
  endforeach()
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${ARG_OUTPUT}" "-DSCHEMA_DIR=${ARG_SCHEMA_DIR}"
            "-DFILES=${files_arg}" -P "${TTSGEN_CREATE_ONLY_SCRIPT}"
    DEPENDS ${deps} "${TTSGEN_CREATE_ONLY_SCRIPT}"
    COMMENT "Extracting createOnlyProperties from ${ARG_SCHEMA_DIR}"
    VERBATIM)
endfunction()
