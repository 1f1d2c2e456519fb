// Storage benchmarks, each measured side by side with its baseline in the same run, since
// only ratios hold on a shared, noisy machine:
//   open  opening a project until its map is loaded, against copying the file;
//   save  saving after moving 10 cards, against the sqlite3 shell's .backup of the file.
// Prints a Markdown table (median, min and max of the runs after a warm-up) and writes the
// figures as JSON in the shape tests/bench/README.md describes.
//
//   bench_storage [--size tiny|full] [--runs N] [--json FILE]
#include "benchsupport.h"
#include "commands.h"
#include "document.h"
#include "storage/projectfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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

    if (!report.finish())
        fail(u"cannot write "_s + options.json);
    return 0;
}
