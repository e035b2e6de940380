# Warnings are errors for the project's own code (not for the system headers of its dependencies).
function(ttsgen_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough -Werror)
  # GCC 12 reports -Wrestrict on plain std::string concatenation at -O2 (GCC bug 105329, a false
  # positive inside libstdc++'s char_traits); it has nothing to say about our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  # Stack descriptors use designated initializers and leave optional members at their defaults;
  # GCC before 13 warns about every omitted member even when it has a default member initializer.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-missing-field-initializers)
  endif()
endfunction()
