// A blocking function reached only from main and from worker threads.
// expect-no-findings
#include <cstdio>
#include <thread>

void write_report() {
  FILE *f = fopen("report.txt", "w");
  if (f)
    fclose(f);
}

int main() {
  write_report();
  std::thread t(write_report);
  t.join();
}
