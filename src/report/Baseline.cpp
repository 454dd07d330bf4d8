//===- Baseline.cpp - Findings accepted so far ----------------------------===//

#include "corolint/report/Baseline.h"
#include "corolint/InputFile.h"
#include "corolint/JsonText.h"
#include "corolint/rules/Rule.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace corolint {

static const char *const BaselineFormat = "corolint-baseline";
static const int BaselineVersion = 1;

static std::string relativeTo(llvm::StringRef File, llvm::StringRef Root) {
  llvm::StringRef Rel = File;
  if (Rel.consume_front(Root) && Rel.consume_front("/"))
    return Rel.str();
  return File.str();
}

llvm::Expected<Baseline> Baseline::load(llvm::StringRef Path) {
  auto Fail = [&](const std::string &Why) {
    return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                   Path.str().c_str(), Why.c_str());
  };
  auto Buffer = readInputFile(Path);
  if (!Buffer)
    return Buffer.takeError();
  json Doc = json::parse((*Buffer)->getBuffer().begin(),
                         (*Buffer)->getBuffer().end(), nullptr,
                         /*allow_exceptions=*/false);
  std::string Problem =
      versionedHeaderProblem(Doc, BaselineFormat, BaselineVersion,
                             "not a corolint baseline", "baseline", "");
  if (!Problem.empty())
    return Fail(Problem);
  auto Items = Doc.find("findings");
  if (Items != Doc.end() && !Items->is_array())
    return Fail("\"findings\" must be a list");
  Baseline B;
  if (Items == Doc.end())
    return B;
  for (size_t I = 0; I < Items->size(); ++I) {
    const json &Item = (*Items)[I];
    std::string Where = "finding " + std::to_string(I) + ": ";
    if (!Item.is_object() || !Item.contains("fingerprint") ||
        !Item["fingerprint"].is_string())
      return Fail(Where + "every finding needs a fingerprint string");
    for (const char *Key : {"rule", "file", "message"})
      if (Item.contains(Key) && !Item[Key].is_string())
        return Fail(Where + "\"" + Key + "\" must be a string");
    if (Item.contains("line") && !Item["line"].is_number_unsigned())
      return Fail(Where + "\"line\" must be a whole number");
    Entry E;
    E.Fingerprint = Item["fingerprint"];
    E.Rule = Item.value("rule", "");
    E.File = Item.value("file", "");
    E.Message = Item.value("message", "");
    E.Line = Item.value("line", 0u);
    B.Entries.push_back(std::move(E));
  }
  return B;
}

std::string Baseline::write(const std::vector<ReportedFinding> &Findings,
                            llvm::StringRef SourceRoot) {
  json Items = json::array();
  for (const ReportedFinding &RF : Findings)
    if (!RF.Suppressed && RF.Baseline != BaselineState::Absent)
      // Rule, file, line and message are for people reading the file and for
      // SARIF's absent results; only the fingerprint is matched.
      Items.push_back({{"fingerprint", RF.Fingerprint},
                       {"rule", RF.F.Rule},
                       {"file", relativeTo(RF.F.Loc.File, SourceRoot)},
                       {"line", RF.F.Loc.Line},
                       {"message", RF.F.Message}});
  json Doc = {{"format", BaselineFormat},
              {"version", BaselineVersion},
              {"findings", Items}};
  return jsonText(Doc, 2) + "\n";
}

void Baseline::mark(std::vector<ReportedFinding> &Findings) {
  llvm::StringMap<std::vector<Entry *>> Open;
  for (Entry &E : Entries)
    Open[E.Fingerprint].push_back(&E);
  for (ReportedFinding &RF : Findings) {
    if (RF.Suppressed)
      continue;
    std::vector<Entry *> &Same = Open[RF.Fingerprint];
    RF.Baseline = Same.empty() ? BaselineState::New : BaselineState::Unchanged;
    if (!Same.empty()) {
      Same.back()->Matched = true;
      Same.pop_back();
    }
  }
}

std::vector<ReportedFinding>
Baseline::absent(llvm::StringRef SourceRoot) const {
  std::vector<ReportedFinding> Gone;
  for (const Entry &E : Entries) {
    if (E.Matched)
      continue;
    ReportedFinding RF;
    RF.F.Rule = E.Rule;
    const RuleInfo *Info = findRule(E.Rule);
    RF.F.Severity = Info ? Info->DefaultLevel : Level::Note;
    llvm::SmallString<256> File(E.File);
    if (!llvm::sys::path::is_absolute(File))
      llvm::sys::fs::make_absolute(SourceRoot, File);
    RF.F.Loc = {std::string(File), E.Line, 0};
    RF.F.Message = E.Message;
    RF.Fingerprint = E.Fingerprint;
    RF.Baseline = BaselineState::Absent;
    Gone.push_back(std::move(RF));
  }
  return Gone;
}

} // namespace corolint
