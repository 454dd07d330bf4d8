// The blocking call is in another translation unit than the loop code.
#include "storage.h"
#include <unistd.h>

void persist_record(int id) {
  sleep(1); // expect-warning: blocking-call {{'sleep' blocks the event loop}}
  (void)id;
}
