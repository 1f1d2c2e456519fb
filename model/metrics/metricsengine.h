// The metrics engine: for every touchpoint, the measures of the dataset rows attached to it,
// with their intervals, the distributions of the scales, monthly and ISO-weekly trends,
// per-map pooled figures, drop-off along personas' paths and GA4 funnels, and the struggle
// flags. It reads the tables of rows on a read-only connection of its own, one GROUP BY pass
// per attachment (months and weeks in the same pass), so that it can run on a worker thread
// while the document changes. The definitions, for users, are in
// model/metrics/METRICS.md.
#pragma once

#include "entities.h"
#include "metrics/statistics.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <optional>

namespace Waymark::Metrics {

// The engine's version: part of what a cached result depends on.
inline constexpr int EngineVersion = 3;

// The measures a map can headline (and flag a touchpoint by).
enum class Measure
{
    Nps,
    Csat,
    Ces,
    Rating,
    Conversion,
    Revenue,
};

// The scales: a value outside them is not counted (blank cells are missing answers).
inline constexpr int NpsMin = 0, NpsMax = 10;
inline constexpr int CsatMin = 1, CsatMax = 5;
inline constexpr int CesMin = 1, CesMax = 7;
inline constexpr int RatingMin = 0, RatingMax = 10;

// Below this many answers (or rows reaching a step) no flag is raised.
inline constexpr qint64 MinimumFlagN = 30;

struct Options
{
    Id mapId;                  // null: every map
    QString segmentColumn;     // by name as Waymark shows it, any case; empty: no segment
    QString segmentValue;      // compared with the text of the column's values
    std::optional<QDate> from; // inclusive, on the dataset's timestamp column
    std::optional<QDate> to;   // inclusive
    // The measure each map's flags are judged by; a map not listed uses the first of NPS,
    // CSAT, CES, rating and conversion for which it has answers.
    QHash<Id, Measure> headline;
    const std::atomic_bool *cancel = nullptr;
};

// Plain sums, added over datasets, attachments and months, from which every figure follows.
struct Sums
{
    qint64 rows = 0;
    qint64 reach = 0; // distinct keys (rows for a dataset without a key)
    QList<qint64> npsCounts = QList<qint64>(NpsMax - NpsMin + 1, 0);
    qint64 csatN = 0, csatTop2 = 0;
    double csatSum = 0, csatSumSq = 0;
    QList<qint64> csatCounts = QList<qint64>(CsatMax - CsatMin + 1, 0);
    qint64 cesN = 0;
    double cesSum = 0, cesSumSq = 0;
    QList<qint64> cesCounts = QList<qint64>(CesMax - CesMin + 1, 0);
    qint64 ratingN = 0;
    double ratingSum = 0, ratingSumSq = 0;
    QList<qint64> ratingCounts = QList<qint64>(RatingMax - RatingMin + 1, 0); // whole values
    qint64 conversionN = 0, converted = 0;
    double revenue = 0;
    qint64 revenueRows = 0; // order-level rows (first_of_key = 1) with a revenue value
    qint64 orders = 0;      // distinct keys with revenue (revenue rows without a key)
    // B2B: the answers and revenue of rows linked to a persona, weighted by its value.
    double weightN = 0, weightedNpsSum = 0, weightedRevenue = 0;

