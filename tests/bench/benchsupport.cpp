#include "benchsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace Waymark::Bench {

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {u"size"_s, u"tiny (for CI) or full (the sizes of issue 7)."_s, u"size"_s, u"full"_s});
    parser.addOption(
        {u"runs"_s, u"Timed runs of each workload after the warm-up."_s, u"n"_s, u"5"_s});
    parser.addOption({u"json"_s, u"Write the figures to this file."_s, u"file"_s});
    parser.process(app);

    Options options;
    const QString size = parser.value(u"size"_s);
    if (size != u"tiny" && size != u"full")
        fail(app.applicationName(), u"--size is tiny or full, not "_s + size);
    options.tiny = size == u"tiny";
    options.runs = std::max(1, parser.value(u"runs"_s).toInt());
    options.json = parser.value(u"json"_s);
    return options;
}

double Figures::median() const
{
    if (ms.isEmpty())
        return 0;
    QList<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double Figures::min() const
{
    return ms.isEmpty() ? 0 : *std::min_element(ms.cbegin(), ms.cend());
}

double Figures::max() const
{
    return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend());
}

double peakMemoryMb()
{
    // VmHWM follows resetPeakMemory(); getrusage's figure never goes down.
    QFile status(u"/proc/self/status"_s);
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024;
}

void resetPeakMemory()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

void measure(int runs, const std::function<void()> &waymark, const std::function<void()> &baseline,
             Figures &w, Figures &b, const std::function<void()> &prepare)
{
    auto timed = [&prepare](const std::function<void()> &work, Figures &figures, bool keep) {
        if (prepare)
            prepare();
        resetPeakMemory();
        QElapsedTimer timer;
        timer.start();
        work();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        figures.peakRssMb = std::max(figures.peakRssMb, peakMemoryMb());
        if (keep)
            figures.ms.append(ms);
    };

    timed(waymark, w, false);
    timed(baseline, b, false);
    for (int i = 0; i < runs; ++i) {
        timed(waymark, w, true);
        timed(baseline, b, true);
    }
}

bool Goal::metBy(double median, double ratio) const
{
    return (!maxMedian || median <= *maxMedian) && (!maxRatio || ratio <= *maxRatio);
}

Report::Report(const QString &bench, const Options &options)
    : mBench(bench)
    , mOptions(options)
{
    QTextStream out(stdout);
    out << "| workload | Waymark | baseline | ratio | goal | met? |\n"
        << "|---|---|---|---|---|---|\n";
}

void Report::add(const QString &workload, const QString &baseline, const Figures &w,
                 const Figures &b, const Goal &goal, const QString &unit)
{
    mRows.append({workload, baseline, unit, w, b, goal});

    const double ratio = b.median() > 0 ? w.median() / b.median() : 0;
    auto number = [](double value) {
        return QString::number(value, 'f', 2);
    };
    QTextStream out(stdout);
    out << "| " << workload << " | " << number(w.median()) << ' ' << unit << " (" << number(w.min())
        << "–" << number(w.max()) << ") | " << number(b.median()) << ' ' << unit << " (" << baseline
        << ") | " << number(ratio) << " | " << goal.text << " | "
        << (!goal.maxMedian && !goal.maxRatio ? "–"
            : goal.metBy(w.median(), ratio)   ? "yes"
                                              : "no")
        << " |\n";
    out.flush();
}

bool Report::finish()
{
    QTextStream out(stdout);
    out << "\n"
        << mBench << ": median of " << mOptions.runs << " runs after one warm-up, at the "
        << (mOptions.tiny ? "tiny" : "full") << " size; range in brackets.\n";
    out.flush();
    if (mOptions.json.isEmpty())
        return true;

    auto side = [](const Figures &f) {
        return QJsonObject{{u"median"_s, f.median()},
                           {u"min"_s, f.min()},
                           {u"max"_s, f.max()},
                           {u"peak_rss_mb"_s, f.peakRssMb}};
    };
    QJsonArray results;
    for (const Row &row : std::as_const(mRows)) {
        const double ratio = row.b.median() > 0 ? row.w.median() / row.b.median() : 0;
        QJsonObject baseline = side(row.b);
        baseline.insert(u"name"_s, row.baseline);
        QJsonObject goal{{u"text"_s, row.goal.text}};
        if (row.goal.maxMedian)
            goal.insert(u"max_median"_s, *row.goal.maxMedian);
        if (row.goal.maxRatio)
            goal.insert(u"max_ratio"_s, *row.goal.maxRatio);
        results.append(QJsonObject{{u"workload"_s, row.workload},
                                   {u"unit"_s, row.unit},
                                   {u"waymark"_s, side(row.w)},
                                   {u"baseline"_s, baseline},
                                   {u"ratio"_s, ratio},
                                   {u"goal"_s, goal},
                                   {u"met"_s, row.goal.metBy(row.w.median(), ratio)}});
    }

    QFile file(mOptions.json);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QJsonObject root{{u"bench"_s, mBench},
                           {u"size"_s, mOptions.tiny ? u"tiny"_s : u"full"_s},
                           {u"runs"_s, mOptions.runs},
                           {u"results"_s, results}};
    return file.write(QJsonDocument(root).toJson()) > 0;
}

void fail(const QString &bench, const QString &what)
{
    QTextStream(stderr) << bench << ": " << what << '\n';
    std::exit(1);
}

} // namespace Waymark::Bench
