//===- SarifReport.cpp - Findings as SARIF 2.1.0 --------------------------===//
//
// Written for what real consumers read (../shared/sarif/README.md): one run;
// every rule with its page as help; repo-relative URIs under %SRCROOT%;
// columns in code points; the path as one threadFlow and its steps as
// related locations linked from the message. nlohmann::json sorts object
// keys and nothing here reads a clock, so the same input gives the same bytes.
//
//===----------------------------------------------------------------------===//

#include "Reporters.h"
#include "corolint/JsonText.h"
#include "corolint/rules/Rule.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace corolint {
namespace {

const char *const RepositoryUrl = "https://github.com/corolint/corolint";
const char *const SchemaUrl = "https://json.schemastore.org/sarif-2.1.0.json";

/// Messages are whole sentences: capitalized and ending with a full stop.
std::string sentence(llvm::StringRef Text) {
  std::string S = Text.trim().str();
  if (S.empty())
    return S;
  S[0] = llvm::toUpper(S[0]);
  if (!llvm::StringRef(S).ends_with(".") && !llvm::StringRef(S).ends_with("?"))
    S += '.';
  return S;
}

/// In SARIF message text, brackets not meant as links are escaped (3.11.6).
std::string escapeBrackets(llvm::StringRef Text) {
  std::string S;
  for (char C : Text) {
    if (C == '[' || C == ']' || C == '\\')
      S += '\\';
    S += C;
  }
  return S;
}

/// Percent-encodes what may not appear in a URI path.
std::string encodeUriPath(llvm::StringRef Path) {
  std::string S;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      S += C;
    else
      S += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return S;
}

/// The paragraphs of a rule page between its heading and its first section:
/// the summary and what the rule is about, as one plain-text paragraph each.
std::string pageIntroduction(llvm::StringRef Page) {
  llvm::StringRef Body = Page.split('\n').second;
  size_t Section = Body.find("\n## ");
  llvm::StringRef Intro = Body.take_front(Section).trim();
  std::string Text;
  for (llvm::StringRef Line : llvm::split(Intro, '\n')) {
    Line = Line.trim();
    if (Line.empty()) {
      Text += "\n\n";
      continue;
    }
    if (!Text.empty() && !llvm::StringRef(Text).ends_with("\n"))
      Text += ' ';
    Text += Line.str();
  }
  return Text;
}

llvm::StringRef problemSeverity(Level L) {
  return L == Level::Error     ? "error"
         : L == Level::Warning ? "warning"
                               : "recommendation";
}

llvm::StringRef baselineStateName(BaselineState S) {
  switch (S) {
  case BaselineState::New:
    return "new";
  case BaselineState::Unchanged:
    return "unchanged";
  case BaselineState::Absent:
    return "absent";
  case BaselineState::None:
    break;
  }
  return "";
}

/// Builds one SARIF log; made for each report, since it reads the source
/// text of that report's findings.
class SarifWriter {
public:
  SarifWriter(const SarifOptions &Options, SourceText &Sources)
      : Options(Options), Sources(Sources) {
    for (const RuleInfo &R : allRules())
      Rules.push_back(&R);
    for (const RuleInfo &R : driverRules())
      Rules.push_back(&R);
  }

  json log(llvm::ArrayRef<ReportedFinding> Findings,
           llvm::ArrayRef<UnitError> Errors);

private:
  json tool() const;
  json rule(const RuleInfo &R) const;
  json result(const ReportedFinding &RF);
  json message(const Finding &F) const;
  json artifactLocation(llvm::StringRef File) const;
  json physicalLocation(const SourceLoc &Loc);
  json invocation(llvm::ArrayRef<UnitError> Errors) const;
  int ruleIndex(llvm::StringRef Id) const;

