// A Qt document store: a QThread made by QThread::create rebuilds the search
// index, another evicts cold documents. Both take the index lock before the
// cache lock, so neither can hold one while the other holds the other. The
// twin, qt_threads_take_the_cache_and_index_locks_in_opposite_orders.cpp,
// has the evictor take the cache lock first.
// expect-no-findings
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore -fPIC
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QString>
#include <QThread>

class document_store {
public:
  void reindex() {
    QMutexLocker index(&index_mutex_);
    for (auto it = index_.begin(); it != index_.end(); ++it) {
      QMutexLocker cache(&cache_mutex_);
      it.value() = cache_.value(it.key()).size();
    }
  }

  void evict_cold() {
    QMutexLocker index(&index_mutex_);
    QMutexLocker cache(&cache_mutex_);
    for (auto it = cache_.begin(); it != cache_.end();) {
      if (it.value().isEmpty()) {
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
