# -DTTSGEN_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer.
# -DTTSGEN_COVERAGE=ON adds gcov instrumentation (gcovr/lcov read the result).
option(TTSGEN_SANITIZE "Build with ASan and UBSan" OFF)
option(TTSGEN_COVERAGE "Build with coverage instrumentation" OFF)
if(TTSGEN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
  # GCC 12 reports false "may be used uninitialized" inside libstdc++'s std::regex (std::function
  # members of its NFA states) once the sanitizers' instrumentation is on; the warning is unreliable
  # under -fsanitize (GCC's manual says so), and the normal build keeps it as an error.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()
if(TTSGEN_COVERAGE)
  add_compile_options(--coverage -O0 -g)
  add_link_options(--coverage)
endif()
