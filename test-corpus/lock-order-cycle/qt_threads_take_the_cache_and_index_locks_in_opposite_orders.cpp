// A Qt document store: a QThread made by QThread::create rebuilds the search
// index, another evicts cold documents. The indexer holds the index lock
// while it reads documents from the cache; the evictor holds the cache lock
// while it drops the evicted documents from the index. Each thread can hold
// its first mutex and wait forever for the other's. The twin,
// qt_threads_take_the_cache_and_index_locks_in_one_order.cpp, has the
// evictor take the index lock first too.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore -fPIC
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QString>
#include <QThread>

class document_store {
public:
  void reindex() {
    QMutexLocker index(&index_mutex_); // expect-path: lock-order-cycle {{'document_store::index_mutex_' acquired here}}
    for (auto it = index_.begin(); it != index_.end(); ++it) {
      QMutexLocker cache(&cache_mutex_); // expect-path: lock-order-cycle {{'document_store::cache_mutex_' acquired here while 'document_store::index_mutex_' is held}}
      it.value() = cache_.value(it.key()).size();
    }
  }

  void evict_cold() {
    QMutexLocker cache(&cache_mutex_); // expect-path: lock-order-cycle {{'document_store::cache_mutex_' acquired here}}
    for (auto it = cache_.begin(); it != cache_.end();) {
      if (it.value().isEmpty()) {
        QMutexLocker index(&index_mutex_); // expect-warning: lock-order-cycle {{'document_store::cache_mutex_' before 'document_store::index_mutex_' in 'document_store::evict_cold'; 'document_store::index_mutex_' before 'document_store::cache_mutex_' in 'document_store::reindex'}}
        index_.remove(it.key());
        it = cache_.erase(it);
      } else {
        ++it;
      }
    }
  }

private:
  QMutex cache_mutex_;
  QMutex index_mutex_;
  QHash<QString, QString> cache_;
  QHash<QString, qsizetype> index_;
};

int main() {
  document_store store;
  QThread *indexer = QThread::create([&store] { store.reindex(); });
  QThread *evictor = QThread::create([&store] { store.evict_cold(); });
  indexer->start();
  evictor->start();
  indexer->wait();
  evictor->wait();
  delete indexer;
  delete evictor;
}
