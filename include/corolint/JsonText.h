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

/// What is wrong with the header of a versioned JSON file corolint reads
/// (facts, baselines), or "" when nothing is: an object whose "format" is
/// \p Format and whose "version" is \p Version. Each field's type is looked
/// at before its value, since json::value() throws on another type.
/// \p NotThisFormat is the message when the format is not \p Format;
/// \p What names the file kind in the version messages, which end with
/// \p Remedy.
inline std::string versionedHeaderProblem(const nlohmann::json &Doc,
                                          const std::string &Format,
                                          int64_t Version,
                                          const std::string &NotThisFormat,
                                          const std::string &What,
                                          const std::string &Remedy) {
  auto Name = Doc.is_object() ? Doc.find("format") : Doc.end();
  if (!Doc.is_object() || Name == Doc.end() || !Name->is_string() ||
      Name->get<std::string>() != Format)
    return NotThisFormat;
  auto Found = Doc.find("version");
  if (Found == Doc.end())
    return What + " version missing" + Remedy;
  if (!Found->is_number_integer())
    return What + " version " + jsonText(*Found) + " is not a number" +
           Remedy;
  if (Found->get<int64_t>() != Version)
    return What + " version " + jsonText(*Found) +
           ", this corolint reads version " + std::to_string(Version) +
           Remedy;
  return "";
}

} // namespace corolint

#endif
