//===- Main.cpp - The corolint command line -------------------------------===//
//
// corolint [options] [files...]    extract, link, check, report in one go
// corolint extract -p DIR -o OUT   write one facts file per translation unit
// corolint link [options] FACTS... link facts and check, as the one-shot run
//
// Exit status (README.md): 0 no findings at the fail level, 1 findings,
// 2 bad usage or input, 3 some translation units could not be analyzed.
//
//===----------------------------------------------------------------------===//

#include "ConfigCommands.h"
#include "Progress.h"
#include "corolint/InputFile.h"
#include "corolint/OutputFile.h"
#include "corolint/facts/FactsFiles.h"
#include "corolint/frontend/Frontend.h"
#include "corolint/model/ApiModels.h"
#include "corolint/model/Config.h"
#include "corolint/model/Inference.h"
#include "corolint/report/Baseline.h"
#include "corolint/report/ChangedLines.h"
#include "corolint/report/Report.h"
#include "corolint/report/Triage.h"
#include "corolint/rules/Analysis.h"
#include "corolint/rules/Rule.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <map>
#include <set>

using namespace corolint;
namespace cl = llvm::cl;

namespace {

enum ExitCode {
  ExitClean = 0,
  ExitFindings = 1,
  ExitBadInput = 2,
  ExitUnanalyzed = 3
};

cl::OptionCategory Category("corolint options");
cl::SubCommand ExtractCmd("extract",
                          "Write one facts file per translation unit");
cl::SubCommand
    LinkCmd("link",
            "Link facts files and check them, as the one-shot run does");
cl::SubCommand
    ModelsCmd("models",
              "Print the roles inferred from the project's code, with their "
              "evidence, as a Models: section of .corolint.yaml");

cl::opt<std::string>
    BuildPath("p", cl::desc("Directory holding compile_commands.json"),
              cl::value_desc("dir"), cl::init("."), cl::cat(Category),
              cl::sub(cl::SubCommand::getTopLevel()), cl::sub(ExtractCmd),
              cl::sub(ModelsCmd));
cl::list<std::string> Files(cl::Positional, cl::desc("[files...]"),
                            cl::cat(Category),
                            cl::sub(cl::SubCommand::getTopLevel()),
                            cl::sub(ExtractCmd), cl::sub(ModelsCmd));
cl::list<std::string> FactsPaths(cl::Positional,
                                 cl::desc("<facts files or folders>"),
                                 cl::OneOrMore, cl::cat(Category),
                                 cl::sub(LinkCmd));
cl::opt<std::string>
    Checks("checks", cl::desc("Rules to run, as globs: '*,-timer-polling'"),
           cl::init("*"), cl::cat(Category),
           cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
cl::opt<ReportFormat> OutputFormat(
    "format", cl::desc("Findings format"),
    cl::values(clEnumValN(ReportFormat::Text, "text",
                          "clang-style diagnostics"),
               clEnumValN(ReportFormat::Json, "json", "JSON (docs/output.md)"),
               clEnumValN(ReportFormat::Sarif, "sarif",
                          "SARIF 2.1.0 for code scanning (docs/output.md)")),
    cl::init(ReportFormat::Text), cl::cat(Category),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Folder that SARIF URIs are relative to (%SRCROOT%); default: "
             "the current folder, whose path is then left out of the output"),
    cl::value_desc("dir"), cl::cat(Category),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
enum class SuppressedInSarif { Keep, Omit };
cl::opt<SuppressedInSarif> SarifSuppressed(
    "sarif-suppressed",
    cl::desc("Suppressed findings in SARIF: keep them marked as suppressed, "
             "or omit them (GitHub shows suppressed results as open alerts)"),
    cl::values(clEnumValN(SuppressedInSarif::Keep, "keep", "the default"),
               clEnumValN(SuppressedInSarif::Omit, "omit", "leave them out")),
    cl::init(SuppressedInSarif::Keep), cl::cat(Category),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
cl::opt<ReportFormat> GraphFormat(
    "graph", cl::desc("Write the call/wait graph instead of findings"),
    cl::values(clEnumValN(ReportFormat::GraphDot, "dot", "Graphviz"),
               clEnumValN(ReportFormat::GraphJson, "json",
                          "JSON (docs/output.md)")),
    cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(LinkCmd));
cl::opt<std::string> Output(
    "o",
    cl::desc(
        "Output file (extract: output folder); written whole or not at all"),
    cl::value_desc("path"), cl::cat(Category),
    cl::sub(cl::SubCommand::getAll()));
cl::alias OutputLong("output", cl::aliasopt(Output), cl::desc("Alias for -o"));
cl::opt<std::string>
    FailOn("fail-on",
           cl::desc("Exit with 1 when findings at or above this level exist: "
                    "note, warning, error, never"),
           cl::init("warning"), cl::cat(Category),
           cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
cl::opt<unsigned> Jobs(
    "j",
    cl::desc("Translation units parsed in parallel (default: one per core)"),
    cl::init(0), cl::Prefix, cl::cat(Category),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(ExtractCmd),
    cl::sub(ModelsCmd));
cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("Argument to append to each compile command"),
              cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()),
              cl::sub(ExtractCmd), cl::sub(ModelsCmd));
cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc("Argument to prepend to each compile command"),
                    cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()),
                    cl::sub(ExtractCmd), cl::sub(ModelsCmd));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled rules and exit"),
                         cl::cat(Category),
                         cl::sub(cl::SubCommand::getTopLevel()),
                         cl::sub(LinkCmd));
