// The SQLite layer's connection settings: the threading mode a connection is opened in, and
// SQLite's memory statistics, which the layer turns off before the first connection.
#include "storage/sqlite.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace Waymark;

class TestSqlite : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;

private slots:
    // First, so that nothing in this process has used SQLite before.
    void memoryStatisticsAreOff();
    void threading_data();
    void threading();
};

void TestSqlite::memoryStatisticsAreOff()
{
    QVERIFY(mDir.isValid());
    Sql::Database db;
    QVERIFY2(db.open(mDir.filePath(u"statistics.db"_s), Sql::Database::Mode::Create),
             qPrintable(db.errorMessage()));
    QVERIFY(db.exec(u"CREATE TABLE t (a TEXT); INSERT INTO t VALUES (zeroblob(100000))"_s));
    QCOMPARE(db.queryInt(u"SELECT length(a) FROM t"_s), std::optional<qint64>(100000));

    // With the statistics on, SQLite counts the connection's and the statement's memory.
    QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
    QCOMPARE(sqlite3_memory_highwater(0), sqlite3_int64(0));
}

void TestSqlite::threading_data()
{
    QTest::addColumn<bool>("oneThreadAtATime");
    QTest::addColumn<bool>("hasMutex");
    QTest::newRow("serialized") << false << true;
    QTest::newRow("one thread at a time") << true << false;
}

void TestSqlite::threading()
{
    QFETCH(bool, oneThreadAtATime);
    QFETCH(bool, hasMutex);
    const Sql::Database::Threading threading = oneThreadAtATime
                                                   ? Sql::Database::Threading::OneThreadAtATime
                                                   : Sql::Database::Threading::Serialized;
    const QString path = mDir.filePath(u"threading.db"_s);
    Sql::Database db;
    QVERIFY2(db.open(path, Sql::Database::Mode::Create, threading), qPrintable(db.errorMessage()));
    // SQLite gives a connection opened without its mutex no mutex at all.
    QCOMPARE(sqlite3_db_mutex(db.handle()) != nullptr, hasMutex);
    QVERIFY(db.exec(u"CREATE TABLE IF NOT EXISTS t (a INTEGER); INSERT INTO t VALUES (1)"_s));
    QVERIFY(db.queryInt(u"SELECT count(*) FROM t"_s).value_or(0) >= 1);

    // The default, for every connection that does not ask otherwise, keeps the mutex.
    Sql::Database other;
    QVERIFY(other.open(path, Sql::Database::Mode::ReadOnly));
    QVERIFY(sqlite3_db_mutex(other.handle()) != nullptr);
}

QTEST_GUILESS_MAIN(TestSqlite)
#include "tst_sqlite.moc"
