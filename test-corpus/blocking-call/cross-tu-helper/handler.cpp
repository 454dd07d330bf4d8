#include "storage.h"
#include <fake/coro.h>

fake::task<void> on_message(int id) {
  persist_record(id); // expect-path: blocking-call {{calls 'persist_record'}}
  co_return;
}