cl::opt<std::string> ConfigFile(
    "config",
    cl::desc(
        "Configuration file (default: the .corolint.yaml nearest above the "
        "first translation unit, or above the current folder for link)"),
    cl::value_desc("file"), cl::cat(Category),
    cl::sub(cl::SubCommand::getAll()));
cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Report only findings whose fingerprints this baseline does not "
             "hold (docs/ci.md)"),
    cl::value_desc("file"), cl::cat(Category),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Write the fingerprints of today's findings to this file"),
    cl::value_desc("file"), cl::cat(Category),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
cl::opt<std::string> DiffRef(
    "diff",
    cl::desc("Report only findings on lines that `git diff REF` adds or "
             "changes, or whose path passes one; '-' reads a unified diff "
             "from stdin. For pull requests, never the default branch"),
    cl::value_desc("ref"), cl::cat(Category),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
cl::opt<std::string> HeaderFilterRegex(
    "header-filter",
    cl::desc("Report findings in headers only when their path matches this "
             "regex (a unit's main file is always reported); without it, "
             "headers of the project outside folders of copied libraries"),
    cl::value_desc("regex"), cl::cat(Category),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
cl::opt<std::string> ExcludeHeaderFilterRegex(
    "exclude-header-filter",
    cl::desc("Do not report findings in headers whose path matches this regex"),
    cl::value_desc("regex"), cl::cat(Category),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(LinkCmd));
cl::alias ConfigFileAlias("config-file", cl::aliasopt(ConfigFile),
                          cl::desc("Alias for --config"));
cl::opt<bool>
    DumpConfig("dump-config",
               cl::desc("Print the effective configuration as YAML and exit"),
               cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()));
cl::opt<bool> ExplainConfig(
    "explain-config",
    cl::desc("Print each setting and where it came from, and exit"),
    cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()));
cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration (unknown keys and rules, bad regexes "
             "and models are errors naming the line) and exit"),
    cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()));
cl::opt<bool>
    NoInfer("no-infer",
            cl::desc("Use only the models: infer no roles from the code of "
                     "classes they do not name (docs/inference.md)"),
            cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()),
            cl::sub(LinkCmd));
cl::opt<bool> Quiet("quiet",
                    cl::desc("Do not print the summary line on stderr"),
                    cl::cat(Category), cl::sub(cl::SubCommand::getAll()));

