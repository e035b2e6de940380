# -DTTSGEN_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer.
# -DTTSGEN_COVERAGE=ON adds gcov instrumentation (gcovr/lcov read the result).
option(TTSGEN_SANITIZE "Build with ASan and UBSan" OFF)
option(TTSGEN_COVERAGE "Build with coverage instrumentation" OFF)
if(TTSGEN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
if(TTSGEN_COVERAGE)
  add_compile_options(--coverage -O0 -g)
  add_link_options(--coverage)
endif()
