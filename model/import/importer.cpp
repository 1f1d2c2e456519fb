#include "importer.h"

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
#include <QSet>

#include <sqlite3.h>

#include <charconv>

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

std::optional<bool> yesOrNo(QStringView value)
{
    if (const std::optional<bool> b = parseBoolean(value))
        return b;
    if (value == u"1" || value.compare(u"y", Qt::CaseInsensitive) == 0)
        return true;
    if (value == u"0" || value.compare(u"n", Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

// The common shapes of numbers ("42", "-7", "4.5", "4,5") without the regular expressions
// of typeinference.h, which a million rows would pay for twenty times each; anything else
// goes to those, so that both always agree.
std::optional<qint64> readInteger(QStringView text)
{
    qsizetype i = text.startsWith(u'-') || text.startsWith(u'+') ? 1 : 0;
    const qsizetype digits = text.size() - i;
    if (digits < 1 || digits > 18 || (digits > 1 && text[i] == u'0'))
        return parseInteger(text);
    qint64 value = 0;
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return parseInteger(text);
        value = value * 10 + (c - u'0');
    }
    return text.startsWith(u'-') ? -value : value;
}

std::optional<double> readDecimal(QStringView text, bool decimalComma)
{
    const char16_t separator = decimalComma ? u',' : u'.';
    qsizetype i = text.startsWith(u'-') || text.startsWith(u'+') ? 1 : 0;
    const qsizetype start = i;
    qsizetype separatorAt = -1;
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == separator && separatorAt < 0)
            separatorAt = i;
        else if (c < u'0' || c > u'9')
            return parseDecimal(text, decimalComma);
    }
    const qsizetype intDigits = (separatorAt < 0 ? text.size() : separatorAt) - start;
    const bool leadingZero = intDigits > 1 && text[start] == u'0';
    if (leadingZero || separatorAt == text.size() - 1 || text.size() - start < 1 ||
        text.size() > 30)
        return parseDecimal(text, decimalComma);
    // Plain digits with one separator: std::from_chars, far cheaper than Qt's locale-aware
    // conversion, on an ASCII copy with a point.
    char ascii[32];
    qsizetype n = 0;
    for (qsizetype j = text.startsWith(u'+') ? 1 : 0; j < text.size(); ++j)
        ascii[n++] = j == separatorAt ? '.' : char(text[j].unicode());
    double value = 0;
    const auto [end, status] = std::from_chars(ascii, ascii + n, value);
    if (status != std::errc() || end != ascii + n)
        return parseDecimal(text, decimalComma);
    return value;
}

int twoDigits(QStringView text, qsizetype at)
{
    const char16_t a = text[at].unicode();
    const char16_t b = text[at + 1].unicode();
    if (a < u'0' || a > u'9' || b < u'0' || b > u'9')
        return -1;
    return (a - u'0') * 10 + (b - u'0');
}

// ISO 8601 without an offset ("2024-03-01", "2024-03-01 09:15", "2024-03-01T09:15:22"),
// which most exports write, as the text the table stores; nullopt for anything else (left
// to parseDateTime). Building a local QDateTime asks the C library for the time zone each
// time, which a million rows would notice.
std::optional<QString> plainIsoText(QStringView text)
{
    // A UTC time with a Z ("2024-03-01T09:15:22Z", as many exports write) is already in
    // the stored form, once checked.
    if (text.size() == 20 && text[19] == u'Z' && text[10] == u'T') {
        if (const std::optional<QString> local = plainIsoText(text.first(19)))
            return *local + u'Z';
        return std::nullopt;
    }
    const qsizetype size = text.size();
    if ((size != 10 && size != 16 && size != 19) || text[4] != u'-' || text[7] != u'-')
        return std::nullopt;
    const int century = twoDigits(text, 0);
    const int year = twoDigits(text, 2);
    const QDate date(century * 100 + year, twoDigits(text, 5), twoDigits(text, 8));
    if (century < 0 || year < 0 || !date.isValid())
        return std::nullopt;
    QTime time(0, 0);
    if (size > 10) {
        if ((text[10] != u'T' && text[10] != u' ') || text[13] != u':' ||
            (size == 19 && text[16] != u':'))
            return std::nullopt;
        time =
            QTime(twoDigits(text, 11), twoDigits(text, 14), size == 19 ? twoDigits(text, 17) : 0);
        if (!time.isValid())
            return std::nullopt;
    }
    // The text is already in the stored form but for the separator and missing seconds.
    QString iso = text.first(10).toString() + u'T';
    iso += size > 10 ? text.sliced(11) : QStringView(u"00:00");
    if (size != 19)
        iso += u":00";
    return iso;
}

