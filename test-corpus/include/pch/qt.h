// Precompiled once by tests/CMakeLists.txt for the corpus cases on Qt 6 and
// QCoro: a case with exactly these corolint-flags that includes one of these
// headers is parsed with this header precompiled.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6/QtNetwork -isystem/usr/include/x86_64-linux-gnu/qt6/QtConcurrent
// corolint-flags: -isystem/usr/include/qcoro6 -isystem/usr/include/qcoro6/qcoro -isystem/usr/include/qcoro6/QCoro -fPIC
#include <QCoroAbstractSocket>
#include <QCoroIODevice>
#include <QCoroNetworkReply>
#include <QCoroTask>
#include <QCoroTimer>
#include <QEventLoop>
#include <QFile>
#include <QFuture>
#include <QMutex>
#include <QNetworkReply>
#include <QObject>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
