// A thin RAII layer over the SQLite C API: a connection, prepared statements with typed
// binding, and the defensive configuration every connection to an untrusted file gets.
// Qt SQL is not used because it hides the backup API, limits and defensive settings.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace Waymark::Sql {

class Database
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWrite,
        Create
    };

    // Whether SQLite guards the connection with a mutex of its own. Serialized (the default)
    // takes it in every call, so that any thread may use the connection at any time;
    // OneThreadAtATime saves that lock in every call, and is only for a connection that no
    // two threads can ever use at the same moment (SQLite's multi-thread mode).
    enum class Threading
    {
        Serialized,
        OneThreadAtATime
    };

    Database() = default;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Opens path; on failure returns false and leaves the reason in errorMessage().
    bool open(const QString &path, Mode mode, Threading threading = Threading::Serialized);
    void close();
    bool isOpen() const { return mDb != nullptr; }
    sqlite3 *handle() const { return mDb; }

    // Turns off everything an untrusted file could use against us (see FORMAT.md) and sets
    // tight limits on what one statement and one value may hold.
    void harden();

    // Runs one or more statements without results. False on failure (see errorMessage()).
    bool exec(const QString &sql);

    // The first column of the first row of a query, or nullopt when it returns no row.
    std::optional<qint64> queryInt(const QString &sql);
    std::optional<QString> queryText(const QString &sql);

    QString errorMessage() const;
    int errorCode() const;

private:
    sqlite3 *mDb = nullptr;
    QString mOpenError;
};

// A prepared statement. Binding indexes count from 1, column indexes from 0, as in SQLite.
class Statement
{
public:
    Statement(Database &db, const QString &sql);
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool isValid() const { return mStmt != nullptr; }

    void bind(int index, const QString &text);    // a null QString binds ''
    void bind(int index, const QByteArray &blob); // a null QByteArray binds NULL
    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, double value);
    void bindNull(int index);

    // Steps once: true while a row is available; false when done or on error (check ok()).
    bool next();
    // Runs a statement that returns no rows, then resets it for reuse. False on error.
    bool run();
    void reset();
    bool ok() const { return !mFailed; }

    bool isNull(int column) const;
    QString text(int column) const;
    // The column's value as SQLite's UTF-8 text, without a copy: valid until the next step,
    // reset, or another conversion of the same column. Empty for NULL.
    QByteArrayView utf8(int column) const;
    QByteArray blob(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    // The SQLite storage class of the column's value (SQLITE_INTEGER, SQLITE_TEXT...).
    int type(int column) const;

private:
    Database &mDb;
    sqlite3_stmt *mStmt = nullptr;
    bool mFailed = false;
};

// Runs statements in one transaction; rolls back unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Database &db);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    bool isActive() const { return mActive; }
    bool commit();

private:
    Database &mDb;
    bool mActive = false;
};

} // namespace Waymark::Sql