    void add(const Sums &other);
    void subtract(const Sums &other);
};

struct Revenue
{
    double sum = 0;
    qint64 orders = 0;
    std::optional<double> averageOrder;
};

struct Flag
{
    enum class Kind
    {
        Struggling,
        DropOff,
        Decline,
    };
    Kind kind = Kind::Struggling;
    QString reason; // for people: the hover text
};
QString flagKindKey(Flag::Kind kind); // "struggling", "drop-off", "decline"

// The figures computed from Sums.
struct Figures
{
    qint64 rows = 0;
    std::optional<Stats::Nps> nps;             // nullopt: no answers
    std::optional<Stats::Proportion> csatTop2; // rate 0-1
    std::optional<Stats::Mean> csatMean;
    std::optional<Stats::Mean> ces;
    std::optional<Stats::Mean> rating;
    std::optional<Stats::Proportion> conversion;
    std::optional<Revenue> revenue; // nullopt: no revenue column attached
    // B2B: the NPS weighted by the business value of the personas rows are linked to.
    std::optional<double> weightedNps;
    std::optional<double> weightedRevenue;
};
Figures figures(const Sums &sums, bool hasRevenue);

// Two periods of one measure compared (second minus first, oriented so that a fall is
// negative; CES's difference is turned round, more effort being worse). For two date ranges,
// compute() each range and compare the touchpoint's figures; the flags compare the latest
// month with the one before. nullopt where statistics.h makes no test.
std::optional<Stats::Comparison> compare(const Figures &first, const Figures &second,
                                         Measure measure);

struct MonthTrend
{
    QString month; // "2024-03"
    Sums sums;
};

struct WeekTrend
{
    QString week; // ISO week, "2024-W09"
    Sums sums;
};

struct TouchpointResult
{
    Id id;
    Id mapId;
    QString map, stage, title;
    Sums sums;
    bool hasRevenue = false;
    Figures figures;
    // In order; rows without a timestamp are in none.
    QList<MonthTrend> months;
    QList<WeekTrend> weeks;
    QList<Flag> flags;
};

// One transition along a persona's path: of those reaching from, how many reached to.
struct PathStep
{
    Id touchpointId;
    qint64 reached = 0;
    std::optional<double> dropOff; // from the previous step, 0-1; none for the first
};
struct PersonaPath
{
    Id personaId;
    QString persona;
    QList<PathStep> steps;
};

// One step of a GA4 funnel exploration, in the funnel's order.
struct FunnelStep
{
    QString name;
    Id touchpointId; // null: matched to none
    qint64 activeUsers = 0;
    std::optional<double> completion, abandonment; // 0-1
};
struct Funnel
{
    Id datasetId;
    QString dataset;
    Id mapId;
    QList<FunnelStep> steps;
};

struct MapResult
{
    Id id;
    QString name;
    Measure headline = Measure::Nps;
    Sums pooled;
    Figures figures;
    QList<PersonaPath> paths;
};

// A touchpoint as a driver of loyalty: how its score (the dataset's CSAT, rating or CES,
// the first of them it has) correlates, across respondents linked by key, with their overall
// NPS answer (the mean of their answers in the dataset); and its share of the map's revenue.
struct Driver
{
    Id touchpointId;
    Id mapId;
    QString title;
    Measure score = Measure::Csat;
    std::optional<Stats::Correlation> correlation;
    std::optional<double> revenueShare; // 0-1
};

// The order of the drivers: those with an interval for r first, by its low end (highest
// first); then those with too few pairs for an interval, by r; then those with only a share
// of revenue, by that share.
bool ranksBefore(const Driver &a, const Driver &b);

struct Result
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    QList<TouchpointResult> touchpoints; // in map order, then stage, lane and card order
    QList<MapResult> maps;
    // Ranked by ranksBefore().
    QList<Driver> drivers;
    QList<Funnel> funnels;
};

class Engine
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Metrics::Engine)

public:
    // The project is copied, so that compute() can run on another thread.
    Engine(const Project &project, QString databasePath);

    // Reads the database (a checked project file or a document's working copy) on a
    // read-only connection of its own: callable on any thread.
    Result compute(const Options &options) const;

    // The SQL of every pass compute() makes, with the options' values inlined: what the
    // benchmark gives the sqlite3 shell.
    QString sql(const Options &options) const;

    // How to read the ranking of drivers, for people.
    static QString driversExplanation();

private:
    Project mProject;
    QString mPath;
};

} // namespace Waymark::Metrics
