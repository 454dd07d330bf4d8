//===- Analysis.cpp - Running the rules -----------------------------------===//

#include "corolint/rules/Analysis.h"
#include "corolint/model/Inference.h"
#include "corolint/rules/Rule.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <map>
#include <set>

namespace corolint {

bool PathStep::operator<(const PathStep &O) const {
  return std::tie(Loc, Message) < std::tie(O.Loc, O.Message);
}

bool PathStep::operator==(const PathStep &O) const {
  return Loc == O.Loc && Message == O.Message;
}

bool Finding::operator<(const Finding &O) const {
  return std::tie(Loc, Rule, Message, Function, Path) <
         std::tie(O.Loc, O.Rule, O.Message, O.Function, O.Path);
}

bool Finding::operator==(const Finding &O) const {
  return Loc == O.Loc && Rule == O.Rule && Message == O.Message &&
         Function == O.Function && Path == O.Path;
}

llvm::Expected<CheckFilter> CheckFilter::parse(llvm::StringRef Globs) {
  CheckFilter Filter;
  llvm::SmallVector<llvm::StringRef> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    bool Positive = !Part.consume_front("-");
    // Like clang-tidy, a glob may name the rule with the tool's prefix.
    Part.consume_front("corolint-");
    llvm::Expected<llvm::GlobPattern> Pattern = llvm::GlobPattern::create(Part);
    if (!Pattern)
      return llvm::createStringError(
          std::errc::invalid_argument, "--checks: bad glob '%s': %s",
          Part.str().c_str(), llvm::toString(Pattern.takeError()).c_str());
    Filter.Globs.push_back({Positive, std::move(*Pattern)});
  }
  return Filter;
}

std::vector<std::string> CheckFilter::unknownGlobs(llvm::StringRef Globs) {
  std::vector<std::string> Unknown;
  llvm::SmallVector<llvm::StringRef> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    llvm::StringRef Name = Part.trim();
    Name.consume_front("-");
    Name.consume_front("corolint-");
    llvm::Expected<llvm::GlobPattern> Pattern = llvm::GlobPattern::create(Name);
    if (!Pattern) {
      llvm::consumeError(Pattern.takeError());
      continue; // parse() reports it.
    }
    bool Matches = false;
    for (llvm::ArrayRef<RuleInfo> Table : {allRules(), driverRules()})
      for (const RuleInfo &R : Table)
        Matches |= Pattern->match(R.Id);
    if (!Matches)
      Unknown.push_back(Part.trim().str());
  }
  return Unknown;
}

bool CheckFilter::enabled(llvm::StringRef RuleId) const {
  bool Enabled = false;
  for (const auto &[Positive, Pattern] : Globs)
    if (Pattern.match(RuleId))
      Enabled = Positive;
  return Enabled;
}

void runRule(const RuleInfo &Info, const Program &P,
             std::vector<Finding> &Out) {
  size_t First = Out.size();
  Info.Create()->check(P, Out);
  for (size_t I = First; I < Out.size(); ++I)
    Out[I].Rule = Info.Id;
}

namespace {

/// "an async mutex", "a task": a role as a reader says it.
std::string withArticle(llvm::StringRef Role) {
  std::string Words = Role.str();
  std::replace(Words.begin(), Words.end(), '-', ' ');
  bool Vowel = !Words.empty() && llvm::StringRef("aeiou").contains(Words[0]);
  return (Vowel ? "an " : "a ") + Words;
}

/// What an inferred function model says the call does.
std::string inferredCallRole(const FunctionModel &M) {
  if (!M.LoopCallback.empty())
    return "to hand its callable to an event loop";
  if (!M.Offload.empty())
    return "to hand its callable to a thread pool";
  if (M.Yield)
    return "to move the coroutine onto a scheduler";
  if (M.Delay)
    return "to resume the coroutine once a duration passes";
  if (!M.Blocking.empty())
    return "to block: it " + M.Blocking;
  if (M.External && M.Writes)
    return "to send to a peer, waiting while it does not read";
  if (M.External)
    return "to wait for a peer";
  if (M.Connects)
    return "to connect to a peer";
  if (M.Accepts)
    return "to accept a connection";
  if (!M.Continuation.empty())
    return "to run its callable once what it is called on completes";
  if (M.Timeout)
    return "to bound what it wraps with a deadline";
  if (M.Race)
    return "to complete when the first of its arguments does";
  return "to have the role 'corolint models' shows";
}

/// What a type is taken to be: a resource by its kind ("event"), as a
/// finding about that resource names it.
llvm::StringRef roleName(const TypeModel &T) {
  return T.Role == TypeRole::Resource && !T.ResourceKind.empty()
             ? T.ResourceKind
             : typeRoleName(T.Role);
}

constexpr const char *InferredWhy =
    " from its own code (corolint models shows why)";

/// Per place, what the calls made there rest on that was inferred: the
/// model of the function called, or the type of the object called. Built
/// once for all findings, from the few sites that have one.
class InferredPlaces {
public:
  explicit InferredPlaces(const Program &P) {
    for (const Function &F : P.functions())
      for (const SiteFact &S : F.fact().Sites) {
        if (S.Kind != SiteKind::Call)
          continue;
        if (const FunctionModel *M = P.modelOf(S);
            M && M->Origin == InferredOrigin)
          ByPlace[S.Loc].insert("'" + M->Name + "' is taken " +
                                inferredCallRole(*M) + InferredWhy);
        if (const TypeModel *T = P.models().type(S.Receiver.Type);
            T && T->Origin == InferredOrigin)
          ByPlace[S.Loc].insert("'" + T->Name + "' is taken to be " +
                                withArticle(roleName(*T)) + InferredWhy);
      }
  }

