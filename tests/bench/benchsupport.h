// What every bench shares: its command line, timing a workload against its baseline in the
// same run, and the Markdown table and JSON file it reports them in (the shape is described
// in tests/bench/README.md, and run-benchmarks reads nothing else).
#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QCoreApplication;

namespace Waymark::Bench {

struct Options
{
    bool tiny = false; // the CI size, where only "it still runs" counts
    int runs = 5;
    QString json; // where to write the figures; empty: nowhere
};

// --size tiny|full, --runs N, --json FILE; exits on --help.
Options parseOptions(const QCoreApplication &app);

struct Figures
{
    QList<double> ms;
    double peakRssMb = 0; // the process's peak resident memory during these runs

    double median() const;
    double min() const;
    double max() const;
};

// The process's peak resident memory since the last resetPeakMemory(), in MB.
double peakMemoryMb();
// Starts a new peak, where the kernel allows it (Linux's clear_refs); else the peak stays
// that of the whole process.
void resetPeakMemory();

// One warm-up call of each, then runs timed calls, interleaved so that a burst of load on
// the machine hits both sides alike. prepare, if given, runs before each call, untimed.
void measure(int runs, const std::function<void()> &waymark, const std::function<void()> &baseline,
             Figures &w, Figures &b, const std::function<void()> &prepare = {});

// A goal as the issue states it: an absolute bound on Waymark's median, a bound on its ratio
// to the baseline, or both. text is what the table shows.
struct Goal
{
    QString text;
    std::optional<double> maxMedian;
    std::optional<double> maxRatio;

    bool metBy(double median, double ratio) const;
};

// Prints each workload as a row of the table as it is measured, and writes all of them to
// the JSON file at the end.
class Report
{
public:
    Report(const QString &bench, const Options &options);

    void add(const QString &workload, const QString &baseline, const Figures &w, const Figures &b,
             const Goal &goal, const QString &unit = QStringLiteral("ms"));

    // Prints the footnote and writes the JSON file; false if it could not be written.
    bool finish();

private:
    struct Row
    {
        QString workload;
        QString baseline;
        QString unit;
        Figures w;
        Figures b;
        Goal goal;
    };

    QString mBench;
    Options mOptions;
    QList<Row> mRows;
};

// Prints "bench: what" to stderr and exits with 1.
[[noreturn]] void fail(const QString &bench, const QString &what);

} // namespace Waymark::Bench
