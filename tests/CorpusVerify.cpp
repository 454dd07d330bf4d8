//===- CorpusVerify.cpp - The test-corpus harness -------------------------===//
//
// corolint-corpus-verify [--pch-dir=DIR] [--sarif=FILE] CASE...
//     checks each case (a .cpp, or a folder of them linked as one program)
//     against the annotations in its files (docs/testing.md), and writes the
//     SARIF of every case's findings, as the command line reports them, into
//     FILE for validate-sarif
// corolint-corpus-verify --model-names MODEL.json USAGE.cpp
//     checks that every name the model gives is a name the frontend really
//     sees in USAGE.cpp
//
// It runs the same extraction, linking, rules and triage as the command line,
// in one process for many cases, so that a case costs its parse and nothing
// more. Cases on heavy real headers use the precompiled headers that
// tests/CMakeLists.txt builds from test-corpus/include/pch/.
//
//===----------------------------------------------------------------------===//

#include "corolint/frontend/Frontend.h"
#include "corolint/model/Config.h"
#include "corolint/model/FileList.h"
#include "corolint/model/Inference.h"
#include "corolint/report/Report.h"
#include "corolint/report/Triage.h"
#include "corolint/rules/Analysis.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>
#include <set>

using namespace corolint;

namespace {

struct Expectation {
  /// A finding at a level, a step of some finding's path, an edge of the
  /// linked graph, or an edge that must not exist.
  enum Kind { Finding, PathStep, Edge, NoEdge } K;
  Level Severity = Level::Warning; ///< Of a Finding.
  std::string File;
  unsigned Line;
  std::string Rule;
  std::string Text; ///< Message substring, or "FROM KIND TO" for edges.
  bool Met = false;
};

struct CaseFiles {
  std::vector<std::string> Units;   ///< .cpp files: translation units.
  std::vector<std::string> Sources; ///< Every file whose annotations count.
};

/// A precompiled header of test-corpus/include/pch/: the headers it includes
/// and the flags it was built with. A unit with the same flags that includes
/// one of those headers is parsed with it.
struct Pch {
  std::string File;
  std::set<std::string> Headers;
  std::vector<std::string> Flags;
};

std::string readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    llvm::errs() << Path << ": cannot read\n";
    exit(2);
  }
  return (*Buffer)->getBuffer().str();
}

std::vector<llvm::StringRef> linesOf(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef> Lines;
  Text.split(Lines, '\n');
  return {Lines.begin(), Lines.end()};
}

std::vector<std::string> listOrExit(const std::string &Dir,
                                    llvm::StringRef Suffix) {
  llvm::Expected<std::vector<std::string>> Found = listFiles(Dir, Suffix);
  if (!Found) {
    llvm::errs() << llvm::toString(Found.takeError()) << "\n";
    exit(2);
  }
  return *Found;
}

CaseFiles findCaseFiles(const std::string &RelativePath) {
  llvm::SmallString<256> Absolute(RelativePath);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  std::string Path(Absolute);
  CaseFiles Files;
  if (!llvm::sys::fs::is_directory(Path)) {
    Files.Units = Files.Sources = {Path};
    return Files;
  }
  Files.Units = listOrExit(Path, ".cpp");
  Files.Sources = Files.Units;
  for (std::string &Header : listOrExit(Path, ".h"))
    Files.Sources.push_back(std::move(Header));
  return Files;
}

/// The annotation texts of a comment: each starts at an "expect" and runs to
/// the next one, so several may share a line.
std::vector<llvm::StringRef> annotationsIn(llvm::StringRef Comment) {
  std::vector<llvm::StringRef> Result;
  size_t At = Comment.find("expect");
  while (At != llvm::StringRef::npos) {
    size_t Next = Comment.find("expect", At + 6);
    Result.push_back(Comment.slice(At, Next));
    At = Next;
  }
  return Result;
}

