// The renderer of qt_signal_emitted_only_when_the_render_succeeds.cpp, still
// returning after `rejected` without emitting `rendered`; but the coroutine
// awaits `rendered` for at most five seconds (QCoro's qCoro with a timeout
// gives back an empty optional then), so the wait ends and the next page is
// rendered.
//
// expect-no-findings
//
// moc's output for the class (the signal bodies and the dispatcher) is
// written out below, as `#include "renderer.moc"` would bring it in.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6/QtNetwork -isystem/usr/include/x86_64-linux-gnu/qt6/QtConcurrent
// corolint-flags: -isystem/usr/include/qcoro6 -isystem/usr/include/qcoro6/qcoro -isystem/usr/include/qcoro6/QCoro -fPIC
#include <QCoroSignal>
#include <QCoroTask>
#include <QCoreApplication>
#include <QObject>
#include <QSize>
#include <QTimer>
#include <QVector>
#include <chrono>
#include <optional>

class ThumbnailRenderer : public QObject {
  Q_OBJECT
public:
  explicit ThumbnailRenderer(QSize page) : m_page(page) {}

  void schedule() { QTimer::singleShot(0, this, &ThumbnailRenderer::render); }

Q_SIGNALS:
  void rendered(int bytes);
  void rejected(int reason);

private:
  void render() {
    if (m_page.isEmpty()) {
      Q_EMIT rejected(1);
      return;
    }
    Q_EMIT rendered(m_page.width() * m_page.height() / 16);
  }

  QSize m_page;
};

QCoro::Task<> renderAll(QVector<QSize> pages) {
  int total = 0;
  for (const QSize &page : pages) {
    ThumbnailRenderer renderer(page);
    renderer.schedule();
    std::optional<int> bytes = co_await qCoro(
        &renderer, &ThumbnailRenderer::rendered, std::chrono::seconds(5));
    total += bytes.value_or(0);
  }
  QCoreApplication::quit();
}

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  QTimer::singleShot(0, [] { renderAll({QSize(64, 64), QSize()}); });
  return app.exec();
}

// What moc writes for ThumbnailRenderer.
void ThumbnailRenderer::qt_static_metacall(QObject *_o, QMetaObject::Call _c,
                                           int _id, void **_a) {
  if (_c == QMetaObject::InvokeMetaMethod) {
    auto *_t = static_cast<ThumbnailRenderer *>(_o);
    switch (_id) {
    case 0: _t->rendered(*reinterpret_cast<int *>(_a[1])); break;
    case 1: _t->rejected(*reinterpret_cast<int *>(_a[1])); break;
    default: break;
    }
  }
}

void ThumbnailRenderer::rendered(int _t1) {
  void *_a[] = {nullptr, const_cast<void *>(reinterpret_cast<const void *>(std::addressof(_t1)))};
  QMetaObject::activate(this, &staticMetaObject, 0, _a);
}

void ThumbnailRenderer::rejected(int _t1) {
  void *_a[] = {nullptr, const_cast<void *>(reinterpret_cast<const void *>(std::addressof(_t1)))};
  QMetaObject::activate(this, &staticMetaObject, 1, _a);
}
