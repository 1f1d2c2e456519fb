// Storage benchmarks, each measured side by side with its baseline in the same run, since
// only ratios hold on a shared, noisy machine:
//   open  opening a project until its map is loaded, against copying the file;
//   save  saving after moving 10 cards, against the sqlite3 shell's .backup of the file.
// Prints a Markdown table (median, min and max of the runs after a warm-up) and writes the
// figures as JSON.
//
//   bench_storage [--size tiny|full] [--runs N] [--json FILE]
#include "commands.h"
#include "document.h"
#include "storage/projectfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <functional>

using namespace Waymark;
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

struct Figures
{
    QList<double> ms;

    double median() const
    {
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.isEmpty() ? 0 : sorted[sorted.size() / 2];
    }
    double min() const { return ms.isEmpty() ? 0 : *std::min_element(ms.begin(), ms.end()); }
    double max() const { return ms.isEmpty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

// One warm-up, then runs timed calls of each, interleaved so that a burst of load on the
// machine hits both sides alike.
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
    QTextStream(stderr) << "bench_storage: " << what << '\n';
    std::exit(1);
}

qint64 peakKilobytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_storage"_s);
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {u"size"_s, u"tiny (for CI) or full (issue 7's sizes)."_s, u"size"_s, u"full"_s});
    parser.addOption(
        {u"runs"_s, u"Timed runs of each workload after the warm-up."_s, u"n"_s, u"5"_s});
    parser.addOption({u"json"_s, u"Write the figures to this file."_s, u"file"_s});
    parser.process(app);

    const bool tiny = parser.value(u"size"_s) == u"tiny";
    const Size size = tiny ? Size{5, 50, 60} : Size{50, 5000, 6000};
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());

    QTemporaryDir dir;
    const QString file = dir.filePath(u"bench.waymark"_s);
    StorageError error;
    if (!ProjectFile::write(generateProject(size), file, &error))
        fail(error.message + u' ' + error.detail);

    QJsonArray results;
    QTextStream out(stdout);
    out << "| workload | Waymark (ms) | baseline (ms) | ratio | goal |\n"
        << "|---|---|---|---|---|\n";
    auto report = [&](const QString &name, const QString &baseline, const Figures &w,
                      const Figures &b, const QString &goal) {
        const double ratio = b.median() > 0 ? w.median() / b.median() : 0;
        out << "| " << name << " | " << QString::number(w.median(), 'f', 2) << " ("
            << QString::number(w.min(), 'f', 2) << "–" << QString::number(w.max(), 'f', 2) << ") | "
            << QString::number(b.median(), 'f', 2) << " (" << baseline << ") | "
            << QString::number(ratio, 'f', 2) << " | " << goal << " |\n";
        results.append(QJsonObject{{u"workload"_s, name},
                                   {u"baseline"_s, baseline},
                                   {u"waymark_median_ms"_s, w.median()},
                                   {u"waymark_min_ms"_s, w.min()},
                                   {u"waymark_max_ms"_s, w.max()},
                                   {u"baseline_median_ms"_s, b.median()},
                                   {u"baseline_min_ms"_s, b.min()},
                                   {u"baseline_max_ms"_s, b.max()},
                                   {u"ratio"_s, ratio},
                                   {u"goal"_s, goal}});
    };

    // Open: from the file to a loaded, checked project in a working copy.
    {
        Figures w, b;
        const QString copy = dir.filePath(u"copy.waymark"_s);
        measure(
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
        report(u"open %1 cards"_s.arg(size.touchpoints), u"copying the file"_s, w, b,
               u"≤ 3 × copy, ≤ 500 ms"_s);
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
        measure(
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
        report(u"save after moving 10 cards"_s, u"sqlite3 .backup"_s, w, b, u"≤ 1.2 × backup"_s);
    }

    out << "\nruns: " << runs
        << " after one warm-up; peak memory of the whole run: " << peakKilobytes() / 1024
        << " MB\n";
    out.flush();

    const QString json = parser.value(u"json"_s);
    if (!json.isEmpty()) {
        QFile f(json);
        if (!f.open(QIODevice::WriteOnly))
            fail(u"cannot write "_s + json);
        f.write(QJsonDocument(QJsonObject{{u"size"_s, tiny ? u"tiny"_s : u"full"_s},
                                          {u"runs"_s, runs},
                                          {u"peak_memory_kb"_s, peakKilobytes()},
                                          {u"results"_s, results}})
                    .toJson());
    }
    return 0;
}
