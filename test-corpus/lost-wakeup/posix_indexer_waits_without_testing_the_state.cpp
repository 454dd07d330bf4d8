// A libuv-style indexer: a worker thread waits on a POSIX condition
// variable for the crawler's first batch; the crawler stores the batch under
// the mutex and signals. The worker tests nothing before it waits: a crawler
// that signals first (the worker was still loading its stop words) is not
// heard, and the worker sleeps for ever. Twin:
// posix_indexer_waits_for_the_batch.cpp.
#include <pthread.h>
#include <string>
#include <vector>

struct indexer {
  pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t batch_ready = PTHREAD_COND_INITIALIZER;
  bool has_batch = false;
  std::vector<std::string> batch;
  unsigned long words = 0;
};

void *build_index(void *arg) {
  auto *ix = static_cast<indexer *>(arg);
  pthread_mutex_lock(&ix->mu);
  pthread_cond_wait(&ix->batch_ready, &ix->mu); // expect-warning: lost-wakeup {{waits on 'indexer::batch_ready' without testing any state}}
  for (const std::string &doc : ix->batch)
    ix->words += doc.size();
  pthread_mutex_unlock(&ix->mu);
  return nullptr;
}

void crawl_complete(indexer &ix, std::vector<std::string> docs) {
  pthread_mutex_lock(&ix.mu);
  ix.batch = std::move(docs);
  ix.has_batch = true;
  pthread_mutex_unlock(&ix.mu);
  pthread_cond_signal(&ix.batch_ready);
}

int main() {
  indexer ix;
  pthread_t worker;
  pthread_create(&worker, nullptr, build_index, &ix);
  crawl_complete(ix, {"the quick brown fox"});
  pthread_join(worker, nullptr);
}