// The man-page sections after the options; README.md says the same.
cl::extrahelp MoreHelp(R"(
FILES:
  .corolint.yaml     Checks, HeaderFilterRegex, ExcludeHeaderFilterRegex,
                     Levels (rule: note|warning|error) and Models (in-house
                     libraries); found upward from the first translation
                     unit unless --config names one

SUPPRESSIONS:
  code;  // NOLINT(corolint-RULE) justification
  // NOLINTNEXTLINE(corolint-RULE), NOLINTBEGIN(corolint-*) ... NOLINTEND(corolint-*)
  A rule name (or glob) is required: a bare NOLINT does not silence corolint.

EXIT STATUS:
  0  no findings at or above the --fail-on level
  1  findings at or above the --fail-on level
  2  bad usage or input; one line on stderr names the file and the problem
  3  some translation units could not be parsed (the others were analyzed)

SEE ALSO:
  README.md, docs/output.md (formats), docs/ci.md (CI, baselines, diff mode),
  docs/rules/<id>.md (one page per rule)
)");

int fail(const llvm::Twine &Message, int Code = ExitBadInput) {
  llvm::WithColor::error(llvm::errs(), "corolint") << Message << '\n';
  return Code;
}

void printVersion(llvm::raw_ostream &OS) {
  OS << "corolint version " COROLINT_VERSION "\n  built with LLVM "
     << LLVM_VERSION_STRING << "\n";
}

/// --fail-on as the lowest Level that fails, Error + 1 for "never".
std::optional<int> failLevelRank(llvm::StringRef Name) {
  if (Name == "never")
    return static_cast<int>(Level::Error) + 1;
  if (std::optional<Level> L = parseLevel(Name))
    return static_cast<int>(*L);
  return std::nullopt;
}

int listChecks(const CheckFilter &Filter) {
  llvm::outs() << "Enabled checks:\n";
  for (const RuleInfo &R : allRules())
    if (Filter.enabled(R.Id))
      llvm::outs() << "    " << R.Id << "\n";
  llvm::outs() << "\n";
  return ExitClean;
}

/// What the command line asked for, read once from the options in main.
struct DriverOptions {
  std::string Output;
  /// --graph's format if given, else --format's.
  ReportFormat Format = ReportFormat::Text;
  ReportOptions Report;
  std::optional<Baseline> Base;
  std::string WriteBaseline;
  std::optional<ChangedLines> Diff;
  /// Levels: from .corolint.yaml, by rule id.
  std::map<std::string, Level> Levels;
  /// Checked copies of --header-filter and --exclude-header-filter
  /// (llvm::Regex cannot be copied).
  std::string HeaderRegex, ExcludeHeaderRegex;
  HeaderFilter Headers;
  int FailRank = 1;
  bool Quiet = false;
  /// Roles are inferred for what no model names (docs/inference.md).
  bool Infer = true;
  ExtractOptions Extract;

  /// Where relative paths start: SARIF's %SRCROOT%, and the paths of
  /// baselines, diffs and suppression comments.
  const std::string &sourceRoot() const { return Report.Sarif.SourceRoot; }
};

/// Runs one command: extract, link, or the one-shot analysis.
class Driver {
public:
  Driver(DriverOptions Options, const ApiModels &Models,
         const CheckFilter &Filter)
      : Options(std::move(Options)), Models(Models), Filter(Filter) {}

