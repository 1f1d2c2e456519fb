// Import benchmark (issue 7, workload 1; issue 5's speed and memory bounds): the survey CSV
// of generate-survey imported into a project by the command line, as a person would run it,
//     waymark import CSV PROJECT --touchpoint-column touchpoint
// against the sqlite3 shell's `.import --csv` of the same file into a new database, followed
// by the indexes that Waymark's import created (read back from the imported project, so the
// baseline follows any change to them). Both sides are child processes, timed from start to
// exit, with the child's own peak memory (wait4's ru_maxrss). Every run starts from a fresh
// copy of a project whose map has a card for every touchpoint title of the CSV.
//
// The same rows saved as an Excel workbook by csv-to-xlsx (numbers as numbers, timestamps as
// date serials, texts as shared strings) are imported too, in the same runs, against the
// CSV import: the workbook's sheet is read as it is inflated, so its peak memory must stay
// under the same bound however long the sheet.
//
//   bench_import [--size tiny|full] [--runs N] [--json FILE]
//
// WAYMARK_BENCH_ROWS=N in the environment imports N rows instead (a medium size, for
// profiling: the full size takes minutes a run).
//
// Exits with 77 (CTest's "skipped") when `waymark import` cannot import the file, saying
// why: no figures are reported for an import that did not happen.
#include "benchsupport.h"
#include "document.h"
#include "generators.h"
#include "import/importer.h"
#include "storage/projectfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <vector>

using namespace Waymark;
using namespace Qt::StringLiterals;

