//===- CorpusVerify.cpp - The test-corpus harness -------------------------===//
//
// corolint-corpus-verify CASE      checks one corpus case (a .cpp, or a folder
//                                  of them linked as one program) against the
//                                  annotations in its files (docs/testing.md)
// corolint-corpus-verify --model-names MODEL.json USAGE.cpp
//                                  checks that every name the model gives is a
//                                  name the frontend really sees in USAGE.cpp
//
// It runs the same extraction, linking and rules as the command line.
//
//===----------------------------------------------------------------------===//

#include "corolint/Analysis.h"
#include "corolint/Config.h"
#include "corolint/FileList.h"
#include "corolint/Frontend.h"
#include "corolint/Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
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
  enum Kind { Finding, Note, Edge, NoEdge } K;
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

std::string readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    llvm::errs() << Path << ": cannot read\n";
    exit(2);
  }
  return (*Buffer)->getBuffer().str();
}

CaseFiles findCaseFiles(const std::string &RelativePath) {
  llvm::SmallString<256> Absolute(RelativePath);
  llvm::sys::fs::make_absolute(Absolute);
  std::string Path(Absolute);
  CaseFiles Files;
  if (!llvm::sys::fs::is_directory(Path)) {
    Files.Units = Files.Sources = {Path};
    return Files;
  }
  auto List = [&](llvm::StringRef Suffix) {
    llvm::Expected<std::vector<std::string>> Found = listFiles(Path, Suffix);
    if (!Found) {
      llvm::errs() << llvm::toString(Found.takeError()) << "\n";
      exit(2);
    }
    return *Found;
  };
  Files.Units = List(".cpp");
  Files.Sources = Files.Units;
  for (std::string &Header : List(".h"))
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

/// Parses the annotations of one file. Returns whether the file declares
/// itself clean.
bool parseAnnotations(const std::string &File, std::vector<Expectation> &Out) {
  static const llvm::Regex Pattern("^expect(-note|-edge|-no-edge)?(@[+-][0-9]+)"
                                   "?: *([^{]*[^ {])( *\\{\\{(.*)\\}\\})?");
  llvm::SmallVector<llvm::StringRef> Lines;
  std::string Text = readFile(File);
  llvm::StringRef(Text).split(Lines, '\n');
  bool Clean = false;
  for (unsigned I = 0; I < Lines.size(); ++I) {
    size_t Comment = Lines[I].find("//");
    if (Comment == llvm::StringRef::npos)
      continue;
    for (llvm::StringRef A : annotationsIn(Lines[I].substr(Comment + 2))) {
      Clean |= A.starts_with("expect-no-findings");
      llvm::SmallVector<llvm::StringRef> M;
      if (A.starts_with("expect-no-findings"))
        continue;
      if (!Pattern.match(A.rtrim(), &M)) {
        // A typo must not turn a check into no check.
        llvm::errs() << File << ":" << I + 1
                     << ": annotation does not parse: " << A.rtrim() << "\n";
        exit(1);
      }
      Expectation E;
      E.K = M[1] == "-note"      ? Expectation::Note
            : M[1] == "-edge"    ? Expectation::Edge
            : M[1] == "-no-edge" ? Expectation::NoEdge
                                 : Expectation::Finding;
      E.File = File;
      int Offset = 0;
      if (!M[2].empty())
        M[2].drop_front(M[2][1] == '+' ? 2 : 1).getAsInteger(10, Offset);
      E.Line = I + 1 + Offset;
      if (E.K == Expectation::Edge || E.K == Expectation::NoEdge) {
        E.Text = M[3].str();
        E.Met = E.K == Expectation::NoEdge; // Until an edge matches.
      } else {
        E.Rule = M[3].trim().str();
        E.Text = M[5].str();
      }
      Out.push_back(E);
    }
  }
  return Clean;
}

std::vector<std::string> flagsOf(const std::string &File) {
  std::vector<std::string> Flags;
  llvm::SmallVector<llvm::StringRef> Lines;
  std::string Text = readFile(File);
  llvm::StringRef(Text).split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
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

std::vector<CompileJob> jobsFor(const CaseFiles &Files,
                                const std::string &CorpusInclude) {
  std::vector<CompileJob> Jobs;
  for (const std::string &Unit : Files.Units) {
    CompileJob J;
    J.File = Unit;
    J.Directory = llvm::sys::path::parent_path(Unit).str();
    J.CommandLine = {"clang++", "-std=c++20", "-I" + CorpusInclude};
    for (std::string &F : flagsOf(Unit))
      J.CommandLine.push_back(std::move(F));
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

/// Marks the expectations that \p F meets; false when none names it.
bool claim(const Finding &F, std::vector<Expectation> &Expected) {
  for (Expectation &E : Expected)
    if (E.K == Expectation::Finding && !E.Met && E.Rule == F.Rule &&
        sameLine(F.Loc, E) && llvm::StringRef(F.Message).contains(E.Text)) {
      E.Met = true;
      return true;
    }
  return false;
}

void claimNotes(const std::vector<Finding> &Findings,
                std::vector<Expectation> &Expected) {
  for (Expectation &E : Expected)
    for (const Finding &F : Findings)
      for (const PathStep &S : F.Path)
        if (E.K == Expectation::Note && F.Rule == E.Rule &&
            sameLine(S.Loc, E) && llvm::StringRef(S.Message).contains(E.Text))
          E.Met = true;
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

int verifyCase(const std::string &Path, const std::string &CorpusInclude) {
  CaseFiles Files = findCaseFiles(Path);
  std::optional<ApiModels> Models =
      modelsFor(Files.Units.empty() ? Path : Files.Units[0]);
  if (!Models)
    return 2;
  if (Files.Units.empty()) {
    llvm::errs() << Path << ": no .cpp file in the case\n";
    return 1;
  }
  std::vector<Expectation> Expected;
  std::vector<std::string> CleanFiles;
  for (const std::string &F : Files.Sources)
    if (parseAnnotations(F, Expected))
      CleanFiles.push_back(F);
  if (Expected.empty() && CleanFiles.empty()) {
    llvm::errs() << Path
                 << ": no annotation: add an expect or expect-no-findings\n";
    return 1;
  }
  std::optional<std::vector<TuFacts>> Units =
      extractAll(jobsFor(Files, CorpusInclude));
  if (!Units)
    return 1;
  Program P = linkProgram(std::move(*Units), *Models);
  std::vector<Finding> Findings = runRules(P, *CheckFilter::parse("*"));
  unsigned Failures = 0;
  for (const Finding &F : Findings) {
    for (const std::string &Clean : CleanFiles)
      if (llvm::sys::fs::equivalent(F.Loc.File, Clean)) {
        llvm::errs() << F.Loc.File << ":" << F.Loc.Line
                     << ": finding in a file marked expect-no-findings: ["
                     << F.Rule << "] " << F.Message << "\n";
        ++Failures;
      }
    if (!claim(F, Expected)) {
      llvm::errs() << F.Loc.File << ":" << F.Loc.Line
                   << ": unexpected finding: [" << F.Rule << "] " << F.Message
                   << "\n";
      ++Failures;
    }
  }
  claimNotes(Findings, Expected);
  std::vector<std::string> Edges = graphEdges(P);
  for (Expectation &E : Expected)
    for (const std::string &Edge : Edges) {
      if (E.K == Expectation::Edge)
        E.Met |= edgeMatches(E.Text, Edge);
      if (E.K == Expectation::NoEdge && edgeMatches(E.Text, Edge))
        E.Met = false;
    }
  for (const Expectation &E : Expected)
    if (!E.Met) {
      llvm::errs() << E.File << ":" << E.Line << ": expected "
                   << (E.K == Expectation::Finding ? "finding not seen"
                       : E.K == Expectation::Note  ? "note not seen"
                       : E.K == Expectation::Edge  ? "edge not seen"
                                                   : "edge that must not exist")
                   << ": " << E.Rule << (E.Rule.empty() ? "" : " ") << E.Text
                   << "\n";
      ++Failures;
    }
  if (Failures && !Edges.empty() &&
      std::any_of(Expected.begin(), Expected.end(), [](const Expectation &E) {
        return E.K >= Expectation::Edge && !E.Met;
      })) {
    llvm::errs() << "edges of the linked graph:\n";
    for (const std::string &Edge : Edges)
      llvm::errs() << "  " << Edge << "\n";
  }
  llvm::outs() << Path << ": " << Findings.size() << " findings, "
               << Expected.size() << " expectations, " << Failures
               << " failures\n";
  return Failures ? 1 : 0;
}

/// Every name the frontend reports for the usage file: callees, object types,
/// argument types, and "Type::member" for each member used on a typed object.
std::set<std::string> namesSeen(const std::vector<TuFacts> &Units) {
  std::set<std::string> Seen;
  for (const TuFacts &U : Units)
    for (const FunctionFact &F : U.Functions)
      for (const SiteFact &S : F.Sites) {
        Seen.insert(S.CalleeName);
        Seen.insert(S.Receiver.Type);
        Seen.insert(S.AwaitableType);
        llvm::StringRef Member = splitMember(S.CalleeName).second;
        if (!S.Receiver.Type.empty() && S.Kind == SiteKind::Call)
          Seen.insert(S.Receiver.Type + "::" + Member.str());
        if (S.Kind == SiteKind::Suspend && !S.AwaitableType.empty())
          Seen.insert(S.AwaitableType + "::operator co_await");
        for (const ArgFact &A : S.Args)
          Seen.insert(A.Type);
      }
  return Seen;
}

int verifyModelNames(const std::string &ModelFile, const std::string &Usage,
                     const std::string &CorpusInclude) {
  std::optional<std::vector<TuFacts>> Units =
      extractAll(jobsFor(findCaseFiles(Usage), CorpusInclude));
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
    for (const char *List : {"waits", "signals", "lock", "unlock", "tryLock"})
      for (const auto &M : T.value(List, nlohmann::json::array()))
        Require(Type + "::" + M.get<std::string>(), List);
    for (const auto &Tag : T.value("deferTags", nlohmann::json::array()))
      Require(Tag.get<std::string>(), "defer tag");
  }
  llvm::outs() << ModelFile << ": " << Missing << " names never seen\n";
  return Missing ? 1 : 0;
}

} // namespace

int main(int argc, char **argv) {
  std::string CorpusInclude = COROLINT_CORPUS_DIR "/include";
  if (argc == 4 && llvm::StringRef(argv[1]) == "--model-names")
    return verifyModelNames(argv[2], argv[3], CorpusInclude);
  if (argc != 2) {
    llvm::errs()
        << "usage: corolint-corpus-verify CASE | --model-names MODEL USAGE\n";
    return 2;
  }
  return verifyCase(argv[1], CorpusInclude);
}
