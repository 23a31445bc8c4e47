# REDLINE_SANITIZE=address|thread adds the sanitizer to every target (set by the asan/tsan presets).
# REDLINE_FUZZ=ON (clang only, the `fuzz` preset) instruments every target for libFuzzer with
# ASan + UBSan and builds the fuzz targets of tests/fuzz.
set(REDLINE_SANITIZE "" CACHE STRING "address (ASan+UBSan) or thread (TSan)")
option(REDLINE_FUZZ "Build the libFuzzer targets (clang only; implies ASan + UBSan)" OFF)

if(REDLINE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "REDLINE_FUZZ needs clang (libFuzzer): configure with the `fuzz` preset.")
  endif()
  if(REDLINE_SANITIZE STREQUAL "thread")
    message(FATAL_ERROR "REDLINE_FUZZ runs under ASan + UBSan, not TSan.")
  endif()
  set(REDLINE_SANITIZE "address" CACHE STRING "" FORCE)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(REDLINE_SANITIZE STREQUAL "address")
  # Any undefined behaviour stops the run (UBSan only prints and continues by default).
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
elseif(REDLINE_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread)
  add_link_options(-fsanitize=thread)
elseif(NOT REDLINE_SANITIZE STREQUAL "")
  message(FATAL_ERROR "REDLINE_SANITIZE must be empty, 'address' or 'thread'.")
endif()
