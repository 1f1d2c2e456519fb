// bench_metrics: workload 2 of issue 7, every touchpoint's metrics over the imported data,
// against the sqlite3 shell running the engine's own SQL on the same file. The project is
// the survey of generate-survey (1,000,000 rows for 5,000 touchpoints at full size) imported
// by `waymark import`, as bench_import does it; the engine runs in this process with no
// cache, the shell as a child process reading the SQL from a file.
#include "benchsupport.h"
#include "generators.h"
#include "metrics/metricsengine.h"
#include "storage/projectfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Waymark;
using namespace Qt::StringLiterals;

namespace {

const QString benchName = u"bench_metrics"_s;
constexpr int notAvailable = 77;

bool runChild(const QStringList &command, const QString &input, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!input.isEmpty())
        process.setStandardInputFile(input);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(command.first(), command.mid(1));
    const bool finished = process.waitForFinished(-1);
    if (output)
        *output = process.errorString();
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(benchName);
    QStandardPaths::setTestModeEnabled(true);
    const Bench::Options options = Bench::parseOptions(app);

    const int rows = options.tiny ? 2000 : 1000000;
    const int touchpoints = options.tiny ? 50 : 5000;

    QTemporaryDir dir;
    if (!dir.isValid())
        Bench::fail(benchName, u"cannot make a temporary folder"_s);
    const QString csv = dir.filePath(u"survey.csv"_s);
    QString output;
    if (!runChild({QStringLiteral(WAYMARK_GENERATE_SURVEY), csv, u"--rows"_s, QString::number(rows),
                   u"--touchpoints"_s, QString::number(touchpoints)},
                  {}, &output))
        Bench::fail(benchName, u"generate-survey failed: "_s + output);

    Bench::MapSize size = options.tiny ? Bench::tinySize() : Bench::largeMapSize();
    size.touchpoints = touchpoints;
    Project project = Bench::generateProject(size);
    QList<Touchpoint> &cards = project.maps.first().touchpoints;
    for (qsizetype i = 0; i < cards.size(); ++i)
        cards[i].title = u"Touchpoint %1"_s.arg(i + 1);
    const QString file = dir.filePath(u"survey.waymark"_s);
    StorageError error;
    if (!ProjectFile::write(project, file, &error))
        Bench::fail(benchName, error.message + u' ' + error.detail);

    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Every measure the engine computes gets its column, so that the workload is all of
    // them (by type alone, the importer would read every number as a rating).
    const QStringList roles = {u"id=key"_s,
                               u"timestamp=timestamp"_s,
                               u"rating=rating"_s,
                               u"nps=nps"_s,
                               u"csat=csat"_s,
                               u"ces=ces"_s,
                               u"converted=converted"_s,
                               u"revenue=revenue"_s,
                               u"region=segment"_s};
    QStringList import = {QStringLiteral(WAYMARK_EXECUTABLE), u"import"_s,    file, csv,
                          u"--touchpoint-column"_s,           u"touchpoint"_s};
    for (const QString &role : roles)
        import << u"--role"_s << role;
    if (!runChild(import, {}, &output)) {
        QTextStream(stderr) << benchName << ": not available: `waymark import` did not import "
                            << "the survey\n";
        return notAvailable;
    }
    const std::optional<Project> imported = ProjectFile::read(file, &error);
    if (!imported)
        Bench::fail(benchName, error.message);

    const Metrics::Engine engine(*imported, file);
    const QString sqlFile = dir.filePath(u"metrics.sql"_s);
    {
        QFile sql(sqlFile);
        if (!sql.open(QIODevice::WriteOnly))
            Bench::fail(benchName, u"cannot write "_s + sqlFile);
        sql.write(engine.sql({}).toUtf8());
    }

    Bench::Figures w, b;
    bool failed = false;
    Bench::measure(
        options.runs,
        [&] {
            const Metrics::Result result = engine.compute({});
            failed = failed || !result.ok;
        },
        [&] {
            failed = failed || !runChild({u"sqlite3"_s, u"-readonly"_s, file}, sqlFile, &output);
        },
        w, b);
    if (failed)
        Bench::fail(benchName, u"a run failed: "_s + output);

    Bench::Report report(benchName, options);
    report.add(u"all touchpoint metrics over the imported rows (no cache)"_s,
               u"the same SQL in the sqlite3 shell"_s, w, b,
               {u"≤ 1.1 × the sqlite3 shell"_s, std::nullopt, 1.1});
    return report.finish() ? 0 : 1;
}
