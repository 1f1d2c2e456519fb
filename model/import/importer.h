// Importing a file into a project: the plan (how to read the file and what each column
// is), and the importer, which streams the file's records, types and checks every value,
// and writes the rows into a table of their own in one transaction on its own connection.
// The result is a Dataset for the document to add with Commands::importDataset(): the
// rows are already in the database, the dataset appears in the project (and in the undo
// history) only then.
#pragma once

#include "entities.h"
#include "import/encoding.h"
#include "import/sourceformat.h"
#include "import/typeinference.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace Waymark::Import {

// What to do with a row that has a problem (a wrong number of fields, a value that does not
// fit its column's type or role).
enum class BadRowPolicy
{
    Skip,      // leave the row out
    KeepEmpty, // keep the row, the values in question empty
    Fail,      // import nothing
};

QString badRowPolicyKey(BadRowPolicy policy); // "skip", "keep", "fail"
std::optional<BadRowPolicy> badRowPolicyFromKey(QStringView key);

// Everything the importer needs to know, worked out by plan() and open to changes (the
// wizard's pages, the command line's options) before run().
struct ImportPlan
{
    QString path;
    QString datasetName;
    bool workbook = false; // read with the XLSX reader
    QString sheet;         // workbooks only: empty for the first sheet
    SourceFormat format = SourceFormat::Csv;
    Encoding encoding = Encoding::Utf8;
    char delimiter = ',';
    bool decimalComma = false;
    DateOrder dateOrder = DateOrder::MonthFirst;
    qsizetype skipRecords = 0;
    qsizetype headerRows = 1;
    // The number of fields of the header: a data record with another number is a bad row.
    qsizetype fieldCount = 0;
    // The dataset's columns, and for each the index of the field of a record it is read
    // from (a new dataset has one column per field, in order; a next wave finds the
    // dataset's columns by name wherever they are in the file).
    QList<DatasetColumn> columns;
    QList<qsizetype> sourceFields;
    QStringList ignoredFields; // fields of the file no column reads (a next wave's new ones)
    // Ids may be left null; the importer gives them.
    QList<DatasetAttachment> attachments;
    BadRowPolicy onBadRows = BadRowPolicy::Skip;
    PersonalData personal = PersonalData::Keep;
    // A dataset of the project to update: rows whose key equals a key of the file are
    // replaced, the others added. Null for a new dataset.
    Id updateDataset;
};

struct PlanOptions
{
    std::optional<Encoding> encoding;
    std::optional<char> delimiter;
    std::optional<SourceFormat> format;
    std::optional<qsizetype> headerRows;
    QString sheet;
};

// Reads the start of the file and proposes a plan: the detected encoding, delimiter and
// format, the columns with their inferred types and suggested roles, the dataset named after
// the file. nullopt with *error when the file cannot be imported at all.
std::optional<ImportPlan> plan(const QString &path, const PlanOptions &options, QString *error);

// The plan for the next wave of a dataset: the file read the way the dataset's mapping
// says, its columns matched by name to the dataset's, with their roles and types, and
// updating that dataset. nullopt with *error when the file lacks a column of the dataset.
std::optional<ImportPlan> planNextWave(const QString &path, const Dataset &dataset, QString *error);

// A column given as its name (as Waymark shows it) or its position counted from 1: its
// index in plan.columns, or -1.
qsizetype findColumn(const ImportPlan &plan, const QString &nameOrPosition);

// Attaches the rows to touchpoints by the values of column (an index into plan.columns),
// which becomes the touchpoint column: the plan's one attachment.
void attachByColumn(ImportPlan &plan, qsizetype column);

// Roles whose values must be numbers (nps, csat, ces, rating, revenue, quantity) or yes and
// no (converted); the check of one value, with the reason it fails in *reason.
bool fitsRole(ColumnRole role, QStringView value, bool decimalComma, QString *reason);
bool fitsRole(ColumnRole role, QByteArrayView utf8, bool decimalComma, QString *reason);

struct BadValue
{
    qint64 record = 0;    // in the file, header rows included
    qint64 line = 0;      // where the record begins
    qsizetype column = 0; // 1-based; 0 for the whole row (a wrong number of fields)
    QString columnName;
    QString value;  // as the file has it (cut to 200 characters for the listing)
    QString reason; // for people
};

struct ImportResult
{
    bool ok = false;
    bool cancelled = false;
    QString error; // why nothing was imported, for people

    qint64 recordsRead = 0;  // data records of the file
    qint64 rowsImported = 0; // written, including replacements
    qint64 rowsReplaced = 0; // of them, replacing rows with the same key (next wave)
    qint64 rowsSkipped = 0;  // bad rows left out
    qint64 rowsKept = 0;     // bad rows kept with empty values
    qint64 badValueCount = 0;
    QList<BadValue> badValues; // the first maxListed of them, in file order

    // Values of the touchpoint column that named no touchpoint: the distinct ones (the
    // first maxListed) and how many rows had one.
    QStringList unmatchedTouchpoints;
    qint64 unmatchedRows = 0;

    // The dataset to add to the project (or to replace the updated one with).
    Dataset dataset;
};

class Importer
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Import::Importer)

public:
    // The project gives the touchpoints to match and the salt of hashed personal data; it
    // is copied, so that run() can go on while the document changes.
    Importer(ImportPlan plan, const Project &project);

    // Called on the importer's thread about every few thousand records, with the bytes
    // read so far out of the file's size.
    std::function<void(qint64 done, qint64 total)> progress;
    // Checked between batches; when set, the import stops and the database is unchanged.
    const std::atomic_bool *cancel = nullptr;
    qsizetype maxListed = 1000;
    qsizetype batchRecords = 4096;
    // For tests of atomicity: fail after the rows were written, before the commit.
    bool failBeforeCommit = false;
    // The database is a private copy that the caller throws away unless the import succeeds
    // and syncs once at the end (importIntoFile()): its journal is kept in memory and
    // nothing is synced, so that every page is written once. Otherwise it is the working
    // copy, in WAL mode.
    bool privateDatabase = false;

    // Imports into the project database at databasePath (the document's working copy, see
    // Document::workingCopyPath()), on a connection of its own: callable on any thread.
    ImportResult run(const QString &databasePath);

private:
    ImportPlan mPlan;
    Project mProject;
};

} // namespace Waymark::Import
