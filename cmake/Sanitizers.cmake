# REDLINE_SANITIZE=address|thread adds the sanitizer to every target (set by the asan/tsan presets).
set(REDLINE_SANITIZE "" CACHE STRING "address (ASan+UBSan) or thread (TSan)")
if(REDLINE_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
elseif(REDLINE_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread)
  add_link_options(-fsanitize=thread)
endif()
