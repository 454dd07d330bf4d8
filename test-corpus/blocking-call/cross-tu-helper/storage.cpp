// The blocking call is in another translation unit than the loop code; the
// finding is at the loop code's call, which is what runs on the loop.
#include "storage.h"
#include <unistd.h>

void persist_record(int id) {
  sleep(1); // expect-path: blocking-call {{'sleep' blocks here}}
  (void)id;
}
