//===- Suppressions.cpp - NOLINT comments for corolint --------------------===//

#include "corolint/report/Suppressions.h"
#include "corolint/rules/Rule.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/GlobPattern.h"

namespace corolint {


/// The rule ids a glob names, without its corolint- prefix; none when the
/// glob is malformed.
static std::vector<llvm::StringRef> rulesMatching(llvm::StringRef Glob) {
  std::vector<llvm::StringRef> Ids;
  Glob.consume_front("corolint-");
  llvm::Expected<llvm::GlobPattern> Pattern = llvm::GlobPattern::create(Glob);
  if (!Pattern) {
    llvm::consumeError(Pattern.takeError());
    return Ids;
  }
  for (llvm::ArrayRef<RuleInfo> Table : {allRules(), driverRules()})
    for (const RuleInfo &R : Table)
      if (Pattern->match(R.Id))
        Ids.push_back(R.Id);
  return Ids;
}

void Suppressions::addDirective(llvm::StringRef File, unsigned Line,
                                unsigned Col, llvm::StringRef Directive,
                                llvm::StringRef Text) {
  // Text is what follows the directive: "(names) justification".
  size_t Close = Text.find(')');
  if (!Text.starts_with("(") || Close == llvm::StringRef::npos)
    return; // A bare NOLINT: clang-tidy's, not ours.
  llvm::StringRef After = Text.substr(Close + 1);
  After = After.take_front(std::min(After.find("NOLINT"), After.find("*/")));
  std::string Justification =
      After.trim().ltrim(":-").trim().str(); // "// NOLINT(x): why" reads well
  for (llvm::StringRef Name : llvm::split(Text.slice(1, Close), ',')) {
    Name = Name.trim();
    if (!Name.starts_with("corolint-"))
      continue;
    Suppression S;
    S.Loc = {File.str(), Line, Col};
    S.Directive = Directive.str();
    S.Glob = Name.str();
    S.Justification = Justification;
    S.FirstLine = S.LastLine = Directive == "NOLINTNEXTLINE" ? Line + 1 : Line;
    All.push_back(std::move(S));
  }
}

/// Each NOLINTBEGIN covers the lines up to the first NOLINTEND after it that
/// names the same glob, as in clang-tidy.
static void pairBlocks(std::vector<Suppression> &InFile, unsigned LastLine) {
  std::vector<bool> Paired(InFile.size());
  for (size_t I = 0; I < InFile.size(); ++I) {
    Suppression &Begin = InFile[I];
    if (Begin.Directive != "NOLINTBEGIN")
      continue;
    Begin.LastLine = LastLine;
    Begin.Problem = Begin.Directive + "(" + Begin.Glob + ") has no NOLINTEND";
    for (size_t J = I + 1; J < InFile.size(); ++J)
      if (InFile[J].Directive == "NOLINTEND" && !Paired[J] &&
          InFile[J].Glob == Begin.Glob) {
        Paired[J] = true;
        Begin.LastLine = InFile[J].Loc.Line;
        Begin.Problem.clear();
        break;
      }
  }
  for (size_t J = 0; J < InFile.size(); ++J)
    if (InFile[J].Directive == "NOLINTEND") {
      InFile[J].FirstLine = InFile[J].LastLine = 0; // Suppresses nothing.
      if (!Paired[J])
        InFile[J].Problem =
            "NOLINTEND(" + InFile[J].Glob + ") has no NOLINTBEGIN before it";
    }
}

void Suppressions::addFile(llvm::StringRef File, SourceText &Sources) {
  if (!Read.insert({File, true}).second)
    return;
  size_t FirstOfFile = All.size();
  const std::vector<llvm::StringRef> &Lines = Sources.lines(File);
  for (unsigned I = 0; I < Lines.size(); ++I) {
    llvm::StringRef L = Lines[I];
    size_t Comment = std::min(L.find("//"), L.find("/*"));
    for (size_t At = L.find("NOLINT", Comment); At != llvm::StringRef::npos;
         At = L.find("NOLINT", At + 6)) {
      llvm::StringRef Word = L.substr(At).take_while(llvm::isAlpha);
      if (Word == "NOLINT" || Word == "NOLINTNEXTLINE" ||
          Word == "NOLINTBEGIN" || Word == "NOLINTEND")
        addDirective(File, I + 1, At + 1, Word,
                     L.substr(At + Word.size()).ltrim());
    }
  }
  std::vector<Suppression> InFile(All.begin() + FirstOfFile, All.end());
  pairBlocks(InFile, Lines.size());
  std::move(InFile.begin(), InFile.end(), All.begin() + FirstOfFile);
}

std::optional<std::string> Suppressions::suppress(const Finding &F) {
  for (Suppression &S : All) {
    if (F.Loc.Line < S.FirstLine || F.Loc.Line > S.LastLine ||
        F.Loc.File != S.Loc.File)
      continue;
    for (llvm::StringRef Id : rulesMatching(S.Glob))
      if (Id == F.Rule) {
        S.Used = true;
        return S.Justification;
      }
  }
  return std::nullopt;
}

static Finding note(const Suppression &S, const std::string &Message) {
  Finding F;
  F.Rule = UnusedSuppressionId;
  F.Severity = Level::Note;
  F.Loc = S.Loc;
  F.Message = Message;
  return F;
}

std::vector<Finding> Suppressions::unused(const CheckFilter &Checks) const {
  std::vector<Finding> Notes;
  if (!Checks.enabled(UnusedSuppressionId))
    return Notes;
  for (const Suppression &S : All) {
    std::string Comment = S.Directive + "(" + S.Glob + ")";
    std::vector<llvm::StringRef> Ids = rulesMatching(S.Glob);
    if (!S.Problem.empty()) {
      Notes.push_back(note(S, S.Problem));
    } else if (Ids.empty()) {
      Notes.push_back(note(S, Comment + " names no corolint rule"));
    } else if (!S.Used && S.Directive != "NOLINTEND" &&
               llvm::any_of(Ids, [&](llvm::StringRef Id) {
                 return Checks.enabled(Id);
               })) {
      Notes.push_back(note(S, Comment + " suppresses no finding; remove it"));
    }
  }
  return Notes;
}

} // namespace corolint
