# ttsgen_embed_files(OUTPUT <cpp> BASE_DIR <dir> FILES <relative paths...> [NAMESPACE <ns>])
# Generates a C++ source that holds every file as a byte array, looked up by its path relative to
# BASE_DIR through <ns>::file() and <ns>::all_files() (declared in include/ttsgen/util/embedded.hpp;
# NAMESPACE defaults to ttsgen::embedded, the text under templates/). The generated source is
# rebuilt whenever one of the files changes. One call per folder, so that a change to one folder's
# files recompiles only its own generated source.
set(TTSGEN_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/EmbedFilesScript.cmake")

function(ttsgen_embed_files)
  cmake_parse_arguments(ARG "" "OUTPUT;BASE_DIR;NAMESPACE" "FILES" ${ARGN})
  if(NOT ARG_NAMESPACE)
    set(ARG_NAMESPACE "ttsgen::embedded")
  endif()
  set(deps "")
  foreach(f IN LISTS ARG_FILES)
    list(APPEND deps "${ARG_BASE_DIR}/${f}")
  endforeach()
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${ARG_OUTPUT}" "-DBASE_DIR=${ARG_BASE_DIR}"
            "-DFILES=${files_arg}" "-DNAMESPACE=${ARG_NAMESPACE}" -P "${TTSGEN_EMBED_SCRIPT}"
    DEPENDS ${deps} "${TTSGEN_EMBED_SCRIPT}"
    COMMENT "Embedding ${ARG_BASE_DIR}"
    VERBATIM)
endfunction()
