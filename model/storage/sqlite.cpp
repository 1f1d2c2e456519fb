#include "sqlite.h"

#include "../logging.h"

#include <sqlite3.h>

#include <utility>

namespace Waymark::Sql {

namespace {

// Bounds on what one connection will handle. A legitimate project needs far less; a hostile
// file that needs more is refused by SQLite with SQLITE_TOOBIG rather than exhausting memory.
struct Limit
{
    int id;
    int value;
};

constexpr Limit hardLimits[] = {
    {SQLITE_LIMIT_LENGTH, 32 * 1024 * 1024}, // the largest string or blob (persona photos)
    {SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024},
    {SQLITE_LIMIT_COLUMN, 2000},
    {SQLITE_LIMIT_EXPR_DEPTH, 100},
    {SQLITE_LIMIT_COMPOUND_SELECT, 8},
    {SQLITE_LIMIT_VDBE_OP, 250000},
    {SQLITE_LIMIT_FUNCTION_ARG, 8},
    {SQLITE_LIMIT_ATTACHED, 0},
    {SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 256},
    {SQLITE_LIMIT_VARIABLE_NUMBER, 2000},
    {SQLITE_LIMIT_TRIGGER_DEPTH, 10}, // foreign key cascades: map, stage, card, connector
    {SQLITE_LIMIT_WORKER_THREADS, 0},
};

// SQLite keeps statistics of its memory use (sqlite3_memory_used(), heap limits) under a
// global mutex taken in every allocation, from every connection; Waymark reads none of
// them. The setting only takes before SQLite initialises, so it is made once, before the
// first connection opens; the static's initialisation is thread-safe, and a thread that
// opens a connection meanwhile waits for it. Should SQLite have been initialised already
// (by another library in the process), sqlite3_config() refuses with SQLITE_MISUSE and
// the statistics stay on, which costs only time.
void configureSqlite()
{
    [[maybe_unused]] static const bool configured = [] {
        const int result = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        if (result != SQLITE_OK && result != SQLITE_MISUSE)
            qCDebug(lcStorage) << "SQLite's memory statistics stay on:" << sqlite3_errstr(result);
        return result == SQLITE_OK;
    }();
}

} // namespace

Database::Database(Database &&other) noexcept
    : mDb(std::exchange(other.mDb, nullptr))
    , mOpenError(std::move(other.mOpenError))
{}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        mDb = std::exchange(other.mDb, nullptr);
        mOpenError = std::move(other.mOpenError);
    }
    return *this;
}

Database::~Database()
{
    close();
}

bool Database::open(const QString &path, Mode mode, Threading threading)
{
    configureSqlite();
    close();
    int flags = SQLITE_OPEN_NOFOLLOW;
    flags |= threading == Threading::Serialized ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }

    const QByteArray name = path.toUtf8();
    const int rc = sqlite3_open_v2(name.constData(), &mDb, flags, nullptr);
    if (rc != SQLITE_OK) {
        mOpenError =
            mDb ? QString::fromUtf8(sqlite3_errmsg(mDb)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(mDb);
        mDb = nullptr;
        return false;
    }
    sqlite3_extended_result_codes(mDb, 1);
    mOpenError.clear();
    return true;
}

void Database::close()
{
    if (mDb) {
        if (sqlite3_close(mDb) != SQLITE_OK)
            qCWarning(lcStorage) << "closing a database with statements still open";
        mDb = nullptr;
    }
}

void Database::harden()
{
    if (!mDb)
        return;
    int unused = 0;
    sqlite3_db_config(mDb, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused);
    sqlite3_db_config(mDb, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused);
    sqlite3_db_config(mDb, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &unused);
    sqlite3_db_config(mDb, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, &unused);
    sqlite3_db_config(mDb, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &unused);
    sqlite3_db_config(mDb, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &unused);
    sqlite3_db_config(mDb, SQLITE_DBCONFIG_DQS_DDL, 0, &unused);
    sqlite3_db_config(mDb, SQLITE_DBCONFIG_DQS_DML, 0, &unused);
    for (const Limit &limit : hardLimits)
        sqlite3_limit(mDb, limit.id, limit.value);
}

bool Database::exec(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(mDb, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        qCDebug(lcStorage) << "statement failed:" << message << sql.left(200);
        sqlite3_free(message);
        return false;
    }
    return true;
}

std::optional<qint64> Database::queryInt(const QString &sql)
{
    Statement st(*this, sql);
    if (!st.next())
        return std::nullopt;
    return st.integer(0);
}

std::optional<QString> Database::queryText(const QString &sql)
{
    Statement st(*this, sql);
    if (!st.next())
        return std::nullopt;
    return st.text(0);
}

QString Database::errorMessage() const
{
    if (!mDb)
        return mOpenError;
    return QString::fromUtf8(sqlite3_errmsg(mDb));
}

int Database::errorCode() const
{
    return mDb ? sqlite3_extended_errcode(mDb) : SQLITE_CANTOPEN;
}

Statement::Statement(Database &db, const QString &sql)
    : mDb(db)
{
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(db.handle(), utf8.constData(), int(utf8.size()), 0, &mStmt, nullptr) !=
        SQLITE_OK) {
        qCDebug(lcStorage) << "prepare failed:" << db.errorMessage() << sql.left(200);
        mStmt = nullptr;
        mFailed = true;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(mStmt);
}

void Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(mStmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, const QByteArray &blob)
{
    if (blob.isNull()) {
        bindNull(index);
        return;
    }
    sqlite3_bind_blob(mStmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(mStmt, index, value);
}

void Statement::bind(int index, double value)
{
    sqlite3_bind_double(mStmt, index, value);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(mStmt, index);
}

bool Statement::next()
{
    if (!mStmt)
        return false;
    const int rc = sqlite3_step(mStmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        mFailed = true;
        qCDebug(lcStorage) << "step failed:" << mDb.errorMessage();
    }
    return false;
}

bool Statement::run()
{
    if (!mStmt)
        return false;
    const int rc = sqlite3_step(mStmt);
    const bool done = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!done) {
        mFailed = true;
        qCDebug(lcStorage) << "step failed:" << mDb.errorMessage();
    }
    reset();
    return done;
}

void Statement::reset()
{
    sqlite3_reset(mStmt);
    sqlite3_clear_bindings(mStmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(mStmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(mStmt, column));
    const int size = sqlite3_column_bytes(mStmt, column);
    return data ? QString::fromUtf8(data, size) : QString();
}

QByteArrayView Statement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(mStmt, column));
    const int size = sqlite3_column_bytes(mStmt, column);
    return data ? QByteArrayView(data, size) : QByteArrayView();
}

QByteArray Statement::blob(int column) const
{
    const void *data = sqlite3_column_blob(mStmt, column);
    const int size = sqlite3_column_bytes(mStmt, column);
    return data ? QByteArray(static_cast<const char *>(data), size) : QByteArray();
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(mStmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(mStmt, column);
}

int Statement::type(int column) const
{
    return sqlite3_column_type(mStmt, column);
}

Transaction::Transaction(Database &db)
    : mDb(db)
    , mActive(db.exec(QStringLiteral("BEGIN IMMEDIATE")))
{}

Transaction::~Transaction()
{
    if (mActive)
        mDb.exec(QStringLiteral("ROLLBACK"));
}

bool Transaction::commit()
{
    if (!mActive)
        return false;
    mActive = false;
    if (mDb.exec(QStringLiteral("COMMIT")))
        return true;
    mDb.exec(QStringLiteral("ROLLBACK"));
    return false;
}

} // namespace Waymark::Sql
