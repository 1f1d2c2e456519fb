// The plain values the chart panels draw. They are filled from the metrics engine's results
// (metricsadapter.h) or by hand in tests, so that no panel depends on how metrics are computed
// and building a chart never touches a row of data.
#pragma once

#include <QColor>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Waymark::Charts {

// A 95% confidence interval in the unit of its value.
struct Interval
{
    double low = 0;
    double high = 0;
};

// How often each value of a rating scale was answered, in the order of the scale.
struct Distribution
{
    struct Bin
    {
        int value = 0;
        qint64 count = 0;
    };

    QString measure; // "NPS (0–10)", "CSAT (1–5)", ...
    QList<Bin> bins;

    qint64 total() const;
};

struct NpsBreakdown
{
    qint64 promoters = 0;
    qint64 passives = 0;
    qint64 detractors = 0;
    double score = 0;                 // -100 to 100
    std::optional<Interval> interval; // none below two answers

    qint64 n() const { return promoters + passives + detractors; }
};

enum class Period
{
    Week,
    Month
};

// One value per period; an empty period (n == 0, no value) is drawn as a gap.
struct TimeSeries
{
    struct Point
    {
        QDate start; // the first day of the week or month
        std::optional<double> value;
        qint64 n = 0;
        std::optional<Interval> interval;
    };

    QString measure;
    Period period = Period::Month;
    QList<Point> points;
};

// Steps of a path or funnel, each with how many reached it and the share lost since the step
// before (0 for the first).
struct Funnel
{
    struct Step
    {
        QString name;
        qint64 count = 0;
        double dropOffPct = 0;
    };

    QString name;
    QList<Step> steps;
};

struct StageMetric
{
    struct Stage
    {
        QString name;
        std::optional<double> value;
        std::optional<Interval> interval;
        qint64 n = 0;
    };

    QString measure;
    QList<Stage> stages;
};

// Per stage, each persona's felt emotion (-3 to +3, none where the persona has no step) beside
// the score measured at that stage.
struct EmotionScore
{
    struct Curve
    {
        QString persona;
        QColor color;
        QList<std::optional<double>> emotions; // one per stage
    };

    QString measure;
    QStringList stages;
    QList<Curve> personas;
    QList<std::optional<double>> scores; // one per stage
};

// What the data panel shows for one selected touchpoint.
struct TouchpointCharts
{
    QString title;
    QString filter; // "All responses", "2026-01-01 to 2026-03-31, segment = EU", ...
    Distribution distribution;
    NpsBreakdown nps;
    TimeSeries weekly;
    TimeSeries monthly;
    TimeSeries revenue;
};

// What the data panel shows for a map when no touchpoint is selected.
struct MapCharts
{
    QString title;
    QString filter;
    Funnel funnel;
    StageMetric stageMetric;
    EmotionScore emotions;
};

} // namespace Waymark::Charts