  int runExtract(const std::vector<CompileJob> &CompileJobs) const;
  int runLink(const std::vector<std::string> &Paths) const;
  int runOneShot(const std::vector<CompileJob> &CompileJobs) const;
  int runModels(const std::vector<CompileJob> &CompileJobs) const;

private:
  int writeOutput(llvm::function_ref<void(llvm::raw_ostream &)> Write) const;
  int analyze(std::vector<TuFacts> Units,
              const std::vector<UnitError> &Errors) const;
  std::vector<ReportedFinding>
  compareWithBaseline(std::vector<ReportedFinding> Findings) const;
  llvm::Expected<std::vector<ReportedFinding>>
  triage(const Program &P, const std::vector<std::string> &SourceFiles,
         const HeaderFilter &Headers, SourceText &Sources) const;
  void summarize(const Program &P, llvm::ArrayRef<ReportedFinding> Reported,
                 bool ShowsFindings) const;
  int exitStatus(llvm::ArrayRef<ReportedFinding> Reported,
                 llvm::ArrayRef<UnitError> Errors) const;
  std::vector<ExtractResult>
  extractUnits(const std::vector<CompileJob> &CompileJobs) const;

  DriverOptions Options;
  const ApiModels &Models;
  const CheckFilter &Filter;
};

/// Writes through a callback to -o (atomically) or to stdout.
int Driver::writeOutput(
    llvm::function_ref<void(llvm::raw_ostream &)> Write) const {
  if (llvm::Error E = writeOutputFile(
          Options.Output.empty() ? "-" : Options.Output, Write))
    return fail(llvm::toString(std::move(E)));
  return ExitClean;
}

/// Runs the extracted or loaded units through link, rules and the report.
int Driver::analyze(std::vector<TuFacts> Units,
                    const std::vector<UnitError> &Errors) const {
  std::vector<std::string> SourceFiles =
      suppressionSources(Units, Options.sourceRoot());
  HeaderFilter Headers;
  if (!Options.HeaderRegex.empty())
    Headers.Include.emplace(Options.HeaderRegex);
  if (!Options.ExcludeHeaderRegex.empty())
    Headers.Exclude.emplace(Options.ExcludeHeaderRegex);
  for (const TuFacts &U : Units)
    Headers.MainFiles.insert(U.MainFile);
  Headers.ProjectRoot = projectRoot(Headers.MainFiles, Options.sourceRoot());
  ApiModels WithInferred = Models;
  if (Options.Infer)
    if (llvm::Error E = addInferredModels(Units, WithInferred))
      return fail(llvm::toString(std::move(E)));
  Program P = linkProgram(std::move(Units), WithInferred);
  std::unique_ptr<Reporter> Report =
      createReporter(Options.Format, Options.Report);
  SourceText Sources;
  std::vector<ReportedFinding> Reported;
  if (Report->showsFindings()) {
    llvm::Expected<std::vector<ReportedFinding>> Triaged =
        triage(P, SourceFiles, Headers, Sources);
    if (!Triaged)
      return fail(llvm::toString(Triaged.takeError()));
    Reported = std::move(*Triaged);
  }
  int Status = writeOutput([&](llvm::raw_ostream &OS) {
    Report->write(OS, {&P, Reported, Errors, Sources});
  });
  if (Status != ExitClean)
    return Status;
  if (!Options.Quiet)
    summarize(P, Reported, Report->showsFindings());
  return exitStatus(Reported, Errors);
}

/// Marks findings new or unchanged, and adds the baseline's entries that no
/// finding matched as absent ones.
std::vector<ReportedFinding>
Driver::compareWithBaseline(std::vector<ReportedFinding> Findings) const {
  if (!Options.Base)
    return Findings;
  Baseline B = *Options.Base;
  B.mark(Findings);
  for (ReportedFinding &Gone : B.absent(Options.sourceRoot()))
    Findings.push_back(std::move(Gone));
  return Findings;
}