std::optional<Expectation> parseAnnotation(llvm::StringRef A) {
  static const llvm::Regex Pattern(
      "^expect-(error|warning|note|path|edge|no-edge)(@[+-][0-9]+)?: "
      "*([^{]*[^ {])( *\\{\\{(.*)\\}\\})?");
  llvm::SmallVector<llvm::StringRef> M;
  if (!Pattern.match(A.rtrim(), &M))
    return std::nullopt;
  Expectation E;
  E.K = M[1] == "path"      ? Expectation::PathStep
        : M[1] == "edge"    ? Expectation::Edge
        : M[1] == "no-edge" ? Expectation::NoEdge
                            : Expectation::Finding;
  E.Severity = parseLevel(M[1]).value_or(Level::Warning);
  int Offset = 0;
  if (!M[2].empty())
    M[2].drop_front(M[2][1] == '+' ? 2 : 1).getAsInteger(10, Offset);
  E.Line = Offset; // Made absolute by the caller.
  if (E.K == Expectation::Edge || E.K == Expectation::NoEdge) {
    E.Text = M[3].str();
    E.Met = E.K == Expectation::NoEdge; // Until an edge matches.
  } else {
    E.Rule = M[3].trim().str();
    E.Text = M[5].str();
  }
  return E;
}

/// Parses the annotations of one file. Returns whether the file declares
/// itself clean; a typo fails, so that it cannot turn a check into none.
bool parseAnnotations(const std::string &File, std::vector<Expectation> &Out,
                      unsigned &Failures) {
  std::string Text = readFile(File);
  std::vector<llvm::StringRef> Lines = linesOf(Text);
  bool Clean = false;
  for (unsigned I = 0; I < Lines.size(); ++I) {
    size_t Comment = Lines[I].find("//");
    if (Comment == llvm::StringRef::npos)
      continue;
    for (llvm::StringRef A : annotationsIn(Lines[I].substr(Comment + 2))) {
      if (A.starts_with("expect-no-findings")) {
        Clean = true;
        continue;
      }
      std::optional<Expectation> E = parseAnnotation(A);
      if (!E) {
        llvm::errs() << File << ":" << I + 1
                     << ": annotation does not parse: " << A.rtrim() << "\n";
        ++Failures;
        continue;
      }
      E->File = File;
      E->Line += I + 1;
      Out.push_back(std::move(*E));
    }
  }
  return Clean;
}

/// The flags of a file's `// corolint-flags:` lines, given its text.
std::vector<std::string> flagsOf(llvm::StringRef Text) {
  std::vector<std::string> Flags;
  for (llvm::StringRef Line : linesOf(Text)) {
    size_t At = Line.find("corolint-flags:");
    if (At == llvm::StringRef::npos)
      continue;
    llvm::SmallVector<llvm::StringRef> Parts;
    Line.substr(At + 15).split(Parts, ' ', -1, false);
    for (llvm::StringRef P : Parts)
      Flags.push_back(P.str());
  }
  return Flags;
}

/// The headers a file includes with angle brackets, given its text.
std::set<std::string> includesOf(llvm::StringRef Text) {
  static const llvm::Regex Include("^#include <([^>]+)>");
  std::set<std::string> Headers;
  for (llvm::StringRef Line : linesOf(Text)) {
    llvm::SmallVector<llvm::StringRef> M;
    if (Include.match(Line, &M))
      Headers.insert(M[1].str());
  }
  return Headers;
}

/// The precompiled headers of \p Dir, one for each test-corpus/include/pch/
/// header that was built.
std::vector<Pch> loadPchs(const std::string &Dir,
                          const std::string &CorpusInclude) {
  std::vector<Pch> Result;
  for (const std::string &Header : listOrExit(CorpusInclude + "/pch", ".h")) {
    Pch P;
    P.File = (Dir + "/" + llvm::sys::path::stem(Header) + ".pch").str();
    if (!llvm::sys::fs::exists(P.File)) {
      llvm::errs() << P.File << ": not built (tests/CMakeLists.txt)\n";
      exit(2);
    }
    std::string Text = readFile(Header);
    P.Headers = includesOf(Text);
    P.Flags = flagsOf(Text);
    Result.push_back(std::move(P));
  }
  return Result;
}

