//===- ChangedLines.cpp - What a change added or modified -----------------===//

#include "corolint/report/ChangedLines.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace corolint {

/// The real path, so that a finding's file and a diff's path compare equal
/// whatever symlinks or dots lead to them.
static std::string canonical(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return Path.str();
  return std::string(Real);
}

/// "+++ b/src/a.cpp\t2024-01-01" -> the file under \p BaseDir; empty for
/// /dev/null (a deleted file).
static std::string newFilePath(llvm::StringRef Header,
                               llvm::StringRef BaseDir) {
  llvm::StringRef Name = Header.split('\t').first.trim();
  if (Name == "/dev/null")
    return "";
  llvm::SmallString<256> Path(BaseDir);
  llvm::sys::path::append(Path, Name);
  if (Name.starts_with("b/") && !llvm::sys::fs::exists(Path)) {
    Path = BaseDir;
    llvm::sys::path::append(Path, Name.drop_front(2));
  }
  return canonical(Path);
}

ChangedLines ChangedLines::parse(llvm::StringRef Diff,
                                 llvm::StringRef BaseDir) {
  ChangedLines Result;
  std::string File;
  unsigned NewLine = 0;
  for (llvm::StringRef Line : llvm::split(Diff, '\n')) {
    if (Line.consume_front("+++ ")) {
      File = newFilePath(Line, BaseDir);
    } else if (Line.starts_with("@@ ")) {
      // @@ -a,b +c,d @@: the hunk's new side starts at line c.
      llvm::StringRef New = Line.drop_front(3).split(' ').second;
      New.consume_front("+");
      New.split(',').first.split(' ').first.getAsInteger(10, NewLine);
    } else if (File.empty() || Line.starts_with("--- ")) {
      continue;
    } else if (Line.starts_with("+")) {
      auto &Ranges = Result.Lines[File];
      if (!Ranges.empty() && Ranges.back().second + 1 == NewLine)
        Ranges.back().second = NewLine;
      else
        Ranges.push_back({NewLine, NewLine});
      ++NewLine;
    } else if (Line.starts_with(" ")) {
      ++NewLine;
    }
  }
  return Result;
}

bool ChangedLines::isUnifiedDiff(llvm::StringRef Text) {
  if (Text.trim().empty())
    return true;
  return llvm::any_of(llvm::split(Text, '\n'), [](llvm::StringRef Line) {
    return Line.starts_with("+++ ");
  });
}

/// Runs git with \p Args in \p Dir; its standard output, or why not.
static llvm::Expected<std::string> runGit(llvm::ArrayRef<llvm::StringRef> Args,
                                          llvm::StringRef Dir) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError(std::errc::no_such_file_or_directory,
                                   "--diff: git not found");
  llvm::SmallString<128> Out, Err;
  llvm::sys::fs::createTemporaryFile("corolint-git", "out", Out);
  llvm::sys::fs::createTemporaryFile("corolint-git", "err", Err);
  std::vector<llvm::StringRef> Argv = {*Git, "-C", Dir};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, Out.str(),
                                                Err.str()};
  int Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  auto Text = [](llvm::StringRef Path) {
    auto B = llvm::MemoryBuffer::getFile(Path);
    std::string S = B ? (*B)->getBuffer().str() : "";
    llvm::sys::fs::remove(Path);
    return S;
  };
  std::string Stdout = Text(Out), Stderr = Text(Err);
  if (Status != 0)
    return llvm::createStringError(
        std::errc::invalid_argument, "--diff: git %s failed in %s: %s",
        llvm::join(Args, " ").c_str(), Dir.str().c_str(),
        llvm::StringRef(Stderr).trim().str().c_str());
  return Stdout;
}

llvm::Expected<ChangedLines> ChangedLines::fromGit(llvm::StringRef Ref,
                                                   llvm::StringRef Dir) {
  // git would take "--output=FILE" for an option of its own and write FILE.
  if (Ref.starts_with("-"))
    return llvm::createStringError(
        std::errc::invalid_argument,
        "--diff: '%s' is not a git revision (it starts with '-')",
        Ref.str().c_str());
  llvm::Expected<std::string> Top =
      runGit({"rev-parse", "--show-toplevel"}, Dir);
  if (!Top)
    return Top.takeError();
  llvm::Expected<std::string> Diff = runGit(
      {"diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", Ref, "--"},
      Dir);
  if (!Diff)
    return Diff.takeError();
  return parse(*Diff, llvm::StringRef(*Top).trim());
}

bool ChangedLines::contains(const SourceLoc &Loc) const {
  auto It = Lines.find(canonical(Loc.File));
  if (It == Lines.end())
    return false;
  for (const auto &[First, Last] : It->second)
    if (Loc.Line >= First && Loc.Line <= Last)
      return true;
  return false;
}

bool ChangedLines::touches(const Finding &F) const {
  if (contains(F.Loc))
    return true;
  for (const PathStep &S : F.Path)
    if (contains(S.Loc))
      return true;
  return false;
}

} // namespace corolint