/// The rules' findings after levels, header filter and suppressions, the
/// baseline (written and compared) and the diff filter.
llvm::Expected<std::vector<ReportedFinding>>
Driver::triage(const Program &P, const std::vector<std::string> &SourceFiles,
               const HeaderFilter &Headers, SourceText &Sources) const {
  std::vector<Finding> FromRules = runRules(P, Filter);
  for (Finding &F : FromRules)
    if (auto It = Options.Levels.find(F.Rule); It != Options.Levels.end())
      F.Severity = It->second;
  std::vector<ReportedFinding> Reported = triageFindings(
      std::move(FromRules), Headers, SourceFiles, Filter, Sources);
  if (!Options.WriteBaseline.empty()) {
    std::string Text = Baseline::write(Reported, Options.sourceRoot());
    if (llvm::Error E = writeOutputFile(
            Options.WriteBaseline,
            [&](llvm::raw_ostream &OS) { OS << Text; }))
      return E;
  }
  Reported = compareWithBaseline(std::move(Reported));
  if (Options.Diff)
    llvm::erase_if(Reported, [&](const ReportedFinding &RF) {
      return RF.Baseline == BaselineState::Absent ||
             !Options.Diff->touches(RF.F);
    });
  return Reported;
}

/// The summary line on stderr: how big the program is and, for a format
/// that shows findings, how many it shows and how many it leaves out.
void Driver::summarize(const Program &P,
                       llvm::ArrayRef<ReportedFinding> Reported,
                       bool ShowsFindings) const {
  llvm::errs() << "corolint: " << summarizeProgram(P);
  if (ShowsFindings) {
    unsigned Shown = 0, Hidden = 0;
    for (const ReportedFinding &RF : Reported) {
      if (RF.needsAttention())
        ++Shown;
      else if (RF.Baseline != BaselineState::Absent)
        ++Hidden;
    }
    llvm::errs() << "; " << Shown << " findings";
    if (Hidden)
      llvm::errs() << " (" << Hidden << " suppressed or in the baseline)";
  }
  llvm::errs() << "\n";
}

/// Unanalyzed units first: a clean exit must not hide that some code was
/// never checked. Only findings that need attention count.
int Driver::exitStatus(llvm::ArrayRef<ReportedFinding> Reported,
                       llvm::ArrayRef<UnitError> Errors) const {
  if (!Errors.empty())
    return ExitUnanalyzed;
  for (const ReportedFinding &RF : Reported)
    if (RF.needsAttention() &&
        static_cast<int>(RF.F.Severity) >= Options.FailRank)
      return ExitFindings;
  return ExitClean;
}

/// Parses the units; reports those that fail.
std::vector<ExtractResult>
Driver::extractUnits(const std::vector<CompileJob> &CompileJobs) const {
  // A progress line only where a person watches, never in CI logs.
  bool ShowProgress = !Options.Quiet && llvm::errs().is_displayed();
  std::vector<ExtractResult> Results =
      ShowProgress
          ? extractWithProgress(CompileJobs, Options.Extract, llvm::errs())
          : extractFacts(CompileJobs, Options.Extract);
  for (const ExtractResult &R : Results)
    if (!R.Facts)
      llvm::WithColor::error(llvm::errs(), "corolint") << R.Error << '\n';
  return Results;
}

int Driver::runExtract(const std::vector<CompileJob> &CompileJobs) const {
  if (Options.Output.empty())
    return fail("extract: give the output folder with -o");
  if (std::error_code EC = llvm::sys::fs::create_directories(Options.Output))
    return fail(Options.Output + ": cannot create: " + EC.message());
  bool AllParsed = true;
  for (const ExtractResult &R : extractUnits(CompileJobs)) {
    // A unit that could not be analyzed still gets its file, saying so, so
    // that `link` reports it as the one-shot run does (and replaces facts an
    // earlier run left for it).
    TuFacts Failed;
    if (!R.Facts) {
      AllParsed = false;
      Failed.MainFile = R.File;
      Failed.Unanalyzed = R.Error;
    }
    if (llvm::Error E =
            writeFactsFile(Options.Output, R.Facts ? *R.Facts : Failed))
      return fail(llvm::toString(std::move(E)));
  }
  return AllParsed ? ExitClean : ExitUnanalyzed;
}

