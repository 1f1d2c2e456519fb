#include "importer.h"

#include "import/fieldvalues.h"
#include "import/recordsource.h"
#include "import/sniffer.h"
#include "import/touchpointmatcher.h"
#include "import/xlsxreader.h"
#include "logging.h"
#include "storage/datasettables.h"
#include "storage/sqlite.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace Waymark::Import {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Import::Importer)
};

// A workbook is read by the XLSX reader: one that names a sheet, or starts like a zip or
// OLE file (which that reader names when it cannot read it: an .xls, an encrypted book).
bool isWorkbook(QFile &file, const QString &sheet)
{
    return !sheet.isEmpty() || looksLikeXlsx(file.peek(8));
}

// The first records of a workbook's sheet, laid out as a text file's would be by sniff().
std::optional<SniffResult> sniffWorkbook(const QString &path, const PlanOptions &options,
                                         QString *error)
{
    SourceError sourceError;
    std::unique_ptr<RecordSource> source = openXlsxRecordSource(path, options.sheet, &sourceError);
    if (!source) {
        *error = sourceError.message;
        return std::nullopt;
    }
    SniffResult result;
    QList<QStringList> records;
    while (records.size() < 200) {
        std::optional<SourceRecord> record = source->next();
        if (!record)
            break;
        records.append(record->fields);
    }
    if (source->error()) {
        *error = source->error().message;
        return std::nullopt;
    }
    result.layout = options.format ? layOut(*options.format, records, options.headerRows)
                                   : recognizeFormat(records);
    if (!options.format && options.headerRows)
        result.layout = layOut(result.layout.format, records, options.headerRows);
    const QList<QStringList> data =
        records.mid(result.layout.skipRecords + result.layout.headerRows);
    if (data.isEmpty()) {
        *error = Text::tr("The sheet has a header but no rows of data.");
        return std::nullopt;
    }
    result.types = inferColumnTypes(data, result.layout.columnNames.size(), false);
    return result;
}

ColumnRole defaultRole(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer:
    case ColumnType::Decimal:
        return ColumnRole::Rating;
    case ColumnType::Boolean:
        return ColumnRole::Category;
    case ColumnType::DateTime:
        return ColumnRole::Timestamp;
    case ColumnType::Text:
        break;
    }
    return ColumnRole::Text;
}

QString positionText(const SourceError &error)
{
    return error.message;
}

// One value to bind: a number, or text in the batch's records, its scratch buffer or a
// buffer that lives as long as the import (the touchpoints' ids).
struct Value
{
    enum Kind : quint8
    {
        Null,
        Integer,
        Real,
        Text,        // at text, size bytes
        ScratchText, // at offset in the batch's scratch, size bytes
    };
    Kind kind = Null;
    int size = 0;
    union {
        qint64 integer;
        double real;
        const char *text;
        std::size_t offset;
    };

    static Value null() { return Value{}; }
};

// A batch of records as the reader thread read and typed them, ready for the writer to bind:
// per row, the touchpoint's id, one value per column and, when rows replace others by key,
// the key.
struct TypedBatch
{
    RecordBatch records;
    std::string scratch;
    std::vector<Value> values;
    std::vector<qint64> recordNumbers; // of each row, for messages
    qint64 progressDone = 0;
    qint64 progressTotal = 0;

    void clear()
    {
        scratch.clear();
        values.clear();
        recordNumbers.clear();
    }
    qsizetype rows() const { return qsizetype(recordNumbers.size()); }
};

// The batches between the reader thread and the writer: a fixed few, handed back and forth,
// so that memory stays flat and the reader waits when the writer falls behind.
class BatchQueue
{
public:
    explicit BatchQueue(int batches)
    {
        for (int i = 0; i < batches; ++i) {
            mStorage.push_back(std::make_unique<TypedBatch>());
            mFree.push_back(mStorage.back().get());
        }
    }

    // The reader's side: an empty batch to fill (nullptr once stopped), then the full one.
    TypedBatch *takeFree()
    {
        std::unique_lock lock(mMutex);
        mChanged.wait(lock, [this] { return mStopped || !mFree.empty(); });
        if (mStopped)
            return nullptr;
        TypedBatch *batch = mFree.front();
        mFree.pop_front();
        return batch;
    }
    void push(TypedBatch *batch)
    {
        const std::lock_guard lock(mMutex);
        mFull.push_back(batch);
        mChanged.notify_all();
    }
    void finish()
    {
        const std::lock_guard lock(mMutex);
        mFinished = true;
        mChanged.notify_all();
    }

    // The writer's side: the next full batch, nullptr once the reader finished and every
    // batch was taken, or once stopped; then the batch back.
    TypedBatch *take()
    {
        std::unique_lock lock(mMutex);
        mChanged.wait(lock, [this] { return mStopped || mFinished || !mFull.empty(); });
        if (mStopped || mFull.empty())
            return nullptr;
        TypedBatch *batch = mFull.front();
        mFull.pop_front();
        return batch;
    }
    void recycle(TypedBatch *batch)
    {
        const std::lock_guard lock(mMutex);
        mFree.push_back(batch);
        mChanged.notify_all();
    }

    // Either side gives up: the other's waits end.
    void stop()
    {
        const std::lock_guard lock(mMutex);
        mStopped = true;
        mChanged.notify_all();
    }

private:
    std::mutex mMutex;
    std::condition_variable mChanged;
    std::vector<std::unique_ptr<TypedBatch>> mStorage;
    std::deque<TypedBatch *> mFree;
    std::deque<TypedBatch *> mFull;
    bool mFinished = false;
    bool mStopped = false;
};