const Pch *pchFor(llvm::StringRef UnitText,
                  const std::vector<std::string> &Flags,
                  const std::vector<Pch> &Pchs) {
  std::set<std::string> Includes = includesOf(UnitText);
  for (const Pch &P : Pchs)
    if (P.Flags == Flags &&
        llvm::any_of(Includes, [&](const std::string &H) {
          return P.Headers.count(H) != 0;
        }))
      return &P;
  return nullptr;
}

std::vector<CompileJob> jobsFor(const CaseFiles &Files,
                                const std::string &CorpusInclude,
                                const std::vector<Pch> &Pchs) {
  std::vector<CompileJob> Jobs;
  for (const std::string &Unit : Files.Units) {
    CompileJob J;
    J.File = Unit;
    J.Directory = llvm::sys::path::parent_path(Unit).str();
    J.CommandLine = {"clang++", "-std=c++20", "-I" + CorpusInclude};
    std::string Text = readFile(Unit);
    std::vector<std::string> Flags = flagsOf(Text);
    if (const Pch *P = pchFor(Text, Flags, Pchs)) {
      J.CommandLine.push_back("-include-pch");
      J.CommandLine.push_back(P->File);
    }
    llvm::append_range(J.CommandLine, Flags);
    J.CommandLine.push_back(Unit);
    Jobs.push_back(std::move(J));
  }
  return Jobs;
}

std::optional<std::vector<TuFacts>>
extractAll(const std::vector<CompileJob> &Jobs) {
  ExtractOptions Options;
  Options.Jobs = 1;
  std::vector<TuFacts> Units;
  bool Ok = true;
  for (ExtractResult &R : extractFacts(Jobs, Options)) {
    if (!R.Facts) {
      llvm::errs() << R.Error << "\n";
      Ok = false;
      continue;
    }
    Units.push_back(std::move(*R.Facts));
  }
  if (!Ok)
    return std::nullopt;
  return Units;
}

/// "FROM KIND TO" for every edge of the graph, functions and resources alike,
/// and "F runs-on loop|worker" for execution contexts.
std::vector<std::string> graphEdges(const Program &P) {
  std::vector<std::string> Edges;
  for (unsigned I = 0; I < P.functions().size(); ++I) {
    if (P.context(I).Loop)
      Edges.push_back(P.function(I).name().str() + " runs-on loop");
    if (P.context(I).Worker)
      Edges.push_back(P.function(I).name().str() + " runs-on worker");
  }
  for (const CallEdge &E : P.edges())
    Edges.push_back(P.function(E.From.Function).name().str() + " " +
                    edgeKindName(E.Kind).str() + " " +
                    P.function(E.Callee).name().str());
  for (const Resource &R : P.resources()) {
    for (const SiteRef &S : R.Waits)
      Edges.push_back(P.function(S.Function).name().str() + " waits " + R.Name);
    for (const SiteRef &S : R.Signals)
      Edges.push_back(P.function(S.Function).name().str() + " signals " +
                      R.Name);
    for (const SiteRef &S : R.Locks)
      Edges.push_back(P.function(S.Function).name().str() + " locks " + R.Name);
  }
  return Edges;
}

bool edgeMatches(const std::string &Pattern, const std::string &Edge) {
  llvm::Expected<llvm::GlobPattern> G = llvm::GlobPattern::create(Pattern);
  if (!G) {
    llvm::consumeError(G.takeError());
    return Pattern == Edge;
  }
  return G->match(Edge);
}

bool sameLine(const SourceLoc &L, const Expectation &E) {
  return L.Line == E.Line && llvm::sys::fs::equivalent(L.File, E.File);
}

/// Marks the expectation that \p F meets; false when none names it, or when
/// the one that names it expects another level.
bool claim(const Finding &F, std::vector<Expectation> &Expected) {
  for (Expectation &E : Expected)
    if (E.K == Expectation::Finding && !E.Met && E.Rule == F.Rule &&
        E.Severity == F.Severity && sameLine(F.Loc, E) &&
        llvm::StringRef(F.Message).contains(E.Text)) {
      E.Met = true;
      return true;
    }
  return false;
}