  void addNotesAt(const SourceLoc &Place, std::set<std::string> &Notes) const {
    if (auto It = ByPlace.find(Place); It != ByPlace.end())
      Notes.insert(It->second.begin(), It->second.end());
  }

private:
  std::map<SourceLoc, std::set<std::string>> ByPlace;
};

/// The roles inferred from a library's code that finding \p F rests on:
/// the type of a resource it names; at its place and at each step of its
/// path, the inferred model of a call or of the type of the object called;
/// and a registration that puts its code on the loop. Each is a note, so
/// that a reader knows what to check (and `corolint models` shows the
/// evidence).
std::vector<PathStep> inferredRoleNotes(const Program &P,
                                        const InferredPlaces &Places,
                                        const Finding &F) {
  std::set<std::string> Notes;
  for (const std::string &Key : F.Resources)
    for (const Resource &R : P.resources())
      if (R.Key == Key)
        if (const TypeModel *T = P.models().type(R.Type);
            T && T->Origin == InferredOrigin)
          Notes.insert("'" + T->Name + "' is taken to be " +
                       withArticle(R.Kind) + InferredWhy);
  Places.addNotesAt(F.Loc, Notes);
  for (const PathStep &Step : F.Path)
    Places.addNotesAt(Step.Loc, Notes);
  for (unsigned Fn = 0; Fn < P.functions().size(); ++Fn) {
    if (P.function(Fn).name() != F.Function)
      continue;
    for (const SiteFact &S : P.function(Fn).fact().Sites) {
      if (!(S.Loc == F.Loc))
        continue;
      for (const CallEdge &E : P.loopChain({Fn, S.Id}))
        if (const FunctionModel *M = P.modelOf(P.site(E.From));
            M && M->Origin == InferredOrigin)
          Notes.insert("'" + M->Name + "' is taken " + inferredCallRole(*M) +
                       InferredWhy);
      break;
    }
  }
  std::vector<PathStep> Steps;
  for (const std::string &Note : Notes)
    Steps.push_back({F.Loc, Note});
  return Steps;
}

} // namespace

std::vector<Finding> runRules(const Program &P, const CheckFilter &Checks) {
  std::vector<Finding> Findings;
  for (const RuleInfo &Info : allRules())
    if (Checks.enabled(Info.Id))
      runRule(Info, P, Findings);
  // First, so that the last step at the finding's place stays its own.
  if (P.models().hasInferred()) {
    InferredPlaces Places(P);
    for (Finding &F : Findings) {
      std::vector<PathStep> Notes = inferredRoleNotes(P, Places, F);
      F.Path.insert(F.Path.begin(), Notes.begin(), Notes.end());
    }
  }
  // One finding per place and cause: the same message at the same place
  // reached along several paths (a header seen from many units, a helper
  // called from many loop callbacks) is said once, with the first path.
  std::sort(Findings.begin(), Findings.end());
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [](const Finding &A, const Finding &B) {
                               return A.Loc == B.Loc && A.Rule == B.Rule &&
                                      A.Message == B.Message;
                             }),
                 Findings.end());
  return Findings;
}

} // namespace corolint
