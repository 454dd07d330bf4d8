#include "storage.h"
#include <fake/coro.h>

fake::task<void> on_message(int id) {
  persist_record(id); // expect-warning: blocking-call {{call to 'persist_record' reaches 'sleep', which blocks the event loop}}
  co_return;
}
