#include "driversmodel.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

// What a cell without a value shows: a dash reads as "none" where a blank looks unfinished.
const QString none = u"—"_s;

} // namespace

DriversModel::DriversModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DriversModel::setResult(const Metrics::Result &result, const Id &mapId)
{
    QHash<Id, QString> stages;
    for (const Metrics::TouchpointResult &touchpoint : result.touchpoints)
        stages.insert(touchpoint.id, touchpoint.stage);

    beginResetModel();
    mRows.clear();
    mLargestShare = 0;
    for (const Metrics::Driver &driver : result.drivers) {
        if (!mapId.isNull() && driver.mapId != mapId)
            continue;
        // A touchpoint with neither figure has nothing to rank it by.
        if (!driver.correlation && !driver.revenueShare)
            continue;
        Row row;
        row.rank = int(mRows.size()) + 1;
        row.touchpointId = driver.touchpointId;
        row.mapId = driver.mapId;
        row.title = driver.title;
        row.stage = stages.value(driver.touchpointId);
        row.score = driver.score;
        row.correlation = driver.correlation;
        row.revenueShare = driver.revenueShare;
        mLargestShare = std::max(mLargestShare, driver.revenueShare.value_or(0));
        mRows.append(row);
    }
    sortRows();
    endResetModel();
}

void DriversModel::clear()
{
    beginResetModel();
    mRows.clear();
    mLargestShare = 0;
    endResetModel();
}

int DriversModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRows.size());
}

int DriversModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DriversModel::measureName(Metrics::Measure measure)
{
    switch (measure) {
    case Metrics::Measure::Nps:
        return tr("NPS");
    case Metrics::Measure::Csat:
        return tr("CSAT");
    case Metrics::Measure::Ces:
        return tr("Effort (CES)");
    case Metrics::Measure::Rating:
        return tr("Rating");
    case Metrics::Measure::Conversion:
        return tr("Conversion");
    case Metrics::Measure::Revenue:
        return tr("Revenue");
    }
    return {};
}

QVariant DriversModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case RankColumn:
        return row.rank;
    case TouchpointColumn:
    case StageColumn:
    case ScoreColumn:
        return {}; // compared as text
    case CorrelationColumn:
        return row.correlation ? QVariant(row.correlation->r) : QVariant();
    case IntervalColumn:
        return row.correlation && row.correlation->ci ? QVariant(row.correlation->ci->low)
                                                      : QVariant();
    case CountColumn:
        return row.correlation ? QVariant(double(row.correlation->n)) : QVariant();
    case RevenueShareColumn:
        return row.revenueShare ? QVariant(*row.revenueShare) : QVariant();
    }
    return {};
}

QVariant DriversModel::display(const Row &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case RankColumn:
        return locale.toString(row.rank);
    case TouchpointColumn:
        return row.title;
    case StageColumn:
        return row.stage;
    case ScoreColumn:
        return row.correlation ? measureName(row.score) : none;
    case CorrelationColumn:
        return row.correlation ? locale.toString(row.correlation->r, 'f', 2) : none;
    case IntervalColumn:
        if (!row.correlation || !row.correlation->ci)
            return none;
        return tr("%1 to %2")
            .arg(locale.toString(row.correlation->ci->low, 'f', 2),
                 locale.toString(row.correlation->ci->high, 'f', 2));
    case CountColumn:
        return row.correlation ? locale.toString(row.correlation->n) : none;
    case RevenueShareColumn:
        return row.revenueShare ? tr("%1%").arg(locale.toString(100 * *row.revenueShare, 'f', 1))
                                : none;
    }
    return {};
}

QVariant DriversModel::toolTip(const Row &row, int column) const
{
    const QLocale locale;
    if (column == CorrelationColumn || column == IntervalColumn || column == CountColumn) {
        if (!row.correlation)
            return tr("Too few respondents answered both this touchpoint's score and the "
                      "recommendation question to correlate them.");
        return tr("%1 and the overall recommendation score: r = %2 over %n respondent(s), "
                  "p = %3",
                  "", int(row.correlation->n))
            .arg(measureName(row.score), locale.toString(row.correlation->r, 'f', 2),
                 locale.toString(row.correlation->pValue, 'g', 2));
    }
    if (column == RevenueShareColumn && !row.revenueShare)
        return tr("No revenue is attached to this touchpoint.");
    return {};
}

QVariant DriversModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRows.size())
        return {};
    const Row &row = mRows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == TouchpointColumn || index.column() == StageColumn ||
            index.column() == ScoreColumn)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case TouchpointIdRole:
        return QVariant::fromValue(row.touchpointId);
    case MapIdRole:
        return QVariant::fromValue(row.mapId);
    case SortValueRole:
        return sortValue(row, index.column());
    case RevenueShareRole:
        return row.revenueShare ? QVariant(*row.revenueShare) : QVariant();
    case LargestShareRole:
        return mLargestShare;
    }
    return {};
}

QVariant DriversModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RankColumn:
            return tr("#");
        case TouchpointColumn:
            return tr("Touchpoint");
        case StageColumn:
            return tr("Stage");
        case ScoreColumn:
            return tr("Score");
        case CorrelationColumn:
            return tr("r");
        case IntervalColumn:
            return tr("95% interval");
        case CountColumn:
            return tr("n");
        case RevenueShareColumn:
            return tr("Share of revenue");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case RankColumn:
            return tr("The rank: strongest link with recommending first, then share of revenue");
        case ScoreColumn:
            return tr("The touchpoint's score that was compared with recommending");
        case CorrelationColumn:
            return tr("How closely the touchpoint's score moves with how likely the same "
                      "customers are to recommend you, from −1 to 1");
        case IntervalColumn:
            return tr("Where r lies with 95% confidence");
        case CountColumn:
            return tr("Respondents who answered both");
        case RevenueShareColumn:
            return tr("The touchpoint's share of the map's revenue");
        }
    }
    return {};
}

void DriversModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    mSortColumn = column;
    mSortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<Id> ids;
    for (const QModelIndex &index : before)
        ids.append(mRows[index.row()].touchpointId);
    sortRows();
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const auto found = std::find_if(mRows.cbegin(), mRows.cend(),
                                        [&](const Row &row) { return row.touchpointId == ids[i]; });
        after.append(index(int(found - mRows.cbegin()), before[i].column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void DriversModel::sortRows()
{
    const int column = mSortColumn;
    const bool ascending = mSortOrder == Qt::AscendingOrder;
    const bool byText =
        column == TouchpointColumn || column == StageColumn || column == ScoreColumn;
    std::stable_sort(mRows.begin(), mRows.end(), [&](const Row &a, const Row &b) {
        if (byText) {
            const int c = QString::localeAwareCompare(display(a, column).toString(),
                                                      display(b, column).toString());
            if (c != 0)
                return ascending ? c < 0 : c > 0;
            return a.rank < b.rank;
        }
        const QVariant x = sortValue(a, column);
        const QVariant y = sortValue(b, column);
        // Rows without a value go last in either order: they are not the smallest values.
        if (!x.isValid() || !y.isValid())
            return x.isValid() && !y.isValid();
        // Equal values keep the engine's order, whichever way the column is sorted.
        if (x.toDouble() == y.toDouble())
            return a.rank < b.rank;
        return ascending ? x.toDouble() < y.toDouble() : x.toDouble() > y.toDouble();
    });
}

} // namespace Waymark