// A statement prepared once and stepped a million times, bound straight through the C API.
struct PreparedStatement
{
    sqlite3_stmt *handle = nullptr;

    PreparedStatement(sqlite3 *db, const QString &sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                               &handle, nullptr) != SQLITE_OK) {
            sqlite3_finalize(handle);
            handle = nullptr;
        }
    }
    PreparedStatement(const PreparedStatement &) = delete;
    PreparedStatement &operator=(const PreparedStatement &) = delete;
    ~PreparedStatement() { sqlite3_finalize(handle); }
};

// The touchpoint matcher with a memory of the values it was asked about, by their bytes: a
// touchpoint column holds a few thousand distinct values over a million rows.
class TouchpointCache
{
public:
    explicit TouchpointCache(const Project &project)
        : mMatcher(project)
    {}

    // The id as the rows table stores it, valid as long as the cache; nullptr for none.
    const QByteArray *match(QByteArrayView value)
    {
        const auto it = mSeen.constFind(QByteArray::fromRawData(value.data(), value.size()));
        if (it != mSeen.constEnd())
            return *it;
        const QByteArray *id = nullptr;
        if (const std::optional<Id> found = mMatcher.match(QString::fromUtf8(value))) {
            auto known = mIds.find(*found);
            if (known == mIds.end())
                known = mIds.emplace(*found, found->toString(QUuid::WithoutBraces).toUtf8()).first;
            id = &known->second;
        }
        // Bounded, for a column of all-different values.
        if (mSeen.size() < 100000)
            mSeen.insert(value.toByteArray(), id);
        return id;
    }

private:
    TouchpointMatcher mMatcher;
    QHash<QByteArray, const QByteArray *> mSeen;
    std::map<Id, QByteArray> mIds; // nodes never move
};

bool needsNumber(ColumnRole role)
{
    switch (role) {
    case ColumnRole::Nps:
    case ColumnRole::Csat:
    case ColumnRole::Ces:
    case ColumnRole::Rating:
    case ColumnRole::Revenue:
    case ColumnRole::Quantity:
        return true;
    default:
        return false;
    }
}

// Of a number that a role needs: whether the role takes it (NPS and CSAT answers are whole
// numbers in their scale, the other roles take any).
bool roleTakesNumber(ColumnRole role, double number)
{
    if (role != ColumnRole::Nps && role != ColumnRole::Csat)
        return true;
    const bool nps = role == ColumnRole::Nps;
    const double low = nps ? 0 : 1;
    const double high = nps ? 10 : 5;
    return number == double(qint64(number)) && number >= low && number <= high;
}

// How the reader thread reads one column, worked out once instead of once per row. Where the
// column's type reading implies its role's check (a number for a rating, yes or no for
// "converted"), one parse does both; when it fails, the full checks run and word the problem.
struct ColumnReading
{
    enum Check : quint8
    {
        RoleThenType, // the role's check, then the type's reading
        Number,       // an integer or decimal column of a role that needs a number
        YesOrNo,      // a yes/no column of the role "converted"
    };
    qsizetype field = 0; // in the record
    ColumnRole role = ColumnRole::Text;
    ColumnType type = ColumnType::Text;
    Check check = RoleThenType;
    bool roleChecked = false; // the role takes only some values (fitsRole())
    bool dropped = false;     // personal data, never read
    bool hashed = false;      // personal data, stored as its hash
};

std::vector<ColumnReading> columnReadings(const QList<DatasetColumn> &columns,
                                          const QList<ColumnType> &types,
                                          const QList<qsizetype> &fields,
                                          qsizetype touchpointColumn, PersonalData personal)
{
    std::vector<ColumnReading> readings(std::size_t(columns.size()));
    for (qsizetype c = 0; c < columns.size(); ++c) {
        ColumnReading &r = readings[std::size_t(c)];
        r.field = fields[c];
        r.role = columns[c].role;
        r.type = types[c];
        const bool personalColumn = r.role == ColumnRole::Personal;
        r.dropped = personalColumn && personal == PersonalData::Drop;
        r.hashed = personalColumn && personal == PersonalData::Hash;
        r.roleChecked = needsNumber(r.role) || r.role == ColumnRole::Converted;
        // The touchpoint column's values are matched as well: the full path does that.
        if (c == touchpointColumn || personalColumn)
            continue;
        if (needsNumber(r.role) && (r.type == ColumnType::Integer || r.type == ColumnType::Decimal))
            r.check = ColumnReading::Number;
        else if (r.role == ColumnRole::Converted && r.type == ColumnType::Boolean)
            r.check = ColumnReading::YesOrNo;
    }
    return readings;
}

// A Number column's value, typed into *out; false when it is no number of the column's type
// or one its role refuses. An integer is also a decimal of the same value (parseInteger()'s
// shapes are a subset of parseDecimal()'s), so the integer's reading is the role's check.
bool readNumber(const ColumnReading &reading, QByteArrayView value, bool decimalComma, Value *out)
{
    double number = 0;
    if (reading.type == ColumnType::Integer) {
        const std::optional<qint64> n = FieldValues::integer(value);
        if (!n)
            return false;
        out->kind = Value::Integer;
        out->integer = *n;
        number = double(*n);
    } else {
        const std::optional<double> d = FieldValues::decimal(value, decimalComma);
        if (!d)
            return false;
        out->kind = Value::Real;
        out->real = *d;
        number = *d;
    }
    return roleTakesNumber(reading.role, number);
}