int Driver::runLink(const std::vector<std::string> &Paths) const {
  llvm::Expected<std::vector<TuFacts>> Units = readFactsFiles(Paths);
  if (!Units)
    return fail(llvm::toString(Units.takeError()));
  std::vector<UnitError> Errors;
  for (const TuFacts &U : *Units)
    if (!U.Unanalyzed.empty())
      Errors.push_back({U.MainFile, U.Unanalyzed});
  llvm::erase_if(*Units,
                 [](const TuFacts &U) { return !U.Unanalyzed.empty(); });
  llvm::sort(Errors, [](const UnitError &A, const UnitError &B) {
    return A.File < B.File;
  });
  for (const UnitError &E : Errors)
    llvm::WithColor::error(llvm::errs(), "corolint") << E.Message << '\n';
  return analyze(std::move(*Units), Errors);
}

int Driver::runOneShot(const std::vector<CompileJob> &CompileJobs) const {
  std::vector<TuFacts> Units;
  std::vector<UnitError> Errors;
  for (ExtractResult &R : extractUnits(CompileJobs)) {
    if (R.Facts)
      Units.push_back(std::move(*R.Facts));
    else
      Errors.push_back({R.File, R.Error});
  }
  return analyze(std::move(Units), Errors);
}

int Driver::runModels(const std::vector<CompileJob> &CompileJobs) const {
  std::vector<TuFacts> Units;
  bool AllParsed = true;
  for (ExtractResult &R : extractUnits(CompileJobs)) {
    AllParsed &= R.Facts.has_value();
    if (R.Facts)
      Units.push_back(std::move(*R.Facts));
  }
  InferredModels Inferred = inferModels(Units, Models);
  int Status =
      writeOutput([&](llvm::raw_ostream &OS) { OS << Inferred.yaml(); });
  if (Status != ExitClean)
    return Status;
  return AllParsed ? ExitClean : ExitUnanalyzed;
}

/// What the run reads that \p Output names: a unit's source, the compile
/// database, the configuration, the baseline; or nothing.
std::optional<std::string> inputNamedBy(llvm::StringRef Output,
                                        const std::vector<CompileJob> &Jobs,
                                        const Config &Settings) {
  if (Output.empty() || Output == "-" || !llvm::sys::fs::exists(Output))
    return std::nullopt;
  auto Same = [&](llvm::StringRef Input) {
    return !Input.empty() && llvm::sys::fs::equivalent(Output, Input);
  };
  for (const CompileJob &Job : Jobs)
    if (Same(Job.File))
      return "the source of a translation unit";
  llvm::SmallString<256> Database(BuildPath);
  llvm::sys::path::append(Database, "compile_commands.json");
  if (Same(Database))
    return std::string("the compile database");
  if (Same(Settings.File))
    return std::string("the configuration");
  if (Same(BaselineFile))
    return std::string("the baseline");
  return std::nullopt;
}

/// --config, or the .corolint.yaml nearest above the analyzed sources (the
/// first unit's folder). The models it adds apply to the whole program, since
/// linking is global.
llvm::Expected<Config> findConfig(const std::vector<CompileJob> &CompileJobs) {
  if (!ConfigFile.empty())
    return loadConfig(ConfigFile);
  // Without units (--list-checks, --dump-config, ...): above the first
  // file named, or the current folder.
  std::string Start =
      !CompileJobs.empty()
          ? llvm::sys::path::parent_path(CompileJobs.front().File).str()
      : !Files.empty() ? llvm::sys::path::parent_path(Files.front()).str()
                       : std::string(".");
  if (Start.empty())
    Start = ".";
  if (std::optional<std::string> Found = findConfigUpward(Start))
    return loadConfig(*Found);
  return Config();
}

