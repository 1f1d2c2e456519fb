// The key-driver ranking as a table: one row per touchpoint of the engine's drivers that has a
// correlation or a share of revenue, with its rank in the engine's order, its stage, the score
// that was correlated, r with its 95% interval and n, and the share of the map's revenue.
// Sorting by any column keeps the rank as the engine gave it; rows without a value for the
// column sort last either way.
#pragma once

#include "entities.h"
#include "metrics/metricsengine.h"

#include <QAbstractTableModel>

namespace Waymark {

class DriversModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        RankColumn,
        TouchpointColumn,
        StageColumn,
        ScoreColumn,
        CorrelationColumn,
        IntervalColumn,
        CountColumn,
        RevenueShareColumn,
        ColumnCount
    };

    enum Role
    {
        TouchpointIdRole = Qt::UserRole + 1, // Id
        MapIdRole,                           // Id
        // The number a column sorts by: double, or an invalid QVariant when the row has none.
        SortValueRole,
        RevenueShareRole, // double 0-1, or invalid: what the bar is drawn from
        LargestShareRole, // double: the largest share of revenue in the table, for bar lengths
    };

    explicit DriversModel(QObject *parent = nullptr);

    // The drivers of one map (all maps for a null id), in the engine's order, then sorted again
    // by the column last asked for.
    void setResult(const Metrics::Result &result, const Id &mapId = {});
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString measureName(Metrics::Measure measure);

private:
    struct Row
    {
        int rank = 0;
        Id touchpointId;
        Id mapId;
        QString title;
        QString stage;
        Metrics::Measure score = Metrics::Measure::Csat;
        std::optional<Stats::Correlation> correlation;
        std::optional<double> revenueShare;
    };

    QVariant sortValue(const Row &row, int column) const;
    QVariant display(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    void sortRows();

    QList<Row> mRows;
    double mLargestShare = 0;
    int mSortColumn = RankColumn;
    Qt::SortOrder mSortOrder = Qt::AscendingOrder;
};

} // namespace Waymark
