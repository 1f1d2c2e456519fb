// waymark stats: every touchpoint's metrics and flags, for people or (with --json) scripts.
#include "commandline.h"
#include "metrics/metricsengine.h"
#include "storage/projectfile.h"
#include "subcommand.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Waymark::Cli {

namespace {

QJsonValue orNull(const std::optional<Stats::Interval> &ci, bool low, double scale)
{
    if (!ci)
        return QJsonValue::Null;
    return (low ? ci->low : ci->high) * scale;
}

QJsonValue meanJson(const std::optional<Stats::Mean> &mean)
{
    if (!mean)
        return QJsonValue::Null;
    return QJsonObject{{u"n"_s, mean->n},
                       {u"mean"_s, mean->mean},
                       {u"ci_low"_s, orNull(mean->ci, true, 1)},
                       {u"ci_high"_s, orNull(mean->ci, false, 1)}};
}

QJsonArray distributionJson(const QList<qint64> &counts, int low)
{
    QJsonArray array;
    for (qsizetype i = 0; i < counts.size(); ++i)
        array.append(QJsonObject{{u"value"_s, low + int(i)}, {u"n"_s, counts.at(i)}});
    return array;
}

QJsonObject touchpointJson(const Metrics::TouchpointResult &tp)
{
    const Metrics::Figures &f = tp.figures;
    QJsonObject object{{u"id"_s, tp.id.toString(QUuid::WithoutBraces)},
                       {u"map"_s, tp.map},
                       {u"stage"_s, tp.stage},
                       {u"title"_s, tp.title},
                       {u"rows"_s, tp.sums.rows}};

    if (f.nps) {
        object.insert(
            u"nps"_s,
            QJsonObject{{u"n"_s, f.nps->n},
                        {u"score"_s, f.nps->score},
                        {u"promoters"_s, f.nps->promoters},
                        {u"passives"_s, f.nps->passives},
                        {u"detractors"_s, f.nps->detractors},
                        {u"ci_low"_s, orNull(f.nps->ci, true, 1)},
                        {u"ci_high"_s, orNull(f.nps->ci, false, 1)},
                        {u"distribution"_s, distributionJson(tp.sums.npsCounts, Metrics::NpsMin)}});
    } else {
        object.insert(u"nps"_s, QJsonValue::Null);
    }

    if (f.csatTop2) {
        object.insert(u"csat"_s,
                      QJsonObject{{u"n"_s, f.csatTop2->n},
                                  {u"top2_pct"_s, 100.0 * f.csatTop2->rate},
                                  {u"mean"_s, f.csatMean ? QJsonValue(f.csatMean->mean)
                                                         : QJsonValue(QJsonValue::Null)},
                                  {u"ci_low"_s, orNull(f.csatTop2->ci, true, 100)},
                                  {u"ci_high"_s, orNull(f.csatTop2->ci, false, 100)},
                                  {u"distribution"_s,
                                   distributionJson(tp.sums.csatCounts, Metrics::CsatMin)}});
    } else {
        object.insert(u"csat"_s, QJsonValue::Null);
    }

    object.insert(u"ces"_s, meanJson(f.ces));
    object.insert(u"rating"_s, meanJson(f.rating));

    if (f.conversion) {
        object.insert(u"conversion"_s,
                      QJsonObject{{u"n"_s, f.conversion->n},
                                  {u"rate"_s, 100.0 * f.conversion->rate},
                                  {u"ci_low"_s, orNull(f.conversion->ci, true, 100)},
                                  {u"ci_high"_s, orNull(f.conversion->ci, false, 100)}});
    } else {
        object.insert(u"conversion"_s, QJsonValue::Null);
    }

    if (f.revenue) {
        QJsonObject revenue{{u"sum"_s, f.revenue->sum},
                            {u"orders"_s, f.revenue->orders},
                            {u"average_order"_s, f.revenue->averageOrder
                                                     ? QJsonValue(*f.revenue->averageOrder)
                                                     : QJsonValue(QJsonValue::Null)}};
        if (f.weightedRevenue)
            revenue.insert(u"weighted_sum"_s, *f.weightedRevenue);
        object.insert(u"revenue"_s, revenue);
    } else {
        object.insert(u"revenue"_s, QJsonValue::Null);
    }
    if (f.weightedNps)
        object.insert(u"weighted_nps"_s, *f.weightedNps);

    QJsonArray flags;
    for (const Metrics::Flag &flag : tp.flags)
        flags.append(
            QJsonObject{{u"kind"_s, Metrics::flagKindKey(flag.kind)}, {u"reason"_s, flag.reason}});
    object.insert(u"flags"_s, flags);
    return object;
}

QJsonValue percentOrNull(const std::optional<double> &fraction)
{
    return fraction ? QJsonValue(100.0 * *fraction) : QJsonValue(QJsonValue::Null);
}

QString idOrEmpty(const Id &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

QJsonObject funnelJson(const Metrics::Funnel &funnel, const Project &project)
{
    QString mapName;
    QHash<Id, QString> titles;
    for (const JourneyMap &map : project.maps) {
        if (map.id != funnel.mapId)
            continue;
        mapName = map.name;
        for (const Touchpoint &t : map.touchpoints)
            titles.insert(t.id, t.title);
    }
    QJsonArray steps;
    for (const Metrics::FunnelStep &step : funnel.steps) {
        const bool matched = !step.touchpointId.isNull();
        steps.append(
            QJsonObject{{u"name"_s, step.name},
                        {u"touchpoint_id"_s, matched ? QJsonValue(idOrEmpty(step.touchpointId))
                                                     : QJsonValue(QJsonValue::Null)},
                        {u"touchpoint"_s, matched ? QJsonValue(titles.value(step.touchpointId))
                                                  : QJsonValue(QJsonValue::Null)},
                        {u"active_users"_s, step.activeUsers},
                        {u"completion_pct"_s, percentOrNull(step.completion)},
                        {u"abandonment_pct"_s, percentOrNull(step.abandonment)}});
    }
    return QJsonObject{
        {u"dataset_id"_s, idOrEmpty(funnel.datasetId)},
        {u"dataset"_s, funnel.dataset},
        {u"map_id"_s, funnel.mapId.isNull() ? QJsonValue(QJsonValue::Null)
                                            : QJsonValue(idOrEmpty(funnel.mapId))},
        {u"map"_s, funnel.mapId.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(mapName)},
        {u"steps"_s, steps}};
}

QString cell(const std::optional<double> &value, int decimals)
{
    return value ? QString::number(*value, 'f', decimals) : u"–"_s;
}

QString percentCell(const std::optional<double> &fraction)
{
    return fraction ? Text::tr("%1%").arg(100.0 * *fraction, 0, 'f', 1) : u"–"_s;
}

void printFunnels(const Metrics::Result &result, QTextStream &out)
{
    for (const Metrics::Funnel &funnel : result.funnels) {
        out << Text::tr("Funnel: %1").arg(funnel.dataset) << u'\n';
        for (const Metrics::FunnelStep &step : funnel.steps) {
            out << u"  "_s
                << Text::tr("%1: %2 active users, completion %3, abandonment %4%5")
                       .arg(step.name)
                       .arg(step.activeUsers)
                       .arg(percentCell(step.completion), percentCell(step.abandonment),
                            step.touchpointId.isNull() ? Text::tr(" (no touchpoint)") : QString())
                << u'\n';
        }
    }
}

void printTable(const Metrics::Result &result, QTextStream &out)
{
    QString currentMap;
    for (const Metrics::TouchpointResult &tp : result.touchpoints) {
        const Metrics::Figures &f = tp.figures;
        if (tp.map != currentMap) {
            currentMap = tp.map;
            out << Text::tr("Map: %1").arg(tp.map) << u'\n';
        }
        out << u"  "_s << Text::tr("%1 / %2: %3 rows").arg(tp.stage, tp.title).arg(tp.sums.rows)
            << u'\n';
        if (f.nps)
            out << u"    "_s
                << Text::tr("NPS %1 (n %2, 95% %3 to %4)")
                       .arg(f.nps->score, 0, 'f', 1)
                       .arg(f.nps->n)
                       .arg(cell(f.nps->ci ? std::optional(f.nps->ci->low) : std::nullopt, 1),
                            cell(f.nps->ci ? std::optional(f.nps->ci->high) : std::nullopt, 1))
                << u'\n';
        if (f.csatTop2)
            out << u"    "_s
                << Text::tr("CSAT %1% top two (n %2, mean %3)")
                       .arg(100.0 * f.csatTop2->rate, 0, 'f', 1)
                       .arg(f.csatTop2->n)
                       .arg(f.csatMean->mean, 0, 'f', 2)
                << u'\n';
        if (f.ces)
            out << u"    "_s
                << Text::tr("CES mean %1 (n %2)").arg(f.ces->mean, 0, 'f', 2).arg(f.ces->n)
                << u'\n';
        if (f.rating)
            out << u"    "_s
                << Text::tr("Rating mean %1 (n %2)").arg(f.rating->mean, 0, 'f', 2).arg(f.rating->n)
                << u'\n';
        if (f.conversion)
            out << u"    "_s
                << Text::tr("Conversion %1% (n %2)")
                       .arg(100.0 * f.conversion->rate, 0, 'f', 1)
                       .arg(f.conversion->n)
                << u'\n';
        if (f.revenue)
            out << u"    "_s
                << Text::tr("Revenue %1 in %2 orders (average %3)")
                       .arg(f.revenue->sum, 0, 'f', 2)
                       .arg(f.revenue->orders)
                       .arg(cell(f.revenue->averageOrder, 2))
                << u'\n';
        for (const Metrics::Flag &flag : tp.flags)
            out << u"    "_s
                << Text::tr("Flag (%1): %2").arg(Metrics::flagKindKey(flag.kind), flag.reason)
                << u'\n';
    }
}

std::optional<QDate> dateOption(const QCommandLineParser &parser, const QString &name, bool *ok)
{
    if (!parser.isSet(name))
        return std::nullopt;
    const QDate date = QDate::fromString(parser.value(name), Qt::ISODate);
    if (!date.isValid())
        *ok = false;
    return date;
}

int runStats(const QCommandLineParser &parser, Console &console)
{
    const QString path = parser.positionalArguments().constFirst();

    Metrics::Options options;
    if (parser.isSet(u"segment"_s)) {
        const QString segment = parser.value(u"segment"_s);
        const qsizetype equals = segment.indexOf(u'=');
        if (equals <= 0)
            return usageError(console, u"stats"_s,
                              Text::tr("--segment takes COLUMN=VALUE, not “%1”").arg(segment));
        options.segmentColumn = segment.left(equals).trimmed();
        options.segmentValue = segment.mid(equals + 1);
    }
    bool datesOk = true;
    options.from = dateOption(parser, u"from"_s, &datesOk);
    options.to = dateOption(parser, u"to"_s, &datesOk);
    if (!datesOk)
        return usageError(console, u"stats"_s, Text::tr("a date is written YYYY-MM-DD"));

    StorageError error;
    const std::optional<Project> project = ProjectFile::read(path, &error);
    if (!project) {
        fileError(console, path, error.message);
        return UsageOrUnreadable;
    }

    if (parser.isSet(u"map"_s)) {
        const QString name = parser.value(u"map"_s);
        for (const JourneyMap &map : project->maps) {
            if (map.name.compare(name, Qt::CaseInsensitive) == 0 ||
                map.id.toString(QUuid::WithoutBraces) == name)
                options.mapId = map.id;
        }
        if (options.mapId.isNull()) {
            QStringList names;
            for (const JourneyMap &map : project->maps)
                names.append(map.name);
            console.err << Text::tr("waymark stats: no map “%1” in %2; its maps: %3")
                               .arg(name, path, names.join(u", "_s))
                        << u'\n';
            return Refused;
        }
    }

    // The file was checked by read(); the engine reads its rows on its own connection.
    const Metrics::Engine engine(*project, path);
    const Metrics::Result result = engine.compute(options);
    if (!result.ok) {
        fileError(console, path, result.error);
        return UsageOrUnreadable;
    }

    if (parser.isSet(u"json"_s)) {
        QJsonArray touchpoints;
        for (const Metrics::TouchpointResult &tp : result.touchpoints)
            touchpoints.append(touchpointJson(tp));
        QJsonArray funnels;
        for (const Metrics::Funnel &funnel : result.funnels)
            funnels.append(funnelJson(funnel, *project));
        const QJsonDocument json(
            QJsonObject{{u"touchpoints"_s, touchpoints}, {u"funnels"_s, funnels}});
        console.out << QString::fromUtf8(json.toJson(QJsonDocument::Indented));
    } else {
        printTable(result, console.out);
        printFunnels(result, console.out);
    }
    return Success;
}

} // namespace

Subcommand statsCommand()
{
    Subcommand command;
    command.name = u"stats"_s;
    command.summary = Text::tr("Print each touchpoint's metrics and struggle flags.");
    command.synopsis =
        Text::tr("[--json] [--map NAME] [--segment COLUMN=VALUE] [--from DATE] [--to DATE] FILE");
    command.description = Text::tr(
        "Computes, for every touchpoint of FILE (or of one map), the metrics of the data\n"
        "attached to it: rows, NPS, CSAT, CES, rating, conversion and revenue, each with\n"
        "its number of answers and 95% interval, and the struggle flags with their reasons;\n"
        "then each GA4 funnel's steps with their active users, completion and abandonment.\n"
        "--segment keeps the rows whose COLUMN (its name as Waymark shows it) holds VALUE;\n"
        "--from and --to (YYYY-MM-DD, both inclusive) keep the rows whose timestamp falls\n"
        "between them. The definitions are in model/metrics/METRICS.md.\n"
        "With --json the same as a JSON object; percentages run from 0 to 100 and a\n"
        "measure without data is null. Fields are only ever added, never renamed.");
    command.options = {
        QCommandLineOption(u"json"_s, Text::tr("Print JSON instead of text.")),
        QCommandLineOption(u"map"_s, Text::tr("Only the map NAME (its name, any case, or id)."),
                           Text::tr("NAME")),
        QCommandLineOption(u"segment"_s, Text::tr("Only the rows whose COLUMN holds VALUE."),
                           Text::tr("COLUMN=VALUE")),
        QCommandLineOption(u"from"_s, Text::tr("Only rows from DATE on."), Text::tr("DATE")),
        QCommandLineOption(u"to"_s, Text::tr("Only rows up to DATE."), Text::tr("DATE")),
    };
    command.positionals = {Text::tr("FILE")};
    command.exitStatus =
        Text::tr("  0  the metrics were printed\n"
                 "  1  --map names no map of FILE\n"
                 "  2  a usage error, or FILE cannot be opened as a Waymark project\n");
    command.run = runStats;
    return command;
}

} // namespace Waymark::Cli