DriverOptions readOptions() {
  DriverOptions O;
  O.Output = Output;
  O.Format = GraphFormat.getNumOccurrences() ? GraphFormat : OutputFormat;
  O.Report.Color = O.Output.empty() && llvm::outs().has_colors();
  llvm::SmallString<256> Root(SourceRoot);
  llvm::sys::fs::make_absolute(Root);
  llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  SarifOptions &Sarif = O.Report.Sarif;
  Sarif.SourceRoot = llvm::StringRef(Root).rtrim('/').str();
  Sarif.ShowSourceRoot = !SourceRoot.empty();
  Sarif.OmitSuppressed = SarifSuppressed == SuppressedInSarif::Omit;
  O.FailRank = failLevelRank(FailOn).value_or(1);
  O.Quiet = Quiet;
  O.Infer = !NoInfer;
  // Each parse holds a whole Clang AST: far more at once than the machine
  // has hardware threads only adds memory (-j100000 started 151 threads).
  unsigned Limit = 4 * llvm::hardware_concurrency().compute_thread_count();
  O.Extract.Jobs = Jobs;
  if (Jobs > Limit) {
    llvm::WithColor::warning(llvm::errs(), "corolint")
        << "-j" << Jobs << " is more than 4 per hardware thread; parsing "
        << Limit << " units at a time\n";
    O.Extract.Jobs = Limit;
  }
  O.Extract.ExtraArgs = ExtraArgs;
  O.Extract.ExtraArgsBefore = ExtraArgsBefore;
  return O;
}

/// A regex option, checked now so that a typo is a usage error.
llvm::Error readRegex(llvm::StringRef Flag, llvm::StringRef Text,
                      std::string &Out) {
  Out = Text.str();
  std::string Why;
  if (!Text.empty() && !llvm::Regex(Text).isValid(Why))
    return llvm::createStringError(std::errc::invalid_argument,
                                   "--%s: bad regex '%s': %s", Flag.data(),
                                   Text.str().c_str(), Why.c_str());
  return llvm::Error::success();
}

/// --baseline, --diff and the header filters: files and git are read now,
/// before any parsing, so that bad input fails fast.
llvm::Error readTriageOptions(DriverOptions &O, const EffectiveConfig &C) {
  if (llvm::Error E =
          readRegex("header-filter", C.HeaderFilterRegex.Value, O.HeaderRegex))
    return E;
  if (llvm::Error E =
          readRegex("exclude-header-filter", C.ExcludeHeaderFilterRegex.Value,
                    O.ExcludeHeaderRegex))
    return E;
  O.WriteBaseline = WriteBaseline;
  for (const auto &[Rule, Name] : C.File.Levels)
    O.Levels[Rule] = parseLevel(Name.Value).value_or(Level::Warning);
  if (!BaselineFile.empty()) {
    llvm::Expected<Baseline> B = Baseline::load(BaselineFile);
    if (!B)
      return B.takeError();
    O.Base = std::move(*B);
  }
  if (DiffRef == "-") {
    auto Stdin = readInputFile("/dev/stdin");
    if (!Stdin)
      return llvm::createStringError(std::errc::invalid_argument,
                                     "--diff=-: %s",
                                     llvm::toString(Stdin.takeError()).c_str());
    if (!ChangedLines::isUnifiedDiff((*Stdin)->getBuffer()))
      return llvm::createStringError(
          std::errc::invalid_argument,
          "--diff=-: standard input is not a unified diff (no '+++' line)");
    O.Diff = ChangedLines::parse((*Stdin)->getBuffer(), O.sourceRoot());
  } else if (!DiffRef.empty()) {
    llvm::Expected<ChangedLines> Changed =
        ChangedLines::fromGit(DiffRef, O.sourceRoot());
    if (!Changed)
      return Changed.takeError();
    O.Diff = std::move(*Changed);
  }
  return llvm::Error::success();
}

EffectiveConfig effectiveConfig(const Config &File) {
  return {File,
          pickSetting(Checks.getNumOccurrences(), Checks, "checks", File.Checks,
                      File, "*"),
          pickSetting(HeaderFilterRegex.getNumOccurrences(), HeaderFilterRegex,
                      "header-filter", File.HeaderFilterRegex, File, ""),
          pickSetting(ExcludeHeaderFilterRegex.getNumOccurrences(),
                      ExcludeHeaderFilterRegex, "exclude-header-filter",
                      File.ExcludeHeaderFilterRegex, File, "")};
}