// A number of one to four ASCII digits at text[from, to), or -1.
int smallNumber(QStringView text, qsizetype from, qsizetype to)
{
    if (to <= from || to - from > 4)
        return -1;
    int value = 0;
    for (qsizetype i = from; i < to; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// A date alone in the numeric shapes parseDateTime() reads ("3/1/2024", "01.03.2024",
// "2024/03/01"), as the stored local text, without building a local QDateTime (which asks
// the C library for the time zone on every value); nullopt for anything else, which is
// left to parseDateTime() so that both agree.
std::optional<QString> plainNumericDateText(QStringView text, DateOrder order)
{
    const qsizetype first = text.indexOf(u'/') >= 0 ? text.indexOf(u'/') : text.indexOf(u'.');
    if (first < 1)
        return std::nullopt;
    const QChar separator = text[first];
    const qsizetype second = text.indexOf(separator, first + 1);
    if (second < 0 || text.indexOf(separator, second + 1) >= 0)
        return std::nullopt;
    const int a = smallNumber(text, 0, first);
    const int b = smallNumber(text, first + 1, second);
    const int c = smallNumber(text, second + 1, text.size());
    const qsizetype lengthA = first;
    const qsizetype lengthB = second - first - 1;
    const qsizetype lengthC = text.size() - second - 1;
    if (a < 0 || b < 0 || c < 0 || lengthB > 2)
        return std::nullopt;
    int year = 0;
    int month = 0;
    int day = 0;
    if (lengthA == 4) {
        if (lengthC > 2)
            return std::nullopt;
        year = a, month = b, day = c;
    } else {
        if (lengthC != 4 || lengthA > 2)
            return std::nullopt;
        const bool dayFirst = order == DateOrder::DayFirst || separator == u'.';
        year = c;
        day = dayFirst ? a : b;
        month = dayFirst ? b : a;
    }
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return date.toString(Qt::ISODate) + u"T00:00:00"_s;
}

QString positionText(const SourceError &error)
{
    return error.message;
}

// Dates are stored as ISO 8601 text: UTC with a Z when the file gave an offset, else the
// local time the tool wrote, without an offset.
QString isoText(const QDateTime &time)
{
    const bool local = time.timeSpec() == Qt::LocalTime;
    const QDateTime t = local ? time : time.toUTC();
    QString text = t.date().toString(Qt::ISODate) + u'T' +
                   t.time().toString(t.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
    if (!local)
        text += u'Z';
    return text;
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

bool fitsRole(ColumnRole role, QStringView value, bool decimalComma, QString *reason)
{
    switch (role) {
    case ColumnRole::Nps:
    case ColumnRole::Csat: {
        const std::optional<double> number = readDecimal(value, decimalComma);
        const bool nps = role == ColumnRole::Nps;
        const double low = nps ? 0 : 1;
        const double high = nps ? 10 : 5;
        if (!number || *number != double(qint64(*number)) || *number < low || *number > high) {
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
        if (!readDecimal(value, decimalComma)) {
            *reason = Text::tr("a %1 must be a number").arg(displayName(role).toLower());
            return false;
        }
        return true;
    case ColumnRole::Converted:
        if (!yesOrNo(value)) {
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

    Sql::Database db;
    if (!db.open(databasePath, Sql::Database::Mode::ReadWrite))
        return fail(
            Text::tr("The project cannot be opened for the import: %1").arg(db.errorMessage()));
    db.harden();
    sqlite3_busy_timeout(db.handle(), 10000);
    // The working copy is in WAL mode, where NORMAL cannot corrupt it. A larger cache lets
    // the indexes, built once the rows are in, sort mostly in memory (bounded: 64 MB). The
    // sort's overflow stays in temporary files: in memory it would grow with the file.
    db.exec(u"PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536"_s);
    // TODO: While this transaction is open (a large file: minutes), the document's own writes
    // to the working copy fail as busy: an edit made during the import is kept in memory and
    // written later, but the window reports a failed write meanwhile.
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
    Sql::Statement insert(db, insertSql);
    std::optional<Sql::Statement> replace;
    if (oldShape && shape.keyColumn > 0)
        replace.emplace(db, u"DELETE FROM %1 WHERE %2 = ? AND row_number <= %3"_s
                                .arg(table, DatasetTables::columnName(shape.keyColumn - 1))
                                .arg(keptBefore));
    if (!insert.isValid() || (replace && !replace->isValid()))
        return fail(Text::tr("The project cannot take imported rows: %1").arg(db.errorMessage()));

    const TouchpointMatcher matcher(mProject);
    QSet<QString> unmatched;
    const QByteArray salt = mProject.id.toString(QUuid::WithoutBraces).toUtf8() + '\n';
    const qsizetype firstData = mPlan.skipRecords + mPlan.headerRows;
    qsizetype seen = 0;
    bool failing = false;
    QList<std::optional<QString>> problems(columns.size());

    auto listBad = [&](const SourceRecord &record, qsizetype column, const QString &value,
                       const QString &reason) {
        ++r.badValueCount;
        if (r.badValues.size() < maxListed)
            r.badValues.append({record.record, record.line, column,
                                column > 0 ? columns[column - 1].name : QString(), shortened(value),
                                reason});
    };

    while (std::optional<SourceRecord> record = source->next()) {
        if (seen++ < firstData)
            continue;
        ++r.recordsRead;
        if (batchRecords > 0 && r.recordsRead % batchRecords == 0) {
            if (progress)
                progress(source->progressDone(), source->progressTotal());
            if (cancel && cancel->load()) {
                r.cancelled = true;
                return fail(Text::tr("The import was cancelled; the project is unchanged."));
            }
        }

        const QStringList &fields = record->fields;
        bool badRow = false;
        const qsizetype count = fields.size();
        const bool shortAllowed = source->omitsTrailingEmptyFields() && count < mPlan.fieldCount;
        if (count != mPlan.fieldCount && !shortAllowed) {
            listBad(*record, 0, QString(),
                    Text::tr("the row has %n field(s), the header %1", nullptr, int(count))
                        .arg(mPlan.fieldCount));
            badRow = true;
        }

        insert.reset();
        std::optional<QString> touchpoint;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            problems[c].reset();
            const qsizetype field = mPlan.sourceFields[c];
            const int index = int(c) + 2;
            if (field >= count) {
                insert.bindNull(index);
                continue;
            }
            const QString &raw = fields[field];
            const QStringView value = QStringView(raw).trimmed();
            const DatasetColumn &column = columns[c];
            if (value.isEmpty() ||
                (column.role == ColumnRole::Personal && mPlan.personal == PersonalData::Drop)) {
                insert.bindNull(index);
                continue;
            }

            QString reason;
            if (!fitsRole(column.role, value, decimalComma, &reason)) {
                listBad(*record, c + 1, raw, reason);
                problems[c] = reason;
                insert.bindNull(index);
                continue;
            }
            if (column.role == ColumnRole::Personal && mPlan.personal == PersonalData::Hash) {
                insert.bind(index,
                            QString::fromLatin1(QCryptographicHash::hash(salt + raw.toUtf8(),
                                                                         QCryptographicHash::Sha256)
                                                    .toHex()));
                continue;
            }
            if (c == touchpointColumn) {
                if (const std::optional<Id> id = matcher.match(value)) {
                    touchpoint = id->toString(QUuid::WithoutBraces);
                } else {
                    ++r.unmatchedRows;
                    if (unmatched.size() < maxListed && !unmatched.contains(value.toString())) {
                        unmatched.insert(value.toString());
                        r.unmatchedTouchpoints.append(value.toString());
                    }
                }
            }

            bool fits = true;
            switch (shape.types[c]) {
            case ColumnType::Integer:
                if (const std::optional<qint64> n = readInteger(value))
                    insert.bind(index, *n);
                else
                    fits = false;
                break;
            case ColumnType::Decimal:
                if (const std::optional<double> d = readDecimal(value, decimalComma))
                    insert.bind(index, *d);
                else
                    fits = false;
                break;
            case ColumnType::Boolean:
                if (const std::optional<bool> b = yesOrNo(value))
                    insert.bind(index, qint64(*b ? 1 : 0));
                else
                    fits = false;
                break;
            case ColumnType::DateTime:
                if (const std::optional<QString> iso = plainIsoText(value))
                    insert.bind(index, *iso);
                else if (const std::optional<QString> numeric =
                             plainNumericDateText(value, mPlan.dateOrder))
                    insert.bind(index, *numeric);
                else if (const std::optional<QDateTime> t = parseDateTime(value, mPlan.dateOrder))
                    insert.bind(index, isoText(*t));
                else
                    fits = false;
                break;
            case ColumnType::Text:
                insert.bind(index, raw);
                break;
            }
            if (!fits) {
                reason = Text::tr("“%1” is not a value of type %2")
                             .arg(shortened(raw), displayName(shape.types[c]).toLower());
                listBad(
                    *record, c + 1, raw,
                    Text::tr("not a value of type %1").arg(displayName(shape.types[c]).toLower()));
                problems[c] = reason;
                insert.bindNull(index);
            }
        }
        for (const std::optional<QString> &p : std::as_const(problems))
            badRow = badRow || p.has_value();

        if (badRow) {
            if (mPlan.onBadRows == BadRowPolicy::Fail)
                failing = true;
            if (mPlan.onBadRows != BadRowPolicy::KeepEmpty) {
                ++r.rowsSkipped;
                continue;
            }
            ++r.rowsKept;
        }
        if (failing)
            continue; // read on only to list every bad row

        if (touchpoint)
            insert.bind(1, *touchpoint);
        else
            insert.bindNull(1);
        if (replace && shape.keyColumn > 0) {
            const qsizetype keyField = mPlan.sourceFields[shape.keyColumn - 1];
            if (keyField < count && !QStringView(fields[keyField]).trimmed().isEmpty() &&
                !problems[shape.keyColumn - 1]) {
                replace->reset();
                // The key is bound as the insert binds it, so that it compares equal.
                const QStringView key = QStringView(fields[keyField]).trimmed();
                const std::optional<qint64> n =
                    shape.types[shape.keyColumn - 1] == ColumnType::Integer ? parseInteger(key)
                                                                            : std::nullopt;
                if (n)
                    replace->bind(1, *n);
                else
                    replace->bind(1, key.toString());
                if (!replace->run())
                    return fail(Text::tr("Rows could not be replaced: %1").arg(db.errorMessage()));
                r.rowsReplaced += sqlite3_changes(db.handle());
            }
        }
        if (!insert.run())
            return fail(Text::tr("Row %1 could not be written: %2")
                            .arg(record->record)
                            .arg(db.errorMessage()));
        ++r.rowsImported;
    }

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

    if (!replacing && !DatasetTables::createIndexes(db, shape, &detail))
        return fail(Text::tr("The rows could not be indexed: %1").arg(detail));

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
    qCInfo(lcImport).noquote() << "imported" << r.rowsImported << "rows of" << fileName << "into"
                               << table << "in" << timer.elapsed() << "ms";
    return r;
}

} // namespace Waymark::Import
