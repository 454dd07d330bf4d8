#pragma once
#include <string>

// Appends a line to the audit file. Workers call it, and so does loop code.
void append_audit(const std::string &line);
