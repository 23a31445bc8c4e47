# Warnings for our own targets (third-party headers are SYSTEM includes of imported targets).
function(redline_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Werror
                                           -Wno-error=deprecated-declarations
                                           # GCC 12 false positives on std::string at -O3
                                           $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
                                           $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
endfunction()
