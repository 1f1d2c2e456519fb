#include "metricsengine.h"

#include "storage/sqlite.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Waymark::Metrics {

namespace {

QString idText(const Id &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A text literal for SQL: the options' values are inlined so that sql() gives the shell
// exactly what compute() runs.
QString literal(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', u"''"_s);
    return u'\'' + quoted + u'\'';
}

QString column(qsizetype index)
{
    return u"c%1"_s.arg(index + 1);
}

// The first column of a role, or -1.
qsizetype firstOfRole(const Dataset &dataset, ColumnRole role)
{
    for (qsizetype i = 0; i < dataset.columns.size(); ++i) {
        if (dataset.columns.at(i).role == role)
            return i;
    }
    return -1;
}

qsizetype columnNamed(const Dataset &dataset, const QString &name)
{
    for (qsizetype i = 0; i < dataset.columns.size(); ++i) {
        if (dataset.columns.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

// Where each measure of a dataset is, and how its rows are filtered.
struct DatasetPlan
{
    const Dataset *dataset = nullptr;
    qsizetype key = -1, timestamp = -1, nps = -1, csat = -1, ces = -1, rating = -1;
    qsizetype converted = -1, revenue = -1, personaColumn = -1;
    QString where; // the options' filters, without WHERE; empty for none
};

// The business value of the persona a row is linked to: a CASE over the dataset's segment
// column, matching persona names, roles and segments ignoring case (the first persona wins).
QString weightExpression(const DatasetPlan &plan, const QList<Persona> &personas)
{
    if (plan.personaColumn < 0 || personas.isEmpty())
        return u"NULL"_s;
    QString expression = u"CASE lower(trim(CAST(%1 AS TEXT)))"_s.arg(column(plan.personaColumn));
    QStringList seen;
    for (const Persona &persona : personas) {
        for (const QString &label : {persona.name, persona.role, persona.segment}) {
            const QString value = label.trimmed().toLower();
            if (value.isEmpty() || seen.contains(value))
                continue;
            seen.append(value);
            expression +=
                u" WHEN %1 THEN %2"_s.arg(literal(value)).arg(persona.businessValue, 0, 'g', 17);
        }
    }
    if (seen.isEmpty())
        return u"NULL"_s;
    return expression + u" END"_s;
}

// The columns every pass selects after its two grouping columns, in the order decode() reads.
QString aggregates(const DatasetPlan &plan, const QList<Persona> &personas)
{
    QStringList parts;
    parts << u"count(*)"_s;
    parts << (plan.key >= 0 ? u"count(DISTINCT %1)"_s.arg(column(plan.key)) : u"count(*)"_s);

    const auto counts = [&parts](qsizetype index, int low, int high) {
        for (int value = low; value <= high; ++value) {
            parts << (index >= 0 ? u"sum(%1 = %2)"_s.arg(column(index)).arg(value) : u"0"_s);
        }
    };
    // Scales: count, sum and sum of squares of the values on the scale.
    const auto moments = [&parts](qsizetype index, int low, int high) {
        if (index < 0) {
            parts << u"0"_s << u"0"_s << u"0"_s;
            return;
        }
        const QString c = column(index);
        const QString valid = u"(%1 BETWEEN %2 AND %3)"_s.arg(c).arg(low).arg(high);
        parts << u"sum(%1)"_s.arg(valid);
        parts << u"total(CASE WHEN %1 THEN %2 END)"_s.arg(valid, c);
        parts << u"total(CASE WHEN %1 THEN %2 * %2 END)"_s.arg(valid, c);
    };

    counts(plan.nps, NpsMin, NpsMax);
    moments(plan.csat, CsatMin, CsatMax);
    parts << (plan.csat >= 0 ? u"sum(%1 BETWEEN 4 AND 5)"_s.arg(column(plan.csat)) : u"0"_s);
    counts(plan.csat, CsatMin, CsatMax);
    moments(plan.ces, CesMin, CesMax);
    counts(plan.ces, CesMin, CesMax);
    moments(plan.rating, RatingMin, RatingMax);
    counts(plan.rating, RatingMin, RatingMax);

    if (plan.converted >= 0) {
        const QString c = column(plan.converted);
        parts << u"sum(%1 IN (0, 1))"_s.arg(c) << u"sum(%1 = 1)"_s.arg(c);
    } else {
        parts << u"0"_s << u"0"_s;
    }

    // Order-level fields are on the first row of each key only (Shopify's Total).
    if (plan.revenue >= 0) {
        const QString c = column(plan.revenue);
        const QString orderRow = u"first_of_key = 1 AND %1 IS NOT NULL"_s.arg(c);
        parts << u"total(CASE WHEN first_of_key = 1 THEN %1 END)"_s.arg(c);
        parts << u"sum(%1)"_s.arg(orderRow);
        parts << (plan.key >= 0 ? u"count(DISTINCT CASE WHEN %1 THEN %2 END)"_s.arg(
                                      orderRow, column(plan.key))
                                : u"sum(%1)"_s.arg(orderRow));
    } else {
        parts << u"0"_s << u"0"_s << u"0"_s;
    }

    const QString weight = weightExpression(plan, personas);
    if (weight == u"NULL"_s) {
        parts << u"0"_s << u"0"_s << u"0"_s;
    } else {
        const QString npsColumn = plan.nps >= 0 ? column(plan.nps) : u"NULL"_s;
        parts << u"total(CASE WHEN %1 BETWEEN 0 AND 10 THEN %2 END)"_s.arg(npsColumn, weight);
        parts << u"total(CASE WHEN %1 IN (9, 10) THEN %2 WHEN %1 BETWEEN 0 AND 6 THEN -(%2) "
                 u"END)"_s.arg(npsColumn, weight);
        parts << (plan.revenue >= 0 ? u"total(CASE WHEN first_of_key = 1 THEN %1 * %2 END)"_s.arg(
                                          column(plan.revenue), weight)
                                    : u"0"_s);
    }
    return parts.join(u", "_s);
}

void decode(const Sql::Statement &row, int first, Sums *sums)
{
    int i = first;
    const auto integer = [&row, &i] {
        return row.integer(i++);
    };
    const auto real = [&row, &i] {
        return row.real(i++);
    };

    sums->rows = integer();
    sums->reach = integer();
    for (qint64 &count : sums->npsCounts)
        count = integer();
    sums->csatN = integer();
    sums->csatSum = real();
    sums->csatSumSq = real();
    sums->csatTop2 = integer();
    for (qint64 &count : sums->csatCounts)
        count = integer();
    sums->cesN = integer();
    sums->cesSum = real();
    sums->cesSumSq = real();
    for (qint64 &count : sums->cesCounts)
        count = integer();
    sums->ratingN = integer();
    sums->ratingSum = real();
    sums->ratingSumSq = real();
    for (qint64 &count : sums->ratingCounts)
        count = integer();
    sums->conversionN = integer();
    sums->converted = integer();
    sums->revenue = real();
    sums->revenueRows = integer();
    sums->orders = integer();
    sums->weightN = real();
    sums->weightedNpsSum = real();
    sums->weightedRevenue = real();
}

struct Pass
{
    const DatasetPlan *plan = nullptr;
    const DatasetAttachment *attachment = nullptr;
    QString sql;
};

// The format key of the datasets read as GA4 funnel explorations (sourceformat.cpp's).
const QString Ga4FunnelFormat = u"ga4-funnel"_s;

// The ISO week of a row, as the Julian day number of its Monday divided by 7: day numbers
// divisible by 7 are Mondays, so that weeks group without calendar arithmetic in SQL and
// weekName() turns the number into "2025-W01". The date is the timestamp's as written.
QString weekExpression(const QString &timestamp)
{
    return u"CAST(julianday(substr(%1, 1, 10)) + 0.5 AS INTEGER) / 7"_s.arg(timestamp);
}

QString weekName(qint64 week)
{
    int year = 0;
    const int number = QDate::fromJulianDay(week * 7).weekNumber(&year);
    return u"%1-W%2"_s.arg(year, 4, 10, QLatin1Char('0')).arg(number, 2, 10, QLatin1Char('0'));
}

// Groups by touchpoint, month and ISO week at once: a week spanning two months is two
// groups, added together for the week, so that months and weeks come from one scan.
QString passSql(const DatasetPlan &plan, const DatasetAttachment &attachment,
                const QList<Persona> &personas)
{
    const QString table = u"dataset_rows_%1"_s.arg(plan.dataset->rowsTable);
    const QString timestamp = plan.timestamp >= 0 ? column(plan.timestamp) : QString();
    const QString month = timestamp.isEmpty() ? u"NULL"_s : u"substr(%1, 1, 7)"_s.arg(timestamp);
    const QString week = timestamp.isEmpty() ? u"NULL"_s : weekExpression(timestamp);
    QStringList where;
    if (!plan.where.isEmpty())
        where << plan.where;
    QString group;
    switch (attachment.kind) {
    case AttachmentKind::ByColumn:
        group = u"touchpoint_id"_s;
        // The unary + keeps SQLite off the touchpoint index: most rows of a survey name a
        // touchpoint, and one scan in row order beats a lookup by row for each of them
        // (71 s against 44 s for the million rows of bench_metrics on a loaded machine).
        where << u"+touchpoint_id IS NOT NULL"_s;
        break;
    case AttachmentKind::Filter:
        group = u"NULL"_s;
        where << u"CAST(%1 AS TEXT) = %2"_s.arg(column(attachment.column),
                                                literal(attachment.value));
        break;
    case AttachmentKind::WholeDataset:
        group = u"NULL"_s;
        break;
    }
    QString sql = u"SELECT %1, %2, %3, %4 FROM %5"_s.arg(group, month, week,
                                                         aggregates(plan, personas), table);
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    return sql + u" GROUP BY 1, 2, 3"_s;
}

// The column a dataset's drivers are scored by, and its scale.
struct DriverScore
{
    qsizetype column = -1;
    Measure measure = Measure::Csat;
    int low = 0, high = 0;
};

DriverScore driverScore(const DatasetPlan &plan)
{
    if (plan.csat >= 0)
        return {plan.csat, Measure::Csat, CsatMin, CsatMax};
    if (plan.rating >= 0)
        return {plan.rating, Measure::Rating, RatingMin, RatingMax};
    if (plan.ces >= 0)
        return {plan.ces, Measure::Ces, CesMin, CesMax};
    return {};
}

// The pass pairing each row's touchpoint score with its respondent's overall NPS (the mean of
// the key's answers): the sums Pearson's r is computed from. Empty when the dataset has no
// key, no NPS or no score column.
QString driverSql(const DatasetPlan &plan, const DatasetAttachment &attachment)
{
    const DriverScore score = driverScore(plan);
    if (plan.key < 0 || plan.nps < 0 || score.column < 0)
        return {};
    const QString table = u"dataset_rows_%1"_s.arg(plan.dataset->rowsTable);
    const QString key = column(plan.key);
    const QString x = column(score.column);
    QStringList inner = {u"%1 IN (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)"_s.arg(column(plan.nps))};
    QStringList outer = {u"%1 BETWEEN %2 AND %3"_s.arg(x).arg(score.low).arg(score.high)};
    if (!plan.where.isEmpty()) {
        inner << plan.where;
        outer << plan.where;
    }
    QString group = u"NULL"_s;
    if (attachment.kind == AttachmentKind::ByColumn) {
        group = u"touchpoint_id"_s;
        outer << u"touchpoint_id IS NOT NULL"_s;
    } else if (attachment.kind == AttachmentKind::Filter) {
        outer << u"CAST(%1 AS TEXT) = %2"_s.arg(column(attachment.column),
                                                literal(attachment.value));
    }
    return u"SELECT %1, count(*), total(%2), total(o.y), total(%2 * %2), total(o.y * o.y), "
           u"total(%2 * o.y) FROM %3 JOIN (SELECT %4 AS k, avg(%5) AS y FROM %3 WHERE %6 "
           u"GROUP BY %4) o ON o.k = %4 WHERE %7 GROUP BY 1"_s.arg(
               group, x, table, key, column(plan.nps), inner.join(u" AND "_s),
               outer.join(u" AND "_s));
}

struct PairSums
{
    qint64 n = 0;
    double x = 0, y = 0, xx = 0, yy = 0, xy = 0;
};

double npsValue(const Stats::Nps &value)
{
    return value.score;
}

// The headline figure of a measure with its interval, oriented so that higher is better.
struct Headline
{
    qint64 n = 0;
    double value = 0;
    std::optional<Stats::Interval> ci;
};

std::optional<Headline> headlineOf(const Figures &f, Measure measure)
{
    Headline h;
    switch (measure) {
    case Measure::Nps:
        if (!f.nps)
            return std::nullopt;
        h = {f.nps->n, npsValue(*f.nps), f.nps->ci};
        break;
    case Measure::Csat:
        if (!f.csatTop2)
            return std::nullopt;
        h = {f.csatTop2->n, f.csatTop2->rate, f.csatTop2->ci};
        break;
    case Measure::Ces:
        // Less effort is better: the scale is turned round.
        if (!f.ces)
            return std::nullopt;
        h = {f.ces->n, -f.ces->mean, std::nullopt};
        if (f.ces->ci)
            h.ci = Stats::Interval{-f.ces->ci->high, -f.ces->ci->low};
        break;
    case Measure::Rating:
        if (!f.rating)
            return std::nullopt;
        h = {f.rating->n, f.rating->mean, f.rating->ci};
        break;
    case Measure::Conversion:
        if (!f.conversion)
            return std::nullopt;
        h = {f.conversion->n, f.conversion->rate, f.conversion->ci};
        break;
    case Measure::Revenue:
        return std::nullopt; // a sum has no interval to compare
    }
    return h;
}

QString measureName(Measure measure)
{
    switch (measure) {
    case Measure::Nps:
        return Engine::tr("NPS");
    case Measure::Csat:
        return Engine::tr("CSAT (top two boxes)");
    case Measure::Ces:
        return Engine::tr("customer effort");
    case Measure::Rating:
        return Engine::tr("rating");
    case Measure::Conversion:
        return Engine::tr("conversion");
    case Measure::Revenue:
        return Engine::tr("revenue");
    }
    return {};
}

// A figure as people read it: NPS points, percentages for shares, means with one decimal.
QString shown(Measure measure, double value)
{
    switch (measure) {
    case Measure::Csat:
    case Measure::Conversion:
        return Engine::tr("%1%").arg(100.0 * value, 0, 'f', 0);
    case Measure::Ces:
        return QString::number(-value, 'f', 1);
    case Measure::Nps:
        return QString::number(value, 'f', 0);
    default:
        return QString::number(value, 'f', 1);
    }
}

std::optional<Stats::Comparison> compareMeasure(const Figures &a, const Figures &b, Measure measure)
{
    switch (measure) {
    case Measure::Nps:
        if (a.nps && b.nps)
            return Stats::compare(*a.nps, *b.nps);
        break;
    case Measure::Csat:
        if (a.csatTop2 && b.csatTop2)
            return Stats::compare(*a.csatTop2, *b.csatTop2);
        break;
    case Measure::Ces:
        if (a.ces && b.ces) {
            // Higher effort is the fall: turn the difference round.
            auto c = Stats::compare(*a.ces, *b.ces);
            if (c) {
                c->difference = -c->difference;
                c->statistic = -c->statistic;
            }
            return c;
        }
        break;
    case Measure::Rating:
        if (a.rating && b.rating)
            return Stats::compare(*a.rating, *b.rating);
        break;
    case Measure::Conversion:
        if (a.conversion && b.conversion)
            return Stats::compare(*a.conversion, *b.conversion);
        break;
    case Measure::Revenue:
        break;
    }
    return std::nullopt;
}

void flagStruggling(TouchpointResult &tp, const MapResult &map)
{
    const std::optional<Headline> own = headlineOf(tp.figures, map.headline);
    if (!own || own->n < MinimumFlagN || !own->ci)
        return;
    Sums rest = map.pooled;
    rest.subtract(tp.sums);
    const std::optional<Headline> others = headlineOf(figures(rest, false), map.headline);
    if (!others || others->n < MinimumFlagN || !others->ci)
        return;
    if (own->ci->high >= others->ci->low)
        return;
    tp.flags.append({Flag::Kind::Struggling,
                     Engine::tr("Its %1 (%2, %3 answers) is significantly below the rest of "
                                "the map (%4): even the top of its 95% interval is under the "
                                "bottom of theirs.")
                         .arg(measureName(map.headline), shown(map.headline, own->value))
                         .arg(own->n)
                         .arg(shown(map.headline, others->value))});
}

void flagDecline(TouchpointResult &tp, Measure measure)
{
    if (tp.months.size() < 2)
        return;
    const MonthTrend &before = tp.months.at(tp.months.size() - 2);
    const MonthTrend &latest = tp.months.constLast();
    const Figures a = figures(before.sums, false);
    const Figures b = figures(latest.sums, false);
    const std::optional<Headline> ha = headlineOf(a, measure);
    const std::optional<Headline> hb = headlineOf(b, measure);
    if (!ha || !hb || ha->n < MinimumFlagN || hb->n < MinimumFlagN)
        return;
    const std::optional<Stats::Comparison> c = compareMeasure(a, b, measure);
    if (!c || !c->significant || c->difference >= 0)
        return;
    tp.flags.append({Flag::Kind::Decline,
                     Engine::tr("Its %1 fell from %2 in %3 to %4 in %5, a significant fall "
                                "(p = %6).")
                         .arg(measureName(measure), shown(measure, ha->value), before.month,
                              shown(measure, hb->value), latest.month)
                         .arg(c->pValue, 0, 'g', 2)});
}

} // namespace

void Sums::add(const Sums &o)
{
    const auto addAll = [](QList<qint64> &to, const QList<qint64> &from) {
        for (qsizetype i = 0; i < to.size() && i < from.size(); ++i)
            to[i] += from.at(i);
    };
    rows += o.rows;
    reach += o.reach;
    addAll(npsCounts, o.npsCounts);
    csatN += o.csatN;
    csatTop2 += o.csatTop2;
    csatSum += o.csatSum;
    csatSumSq += o.csatSumSq;
    addAll(csatCounts, o.csatCounts);
    cesN += o.cesN;
    cesSum += o.cesSum;
    cesSumSq += o.cesSumSq;
    addAll(cesCounts, o.cesCounts);
    ratingN += o.ratingN;
    ratingSum += o.ratingSum;
    ratingSumSq += o.ratingSumSq;
    addAll(ratingCounts, o.ratingCounts);
    conversionN += o.conversionN;
    converted += o.converted;
    revenue += o.revenue;
    revenueRows += o.revenueRows;
    orders += o.orders;
    weightN += o.weightN;
    weightedNpsSum += o.weightedNpsSum;
    weightedRevenue += o.weightedRevenue;
}

void Sums::subtract(const Sums &o)
{
    Sums negated = o;
    const auto negate = [](QList<qint64> &values) {
        for (qint64 &v : values)
            v = -v;
    };
    negated.rows = -o.rows;
    negated.reach = -o.reach;
    negate(negated.npsCounts);
    negated.csatN = -o.csatN;
    negated.csatTop2 = -o.csatTop2;
    negated.csatSum = -o.csatSum;
    negated.csatSumSq = -o.csatSumSq;
    negate(negated.csatCounts);
    negated.cesN = -o.cesN;
    negated.cesSum = -o.cesSum;
    negated.cesSumSq = -o.cesSumSq;
    negate(negated.cesCounts);
    negated.ratingN = -o.ratingN;
    negated.ratingSum = -o.ratingSum;
    negated.ratingSumSq = -o.ratingSumSq;
    negate(negated.ratingCounts);
    negated.conversionN = -o.conversionN;
    negated.converted = -o.converted;
    negated.revenue = -o.revenue;
    negated.revenueRows = -o.revenueRows;
    negated.orders = -o.orders;
    negated.weightN = -o.weightN;
    negated.weightedNpsSum = -o.weightedNpsSum;
    negated.weightedRevenue = -o.weightedRevenue;
    add(negated);
}

std::optional<Stats::Comparison> compare(const Figures &first, const Figures &second,
                                         Measure measure)
{
    return compareMeasure(first, second, measure);
}

QString flagKindKey(Flag::Kind kind)
{
    switch (kind) {
    case Flag::Kind::Struggling:
        return u"struggling"_s;
    case Flag::Kind::DropOff:
        return u"drop-off"_s;
    case Flag::Kind::Decline:
        return u"decline"_s;
    }
    return {};
}

Figures figures(const Sums &s, bool hasRevenue)
{
    Figures f;
    f.rows = s.rows;

    qint64 promoters = 0, passives = 0, detractors = 0;
    for (int value = NpsMin; value <= NpsMax; ++value) {
        const qint64 count = s.npsCounts.value(value - NpsMin);
        if (value >= 9)
            promoters += count;
        else if (value >= 7)
            passives += count;
        else
            detractors += count;
    }
    if (promoters + passives + detractors > 0)
        f.nps = Stats::nps(promoters, passives, detractors);
    if (s.csatN > 0) {
        f.csatTop2 = Stats::proportion(s.csatTop2, s.csatN);
        f.csatMean = Stats::mean(s.csatN, s.csatSum, s.csatSumSq);
    }
    if (s.cesN > 0)
        f.ces = Stats::mean(s.cesN, s.cesSum, s.cesSumSq);
    if (s.ratingN > 0)
        f.rating = Stats::mean(s.ratingN, s.ratingSum, s.ratingSumSq);
    if (s.conversionN > 0)
        f.conversion = Stats::proportion(s.converted, s.conversionN);
    if (hasRevenue) {
        Revenue revenue;
        revenue.sum = s.revenue;
        revenue.orders = s.orders;
        if (s.orders > 0)
            revenue.averageOrder = s.revenue / double(s.orders);
        f.revenue = revenue;
    }
    if (s.weightN > 0) {
        f.weightedNps = 100.0 * s.weightedNpsSum / s.weightN;
    }
    if (hasRevenue && s.weightedRevenue != 0)
        f.weightedRevenue = s.weightedRevenue;
    return f;
}

Engine::Engine(const Project &project, QString databasePath)
    : mProject(project)
    , mPath(std::move(databasePath))
{}

namespace {

// The options' filters on a dataset, without WHERE (empty for none); nullopt when the
// dataset cannot be filtered as asked, and so has no rows in the selection.
std::optional<QString> filterOf(const Dataset &dataset, qsizetype timestamp, const Options &options)
{
    QStringList where;
    if (!options.segmentColumn.isEmpty()) {
        const qsizetype segment = columnNamed(dataset, options.segmentColumn);
        if (segment < 0)
            return std::nullopt;
        where << u"CAST(%1 AS TEXT) = %2"_s.arg(column(segment), literal(options.segmentValue));
    }
    if (options.from || options.to) {
        if (timestamp < 0)
            return std::nullopt;
        const QString c = column(timestamp);
        if (options.from)
            where << u"%1 >= %2"_s.arg(c, literal(options.from->toString(Qt::ISODate)));
        if (options.to)
            where << u"%1 < %2"_s.arg(c, literal(options.to->addDays(1).toString(Qt::ISODate)));
    }
    return where.join(u" AND "_s);
}

QList<DatasetPlan> datasetPlans(const Project &project, const Options &options)
{
    QList<DatasetPlan> plans;
    for (const Dataset &dataset : project.datasets) {
        // A funnel's rows are steps, not answers: its rates are no rating of a touchpoint.
        if (dataset.rowsTable <= 0 || dataset.attachments.isEmpty() ||
            dataset.format == Ga4FunnelFormat)
            continue;
        DatasetPlan plan;
        plan.dataset = &dataset;
        plan.key = firstOfRole(dataset, ColumnRole::Key);
        plan.timestamp = firstOfRole(dataset, ColumnRole::Timestamp);
        plan.nps = firstOfRole(dataset, ColumnRole::Nps);
        plan.csat = firstOfRole(dataset, ColumnRole::Csat);
        plan.ces = firstOfRole(dataset, ColumnRole::Ces);
        plan.rating = firstOfRole(dataset, ColumnRole::Rating);
        plan.converted = firstOfRole(dataset, ColumnRole::Converted);
        plan.revenue = firstOfRole(dataset, ColumnRole::Revenue);
        plan.personaColumn = firstOfRole(dataset, ColumnRole::Segment);

        const std::optional<QString> where = filterOf(dataset, plan.timestamp, options);
        if (!where)
            continue;
        plan.where = *where;
        plans.append(plan);
    }
    return plans;
}

// Where a GA4 funnel exploration's figures are: its columns by the names GA4 writes (its
// two quantities and two rates share roles, so roles cannot tell them apart).
struct FunnelPlan
{
    const Dataset *dataset = nullptr;
    qsizetype step = -1, users = -1, completion = -1, abandonments = -1, abandonmentRate = -1;
    QString where;
};

QList<FunnelPlan> funnelPlans(const Project &project, const Options &options)
{
    QList<FunnelPlan> plans;
    for (const Dataset &dataset : project.datasets) {
        if (dataset.rowsTable <= 0 || dataset.format != Ga4FunnelFormat)
            continue;
        FunnelPlan plan;
        plan.dataset = &dataset;
        plan.step = firstOfRole(dataset, ColumnRole::Touchpoint);
        if (plan.step < 0)
            plan.step = columnNamed(dataset, u"Step"_s);
        for (qsizetype i = 0; i < dataset.columns.size() && plan.users < 0; ++i) {
            if (dataset.columns.at(i).name.startsWith(u"Active users", Qt::CaseInsensitive))
                plan.users = i;
        }
        plan.completion = columnNamed(dataset, u"Completion rate"_s);
        plan.abandonments = columnNamed(dataset, u"Abandonments"_s);
        plan.abandonmentRate = columnNamed(dataset, u"Abandonment rate"_s);
        if (plan.step < 0 || plan.users < 0)
            continue;
        const std::optional<QString> where =
            filterOf(dataset, firstOfRole(dataset, ColumnRole::Timestamp), options);
        if (!where)
            continue;
        plan.where = *where;
        plans.append(plan);
    }
    return plans;
}

QString funnelSql(const FunnelPlan &plan)
{
    const auto field = [](qsizetype index) {
        return index >= 0 ? u"CAST(%1 AS TEXT)"_s.arg(column(index)) : u"NULL"_s;
    };
    QString sql = u"SELECT %1, %2, %3, %4, %5 FROM dataset_rows_%6"_s.arg(
        field(plan.step), field(plan.users), field(plan.completion), field(plan.abandonments),
        field(plan.abandonmentRate), QString::number(plan.dataset->rowsTable));
    if (!plan.where.isEmpty())
        sql += u" WHERE "_s + plan.where;
    return sql + u" ORDER BY row_number"_s;
}

std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional(value) : std::nullopt;
}

// A rate as GA4 writes it: a fraction ("0.412"), or a percentage ("41.2%", or a number above
// 1, which no fraction is).
std::optional<double> rateOf(const QString &text)
{
    QString trimmed = text.trimmed();
    const bool percent = trimmed.endsWith(u'%');
    if (percent)
        trimmed.chop(1);
    std::optional<double> value = number(trimmed);
    if (!value || *value < 0)
        return std::nullopt;
    if (percent || *value > 1)
        *value /= 100.0;
    return std::min(*value, 1.0);
}

QString titleKey(const QString &title)
{
    return title.trimmed().toCaseFolded();
}

// A step's name without the number GA4 puts before it ("1. View product").
QString withoutStepNumber(const QString &name)
{
    static const QRegularExpression number(u"^\\s*\\d+\\.\\s*"_s);
    return QString(name).remove(number);
}

// One step of a funnel as read: several rows of one step (a breakdown by device, say) are
// added, and their rates worked out again from the sums.
struct StepRows
{
    QString name;
    double users = 0;
    std::optional<double> completion, abandonments, abandonmentRate;
    int rows = 0;
};

// The steps of a funnel, matched to the touchpoints of the map the dataset is attached to:
// that of an attachment's touchpoint, or for a dataset attached by its step column the map
// whose titles most steps match (the first such map).
Funnel readFunnel(const Project &project, const FunnelPlan &plan, const QList<StepRows> &rows)
{
    Funnel funnel;
    funnel.datasetId = plan.dataset->id;
    funnel.dataset = plan.dataset->name;

    const auto matchIn = [](const JourneyMap &map, const QString &name) {
        for (const QString &key : {titleKey(name), titleKey(withoutStepNumber(name))}) {
            if (key.isEmpty())
                continue;
            for (const Touchpoint &t : map.touchpoints) {
                if (titleKey(t.title) == key)
                    return t.id;
            }
        }
        return Id();
    };
    const JourneyMap *map = nullptr;
    for (const DatasetAttachment &attachment : plan.dataset->attachments) {
        if (attachment.kind == AttachmentKind::ByColumn) {
            qsizetype best = 0;
            for (const JourneyMap &candidate : project.maps) {
                const qsizetype matched =
                    std::count_if(rows.cbegin(), rows.cend(), [&](const StepRows &step) {
                        return !matchIn(candidate, step.name).isNull();
                    });
                if (matched > best) {
                    best = matched;
                    map = &candidate;
                }
            }
        } else {
            for (const JourneyMap &candidate : project.maps) {
                for (const Touchpoint &t : candidate.touchpoints) {
                    if (t.id == attachment.touchpointId)
                        map = &candidate;
                }
            }
        }
        if (map)
            break;
    }
    if (map)
        funnel.mapId = map->id;

    for (qsizetype i = 0; i < rows.size(); ++i) {
        const StepRows &row = rows.at(i);
        FunnelStep step;
        step.name = row.name;
        if (map)
            step.touchpointId = matchIn(*map, row.name);
        step.activeUsers = std::llround(row.users);
        if (row.completion) {
            step.completion = row.completion;
        } else if (i + 1 < rows.size() && row.users > 0) {
            step.completion = std::clamp(rows.at(i + 1).users / row.users, 0.0, 1.0);
        }
        if (row.abandonmentRate) {
            step.abandonment = row.abandonmentRate;
        } else if (row.abandonments && row.users > 0) {
            step.abandonment = std::clamp(*row.abandonments / row.users, 0.0, 1.0);
        } else if (step.completion) {
            step.abandonment = 1.0 - *step.completion;
        }
        funnel.steps.append(step);
    }
    return funnel;
}

// The number who abandoned at a step: the file's count, or the rate times the users.
qint64 abandonedAt(const FunnelStep &step, const StepRows &rows)
{
    if (rows.abandonments)
        return std::clamp(std::llround(*rows.abandonments), qint64(0), step.activeUsers);
    return std::llround(step.abandonment.value_or(0) * double(step.activeUsers));
}

} // namespace

QString Engine::sql(const Options &options) const
{
    const QList<DatasetPlan> plans = datasetPlans(mProject, options);
    QString text;
    for (const DatasetPlan &plan : plans) {
        for (const DatasetAttachment &attachment : plan.dataset->attachments) {
            text += passSql(plan, attachment, mProject.personas) + u";\n"_s;
            const QString drivers = driverSql(plan, attachment);
            if (!drivers.isEmpty())
                text += drivers + u";\n"_s;
        }
    }
    for (const FunnelPlan &plan : funnelPlans(mProject, options))
        text += funnelSql(plan) + u";\n"_s;
    return text;
}

Result Engine::compute(const Options &options) const
{
    Result result;

    // Every touchpoint of the selection, in map, stage, lane and card order.
    QHash<Id, qsizetype> index;
    for (const JourneyMap &map : mProject.maps) {
        if (!options.mapId.isNull() && map.id != options.mapId)
            continue;
        QList<Touchpoint> cards = map.touchpoints;
        const auto position = [&map](const Touchpoint &t) {
            qsizetype stage = 0, lane = 0;
            for (qsizetype i = 0; i < map.stages.size(); ++i)
                if (map.stages.at(i).id == t.stageId)
                    stage = i;
            for (qsizetype i = 0; i < map.lanes.size(); ++i)
                if (map.lanes.at(i).id == t.laneId)
                    lane = i;
            return std::make_tuple(stage, lane, t.order);
        };
        std::stable_sort(cards.begin(), cards.end(), [&](const Touchpoint &a, const Touchpoint &b) {
            return position(a) < position(b);
        });
        for (const Touchpoint &card : std::as_const(cards)) {
            TouchpointResult tp;
            tp.id = card.id;
            tp.mapId = map.id;
            tp.map = map.name;
            tp.title = card.title;
            for (const Stage &stage : map.stages)
                if (stage.id == card.stageId)
                    tp.stage = stage.name;
            index.insert(card.id, result.touchpoints.size());
            result.touchpoints.append(tp);
        }
    }

    Sql::Database db;
    if (!db.open(mPath, Sql::Database::Mode::ReadOnly)) {
        result.error = db.errorMessage();
        return result;
    }
    db.harden();

    // Per touchpoint and month ("" for rows without a timestamp), and per ISO week.
    QHash<Id, QMap<QString, Sums>> byMonth;
    QHash<Id, QMap<qint64, Sums>> byWeek;
    QHash<Id, PairSums> pairSums;
    QHash<Id, Measure> scoreOf;
    const QList<DatasetPlan> plans = datasetPlans(mProject, options);
    for (const DatasetPlan &plan : plans) {
        for (const DatasetAttachment &attachment : plan.dataset->attachments) {
            if (options.cancel && options.cancel->load()) {
                result.cancelled = true;
                return result;
            }
            if (attachment.kind != AttachmentKind::ByColumn &&
                !index.contains(attachment.touchpointId))
                continue;
            const qsizetype revenueColumn = plan.revenue;
            Sql::Statement statement(db, passSql(plan, attachment, mProject.personas));
            if (!statement.isValid()) {
                result.error = db.errorMessage();
                return result;
            }
            // The groups come sorted by touchpoint: its id is parsed once, not per group, and
            // one Sums is decoded into again and again instead of allocated per group.
            QString lastText;
            Id groupId = attachment.touchpointId;
            Sums groupSums;
            while (statement.next()) {
                if (attachment.kind == AttachmentKind::ByColumn) {
                    const QString text = statement.text(0);
                    if (text != lastText) {
                        lastText = text;
                        groupId = Id(text);
                    }
                }
                const auto found = index.constFind(groupId);
                if (found == index.constEnd())
                    continue;
                if (revenueColumn >= 0)
                    result.touchpoints[*found].hasRevenue = true;
                decode(statement, 3, &groupSums);
                byMonth[groupId][statement.isNull(1) ? QString() : statement.text(1)].add(
                    groupSums);
                if (!statement.isNull(2))
                    byWeek[groupId][statement.integer(2)].add(groupSums);
            }
            if (!statement.ok()) {
                result.error = db.errorMessage();
                return result;
            }

            const QString drivers = driverSql(plan, attachment);
            if (drivers.isEmpty())
                continue;
            Sql::Statement pairs(db, drivers);
            if (!pairs.isValid()) {
                result.error = db.errorMessage();
                return result;
            }
            while (pairs.next()) {
                const Id id = attachment.kind == AttachmentKind::ByColumn ? Id(pairs.text(0))
                                                                          : attachment.touchpointId;
                if (!index.contains(id))
                    continue;
                PairSums &sums = pairSums[id];
                sums.n += pairs.integer(1);
                sums.x += pairs.real(2);
                sums.y += pairs.real(3);
                sums.xx += pairs.real(4);
                sums.yy += pairs.real(5);
                sums.xy += pairs.real(6);
                scoreOf.insert(id, driverScore(plan).measure);
            }
            if (!pairs.ok()) {
                result.error = db.errorMessage();
                return result;
            }
        }
    }

    for (TouchpointResult &tp : result.touchpoints) {
        const QMap<QString, Sums> months = byMonth.value(tp.id);
        for (auto it = months.cbegin(); it != months.cend(); ++it) {
            tp.sums.add(it.value());
            if (!it.key().isEmpty())
                tp.months.append({it.key(), it.value()});
        }
        const QMap<qint64, Sums> weeks = byWeek.value(tp.id);
        for (auto it = weeks.cbegin(); it != weeks.cend(); ++it)
            tp.weeks.append({weekName(it.key()), it.value()});
        tp.figures = figures(tp.sums, tp.hasRevenue);
    }

    // GA4 funnels: their steps in order, matched to touchpoints, and their drop-off flags.
    for (const FunnelPlan &plan : funnelPlans(mProject, options)) {
        Sql::Statement statement(db, funnelSql(plan));
        if (!statement.isValid()) {
            result.error = db.errorMessage();
            return result;
        }
        QList<StepRows> rows;
        QHash<QString, qsizetype> stepIndex;
        while (statement.next()) {
            const QString name = statement.text(0).trimmed();
            const std::optional<double> users = number(statement.text(1));
            if (name.isEmpty() || !users)
                continue;
            const QString key = titleKey(name);
            auto found = stepIndex.constFind(key);
            if (found == stepIndex.constEnd()) {
                found = stepIndex.insert(key, rows.size());
                rows.append({name, 0, {}, {}, {}, 0});
            }
            StepRows &step = rows[*found];
            const std::optional<double> abandonments = number(statement.text(3));
            step.abandonments = abandonments && (step.rows == 0 || step.abandonments)
                                    ? std::optional(step.abandonments.value_or(0) + *abandonments)
                                    : std::nullopt;
            // Rates are the file's only for a step of one row; else they follow from the sums.
            step.completion = step.rows == 0 ? rateOf(statement.text(2)) : std::nullopt;
            step.abandonmentRate = step.rows == 0 ? rateOf(statement.text(4)) : std::nullopt;
            step.users += *users;
            ++step.rows;
        }
        if (!statement.ok()) {
            result.error = db.errorMessage();
            return result;
        }
        Funnel funnel = readFunnel(mProject, plan, rows);
        if (!options.mapId.isNull() && funnel.mapId != options.mapId)
            continue;

        // Drop-off: a step's abandonment against that of the funnel's other steps pooled.
        for (qsizetype i = 0; i < funnel.steps.size(); ++i) {
            const FunnelStep &step = funnel.steps.at(i);
            const auto found = index.constFind(step.touchpointId);
            if (!step.abandonment || step.activeUsers < MinimumFlagN || found == index.constEnd())
                continue;
            qint64 restUsers = 0, restLost = 0;
            for (qsizetype j = 0; j < funnel.steps.size(); ++j) {
                const FunnelStep &other = funnel.steps.at(j);
                if (j == i || !other.abandonment || other.activeUsers <= 0)
                    continue;
                restUsers += other.activeUsers;
                restLost += abandonedAt(other, rows.at(j));
            }
            if (restUsers < MinimumFlagN)
                continue;
            const Stats::Proportion own =
                Stats::proportion(abandonedAt(step, rows.at(i)), step.activeUsers);
            const Stats::Proportion rest = Stats::proportion(restLost, restUsers);
            const std::optional<Stats::Comparison> c = Stats::compare(rest, own);
            if (!c || !c->significant || c->difference <= 0)
                continue;
            result.touchpoints[*found].flags.append(
                {Flag::Kind::DropOff,
                 tr("%1% of the %2 active users at this step of the funnel “%3” abandoned it, "
                    "significantly more than the %4% at the funnel's other steps.")
                     .arg(100.0 * own.rate, 0, 'f', 0)
                     .arg(step.activeUsers)
                     .arg(funnel.dataset)
                     .arg(100.0 * rest.rate, 0, 'f', 0)});
        }
        result.funnels.append(funnel);
    }

    // Per map: the pooled figures, the headline measure, the paths and the flags.
    for (const JourneyMap &map : mProject.maps) {
        if (!options.mapId.isNull() && map.id != options.mapId)
            continue;
        MapResult mapResult;
        mapResult.id = map.id;
        mapResult.name = map.name;
        bool hasRevenue = false;
        for (const TouchpointResult &tp : std::as_const(result.touchpoints)) {
            if (tp.mapId == map.id) {
                mapResult.pooled.add(tp.sums);
                hasRevenue = hasRevenue || tp.hasRevenue;
            }
        }
        mapResult.figures = figures(mapResult.pooled, hasRevenue);
        if (options.headline.contains(map.id)) {
            mapResult.headline = options.headline.value(map.id);
        } else {
            for (Measure m : {Measure::Nps, Measure::Csat, Measure::Ces, Measure::Rating,
                              Measure::Conversion}) {
                if (headlineOf(mapResult.figures, m)) {
                    mapResult.headline = m;
                    break;
                }
            }
        }

        // Each persona's path: the touchpoints in step order, and the share lost at each.
        QMap<QString, QList<PersonaStep>> steps; // by persona id text, for a stable order
        for (const PersonaStep &step : map.personaSteps)
            steps[idText(step.personaId)].append(step);
        for (auto it = steps.begin(); it != steps.end(); ++it) {
            QList<PersonaStep> path = it.value();
            std::sort(path.begin(), path.end(),
                      [](const PersonaStep &a, const PersonaStep &b) { return a.order < b.order; });
            PersonaPath personaPath;
            personaPath.personaId = path.constFirst().personaId;
            for (const Persona &persona : mProject.personas)
                if (persona.id == personaPath.personaId)
                    personaPath.persona = persona.name;
            for (const PersonaStep &step : std::as_const(path)) {
                PathStep s;
                s.touchpointId = step.touchpointId;
                const auto found = index.constFind(step.touchpointId);
                if (found != index.constEnd())
                    s.reached = result.touchpoints.at(*found).sums.reach;
                if (!personaPath.steps.isEmpty()) {
                    const qint64 before = personaPath.steps.constLast().reached;
                    // A step without data is not a step everyone left at.
                    if (before > 0 && s.reached > 0)
                        s.dropOff = std::clamp(1.0 - double(s.reached) / double(before), 0.0, 1.0);
                }
                personaPath.steps.append(s);
            }
            mapResult.paths.append(personaPath);
        }

        for (TouchpointResult &tp : result.touchpoints) {
            if (tp.mapId != map.id)
                continue;
            flagStruggling(tp, mapResult);
        }

        // Drop-off: the share of those reaching a step who do not reach the next, against
        // the same share over the path's other transitions pooled.
        for (const PersonaPath &path : std::as_const(mapResult.paths)) {
            for (qsizetype i = 1; i < path.steps.size(); ++i) {
                const qint64 from = path.steps.at(i - 1).reached;
                const qint64 to = std::min(from, path.steps.at(i).reached);
                if (from < MinimumFlagN || !path.steps.at(i).dropOff)
                    continue;
                qint64 restFrom = 0, restLost = 0;
                for (qsizetype j = 1; j < path.steps.size(); ++j) {
                    if (j == i || !path.steps.at(j).dropOff)
                        continue;
                    const qint64 f = path.steps.at(j - 1).reached;
                    restFrom += f;
                    restLost += f - std::min(f, path.steps.at(j).reached);
                }
                if (restFrom < MinimumFlagN)
                    continue;
                const Stats::Proportion own = Stats::proportion(from - to, from);
                const Stats::Proportion rest = Stats::proportion(restLost, restFrom);
                const std::optional<Stats::Comparison> c = Stats::compare(rest, own);
                if (!c || !c->significant || c->difference <= 0)
                    continue;
                const auto found = index.constFind(path.steps.at(i - 1).touchpointId);
                const auto next = index.constFind(path.steps.at(i).touchpointId);
                if (found == index.constEnd() || next == index.constEnd())
                    continue;
                TouchpointResult &tp = result.touchpoints[*found];
                tp.flags.append(
                    {Flag::Kind::DropOff,
                     tr("%1% of the %2 who reached it did not go on to “%3” on %4's path, "
                        "significantly more than the %5% lost at the path's other steps.")
                         .arg(100.0 * own.rate, 0, 'f', 0)
                         .arg(from)
                         .arg(result.touchpoints.at(*next).title, path.persona)
                         .arg(100.0 * rest.rate, 0, 'f', 0)});
            }
        }

        for (TouchpointResult &tp : result.touchpoints) {
            if (tp.mapId == map.id)
                flagDecline(tp, mapResult.headline);
        }
        result.maps.append(mapResult);
    }

    // Drivers: correlation with the overall NPS, and share of the map's revenue.
    QHash<Id, double> mapRevenue;
    for (const TouchpointResult &tp : std::as_const(result.touchpoints)) {
        if (tp.figures.revenue)
            mapRevenue[tp.mapId] += tp.figures.revenue->sum;
    }
    for (const TouchpointResult &tp : std::as_const(result.touchpoints)) {
        Driver driver;
        driver.touchpointId = tp.id;
        driver.mapId = tp.mapId;
        driver.title = tp.title;
        driver.score = scoreOf.value(tp.id, Measure::Csat);
        const auto pairs = pairSums.constFind(tp.id);
        if (pairs != pairSums.constEnd())
            driver.correlation =
                Stats::correlation(pairs->n, pairs->x, pairs->y, pairs->xx, pairs->yy, pairs->xy);
        const double total = mapRevenue.value(tp.mapId);
        if (tp.figures.revenue && total > 0)
            driver.revenueShare = tp.figures.revenue->sum / total;
        if (driver.correlation || driver.revenueShare)
            result.drivers.append(driver);
    }
    std::stable_sort(result.drivers.begin(), result.drivers.end(), ranksBefore);

    result.ok = true;
    return result;
}

bool ranksBefore(const Driver &a, const Driver &b)
{
    // By the low end of r's interval: what the data show at least, so that three lucky
    // answers never outrank a strong link seen in three hundred. Then those too few for an
    // interval, by r; then revenue alone.
    auto tier = [](const Driver &d) {
        return d.correlation ? (d.correlation->ci ? 0 : 1) : 2;
    };
    if (tier(a) != tier(b))
        return tier(a) < tier(b);
    if (a.correlation) {
        const double ka = a.correlation->ci ? a.correlation->ci->low : a.correlation->r;
        const double kb = b.correlation->ci ? b.correlation->ci->low : b.correlation->r;
        if (ka != kb)
            return ka > kb;
    }
    return a.revenueShare.value_or(-1) > b.revenueShare.value_or(-1);
}

QString Engine::driversExplanation()
{
    return tr("Touchpoints higher in this list are those whose score moves most with how "
              "likely customers are to recommend you overall: r near 1 means that the "
              "customers who rated this touchpoint well were, almost always, the ones who "
              "would recommend you. The list is ranked by the low end of the interval, so a "
              "link seen in many answers comes before one seen in a few. It shows where to "
              "look first, not what causes loyalty. The share of revenue says how much of "
              "the map's revenue passes through the touchpoint.");
}

} // namespace Waymark::Metrics