QString shortened(const QString &value)
{
    return value.size() > 200 ? value.left(200) + u'…' : value;
}

} // namespace

QString badRowPolicyKey(BadRowPolicy policy)
{
    switch (policy) {
    case BadRowPolicy::Skip:
        return u"skip"_s;
    case BadRowPolicy::KeepEmpty:
        return u"keep"_s;
    case BadRowPolicy::Fail:
        break;
    }
    return u"fail"_s;
}

std::optional<BadRowPolicy> badRowPolicyFromKey(QStringView key)
{
    for (BadRowPolicy p : {BadRowPolicy::Skip, BadRowPolicy::KeepEmpty, BadRowPolicy::Fail}) {
        if (badRowPolicyKey(p) == key)
            return p;
    }
    return std::nullopt;
}

std::optional<ImportPlan> plan(const QString &path, const PlanOptions &options, QString *error)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("“%1” cannot be read: %2.").arg(name, file.errorString());
        return std::nullopt;
    }
    ImportPlan p;
    SniffResult sniffed;
    if (isWorkbook(file, options.sheet)) {
        const std::optional<SniffResult> workbook = sniffWorkbook(path, options, error);
        if (!workbook) {
            *error = Text::tr("“%1”: %2").arg(name, *error);
            return std::nullopt;
        }
        sniffed = *workbook;
        p.sheet = options.sheet;
        p.workbook = true;
    } else {
        SniffOptions sniffOptions;
        sniffOptions.encoding = options.encoding;
        sniffOptions.delimiter = options.delimiter;
        sniffOptions.format = options.format;
        sniffOptions.headerRows = options.headerRows;
        sniffed = sniff(&file, sniffOptions);
        if (sniffed.error) {
            *error = Text::tr("“%1”: %2").arg(name, sniffed.error.message);
            return std::nullopt;
        }
    }

    p.path = path;
    p.datasetName = QFileInfo(path).completeBaseName();
    p.format = sniffed.layout.format;
    p.encoding = sniffed.encoding.encoding;
    p.delimiter = sniffed.delimiter;
    p.decimalComma = sniffed.decimalComma;
    p.skipRecords = sniffed.layout.skipRecords;
    p.headerRows = sniffed.layout.headerRows;
    p.fieldCount = sniffed.layout.columnNames.size();
    for (qsizetype i = 0; i < sniffed.layout.columnNames.size(); ++i) {
        DatasetColumn c;
        c.name = sniffed.layout.columnNames[i];
        const ColumnTypeGuess guess =
            i < sniffed.types.size() ? sniffed.types[i] : ColumnTypeGuess{};
        c.type = guess.type;
        if (guess.type == ColumnType::DateTime && guess.dateOrder == DateOrder::DayFirst)
            p.dateOrder = DateOrder::DayFirst;
        const std::optional<ColumnRole> suggested = i < sniffed.layout.suggestedRoles.size()
                                                        ? sniffed.layout.suggestedRoles[i]
                                                        : std::nullopt;
        c.role = suggested.value_or(defaultRole(c.type));
        p.columns.append(c);
        p.sourceFields.append(i);
    }

    // A column the format says names touchpoints (GA4's steps) attaches the rows by it.
    for (qsizetype i = 0; i < p.columns.size(); ++i) {
        if (p.columns[i].role == ColumnRole::Touchpoint) {
            DatasetAttachment a;
            a.kind = AttachmentKind::ByColumn;
            a.column = i;
            p.attachments.append(a);
            break;
        }
    }
    return p;
}

std::optional<ImportPlan> planNextWave(const QString &path, const Dataset &dataset, QString *error)
{
    PlanOptions options;
    options.encoding = encodingFromName(dataset.mapping.encoding);
    if (dataset.mapping.delimiter.size() == 1)
        options.delimiter = dataset.mapping.delimiter.front().toLatin1();
    options.format = sourceFormatFromKey(dataset.format);
    options.headerRows = dataset.mapping.headerRows;
    options.sheet = dataset.mapping.sheet;
    std::optional<ImportPlan> p = plan(path, options, error);
    if (!p)
        return std::nullopt;

    const QList<DatasetColumn> fileColumns = p->columns;
    p->columns = dataset.columns;
    p->sourceFields.clear();
    QSet<qsizetype> used;
    for (const DatasetColumn &c : dataset.columns) {
        qsizetype field = -1;
        for (qsizetype i = 0; i < fileColumns.size(); ++i) {
            if (fileColumns[i].name == c.name && !used.contains(i)) {
                field = i;
                break;
            }
        }
        if (field < 0) {
            *error = Text::tr("“%1” has no column “%2”, which the dataset “%3” has: it is not the "
                              "next wave of the same export.")
                         .arg(QFileInfo(path).fileName(), c.name, dataset.name);
            return std::nullopt;
        }
        used.insert(field);
        p->sourceFields.append(field);
    }
    for (qsizetype i = 0; i < fileColumns.size(); ++i) {
        if (!used.contains(i))
            p->ignoredFields.append(fileColumns[i].name);
    }
    p->datasetName = dataset.name;
    p->decimalComma = dataset.mapping.decimalComma;
    p->dateOrder = dataset.mapping.dayFirst ? DateOrder::DayFirst : DateOrder::MonthFirst;
    p->personal = dataset.mapping.personal;
    p->attachments = dataset.attachments;
    p->updateDataset = dataset.id;
    return p;
}