void claimPathSteps(const std::vector<Finding> &Findings,
                    std::vector<Expectation> &Expected) {
  for (Expectation &E : Expected)
    for (const Finding &F : Findings)
      for (const PathStep &S : F.Path)
        if (E.K == Expectation::PathStep && F.Rule == E.Rule &&
            sameLine(S.Loc, E) && llvm::StringRef(S.Message).contains(E.Text))
          E.Met = true;
}

void claimEdges(const std::vector<std::string> &Edges,
                std::vector<Expectation> &Expected) {
  for (Expectation &E : Expected)
    for (const std::string &Edge : Edges) {
      if (E.K == Expectation::Edge)
        E.Met |= edgeMatches(E.Text, Edge);
      if (E.K == Expectation::NoEdge && edgeMatches(E.Text, Edge))
        E.Met = false;
    }
}

llvm::StringRef unmetText(const Expectation &E) {
  switch (E.K) {
  case Expectation::Finding:
    return E.Severity == Level::Error     ? "expected error not seen"
           : E.Severity == Level::Warning ? "expected warning not seen"
                                          : "expected note not seen";
  case Expectation::PathStep:
    return "expected path step not seen";
  case Expectation::Edge:
    return "expected edge not seen";
  case Expectation::NoEdge:
    return "edge that must not exist";
  }
  return "";
}

/// The shipped models plus those of the .corolint.yaml above \p Path, as a
/// user's run would see them.
std::optional<ApiModels> modelsFor(const std::string &Path) {
  ApiModels Models;
  llvm::Error E = Models.addDirectory(COROLINT_SOURCE_MODELS_DIR);
  if (std::optional<std::string> ConfigFile =
          findConfigUpward(llvm::sys::path::parent_path(Path))) {
    llvm::Expected<Config> C = loadConfig(*ConfigFile);
    E = llvm::joinErrors(std::move(E),
                         C ? C->addModelsTo(Models) : C.takeError());
  }
  if (E) {
    llvm::errs() << llvm::toString(std::move(E)) << "\n";
    return std::nullopt;
  }
  return Models;
}

/// What every case shares: where the corpus is, the precompiled headers, and
/// the findings as the command line reports them, for the SARIF file.
struct Run {
  std::string CorpusInclude;
  std::string SourceRoot;
  std::vector<Pch> Pchs;
  SourceText Sources;
  std::vector<ReportedFinding> Reported;
};

/// The findings of the case as `corolint --format=sarif` reports them: after
/// the header filter and the suppression comments.
/// What triage needs of the units, taken before linking consumes them.
struct TriageInputs {
  HeaderFilter Headers;
  std::vector<std::string> SourceFiles;

  TriageInputs(const std::vector<TuFacts> &Units, llvm::StringRef Root)
      : SourceFiles(suppressionSources(Units, Root)) {
    for (const TuFacts &U : Units)
      Headers.MainFiles.insert(U.MainFile);
    Headers.ProjectRoot = projectRoot(Headers.MainFiles, Root);
  }
};

void reportFindings(const TriageInputs &In, std::vector<Finding> Findings,
                    Run &R) {
  CheckFilter All = *CheckFilter::parse("*");
  llvm::append_range(R.Reported,
                     triageFindings(std::move(Findings), In.Headers,
                                    In.SourceFiles, All, R.Sources));
}

