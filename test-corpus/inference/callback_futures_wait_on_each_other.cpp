// Two coroutines each await the future of an in-house promise that only the
// other fulfils, and only after its own wait. The future's awaiter keeps no
// handle: it hands the shared core a callback that resumes it, which the
// promise's fulfil() calls. corolint knows the pair from the library's code.
#include <inhouse/callback_future.h>
#include <inhouse/task.h>

inhouse::contract_promise<int> schema_loaded;
inhouse::contract_promise<int> index_built;

inhouse::task<int> build_index() {
  auto schema = schema_loaded.get_semi_future();
  co_await schema; // expect-error: wait-cycle {{deadlock: 'index_built' is signalled only after 'schema_loaded' is signalled, and 'schema_loaded' is signalled only after 'index_built' is signalled}}
  index_built.fulfil(1);
  co_return 0;
}

inhouse::task<int> load_schema() {
  auto index = index_built.get_semi_future();
  co_await index; // expect-path: wait-cycle {{'load_schema' waits for 'index_built' here}}
  schema_loaded.fulfil(1); // expect-path: wait-cycle {{only then 'schema_loaded' is signalled}}
  co_return 0;
}