qsizetype findColumn(const ImportPlan &plan, const QString &nameOrPosition)
{
    for (qsizetype i = 0; i < plan.columns.size(); ++i) {
        if (plan.columns[i].name == nameOrPosition)
            return i;
    }
    bool ok = false;
    const qsizetype position = nameOrPosition.toLongLong(&ok);
    if (ok && position >= 1 && position <= plan.columns.size())
        return position - 1;
    // Names differ from what people type only in case, more often than not.
    for (qsizetype i = 0; i < plan.columns.size(); ++i) {
        if (plan.columns[i].name.compare(nameOrPosition, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

void attachByColumn(ImportPlan &plan, qsizetype column)
{
    plan.columns[column].role = ColumnRole::Touchpoint;
    DatasetAttachment attachment;
    attachment.kind = AttachmentKind::ByColumn;
    attachment.column = column;
    plan.attachments = {attachment};
}

bool fitsRole(ColumnRole role, QStringView value, bool decimalComma, QString *reason)
{
    return fitsRole(role, QByteArrayView(value.toUtf8()), decimalComma, reason);
}

bool fitsRole(ColumnRole role, QByteArrayView value, bool decimalComma, QString *reason)
{
    switch (role) {
    case ColumnRole::Nps:
    case ColumnRole::Csat: {
        const std::optional<double> number = FieldValues::decimal(value, decimalComma);
        const bool nps = role == ColumnRole::Nps;
        if (!number || !roleTakesNumber(role, *number)) {
            *reason = nps ? Text::tr("an NPS answer must be a whole number from 0 to 10")
                          : Text::tr("a CSAT answer must be a whole number from 1 to 5");
            return false;
        }
        return true;
    }
    case ColumnRole::Ces:
    case ColumnRole::Rating:
    case ColumnRole::Revenue:
    case ColumnRole::Quantity:
        if (!FieldValues::decimal(value, decimalComma)) {
            *reason = Text::tr("a %1 must be a number").arg(displayName(role).toLower());
            return false;
        }
        return true;
    case ColumnRole::Converted:
        if (!FieldValues::yesOrNo(value)) {
            *reason = Text::tr("“converted” must be yes or no (true/false, 1/0)");
            return false;
        }
        return true;
    default:
        return true;
    }
}

Importer::Importer(ImportPlan plan, const Project &project)
    : mPlan(std::move(plan))
    , mProject(project)
{}

ImportResult Importer::run(const QString &databasePath)
{
    QElapsedTimer timer;
    timer.start();
    ImportResult r;
    const QString fileName = QFileInfo(mPlan.path).fileName();
    auto fail = [&r](const QString &message) {
        r.ok = false;
        r.error = message;
        qCInfo(lcImport).noquote() << "import failed:" << message;
        return r;
    };

    if (mPlan.columns.isEmpty() || mPlan.sourceFields.size() != mPlan.columns.size())
        return fail(Text::tr("The import has no columns to read."));
    const Dataset *updated = nullptr;
    if (!mPlan.updateDataset.isNull()) {
        for (const Dataset &d : std::as_const(mProject.datasets)) {
            if (d.id == mPlan.updateDataset)
                updated = &d;
        }
        if (!updated)
            return fail(Text::tr("The dataset to update is not in the project."));
        if (updated->columns.size() != mPlan.columns.size())
            return fail(
                Text::tr("The file's columns do not match those of “%1”.").arg(updated->name));
    }

    // Hashed personal data is text whatever it looked like; dropped data is never read.
    QList<DatasetColumn> columns = mPlan.columns;
    if (mPlan.personal == PersonalData::Hash && !updated) {
        for (DatasetColumn &c : columns) {
            if (c.role == ColumnRole::Personal)
                c.type = ColumnType::Text;
        }
    }

    QFile file(mPlan.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Text::tr("“%1” cannot be read: %2.").arg(fileName, file.errorString()));
    std::unique_ptr<RecordSource> source;
    if (isWorkbook(file, mPlan.sheet)) {
        SourceError sourceError;
        source = openXlsxRecordSource(mPlan.path, mPlan.sheet, &sourceError);
        if (!source)
            return fail(Text::tr("“%1”: %2").arg(fileName, sourceError.message));
    } else {
        CsvOptions csv;
        csv.delimiter = mPlan.delimiter;
        csv.encoding = mPlan.encoding;
        source = makeCsvRecordSource(&file, csv);
    }
    const bool decimalComma = mPlan.decimalComma && !source->numbersUsePoint();

    // The connection lives in this call and only this thread uses it (the reader thread
    // never touches it, and SQLite's sorter threads take no connection mutex), so it goes
    // without the mutex SQLite would take in each of the ~20 calls a row.
    Sql::Database db;
    if (!db.open(databasePath, Sql::Database::Mode::ReadWrite,
                 Sql::Database::Threading::OneThreadAtATime))
        return fail(
            Text::tr("The project cannot be opened for the import: %1").arg(db.errorMessage()));
    db.harden();
    sqlite3_busy_timeout(db.handle(), 10000);
    // The working copy is in WAL mode, where NORMAL cannot corrupt it. A private copy needs
    // no durability until its owner syncs it, and its journal only has to undo a failure
    // while this process runs: the pages added past the end of the file are never journaled.
    db.exec(privateDatabase ? u"PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF"_s
                            : u"PRAGMA synchronous = NORMAL"_s);
    // A larger cache (64 MB at most) holds the pages the rows go to and those a next wave's
    // deletions by key look up.
    db.exec(u"PRAGMA cache_size = -65536"_s);
    // While this transaction is open the document's own writes to the working copy would
    // fail as busy; the window holds them until the import ends (ImportWizard::startImport).
    Sql::Transaction transaction(db);
    if (!transaction.isActive())
        return fail(Text::tr("The project is busy: %1").arg(db.errorMessage()));

    DatasetTables::Shape shape;
    const std::optional<qint64> number = DatasetTables::nextNumber(db);
    if (!number)
        return fail(Text::tr("The project cannot take imported rows: %1").arg(db.errorMessage()));
    shape.number = *number;
    std::optional<DatasetTables::Shape> oldShape;
    if (updated && updated->rowsTable > 0) {
        oldShape = DatasetTables::shapeOf(db, updated->rowsTable);
        if (!oldShape || oldShape->types.size() != columns.size())
            return fail(
                Text::tr("The rows of “%1” cannot be found in the project.").arg(updated->name));
        shape.types = oldShape->types;
    } else {
        for (const DatasetColumn &c : std::as_const(columns))
            shape.types.append(c.type);
    }
    for (qsizetype i = 0; i < columns.size() && shape.keyColumn == 0; ++i) {
        if (columns[i].role == ColumnRole::Key)
            shape.keyColumn = int(i) + 1;
    }
    qsizetype touchpointColumn = -1;
    for (const DatasetAttachment &a : std::as_const(mPlan.attachments)) {
        if (a.kind == AttachmentKind::ByColumn && a.column >= 0 && a.column < columns.size()) {
            touchpointColumn = a.column;
            break;
        }
    }
    const Id datasetId = updated ? updated->id : newId();
    const QString datasetIdText = datasetId.toString(QUuid::WithoutBraces);
    QString detail;
    // Rows that replace earlier ones by key need the key's index while they are written;
    // any other import builds its indexes once, after the rows.
    const bool replacing = oldShape && shape.keyColumn > 0;
    const bool created =
        replacing
            ? DatasetTables::create(db, shape, datasetIdText, int(touchpointColumn + 1), &detail)
            : DatasetTables::createWithoutIndexes(db, shape, datasetIdText,
                                                  int(touchpointColumn + 1), &detail);
    if (!created)
        return fail(Text::tr("The project cannot take imported rows: %1").arg(detail));
    const QString table = DatasetTables::tableName(shape.number);

    // A next wave starts from a copy of the rows so far, so that undoing it gives them back.
    qint64 keptBefore = 0;
    if (oldShape) {
        QStringList names = {u"row_number"_s, u"touchpoint_id"_s, u"first_of_key"_s};
        for (qsizetype i = 0; i < columns.size(); ++i)
            names.append(DatasetTables::columnName(i));
        const QString list = names.join(u", "_s);
        if (!db.exec(u"INSERT INTO %1 (%2) SELECT %2 FROM %3"_s.arg(
                table, list, DatasetTables::tableName(oldShape->number))))
            return fail(Text::tr("The rows of “%1” cannot be copied: %2")
                            .arg(updated->name, db.errorMessage()));
        keptBefore =
            db.queryInt(u"SELECT coalesce(max(row_number), 0) FROM %1"_s.arg(table)).value_or(0);
    }

    QString insertSql = u"INSERT INTO %1 (touchpoint_id"_s.arg(table);
    QString values = u"?"_s;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        insertSql += u", "_s + DatasetTables::columnName(i);
        values += u", ?"_s;
    }
    insertSql += u") VALUES ("_s + values + u')';
    PreparedStatement insert(db.handle(), insertSql);
    std::optional<PreparedStatement> replace;
    if (oldShape && shape.keyColumn > 0)
        replace.emplace(db.handle(), u"DELETE FROM %1 WHERE %2 = ? AND row_number <= %3"_s
                                         .arg(table, DatasetTables::columnName(shape.keyColumn - 1))
                                         .arg(keptBefore));
    // Each step of an INSERT opens the table, finds its last row for the new row number and
    // ends the statement, about a fifth of the INSERT's work per row: one INSERT of several rows
    // (VALUES (...), (...)) pays that once for all of them, in the same order. A next wave
    // deletes the rows a row replaces before writing it, so it writes one row at a time.
    const int valueCount = int(columns.size()) + 1;
    const int variableLimit = sqlite3_limit(db.handle(), SQLITE_LIMIT_VARIABLE_NUMBER, -1);
    const int rowsPerInsert = replace ? 1 : std::clamp(variableLimit / valueCount, 1, 64);
    std::optional<PreparedStatement> insertMany;
    if (rowsPerInsert > 1) {
        QString manySql = insertSql;
        for (int i = 1; i < rowsPerInsert; ++i)
            manySql += u", ("_s + values + u')';
        insertMany.emplace(db.handle(), manySql);
    }
    if (!insert.handle || (replace && !replace->handle) || (insertMany && !insertMany->handle))
        return fail(Text::tr("The project cannot take imported rows: %1").arg(db.errorMessage()));

    // Two threads: this one binds and inserts the rows, a reader thread reads, checks and
    // types them, a batch at a time, a few batches ahead at most.
    const qsizetype batchSize = batchRecords > 0 ? batchRecords : 4096;
    const qsizetype stride = columns.size() + (replace ? 2 : 1);
    const qsizetype firstData = mPlan.skipRecords + mPlan.headerRows;
    BatchQueue queue(4);
    bool failing = false;
    QSet<QString> unmatched;

    // Outside the reader: the writer binds the ids it holds after the reader has finished.
    TouchpointCache touchpoints(mProject);
    auto readRows = [&] {
        const QByteArray salt = mProject.id.toString(QUuid::WithoutBraces).toUtf8() + '\n';
        qsizetype seen = 0;
        // Bytes rather than std::vector<bool>'s bits, which cost a shift and a mask each.
        std::vector<char> problems(std::size_t(columns.size()));
        const qsizetype columnCount = columns.size();
        const std::vector<ColumnReading> readings = columnReadings(
            columns, shape.types, mPlan.sourceFields, touchpointColumn, mPlan.personal);
        std::string holder;
        const bool shortAllowedAtAll = source->omitsTrailingEmptyFields();

        auto listBad = [&](const RecordBatch::Record &record, qsizetype column,
                           const QString &value, const QString &reason) {
            ++r.badValueCount;
            if (r.badValues.size() < maxListed)
                r.badValues.append({record.record, record.line, column,
                                    column > 0 ? columns[column - 1].name : QString(),
                                    shortened(value), reason});
        };

        while (TypedBatch *batch = queue.takeFree()) {
            batch->clear();
            if (!source->nextBatch(batch->records, batchSize)) {
                queue.recycle(batch);
                break;
            }
            const RecordBatch &records = batch->records;
            for (qsizetype i = 0; i < records.size(); ++i) {
                if (seen++ < firstData)
                    continue;
                ++r.recordsRead;
                const RecordBatch::Record &record = records[i];
                const qsizetype count = record.fieldCount;
                bool badRow = false;
                const bool shortAllowed = shortAllowedAtAll && count < mPlan.fieldCount;
                if (count != mPlan.fieldCount && !shortAllowed) {
                    listBad(record, 0, QString(),
                            Text::tr("the row has %n field(s), the header %1", nullptr, int(count))
                                .arg(mPlan.fieldCount));
                    badRow = true;
                }

                const std::size_t rowStart = batch->values.size();
                const std::size_t scratchStart = batch->scratch.size();
                batch->values.resize(rowStart + std::size_t(stride));
                Value *row = batch->values.data() + rowStart;
                for (qsizetype c = 0; c < columnCount; ++c) {
                    problems[std::size_t(c)] = false;
                    const ColumnReading &reading = readings[std::size_t(c)];
                    Value &out = row[c + 1];
                    if (reading.field >= count || reading.dropped)
                        continue;
                    const QByteArrayView raw = records.field(record, reading.field);
                    const QByteArrayView value = FieldValues::trimmedField(raw, &holder);
                    if (value.isEmpty())
                        continue;

                    // The usual case in one reading; anything else takes the checks below,
                    // which word the problem.
                    if (reading.check == ColumnReading::Number) {
                        if (readNumber(reading, value, decimalComma, &out))
                            continue;
                        out = Value::null();
                    } else if (reading.check == ColumnReading::YesOrNo) {
                        if (const std::optional<bool> b = FieldValues::yesOrNo(value)) {
                            out.kind = Value::Integer;
                            out.integer = *b ? 1 : 0;
                            continue;
                        }
                    }

                    QString reason;
                    if (reading.roleChecked &&
                        !fitsRole(reading.role, value, decimalComma, &reason)) {
                        listBad(record, c + 1, QString::fromUtf8(raw), reason);
                        problems[std::size_t(c)] = true;
                        continue;
                    }
                    if (reading.hashed) {
                        const QByteArray hash = QCryptographicHash::hash(
                            salt + raw.toByteArray(), QCryptographicHash::Sha256);
                        out.kind = Value::ScratchText;
                        out.offset = batch->scratch.size();
                        out.size = int(hash.size() * 2);
                        batch->scratch.append(hash.toHex().toStdString());
                        continue;
                    }
                    if (c == touchpointColumn) {
                        if (const QByteArray *id = touchpoints.match(value)) {
                            row[0].kind = Value::Text;
                            row[0].text = id->constData();
                            row[0].size = int(id->size());
                        } else {
                            ++r.unmatchedRows;
                            if (unmatched.size() < maxListed) {
                                const QString text = QString::fromUtf8(value);
                                if (!unmatched.contains(text)) {
                                    unmatched.insert(text);
                                    r.unmatchedTouchpoints.append(text);
                                }
                            }
                        }
                    }

                    bool fits = true;
                    switch (reading.type) {
                    case ColumnType::Integer:
                        if (const std::optional<qint64> n = FieldValues::integer(value)) {
                            out.kind = Value::Integer;
                            out.integer = *n;
                        } else {
                            fits = false;
                        }
                        break;
                    case ColumnType::Decimal:
                        if (const std::optional<double> d =
                                FieldValues::decimal(value, decimalComma)) {
                            out.kind = Value::Real;
                            out.real = *d;
                        } else {
                            fits = false;
                        }
                        break;
                    case ColumnType::Boolean:
                        if (const std::optional<bool> b = FieldValues::yesOrNo(value)) {
                            out.kind = Value::Integer;
                            out.integer = *b ? 1 : 0;
                        } else {
                            fits = false;
                        }
                        break;
                    case ColumnType::DateTime: {
                        const std::size_t at = batch->scratch.size();
                        if (FieldValues::appendStoredDateTime(value, mPlan.dateOrder,
                                                              &batch->scratch)) {
                            out.kind = Value::ScratchText;
                            out.offset = at;
                            out.size = int(batch->scratch.size() - at);
                        } else {
                            fits = false;
                        }
                        break;
                    }
                    case ColumnType::Text:
                        out.kind = Value::Text;
                        out.text = raw.data();
                        out.size = int(raw.size());
                        break;
                    }
                    if (!fits) {
                        listBad(record, c + 1, QString::fromUtf8(raw),
                                Text::tr("not a value of type %1")
                                    .arg(displayName(reading.type).toLower()));
                        problems[std::size_t(c)] = true;
                        out = Value::null();
                    }
                }
                for (const char p : problems)
                    badRow = badRow || p;

                // A row left out takes its values back.
                auto dropRow = [&] {
                    batch->values.resize(rowStart);
                    batch->scratch.resize(scratchStart);
                };
                if (badRow) {
                    if (mPlan.onBadRows == BadRowPolicy::Fail)
                        failing = true;
                    if (mPlan.onBadRows != BadRowPolicy::KeepEmpty) {
                        ++r.rowsSkipped;
                        dropRow();
                        continue;
                    }
                    // The values in question are empty already, as are a short row's
                    // missing fields.
                    ++r.rowsKept;
                }
                if (failing) {
                    dropRow(); // read on only to list every bad row
                    continue;
                }

                if (replace) {
                    // The key is bound as the insert binds it, so that it compares equal.
                    Value &key = row[stride - 1];
                    const qsizetype keyField = mPlan.sourceFields[shape.keyColumn - 1];
                    const QByteArrayView keyText =
                        keyField < count
                            ? FieldValues::trimmedField(records.field(record, keyField), &holder)
                            : QByteArrayView();
                    if (!keyText.isEmpty() && !problems[std::size_t(shape.keyColumn - 1)]) {
                        const std::optional<qint64> n =
                            shape.types[shape.keyColumn - 1] == ColumnType::Integer
                                ? FieldValues::integer(keyText)
                                : std::nullopt;
                        if (n) {
                            key.kind = Value::Integer;
                            key.integer = *n;
                        } else {
                            key.kind = Value::ScratchText;
                            key.offset = batch->scratch.size();
                            key.size = int(keyText.size());
                            batch->scratch.append(keyText.data(), std::size_t(keyText.size()));
                        }
                    }
                }
                batch->recordNumbers.push_back(record.record);
            }
            batch->progressDone = records.progressDone;
            batch->progressTotal = source->progressTotal();
            queue.push(batch);
        }
        queue.finish();
    };
    std::thread reader(readRows);
    // Before any return: the reader thread writes into r.
    auto stopReader = [&] {
        queue.stop();
        if (reader.joinable())
            reader.join();
    };
    auto joinReader = qScopeGuard(stopReader);

    sqlite3_stmt *const statement = insert.handle;
    auto bindValue = [](sqlite3_stmt *st, int index, const Value &v, const TypedBatch &b) {
        switch (v.kind) {
        case Value::Null:
            return sqlite3_bind_null(st, index);
        case Value::Integer:
            return sqlite3_bind_int64(st, index, v.integer);
        case Value::Real:
            return sqlite3_bind_double(st, index, v.real);
        case Value::Text:
            return sqlite3_bind_text(st, index, v.text, v.size, SQLITE_STATIC);
        case Value::ScratchText:
            break;
        }
        return sqlite3_bind_text(st, index, b.scratch.data() + v.offset, v.size, SQLITE_STATIC);
    };
    while (TypedBatch *batch = queue.take()) {
        if (batchRecords > 0) {
            if (progress)
                progress(batch->progressDone, batch->progressTotal);
            if (cancel && cancel->load()) {
                stopReader();
                r.cancelled = true;
                return fail(Text::tr("The import was cancelled; the project is unchanged."));
            }
        }
        const Value *row = batch->values.data();
        qsizetype i = 0;
        if (insertMany) {
            // Without a key to replace by, a row's values are valueCount in a row: a group's
            // are the next rowsPerInsert * valueCount.
            sqlite3_stmt *const many = insertMany->handle;
            for (; i + rowsPerInsert <= batch->rows(); i += rowsPerInsert) {
                sqlite3_reset(many);
                for (int v = 0; v < rowsPerInsert * valueCount; ++v)
                    bindValue(many, v + 1, row[v], *batch);
                if (sqlite3_step(many) != SQLITE_DONE) {
                    stopReader();
                    return fail(Text::tr("Rows %1 to %2 could not be written: %3")
                                    .arg(batch->recordNumbers[std::size_t(i)])
                                    .arg(batch->recordNumbers[std::size_t(i + rowsPerInsert - 1)])
                                    .arg(db.errorMessage()));
                }
                r.rowsImported += rowsPerInsert;
                row += qsizetype(rowsPerInsert) * stride;
            }
            sqlite3_reset(many);
            sqlite3_clear_bindings(many);
        }
        // The rest of the batch, and every row of a next wave, one at a time.
        for (; i < batch->rows(); ++i, row += stride) {
            if (replace && row[stride - 1].kind != Value::Null) {
                sqlite3_stmt *const st = replace->handle;
                sqlite3_reset(st);
                bindValue(st, 1, row[stride - 1], *batch);
                if (sqlite3_step(st) != SQLITE_DONE) {
                    stopReader();
                    return fail(Text::tr("Rows could not be replaced: %1").arg(db.errorMessage()));
                }
                r.rowsReplaced += sqlite3_changes(db.handle());
            }
            sqlite3_reset(statement);
            for (int v = 0; v < valueCount; ++v)
                bindValue(statement, v + 1, row[v], *batch);
            if (sqlite3_step(statement) != SQLITE_DONE) {
                stopReader();
                return fail(Text::tr("Row %1 could not be written: %2")
                                .arg(batch->recordNumbers[std::size_t(i)])
                                .arg(db.errorMessage()));
            }
            ++r.rowsImported;
        }
        // The statements must not point into a batch that is about to be refilled.
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
        if (replace) {
            sqlite3_reset(replace->handle);
            sqlite3_clear_bindings(replace->handle);
        }
        queue.recycle(batch);
    }
    joinReader.dismiss();
    const qint64 rowsWritten = timer.elapsed();
    stopReader();

    if (const SourceError &e = source->error())
        return fail(Text::tr("“%1”: %2 Nothing was imported.").arg(fileName, positionText(e)));
    if (progress)
        progress(source->progressDone(), source->progressTotal());
    if (cancel && cancel->load()) {
        r.cancelled = true;
        return fail(Text::tr("The import was cancelled; the project is unchanged."));
    }
    if (r.recordsRead == 0)
        return fail(Text::tr("“%1” has a header but no rows of data.").arg(fileName));
    if (failing)
        return fail(Text::tr("%n row(s) of “%1” have problems, so nothing was imported.", nullptr,
                             int(r.rowsSkipped))
                        .arg(fileName));

    const qint64 rowsChecked = timer.elapsed();
    // SQLite's sorter keeps a cache's worth of keys in memory per sorted run: a small cache
    // gives many short runs, each sorted while it fits the processor's caches, by a second
    // thread while this one reads on (the reader thread is done by now), then merged; one
    // large run takes two to three times as long. The runs go to temporary files, so memory
    // stays flat.
    db.exec(u"PRAGMA cache_size = -4096; PRAGMA threads = 1"_s);
    if (!replacing && !DatasetTables::createIndexes(db, shape, &detail))
        return fail(Text::tr("The rows could not be indexed: %1").arg(detail));
    db.exec(u"PRAGMA cache_size = -65536"_s);

    // Orders and respondents are counted once: the first row of each key says so.
    if (shape.keyColumn > 0) {
        const QString key = DatasetTables::columnName(shape.keyColumn - 1);
        if (!db.exec(u"UPDATE %1 SET first_of_key = (row_number = (SELECT min(o.row_number) "
                     "FROM %1 AS o WHERE o.%2 = %1.%2)) WHERE %2 IS NOT NULL"_s.arg(table, key)))
            return fail(Text::tr("The rows could not be indexed: %1").arg(db.errorMessage()));
    }
    const qint64 rowCount = db.queryInt(u"SELECT count(*) FROM %1"_s.arg(table)).value_or(-1);
    if (rowCount < 0)
        return fail(Text::tr("The rows could not be counted: %1").arg(db.errorMessage()));
    if (failBeforeCommit)
        return fail(Text::tr("The import failed before it was committed (as a test asked)."));
    const qint64 indexed = timer.elapsed();
    if (!transaction.commit())
        return fail(Text::tr("The rows could not be written: %1").arg(db.errorMessage()));

    Dataset &d = r.dataset;
    if (updated)
        d = *updated;
    d.id = datasetId;
    d.name =
        mPlan.datasetName.isEmpty() ? QFileInfo(mPlan.path).completeBaseName() : mPlan.datasetName;
    d.format = sourceFormatKey(mPlan.format);
    d.sourceFile = fileName;
    d.imported = QDateTime::currentDateTimeUtc();
    d.rowCount = rowCount;
    if (!updated)
        d.columns = columns;
    d.rowsTable = shape.number;
    d.mapping.encoding = source->encodingName();
    d.mapping.delimiter =
        source->encodingName().isEmpty() ? QString() : QString(QLatin1Char(mPlan.delimiter));
    d.mapping.sheet = source->sheetName();
    d.mapping.skipRecords = int(mPlan.skipRecords);
    d.mapping.headerRows = int(mPlan.headerRows);
    d.mapping.decimalComma = mPlan.decimalComma;
    d.mapping.dayFirst = mPlan.dateOrder == DateOrder::DayFirst;
    d.mapping.personal = mPlan.personal;
    d.attachments = mPlan.attachments;
    for (DatasetAttachment &a : d.attachments) {
        if (a.id.isNull())
            a.id = newId();
    }
    r.ok = true;
    qCInfo(lcImport).noquote() << "rows written at" << rowsWritten << "ms, indexed at" << indexed
                               << "ms (from" << rowsChecked << "ms), committed at"
                               << timer.elapsed() << "ms";
    qCInfo(lcImport).noquote() << "imported" << r.rowsImported << "rows of" << fileName << "into"
                               << table << "in" << timer.elapsed() << "ms";
    return r;
}

} // namespace Waymark::Import