/// Checks one case; returns its number of failures.
unsigned verifyCase(const std::string &Path, Run &R) {
  CaseFiles Files = findCaseFiles(Path);
  if (Files.Units.empty()) {
    llvm::errs() << Path << ": no .cpp file in the case\n";
    return 1;
  }
  std::optional<ApiModels> Models = modelsFor(Files.Units[0]);
  if (!Models)
    return 1;
  unsigned Failures = 0;
  std::vector<Expectation> Expected;
  std::vector<std::string> CleanFiles;
  for (const std::string &F : Files.Sources)
    if (parseAnnotations(F, Expected, Failures))
      CleanFiles.push_back(F);
  if (Expected.empty() && CleanFiles.empty()) {
    llvm::errs() << Path
                 << ": no annotation: add an expect or expect-no-findings\n";
    return Failures + 1;
  }
  std::optional<std::vector<TuFacts>> Units =
      extractAll(jobsFor(Files, R.CorpusInclude, R.Pchs));
  if (!Units)
    return Failures + 1;
  TriageInputs Triage(*Units, R.SourceRoot);
  if (llvm::Error E = addInferredModels(*Units, *Models)) {
    llvm::errs() << Path << ": " << llvm::toString(std::move(E)) << "\n";
    return Failures + 1;
  }
  Program P = linkProgram(std::move(*Units), *Models);
  // Compared where corolint reports them: in the project's files.
  std::vector<Finding> Findings;
  for (Finding &F : runRules(P, *CheckFilter::parse("*")))
    if (std::optional<Finding> In =
            placeInProject(std::move(F), Triage.Headers))
      Findings.push_back(std::move(*In));
  for (const Finding &F : Findings) {
    for (const std::string &Clean : CleanFiles)
      if (llvm::sys::fs::equivalent(F.Loc.File, Clean)) {
        llvm::errs() << F.Loc.File << ":" << F.Loc.Line
                     << ": finding in a file marked expect-no-findings: "
                     << levelName(F.Severity) << " [" << F.Rule << "] "
                     << F.Message << "\n";
        ++Failures;
      }
    if (!claim(F, Expected)) {
      llvm::errs() << F.Loc.File << ":" << F.Loc.Line << ": unexpected "
                   << levelName(F.Severity) << ": [" << F.Rule << "] "
                   << F.Message << "\n";
      ++Failures;
    }
  }
  claimPathSteps(Findings, Expected);
  std::vector<std::string> Edges = graphEdges(P);
  claimEdges(Edges, Expected);
  bool EdgeUnmet = false;
  for (const Expectation &E : Expected)
    if (!E.Met) {
      llvm::errs() << E.File << ":" << E.Line << ": " << unmetText(E) << ": "
                   << E.Rule << (E.Rule.empty() ? "" : " ") << E.Text << "\n";
      EdgeUnmet |= E.K >= Expectation::Edge;
      ++Failures;
    }
  if (EdgeUnmet) {
    llvm::errs() << "edges of the linked graph:\n";
    for (const std::string &Edge : Edges)
      llvm::errs() << "  " << Edge << "\n";
  }
  llvm::outs() << (Failures ? "FAIL: " : "ok: ") << Path << ": "
               << Findings.size() << " findings, " << Expected.size()
               << " expectations, " << Failures << " failures\n";
  reportFindings(Triage, std::move(Findings), R);
  return Failures;
}

/// Every name the frontend reports for the usage file: callees, object types,
/// argument and parameter types, and "Type::member" for each member used on
/// a typed object (or C function handed one).
std::set<std::string> namesSeen(const std::vector<TuFacts> &Units) {
  std::set<std::string> Seen;
  for (const TuFacts &U : Units)
    for (const FunctionFact &F : U.Functions) {
      Seen.insert(F.ParamTypes.begin(), F.ParamTypes.end());
      for (const SiteFact &S : F.Sites) {
        Seen.insert(S.CalleeName);
        Seen.insert(S.Receiver.Type);
        Seen.insert(S.AwaitableType);
        llvm::StringRef Member = splitMember(S.CalleeName).second;
        if (!S.Receiver.Type.empty() && S.Kind == SiteKind::Call)
          Seen.insert(S.Receiver.Type + "::" + Member.str());
        if (S.Kind == SiteKind::Suspend && !S.AwaitableType.empty())
          Seen.insert(S.AwaitableType + "::operator co_await");
        for (const ArgFact &A : S.Args) {
          Seen.insert(A.Type);
          // A C function on a typed object (`pthread_mutex_lock(&mu)`),
          // which a model's objectArg makes a member call on it.
          if (S.Kind == SiteKind::Call && S.Receiver.Type.empty() &&
              !A.Ref.Type.empty())
            Seen.insert(A.Ref.Type +
                        "::" + splitMember(S.CalleeName).second.str());
        }
      }
    }
  return Seen;
}