  const SarifOptions &Options;
  SourceText &Sources;
  std::vector<const RuleInfo *> Rules;
};

json SarifWriter::rule(const RuleInfo &R) const {
  llvm::StringRef Page = ruleDocPage(R.Id);
  std::string Full = Page.empty() ? R.Summary : pageIntroduction(Page);
  std::string Help = Page.empty() ? std::string(R.Summary) : Page.str();
  json Tags = json::array();
  for (llvm::StringRef Tag : llvm::split(R.Tags, ';'))
    if (!Tag.empty())
      Tags.push_back(Tag.str());
  return {
      {"id", R.Id},
      {"name", R.Name},
      {"shortDescription", {{"text", R.Summary}}},
      {"fullDescription", {{"text", Full}}},
      {"help", {{"text", Help}, {"markdown", Help}}},
      {"helpUri",
       std::string(RepositoryUrl) + "/blob/main/docs/rules/" + R.Id + ".md"},
      {"defaultConfiguration", {{"level", levelName(R.DefaultLevel).str()}}},
      {"properties",
       {{"tags", Tags},
        {"precision", precisionName(R.Confidence).str()},
        {"problem.severity", problemSeverity(R.DefaultLevel).str()}}}};
}

json SarifWriter::tool() const {
  json RuleList = json::array();
  for (const RuleInfo *R : Rules)
    RuleList.push_back(rule(*R));
  return {{"driver",
           {{"name", "corolint"},
            {"version", COROLINT_VERSION},
            {"semanticVersion", COROLINT_VERSION},
            {"informationUri", RepositoryUrl},
            {"rules", RuleList}}}};
}

int SarifWriter::ruleIndex(llvm::StringRef Id) const {
  for (size_t I = 0; I < Rules.size(); ++I)
    if (Id == Rules[I]->Id)
      return static_cast<int>(I);
  return -1;
}

/// A file under the source root is named relative to %SRCROOT%; any other
/// file (a system header) can only be named by its absolute path.
json SarifWriter::artifactLocation(llvm::StringRef File) const {
  llvm::SmallString<256> Path(File);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  llvm::StringRef Rel(Path);
  if (!Options.SourceRoot.empty() && Rel.consume_front(Options.SourceRoot) &&
      Rel.consume_front("/"))
    return {{"uri", encodeUriPath(Rel)}, {"uriBaseId", "%SRCROOT%"}};
  return {{"uri", "file://" + encodeUriPath(Path)}};
}

json SarifWriter::physicalLocation(const SourceLoc &Loc) {
  json Physical = {{"artifactLocation", artifactLocation(Loc.File)}};
  if (Loc.Line == 0)
    return Physical;
  json Region = {{"startLine", Loc.Line}};
  if (Loc.Col) {
    Region["startColumn"] =
        Sources.codePointColumn(Loc.File, Loc.Line, Loc.Col);
    Region["endLine"] = Loc.Line;
    Region["endColumn"] = Sources.tokenEndColumn(Loc.File, Loc.Line, Loc.Col);
  }
  Physical["region"] = Region;
  return Physical;
}

/// The finding's message, then its path steps as links to the related
/// locations of the same ids, so that viewers can jump to each step.
json SarifWriter::message(const Finding &F) const {
  std::string Text = escapeBrackets(sentence(F.Message));
  for (size_t I = 0; I < F.Path.size(); ++I) {
    Text += I == 0 ? " Path: " : ", then ";
    llvm::StringRef Step = llvm::StringRef(F.Path[I].Message).rtrim('.');
    Text += "[" + escapeBrackets(Step) + "](" + std::to_string(I + 1) + ")";
  }
  if (!F.Path.empty())
    Text += ".";
  return {{"text", Text}};
}

json SarifWriter::result(const ReportedFinding &RF) {
  const Finding &F = RF.F;
  json R = {{"ruleId", F.Rule},
            {"level", levelName(F.Severity).str()},
            {"message", message(F)},
            {"locations",
             json::array({{{"physicalLocation", physicalLocation(F.Loc)}}})}};
  int Index = ruleIndex(F.Rule);
  if (Index >= 0)
    R["ruleIndex"] = Index;
  if (!RF.Fingerprint.empty())
    R["partialFingerprints"] = {{"corolint/v1", RF.Fingerprint}};
  if (!F.Path.empty()) {
    json Related = json::array(), Steps = json::array();
    for (size_t I = 0; I < F.Path.size(); ++I) {
      const PathStep &S = F.Path[I];
      json Message = {{"text", escapeBrackets(sentence(S.Message))}};
      Related.push_back({{"id", I + 1},
                         {"physicalLocation", physicalLocation(S.Loc)},
                         {"message", Message}});
      Steps.push_back({{"location",
                        {{"physicalLocation", physicalLocation(S.Loc)},
                         {"message", Message}}}});
    }
    R["relatedLocations"] = Related;
    json Flow = {{"locations", Steps}};
    json Code = {{"threadFlows", json::array({Flow})}};
    R["codeFlows"] = json::array({Code});
  }
  if (RF.Suppressed) {
    json S = {{"kind", "inSource"}};
    if (!RF.Justification.empty())
      S["justification"] = RF.Justification;
    R["suppressions"] = json::array({S});
  }
  if (RF.Baseline != BaselineState::None)
    R["baselineState"] = baselineStateName(RF.Baseline).str();
  return R;
}

/// Units that could not be parsed make the run unsuccessful; each is a
/// notification, so that a consumer knows the results are incomplete.
json SarifWriter::invocation(llvm::ArrayRef<UnitError> Errors) const {
  json Notes = json::array();
  for (const UnitError &E : Errors)
    Notes.push_back(
        {{"level", "error"},
         {"descriptor", {{"id", "unanalyzed-unit"}}},
         {"message", {{"text", escapeBrackets(sentence(E.Message))}}},
         {"locations", json::array({{{"physicalLocation",
                                      {{"artifactLocation",
                                        artifactLocation(E.File)}}}}})}});
  json I = {{"executionSuccessful", Errors.empty()}};
  if (!Notes.empty())
    I["toolExecutionNotifications"] = Notes;
  return I;
}

json SarifWriter::log(llvm::ArrayRef<ReportedFinding> Findings,
                      llvm::ArrayRef<UnitError> Errors) {
  json Results = json::array();
  for (const ReportedFinding &RF : Findings)
    if (!(RF.Suppressed && Options.OmitSuppressed))
      Results.push_back(result(RF));
  json Run = {{"tool", tool()},
              {"invocations", json::array({invocation(Errors)})},
              {"columnKind", "unicodeCodePoints"},
              {"results", Results}};
  if (Options.ShowSourceRoot && !Options.SourceRoot.empty())
    Run["originalUriBaseIds"] = {
        {"%SRCROOT%",
         {{"uri", "file://" + encodeUriPath(Options.SourceRoot) + "/"}}}};
  return {{"$schema", SchemaUrl},
          {"version", "2.1.0"},
          {"runs", json::array({Run})}};
}

/// SARIF 2.1.0: one run, every rule's metadata, one result per finding.
class SarifReporter final : public Reporter {
public:
  explicit SarifReporter(const SarifOptions &Options) : Options(Options) {}

  void write(llvm::raw_ostream &OS,
             const AnalysisResults &Results) const override {
    SarifWriter Writer(Options, Results.Sources);
    OS << jsonText(Writer.log(Results.Findings, Results.Unanalyzed), 2) << '\n';
  }

private:
  SarifOptions Options;
};

} // namespace

std::unique_ptr<Reporter> createSarifReporter(const SarifOptions &Options) {
  return std::make_unique<SarifReporter>(Options);
}

} // namespace corolint
