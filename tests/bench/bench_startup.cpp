// Start-up benchmark (issue 7, workload 6): Waymark launched as a person launches it, timed
// from starting the process until its main window has painted once, with an empty project
// and with the sample project; and its resident memory once it has settled after that
// paint. Against bench-minimal-window, a bare QMainWindow built with the same flags, launched
// and timed the same way; and against the same window with a menu bar and a status bar, the
// least that draws any text (tests/bench/README.md says why both). All say when they have
// painted through WAYMARK_BENCH_EXIT_AFTER_PAINT, which also makes them quit.
//
//   bench_startup [--size tiny|full] [--runs N] [--json FILE]
//
// Each launch gets fresh settings, data and cache folders of its own (shared by every launch
// of one run), so that no window geometry, recent file or recovered working copy of the
// person running it changes what is measured.
#include "benchsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace Waymark;
using Bench::Figures;
using namespace Qt::StringLiterals;

namespace {

const QString bench = u"bench_startup"_s;
const QByteArray paintedLine = "waymark: first paint";

struct Launch
{
    double ms = 0;     // from starting the process to its report of the first paint
    double idleMb = 0; // VmRSS once settled after that paint
    double peakMb = 0; // VmHWM at the same moment
};

// A figure of /proc/PID/status ("VmRSS", "VmHWM"), in MB; 0 when it cannot be read.
double statusMb(qint64 pid, const QByteArray &field)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toDouble() / 1024;
    }
    return 0;
}

// Starts program, waits for its first paint, lets it settle for settleMs and reads its
// memory; then waits for it to quit by itself, as WAYMARK_BENCH_EXIT_AFTER_PAINT tells it.
Launch launch(const QString &program, const QStringList &arguments,
              const QProcessEnvironment &environment, int settleMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    auto failure = [&](const QString &what) {
        Bench::fail(bench, u"%1 %2: %3"_s.arg(
                               program, what,
                               QString::fromLocal8Bit(process.readAllStandardError().trimmed())));
    };

    Launch result;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(30000))
        failure(u"did not start"_s);
    QByteArray output;
    while (!output.contains(paintedLine)) {
        if (!process.waitForReadyRead(60000))
            failure(u"ended or hung before its first paint"_s);
        output += process.readAllStandardOutput();
    }
    result.ms = double(timer.nsecsElapsed()) / 1e6;

    std::this_thread::sleep_for(std::chrono::milliseconds(settleMs));
    result.idleMb = statusMb(process.processId(), "VmRSS");
    result.peakMb = statusMb(process.processId(), "VmHWM");
    if (result.idleMb <= 0)
        failure(u"quit before its memory could be read"_s);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        failure(u"did not quit cleanly after its first paint"_s);
    return result;
}

struct Side
{
    Figures time;
    Figures memory;

    void add(const Launch &launch)
    {
        time.ms.append(launch.ms);
        memory.ms.append(launch.idleMb);
        time.peakRssMb = memory.peakRssMb = std::max(time.peakRssMb, launch.peakMb);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(bench);
    QStandardPaths::setTestModeEnabled(true);
    const Bench::Options options = Bench::parseOptions(app);

    QTemporaryDir dir;
    if (!dir.isValid())
        Bench::fail(bench, u"cannot make a temporary folder"_s);
    const QString sample = dir.filePath(u"sample.waymark"_s);
    if (!QFile::copy(QStringLiteral(WAYMARK_SAMPLE_PROJECT), sample))
        Bench::fail(bench,
                    u"cannot copy the sample project "_s + QStringLiteral(WAYMARK_SAMPLE_PROJECT));

    // The settle time lets the deferred work of the first moments (the metrics of the
    // sample, fonts, the undo view) finish before memory is read. Each child stays a second
    // longer than that, then quits by itself.
    const int settleMs = options.tiny ? 200 : 1000;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString folder = dir.filePath(QString::fromLatin1(name).toLower());
        environment.insert(QString::fromLatin1(name), folder);
    }
    if (!environment.contains(u"QT_QPA_PLATFORM"_s))
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"WAYMARK_BENCH_EXIT_AFTER_PAINT"_s, QString::number(settleMs + 1000));

    const QString waymark = QStringLiteral(WAYMARK_EXECUTABLE);
    const QString minimal = QStringLiteral(WAYMARK_MINIMAL_WINDOW);
    auto runEmpty = [&] {
        return launch(waymark, {}, environment, settleMs);
    };
    auto runSample = [&] {
        return launch(waymark, {sample}, environment, settleMs);
    };
    auto runBaseline = [&] {
        return launch(minimal, {}, environment, settleMs);
    };
    auto runMenuBar = [&] {
        return launch(minimal, {u"--menu-bar"_s}, environment, settleMs);
    };

    // One warm-up of each (the page cache, fontconfig's cache in the fresh cache folder),
    // then the four by turns, so that a burst of load on the machine hits them alike.
    runBaseline();
    runMenuBar();
    runEmpty();
    runSample();
    Side baseline, menuBar, empty, withSample;
    for (int i = 0; i < options.runs; ++i) {
        baseline.add(runBaseline());
        menuBar.add(runMenuBar());
        empty.add(runEmpty());
        withSample.add(runSample());
    }

    Bench::Report report(bench, options);
    const QString baselineName = u"a bare QMainWindow"_s;
    const Bench::Goal timeGoal{u"≤ 1.5 × the bare window"_s, std::nullopt, 1.5};
    report.add(u"start-up to the first paint, empty project"_s, baselineName, empty.time,
               baseline.time, timeGoal);
    report.add(u"start-up to the first paint, the sample project"_s, baselineName, withSample.time,
               baseline.time, timeGoal);
    // The bare window draws no text, so it never loads a font before its first paint: a cost
    // no window with a menu bar escapes. The same goal against a window that pays it too.
    const QString menuBarName = u"a QMainWindow with a menu bar"_s;
    report.add(u"start-up to the first paint, empty project, against a window with text"_s,
               menuBarName, empty.time, menuBar.time, timeGoal);
    report.add(u"start-up to the first paint, the sample project, against a window with text"_s,
               menuBarName, withSample.time, menuBar.time, timeGoal);
    const Bench::Goal memoryGoal{u"≤ the bare window + 40 MB"_s, baseline.memory.median() + 40,
                                 std::nullopt};
    report.add(u"memory at idle after the first paint, empty project"_s, baselineName, empty.memory,
               baseline.memory, memoryGoal, u"MB"_s);
    report.add(u"memory at idle after the first paint, the sample project"_s, baselineName,
               withSample.memory, baseline.memory, memoryGoal, u"MB"_s);

    if (!report.finish())
        Bench::fail(bench, u"cannot write "_s + options.json);
    return 0;
}