int verifyModelNames(const std::string &ModelFile, const std::string &Usage,
                     const Run &R) {
  std::optional<std::vector<TuFacts>> Units =
      extractAll(jobsFor(findCaseFiles(Usage), R.CorpusInclude, R.Pchs));
  if (!Units)
    return 1;
  std::set<std::string> Seen = namesSeen(*Units);
  nlohmann::json Model = nlohmann::json::parse(readFile(ModelFile));
  unsigned Missing = 0;
  auto Require = [&](const std::string &Name, const std::string &What) {
    if (Seen.count(Name))
      return;
    llvm::errs() << ModelFile << ": " << What << " '" << Name
                 << "' is never seen in " << Usage << "\n";
    ++Missing;
  };
  for (const auto &F : Model.value("functions", nlohmann::json::array()))
    Require(F.at("name").get<std::string>(), "function");
  for (const auto &T : Model.value("types", nlohmann::json::array())) {
    std::string Type = T.at("name").get<std::string>();
    Require(Type, "type");
    for (const char *List : {"waits", "signals", "lock", "unlock", "tryLock",
                             "handsOut", "cancels", "visits", "wakesOne"})
      for (const auto &M : T.value(List, nlohmann::json::array()))
        Require(Type + "::" + M.get<std::string>(), List);
    for (const auto &Tag : T.value("deferTags", nlohmann::json::array()))
      Require(Tag.get<std::string>(), "defer tag");
  }
  llvm::outs() << ModelFile << ": " << Missing << " names never seen\n";
  return Missing ? 1 : 0;
}

int writeSarif(const std::string &File, Run &R) {
  ReportOptions Options;
  Options.Sarif.SourceRoot = R.SourceRoot;
  std::error_code EC;
  llvm::raw_fd_ostream OS(File, EC);
  if (EC) {
    llvm::errs() << File << ": cannot write: " << EC.message() << "\n";
    return 2;
  }
  // The findings of every case, each from a program of its own: no one
  // program goes with them.
  createReporter(ReportFormat::Sarif, Options)
      ->write(OS, {/*Linked=*/nullptr, R.Reported, {}, R.Sources});
  return 0;
}

int usage() {
  llvm::errs() << "usage: corolint-corpus-verify [--pch-dir=DIR] "
                  "[--sarif=FILE] CASE...\n"
                  "       corolint-corpus-verify [--pch-dir=DIR] "
                  "--model-names MODEL USAGE\n";
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  Run R;
  R.CorpusInclude = COROLINT_CORPUS_DIR "/include";
  R.SourceRoot = llvm::sys::path::parent_path(COROLINT_CORPUS_DIR).str();
  std::string SarifFile;
  std::vector<std::string> Cases;
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg = argv[I];
    if (Arg.consume_front("--pch-dir="))
      R.Pchs = loadPchs(Arg.str(), R.CorpusInclude);
    else if (Arg.consume_front("--sarif="))
      SarifFile = Arg.str();
    else if (Arg == "--model-names")
      return I + 3 == argc ? verifyModelNames(argv[I + 1], argv[I + 2], R)
                           : usage();
    else if (Arg.starts_with("-"))
      return usage();
    else
      Cases.push_back(Arg.str());
  }
  if (Cases.empty())
    return usage();
  unsigned Failed = 0;
  for (const std::string &Case : Cases)
    Failed += verifyCase(Case, R) != 0;
  llvm::outs() << Cases.size() - Failed << " passed, " << Failed
               << " failed\n";
  if (!SarifFile.empty() && writeSarif(SarifFile, R))
    return 2;
  return Failed ? 1 : 0;
}