int runConfigCommand(const EffectiveConfig &C) {
  if (DumpConfig)
    dumpConfig(llvm::outs(), C);
  if (ExplainConfig)
    explainConfig(llvm::outs(), C);
  if (!VerifyConfig)
    return ExitClean;
  std::vector<std::string> Problems = verifyConfig(C);
  for (const std::string &P : Problems)
    llvm::WithColor::error(llvm::errs(), "corolint") << P << '\n';
  if (Problems.empty())
    llvm::outs() << (C.File.File.empty() ? "no .corolint.yaml" : C.File.File)
                 << ": ok\n";
  return Problems.empty() ? ExitClean : ExitBadInput;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM X(argc, argv);
  // Past a file-size limit a write then fails with EFBIG, which the output
  // writer reports, instead of the signal killing the run mid-file.
  std::signal(SIGXFSZ, SIG_IGN);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "corolint: finds the ways asynchronous C++ hangs\n\n"
          "  Reads a project through compile_commands.json and reports waits "
          "that\n"
          "  can never end: wait cycles, locks held across suspension, "
          "blocking\n"
          "  calls on the event loop. See README.md and docs/.\n",
          &llvm::errs()))
    return ExitBadInput;
  if (!failLevelRank(FailOn))
    return fail("--fail-on must be note, warning, error or never, not '" +
                FailOn + "'");
  bool ConfigCommand = DumpConfig || ExplainConfig || VerifyConfig;
  std::vector<CompileJob> CompileJobs;
  if (!LinkCmd && !ListChecks && !ConfigCommand) {
    llvm::Expected<std::vector<CompileJob>> Loaded =
        loadCompileJobs(BuildPath, Files);
    if (!Loaded)
      return fail(llvm::toString(Loaded.takeError()));
    CompileJobs = std::move(*Loaded);
  }
  llvm::Expected<Config> Settings = findConfig(CompileJobs);
  if (!Settings)
    return fail(llvm::toString(Settings.takeError()));
  EffectiveConfig Effective = effectiveConfig(*Settings);
  if (ConfigCommand)
    return runConfigCommand(Effective);
  // A glob that matches nothing may name a rule of a newer corolint, so it
  // is only an error under --verify-config; a typo must still be seen.
  for (const std::string &Glob :
       CheckFilter::unknownGlobs(Effective.Checks.Value))
    llvm::WithColor::warning(llvm::errs(), "corolint")
        << Effective.Checks.Origin << ": Checks: '" << Glob
        << "' matches no rule\n";
  llvm::Expected<CheckFilter> Filter =
      CheckFilter::parse(Effective.Checks.Value);
  if (!Filter)
    return fail(llvm::toString(Filter.takeError()));
  if (ListChecks)
    return listChecks(*Filter);

  ApiModels Models;
  if (llvm::Error E = Models.addDirectory(defaultModelsDirectory(argv[0])))
    return fail(llvm::toString(std::move(E)));
  if (llvm::Error E = Settings->addModelsTo(Models))
    return fail(llvm::toString(std::move(E)));

  DriverOptions Options = readOptions();
  if (llvm::Error E = readTriageOptions(Options, Effective))
    return fail(llvm::toString(std::move(E)));
  if (std::optional<std::string> Input =
          inputNamedBy(Options.Output, CompileJobs, *Settings))
    return fail(Options.Output + ": is " + *Input +
                " of this run; -o would overwrite it");
  Driver D(std::move(Options), Models, *Filter);
  if (ExtractCmd)
    return D.runExtract(CompileJobs);
  if (LinkCmd)
    return D.runLink(FactsPaths);
  if (ModelsCmd)
    return D.runModels(CompileJobs);
  return D.runOneShot(CompileJobs);
}