namespace {

const QString benchName = u"bench_import"_s;
constexpr int notAvailable = 77;

struct ChildRun
{
    double ms = 0;
    double peakMb = 0;
    int exitCode = -1;
    QString output; // stdout and stderr, for the message when it fails
};

// Runs a program to its end, with its output in a file; wait4 gives that child's own peak
// resident memory, which getrusage(RUSAGE_CHILDREN) would mix with every earlier child's.
ChildRun runChild(const QStringList &arguments, const QString &outputFile)
{
    std::vector<QByteArray> encoded;
    for (const QString &a : arguments)
        encoded.push_back(QFile::encodeName(a));
    std::vector<char *> argv;
    for (QByteArray &a : encoded)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const QByteArray outputPath = QFile::encodeName(outputFile);

    ChildRun run;
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(outputPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        execvp(argv[0], argv.data());
        _exit(127);
    }
    if (pid < 0) {
        run.output = u"cannot start "_s + arguments.first();
        return run;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    run.peakMb = double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    QFile output(outputFile);
    if (output.open(QIODevice::ReadOnly))
        run.output = QString::fromLocal8Bit(output.readAll()).trimmed();
    if (run.exitCode == 127 && run.output.isEmpty())
        run.output = u"cannot run "_s + arguments.first();
    return run;
}

// Every run of one side, with the peak memory of the largest child.
void record(const ChildRun &run, Bench::Figures &figures)
{
    figures.ms.append(run.ms);
    figures.peakRssMb = std::max(figures.peakRssMb, run.peakMb);
}

// The indexes Waymark created for the dataset, as statements on the baseline's table "t",
// whose columns are the CSV's header names. The rows table's columns are c1, c2, ... in the
// order of the file, and touchpoint_id stands for the column the rows were attached by.
QStringList indexesOf(const QString &project, const QStringList &header,
                      const QString &touchpointColumn)
{
    QProcess sqlite;
    sqlite.start(u"sqlite3"_s,
                 {u"-readonly"_s, project,
                  u"SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                  "AND tbl_name LIKE 'dataset_rows_%' ORDER BY name"_s});
    if (!sqlite.waitForFinished(60000) || sqlite.exitCode() != 0)
        Bench::fail(benchName, u"cannot read the imported project's indexes: "_s +
                                   QString::fromLocal8Bit(sqlite.readAllStandardError()));

    static const QRegularExpression columns(u"\\(([^)]*)\\)"_s);
    QStringList statements;
    const QStringList lines =
        QString::fromUtf8(sqlite.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &sql : lines) {
        const QRegularExpressionMatch match = columns.match(sql);
        if (!match.hasMatch())
            continue;
        QStringList mapped;
        for (QString column : match.captured(1).split(u',')) {
            column = column.trimmed();
            if (column == u"touchpoint_id") {
                mapped.append(touchpointColumn);
            } else if (column.size() > 1 && column.front() == u'c' && column.mid(1).toInt() >= 1 &&
                       column.mid(1).toInt() <= header.size()) {
                mapped.append(header[column.mid(1).toInt() - 1]);
            } else {
                Bench::fail(benchName,
                            u"an index on a column the baseline has no match for: "_s + sql);
            }
        }
        statements.append(u"CREATE INDEX t_by_%1 ON t(%2)"_s.arg(statements.size() + 1)
                              .arg(mapped.join(u", "_s)));
    }
    return statements;
}

// The number of rows in the project's tables of imported rows, by the sqlite3 shell, so that
// a run that imported nothing is never timed as if it had.
qint64 importedRows(const QString &project)
{
    QProcess sqlite;
    sqlite.start(u"sqlite3"_s, {u"-readonly"_s, project,
                                u"SELECT name FROM sqlite_master WHERE type = 'table' "
                                "AND name LIKE 'dataset_rows_%'"_s});
    if (!sqlite.waitForFinished(60000) || sqlite.exitCode() != 0)
        return -1;
    qint64 total = 0;
    const QStringList tables =
        QString::fromUtf8(sqlite.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &table : tables) {
        QProcess count;
        count.start(u"sqlite3"_s,
                    {u"-readonly"_s, project, u"SELECT count(*) FROM \"%1\""_s.arg(table)});
        if (!count.waitForFinished(60000) || count.exitCode() != 0)
            return -1;
        total += QString::fromUtf8(count.readAllStandardOutput()).trimmed().toLongLong();
    }
    return total;
}

// The window's import (File ▸ Import Data…): the plan the wizard would make, then the
// importer on the worker, writing into the document's working copy. Timed from the start of
// the importer's run to its end, as the wizard's progress bar runs; the project is opened
// and the file planned before, as the wizard does while its pages are filled in.
double windowImport(const QString &project, const QString &file, qint64 expectedRows)
{
    StorageError error;
    std::unique_ptr<Document> document = Document::open(project, &error);
    if (!document)
        Bench::fail(benchName, u"cannot open the project: "_s + error.message);
    QString why;
    std::optional<Import::ImportPlan> plan = Import::plan(file, {}, &why);
    if (!plan)
        Bench::fail(benchName, u"cannot plan the import: "_s + why);
    const qsizetype column = Import::findColumn(*plan, u"touchpoint"_s);
    if (column < 0)
        Bench::fail(benchName, u"the survey has no touchpoint column"_s);
    Import::attachByColumn(*plan, column);

    Import::Importer importer(*plan, document->project());
    const auto start = std::chrono::steady_clock::now();
    const Import::ImportResult result = importer.run(document->workingCopyPath());
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!result.ok || result.rowsImported != expectedRows)
        Bench::fail(benchName, u"the window's import failed: "_s + result.error);
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(benchName);
    QStandardPaths::setTestModeEnabled(true);
    const Bench::Options options = Bench::parseOptions(app);

    const int rows = qEnvironmentVariableIntValue("WAYMARK_BENCH_ROWS") > 0
                         ? qEnvironmentVariableIntValue("WAYMARK_BENCH_ROWS")
                     : options.tiny ? 2000
                                    : 1000000;
    const int touchpoints = options.tiny ? 50 : 5000;

    QTemporaryDir dir;
    if (!dir.isValid())
        Bench::fail(benchName, u"cannot make a temporary folder"_s);
    const QString csv = dir.filePath(u"survey.csv"_s);
    const QString xlsx = dir.filePath(u"survey.xlsx"_s);
    const QString log = dir.filePath(u"child.log"_s);

    const ChildRun generated =
        runChild({QStringLiteral(WAYMARK_GENERATE_SURVEY), csv, u"--rows"_s, QString::number(rows),
                  u"--touchpoints"_s, QString::number(touchpoints)},
                 log);
    if (generated.exitCode != 0)
        Bench::fail(benchName, u"generate-survey failed: "_s + generated.output);
    const ChildRun converted = runChild({QStringLiteral(WAYMARK_CSV_TO_XLSX), csv, xlsx}, log);
    if (converted.exitCode != 0)
        Bench::fail(benchName, u"csv-to-xlsx failed: "_s + converted.output);

    // The large map of generators.h (or the tiny one), its cards titled as the CSV names them.
    Bench::MapSize size = options.tiny ? Bench::tinySize() : Bench::largeMapSize();
    size.touchpoints = touchpoints;
    Project project = Bench::generateProject(size);
    QList<Touchpoint> &cards = project.maps.first().touchpoints;
    for (qsizetype i = 0; i < cards.size(); ++i)
        cards[i].title = u"Touchpoint %1"_s.arg(i + 1);
    const QString pristine = dir.filePath(u"pristine.waymark"_s);
    StorageError error;
    if (!ProjectFile::write(project, pristine, &error))
        Bench::fail(benchName, error.message + u' ' + error.detail);

    const QString work = dir.filePath(u"work.waymark"_s);
    const QString baselineDb = dir.filePath(u"baseline.db"_s);
    // The command line's order: the export first, then the project (app/cli/COMMANDLINE.md).
    QStringList waymark = {QStringLiteral(WAYMARK_EXECUTABLE), u"import"_s, work, csv};
    waymark += {u"--touchpoint-column"_s, u"touchpoint"_s};
    QStringList workbook = waymark;
    workbook[3] = xlsx;
    qputenv("QT_QPA_PLATFORM", "offscreen");

    // One import first, to see that the command exists and works, and to learn which indexes
    // it makes; it is also the warm-up of the Waymark side.
    QFile::remove(work);
    if (!QFile::copy(pristine, work))
        Bench::fail(benchName, u"cannot copy the project"_s);
    const ChildRun first = runChild(waymark, log);
    if (first.exitCode != 0) {
        QTextStream(stderr) << benchName << ": not available: `waymark import` did not import "
                            << "the survey (exit code " << first.exitCode << "):\n"
                            << first.output << '\n';
        return notAvailable;
    }
    if (const qint64 imported = importedRows(work); imported != rows) {
        QTextStream(stderr) << benchName << ": not available: `waymark import` stored " << imported
                            << " rows of the survey's " << rows << ":\n"
                            << first.output << '\n';
        return notAvailable;
    }
    QFile::remove(work);
    if (!QFile::copy(pristine, work))
        Bench::fail(benchName, u"cannot copy the project"_s);
    const ChildRun firstWorkbook = runChild(workbook, log);
    if (firstWorkbook.exitCode != 0 || importedRows(work) != rows) {
        QTextStream(stderr) << benchName << ": not available: `waymark import` did not import "
                            << "the survey's workbook (exit code " << firstWorkbook.exitCode
                            << "):\n"
                            << firstWorkbook.output << '\n';
        return notAvailable;
    }

    QFile header(csv);
    if (!header.open(QIODevice::ReadOnly))
        Bench::fail(benchName, u"cannot read "_s + csv);
    const QStringList columns = QString::fromUtf8(header.readLine()).trimmed().split(u',');
    const QStringList indexes = indexesOf(work, columns, u"touchpoint"_s);

    QStringList sqlite = {u"sqlite3"_s, baselineDb, u".import --csv \"%1\" t"_s.arg(csv)};
    sqlite += indexes;
    QFile::remove(baselineDb);
    const ChildRun warmup = runChild(sqlite, log);
    if (warmup.exitCode != 0)
        Bench::fail(benchName, u"the sqlite3 shell failed: "_s + warmup.output);

    Bench::Figures w, b, wMemory, bMemory, x, xMemory, window;
    for (int i = 0; i < options.runs; ++i) {
        QFile::remove(work);
        if (!QFile::copy(pristine, work))
            Bench::fail(benchName, u"cannot copy the project"_s);
        const ChildRun ours = runChild(waymark, log);
        if (ours.exitCode != 0)
            Bench::fail(benchName, u"waymark import failed in run %1: "_s.arg(i + 1) + ours.output);
        record(ours, w);
        wMemory.ms.append(ours.peakMb);

        QFile::remove(baselineDb);
        const ChildRun theirs = runChild(sqlite, log);
        if (theirs.exitCode != 0)
            Bench::fail(benchName, u"the sqlite3 shell failed: "_s + theirs.output);
        record(theirs, b);
        bMemory.ms.append(theirs.peakMb);

        QFile::remove(work);
        if (!QFile::copy(pristine, work))
            Bench::fail(benchName, u"cannot copy the project"_s);
        const ChildRun sheet = runChild(workbook, log);
        if (sheet.exitCode != 0)
            Bench::fail(benchName,
                        u"waymark import of the workbook failed in run %1: "_s.arg(i + 1) +
                            sheet.output);
        record(sheet, x);
        xMemory.ms.append(sheet.peakMb);

        QFile::remove(work);
        if (!QFile::copy(pristine, work))
            Bench::fail(benchName, u"cannot copy the project"_s);
        window.ms.append(windowImport(work, csv, rows));
    }
    wMemory.peakRssMb = w.peakRssMb;
    bMemory.peakRssMb = b.peakRssMb;
    xMemory.peakRssMb = x.peakRssMb;

    Bench::Report report(benchName, options);
    const QString workload = u"import %1 rows × %2 columns"_s.arg(rows).arg(columns.size());
    const QString baseline = u"sqlite3 .import --csv and %1 index(es)"_s.arg(indexes.size());
    report.add(workload, baseline, w, b,
               Bench::Goal{u"≤ 1.0 × baseline (goal 0.5)"_s, std::nullopt, 1.0});
    report.add(u"peak memory of that import"_s, u"the sqlite3 shell's"_s, wMemory, bMemory,
               Bench::Goal{u"< 300 MB"_s, 300.0, std::nullopt}, u"MB"_s);
    report.add(u"the same import from the window, into the working copy"_s, baseline, window, b,
               Bench::Goal{u"≤ 1.0 × baseline"_s, std::nullopt, 1.0});
    const double sheetMb = double(QFileInfo(xlsx).size()) / (1024.0 * 1024.0);
    report.add(u"import the same rows from a workbook (%1 MB)"_s.arg(sheetMb, 0, 'f', 0),
               u"the CSV's import"_s, x, w, Bench::Goal{u"none set"_s, {}, {}});
    report.add(u"peak memory of the workbook's import"_s, u"the CSV's import"_s, xMemory, wMemory,
               Bench::Goal{u"< 300 MB"_s, 300.0, std::nullopt}, u"MB"_s);
    return report.finish() ? 0 : 1;
}
