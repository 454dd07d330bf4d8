//===- JsonText.h - JSON text whatever bytes its strings hold --*- C++ -*-===//
//
// Strings reach JSON from source paths, NOLINT rule lists and
// justifications, none of which need be UTF-8, and nlohmann::json throws when
// it writes such bytes. Every JSON corolint writes goes through jsonText,
// which writes them as U+FFFD instead: the output is always whole.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_JSONTEXT_H
#define COROLINT_JSONTEXT_H

#include <nlohmann/json.hpp>
#include <string>

namespace corolint {

/// \p J (a nlohmann::json or ordered_json) as text, indented by \p Indent
/// (-1: on one line).
template <typename Json>
std::string jsonText(const Json &J, int Indent = -1) {
  return J.dump(Indent, ' ', /*ensure_ascii=*/false,
                Json::error_handler_t::replace);
}

} // namespace corolint

#endif
