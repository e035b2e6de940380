# ttsgen_embed_files(OUTPUT <cpp> BASE_DIR <dir> FILES <relative paths...>)
# Generates a C++ source that holds every file as a byte array, looked up by its path relative to
# BASE_DIR through ttsgen::embedded::file() (include/ttsgen/util/embedded.hpp). The generated source
# is rebuilt whenever one of the files changes.
set(TTSGEN_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/EmbedFilesScript.cmake")

function(ttsgen_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;BASE_DIR" "FILES" ${ARGN})
  set(deps "")
  foreach(f IN LISTS ARG_FILES)
    list(APPEND deps "${ARG_BASE_DIR}/${f}")
  endforeach()
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${ARG_OUTPUT}" "-DBASE_DIR=${ARG_BASE_DIR}"
            "-DFILES=${files_arg}" -P "${TTSGEN_EMBED_SCRIPT}"
    DEPENDS ${deps} "${TTSGEN_EMBED_SCRIPT}"
    COMMENT "Embedding ${CMAKE_CURRENT_SOURCE_DIR}/templates"
    VERBATIM)
endfunction()
