//===- FrontendFuzzer.cpp - Generated programs through the whole tool -----===//
//
// The fuzzer's bytes choose a small coroutine program (ProgramGenerator.h),
// which goes through everything a run does: the frontend, facts written and
// read back, linking, every rule, triage and each report format. What must
// hold:
//   - the frontend analyzes it (the generator writes only valid C++);
//   - its facts read back as written;
//   - two links and two rule runs give the same findings;
//   - every finding and every step of its path points at a line of the
//     program or of a header it includes;
//   - every report format writes it.
// The program is parsed with the corpus's precompiled standard headers, so
// that an input costs milliseconds, not the standard library's parse.
//
//===----------------------------------------------------------------------===//

#include "FuzzInput.h"
#include "ProgramGenerator.h"
#include "corolint/facts/Facts.h"
#include "corolint/frontend/Frontend.h"
#include "corolint/model/ApiModels.h"
#include "corolint/model/Config.h"
#include "corolint/report/Report.h"
#include "corolint/report/Triage.h"
#include "corolint/rules/Analysis.h"
#include "corolint/rules/Rule.h"

using namespace corolint;

namespace {

/// The shipped models and the corpus's description of its fake library.
const ApiModels &models() {
  static const ApiModels Models = [] {
    ApiModels M;
    llvm::Error E = M.addDirectory(COROLINT_FUZZ_MODELS_DIR);
    llvm::Expected<Config> C = loadConfig(COROLINT_FUZZ_CORPUS_CONFIG);
    E = llvm::joinErrors(std::move(E),
                         C ? C->addModelsTo(M) : C.takeError());
    if (E) {
      llvm::errs() << llvm::toString(std::move(E)) << "\n";
      std::abort();
    }
    return M;
  }();
  return Models;
}

[[noreturn]] void fail(llvm::StringRef Why, llvm::StringRef Code) {
  llvm::errs() << "frontend fuzzer: " << Why << "\n--- program ---\n"
               << Code << "--- end ---\n";
  std::abort();
}

TuFacts extract(const std::string &File, llvm::StringRef Code) {
  CompileJob Job;
  Job.File = File;
  Job.Directory = fuzz::scratchDir();
  Job.CommandLine = {"clang++", "-std=c++20", "-I" COROLINT_FUZZ_CORPUS_INCLUDE,
                     "-include-pch", COROLINT_FUZZ_STD_PCH, File};
  ExtractOptions Options;
  Options.Jobs = 1;
  std::vector<ExtractResult> Results = extractFacts({Job}, Options);
  if (Results.size() != 1 || !Results[0].Facts)
    fail(Results.empty() ? "no result" : Results[0].Error, Code);
  return std::move(*Results[0].Facts);
}

void checkRoundTrip(const TuFacts &Facts, llvm::StringRef Code) {
  std::string Text = writeFactsJson(Facts);
  llvm::Expected<TuFacts> Again = readFactsJson(Text, "unit.facts.json");
  if (!Again) {
    fail("facts do not read back: " + llvm::toString(Again.takeError()),
         Code);
  }
  if (writeFactsJson(*Again) != Text)
    fail("facts read back differently", Code);
}

void checkPlaces(const std::vector<Finding> &Findings, SourceText &Sources,
                 llvm::StringRef Code) {
  auto Valid = [&](const SourceLoc &L) {
    return !L.File.empty() && L.Line >= 1 &&
           !Sources.line(L.File, L.Line).empty();
  };
  for (const Finding &F : Findings) {
    if (!Valid(F.Loc))
      fail(F.Rule + " finding at no line of the program: " + F.Loc.File +
               ":" + std::to_string(F.Loc.Line),
           Code);
    for (const PathStep &S : F.Path)
      if (!Valid(S.Loc))
        fail(F.Rule + " path step at no line: " + S.Message, Code);
  }
}

void writeReports(const TuFacts &Facts, std::vector<Finding> Findings,
                  const Program &P, SourceText &Sources) {
  HeaderFilter Headers;
  Headers.MainFiles.insert(Facts.MainFile);
  Headers.ProjectRoot = fuzz::scratchDir();
  std::vector<ReportedFinding> Reported = triageFindings(
      std::move(Findings), Headers, suppressionSources({Facts}, fuzz::scratchDir()),
      *CheckFilter::parse("*"), Sources);
  ReportOptions Options;
  Options.Sarif.SourceRoot = fuzz::scratchDir();
  for (ReportFormat Format :
       {ReportFormat::Text, ReportFormat::Json, ReportFormat::Sarif,
        ReportFormat::GraphDot, ReportFormat::GraphJson}) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    createReporter(Format, Options)->write(OS, {&P, Reported, {}, Sources});
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Code = fuzz::generateProgram(Data, Size);
  std::string File = fuzz::writeInput("unit.cpp", Code);
  TuFacts Facts = extract(File, Code);
  checkRoundTrip(Facts, Code);
  CheckFilter All = *CheckFilter::parse("*");
  Program P = linkProgram({Facts}, models());
  std::vector<Finding> Findings = runRules(P, All);
  if (runRules(linkProgram({Facts}, models()), All) != Findings)
    fail("two runs gave different findings", Code);
  SourceText Sources;
  checkPlaces(Findings, Sources, Code);
  writeReports(Facts, std::move(Findings), P, Sources);
  return 0;
}
