#pragma once
// The name recorded as the author of revisions written from the command line: $REDLINE_USER,
// else the login name, else "redline".

#include <string>

[[nodiscard]] std::string currentUser();
