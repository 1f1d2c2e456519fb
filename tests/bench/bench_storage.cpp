// Storage benchmarks, each measured side by side with its baseline in the same run, since
// only ratios hold on a shared, noisy machine:
//   open  opening a project until its map is loaded, against copying the file;
//   save  saving after moving 10 cards, against the sqlite3 shell's .backup of the file.
// Both on a map of 5,000 cards without data, then (issue 7, workloads 4 and 5) on the same
// map with the survey of generate-survey (1,000,000 rows) imported and attached by
// `waymark import`, made once per run: there opening runs until the map is interactive
// (its scene laid out and indexed), and the save's time on the window's thread (what a
// person waits for while the copy runs on a worker) is reported as well.
// Prints a Markdown table (median, min and max of the runs after a warm-up) and writes the
// figures as JSON in the shape tests/bench/README.md describes.
//
//   bench_storage [--size tiny|full] [--runs N] [--json FILE]
#include "benchsupport.h"
#include "commands.h"
#include "document.h"
#include "generators.h"
#include "mapscene.h"
#include "storage/projectfile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>

using namespace Waymark;
using Bench::Figures;
using Bench::Options;
using Bench::Report;
using namespace Qt::StringLiterals;

namespace {

struct Size
{
    int stages;
    int touchpoints;
    int connectors;
};

// A map of the size issue 7 names (5,000 cards in 50 stages, 6,000 connectors), made from a
// fixed seed so that every run measures the same project.
Project generateProject(const Size &size)
{
    QRandomGenerator random(20261203);
    Project p;
    p.id = newId();
    p.name = u"Benchmark"_s;
    p.created = QDateTime::currentDateTimeUtc();

    JourneyMap m;
    m.id = newId();
    m.name = u"Large map"_s;
    for (int i = 0; i < size.stages; ++i)
        m.stages.append({newId(), u"Stage %1"_s.arg(i + 1), {}, 0});
    const QList<LaneKind> kinds = allValues<LaneKind>();
    for (LaneKind kind : kinds)
        m.lanes.append({newId(), displayName(kind), kind, false, {}});

    QHash<QPair<int, int>, int> fill;
    for (int i = 0; i < size.touchpoints; ++i) {
        const int stage = int(random.bounded(size.stages));
        const int lane = int(random.bounded(int(kinds.size())));
        Touchpoint t;
        t.id = newId();
        t.stageId = m.stages[stage].id;
        t.laneId = m.lanes[lane].id;
        t.order = fill[{stage, lane}]++;
        t.title = u"Touchpoint %1"_s.arg(i + 1);
        t.description = u"What happens at touchpoint %1, in a sentence or two."_s.arg(i + 1);
        t.channel = allValues<Channel>()[int(random.bounded(13))];
        t.devices = Device::Desktop | Device::Mobile;
        t.owner = u"Team %1"_s.arg(random.bounded(20));
        t.tags = {u"tag%1"_s.arg(random.bounded(50))};
        m.touchpoints.append(t);
    }
    for (int i = 0; i < size.connectors && size.touchpoints > 1; ++i) {
        const int from = int(random.bounded(size.touchpoints));
        int to = int(random.bounded(size.touchpoints));
        if (to == from)
            to = (to + 1) % size.touchpoints;
        m.connectors.append({newId(),
                             m.touchpoints[from].id,
                             m.touchpoints[to].id,
                             ConnectorDirection::Forward,
                             {}});
    }
    p.maps = {m};
    return p;
}

// One warm-up, then runs timed calls of each, interleaved so that a burst of load on the
// machine hits both sides alike.
// (This bench's own, called as ::measure to tell it from Bench::measure.)
void measure(int runs, const std::function<void()> &waymark, const std::function<void()> &baseline,
             Figures &w, Figures &b)
{
    waymark();
    baseline();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        waymark();
        w.ms.append(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        baseline();
        b.ms.append(double(timer.nsecsElapsed()) / 1e6);
    }
}

[[noreturn]] void fail(const QString &what)
{
    Bench::fail(u"bench_storage"_s, what);
}

// This bench times its runs itself: both sides get the process's peak up to then.
void notePeak(Figures &w, Figures &b)
{
    w.peakRssMb = b.peakRssMb = Bench::peakMemoryMb();
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void runChild(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        fail(program + u" failed: "_s + QString::fromLocal8Bit(process.readAll().trimmed()));
}

// The large map with the survey imported and attached, as a person would make it: cards
// titled as the survey's touchpoint column, then `waymark import`. Returns the rows imported.
qint64 makeSurveyProject(const QString &folder, bool tiny, const QString &file)
{
    const int rows = tiny ? 2000 : 1000000;
    Bench::MapSize size = tiny ? Bench::tinySize() : Bench::largeMapSize();
    size.touchpoints = tiny ? 50 : 5000;
    const QString csv = folder + u"/survey.csv"_s;
    runChild(QStringLiteral(WAYMARK_GENERATE_SURVEY),
             {csv, u"--rows"_s, QString::number(rows), u"--touchpoints"_s,
              QString::number(size.touchpoints)});

    Project project = Bench::generateProject(size);
    QList<Touchpoint> &cards = project.maps.first().touchpoints;
    for (qsizetype i = 0; i < cards.size(); ++i)
        cards[i].title = u"Touchpoint %1"_s.arg(i + 1);
    StorageError error;
    if (!ProjectFile::write(project, file, &error))
        fail(error.message + u' ' + error.detail);
    runChild(QStringLiteral(WAYMARK_EXECUTABLE),
             {u"import"_s, file, csv, u"--touchpoint-column"_s, u"touchpoint"_s});
    QFile::remove(csv);

    const std::optional<Project> imported = ProjectFile::read(file, &error);
    if (!imported)
        fail(error.message);
    qint64 attached = 0;
    for (const Dataset &d : imported->datasets)
        attached += d.attachments.isEmpty() ? 0 : d.rowCount;
    if (attached != rows)
        fail(u"the survey project holds %1 attached rows, not %2"_s.arg(attached).arg(rows));
    return attached;
}

} // namespace

int main(int argc, char *argv[])
{
    // A QApplication for the map's scene in the workloads with data (offscreen will do).
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_storage"_s);
    QStandardPaths::setTestModeEnabled(true);

    const Options options = Bench::parseOptions(app);
    const bool tiny = options.tiny;
    const Size size = tiny ? Size{5, 50, 60} : Size{50, 5000, 6000};
    const int runs = options.runs;

    QTemporaryDir dir;
    const QString file = dir.filePath(u"bench.waymark"_s);
    StorageError error;
    if (!ProjectFile::write(generateProject(size), file, &error))
        fail(error.message + u' ' + error.detail);

    Report report(u"bench_storage"_s, options);

    // Open: from the file to a loaded, checked project in a working copy.
    {
        Figures w, b;
        const QString copy = dir.filePath(u"copy.waymark"_s);
        ::measure(
            runs,
            [&] {
                if (!Document::open(file, &error))
                    fail(error.message);
            },
            [&] {
                QFile::remove(copy);
                if (!QFile::copy(file, copy))
                    fail(u"cannot copy the project file"_s);
            },
            w, b);
        notePeak(w, b);
        report.add(u"open %1 cards"_s.arg(size.touchpoints), u"copying the file"_s, w, b,
                   {u"≤ 3 × copy, ≤ 500 ms"_s, 500, 3});
    }

    // Save after moving 10 cards, against the sqlite3 shell's .backup of the same file.
    {
        std::unique_ptr<Document> doc = Document::open(file, &error);
        if (!doc)
            fail(error.message);
        const QString saved = dir.filePath(u"saved.waymark"_s);
        const QString backup = dir.filePath(u"backup.waymark"_s);
        const JourneyMap &map = doc->project().maps.first();
        int step = 0;
        Figures w, b;
        ::measure(
            runs,
            [&] {
                for (int i = 0; i < 10; ++i) {
                    const Touchpoint &t = map.touchpoints[(step * 10 + i) % map.touchpoints.size()];
                    const Stage &to = map.stages[(step + i) % map.stages.size()];
                    doc->push(
                        Commands::moveTouchpoints(doc.get(), {t.id}, to.id, t.laneId, 0).release());
                }
                ++step;
                if (!doc->saveAs(saved, &error))
                    fail(error.message);
            },
            [&] {
                QProcess sqlite;
                sqlite.start(u"sqlite3"_s, {file, u".backup '%1'"_s.arg(backup)});
                if (!sqlite.waitForFinished(60000) || sqlite.exitCode() != 0)
                    fail(u"the sqlite3 shell failed: "_s +
                         QString::fromLocal8Bit(sqlite.readAllStandardError()));
            },
            w, b);
        notePeak(w, b);
        report.add(u"save after moving 10 cards"_s, u"sqlite3 .backup"_s, w, b,
                   {u"≤ 1.2 × backup"_s, std::nullopt, 1.2});
    }

    // The same map with the survey imported and attached.
    const QString surveyFile = dir.filePath(u"survey.waymark"_s);
    const qint64 surveyRows = makeSurveyProject(dir.path(), tiny, surveyFile);
    const QString what = u"%1 cards and %2 survey rows"_s.arg(
        QLocale::c().toString(size.touchpoints), QLocale::c().toString(surveyRows));

    // Open until the map is interactive: the document, then its map's scene laid out and
    // indexed (a query builds the index, as the first paint would). The document's part is
    // reported too, since that is where the file is read.
    {
        Figures interactive, opened, b;
        const QString copy = dir.filePath(u"survey-copy.waymark"_s);
        auto openOnce = [&](bool keep) {
            QElapsedTimer timer;
            timer.start();
            std::unique_ptr<Document> doc = Document::open(surveyFile, &error);
            if (!doc)
                fail(error.message);
            const double documentMs = msSince(timer);
            {
                MapScene scene(doc.get(), doc->project().maps.first().id);
                scene.itemAt(QPointF(0, 0), QTransform());
                const double sceneMs = msSince(timer);
                if (keep) {
                    opened.ms.append(documentMs);
                    interactive.ms.append(sceneMs);
                }
            }
        };
        auto copyOnce = [&](bool keep) {
            QFile::remove(copy);
            QElapsedTimer timer;
            timer.start();
            if (!QFile::copy(surveyFile, copy))
                fail(u"cannot copy the project file"_s);
            if (keep)
                b.ms.append(msSince(timer));
        };
        openOnce(false);
        copyOnce(false);
        for (int i = 0; i < runs; ++i) {
            openOnce(true);
            copyOnce(true);
        }
        QFile::remove(copy);
        notePeak(interactive, b);
        opened.peakRssMb = b.peakRssMb;
        const Bench::Goal goal{u"≤ 3 × copy, ≤ 500 ms"_s, 500, 3};
        report.add(u"open %1 until the map is interactive"_s.arg(what), u"copying the file"_s,
                   interactive, b, goal);
        report.add(u"… of which the document (Document::open)"_s, u"copying the file"_s, opened, b,
                   goal);
    }

    // Save after moving 10 cards, in the steps the window takes: the pending edits written
    // to the working copy and the save finished on the window's thread, the copy itself on
    // a worker thread (here all on this one, timed apart).
    {
        std::unique_ptr<Document> doc = Document::open(surveyFile, &error);
        if (!doc)
            fail(error.message);
        const QString saved = dir.filePath(u"survey-saved.waymark"_s);
        const QString backup = dir.filePath(u"survey-backup.waymark"_s);
        // Copies: the commands change the project the document holds.
        const QList<Touchpoint> cards = doc->project().maps.first().touchpoints;
        const QList<Stage> stages = doc->project().maps.first().stages;
        int step = 0;
        Figures w, b, stall, worker;
        auto saveOnce = [&](bool keep) {
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < 10; ++i) {
                const Touchpoint &t = cards[(step * 10 + i) % cards.size()];
                const Stage &to = stages[(step + i) % stages.size()];
                std::unique_ptr<QUndoCommand> move =
                    Commands::moveTouchpoints(doc.get(), {t.id}, to.id, t.laneId, 0);
                if (move)
                    doc->push(move.release());
            }
            ++step;
            const double edited = msSince(timer);
            if (!doc->prepareSave(&error))
                fail(error.message);
            const double prepared = msSince(timer);
            if (!doc->writeSavedCopy(saved, &error))
                fail(error.message);
            const double copied = msSince(timer);
            doc->finishSave(saved);
            const double finished = msSince(timer);
            if (keep) {
                w.ms.append(finished);
                stall.ms.append((prepared - edited) + (finished - copied));
                worker.ms.append(copied - prepared);
            }
        };
        auto backupOnce = [&](bool keep) {
            QElapsedTimer timer;
            timer.start();
            QProcess sqlite;
            sqlite.start(u"sqlite3"_s, {surveyFile, u".backup '%1'"_s.arg(backup)});
            if (!sqlite.waitForFinished(-1) || sqlite.exitCode() != 0)
                fail(u"the sqlite3 shell failed: "_s +
                     QString::fromLocal8Bit(sqlite.readAllStandardError()));
            if (keep)
                b.ms.append(msSince(timer));
        };
        saveOnce(false);
        backupOnce(false);
        for (int i = 0; i < runs; ++i) {
            saveOnce(true);
            backupOnce(true);
        }
        notePeak(w, b);
        stall.peakRssMb = worker.peakRssMb = w.peakRssMb;
        report.add(u"save %1 after moving 10 cards"_s.arg(what), u"sqlite3 .backup"_s, w, b,
                   {u"≤ 1.2 × backup"_s, std::nullopt, 1.2});
        report.add(u"… of which the window's thread waits (the copy on a worker thread)"_s,
                   u"the copy on the worker thread"_s, stall, worker,
                   {u"UI stalls ≤ 50 ms"_s, 50, std::nullopt});
    }

    if (!report.finish())
        fail(u"cannot write "_s + options.json);
    return 0;
}
