#include "funnelchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <cmath>

namespace Waymark::Charts {

FunnelChart::FunnelChart(QWidget *parent)
    : ChartPanel(parent)
{
    rebuild();
}

void FunnelChart::setData(const Funnel &values)
{
    mData = values;
    rebuild();
}

void FunnelChart::rebuild()
{
    const QString title = mData.name.isEmpty() ? tr("Funnel and drop-off")
                                               : tr("Funnel and drop-off: %1").arg(mData.name);
    if (mData.steps.isEmpty() || mData.steps.first().count == 0) {
        showEmpty(title, tr("No path or funnel data for this map yet"));
        return;
    }

    QChart *chart = resetChart();
    auto *set = new QBarSet(tr("Reached"));
    set->setColor(accentColor());
    set->setBorderColor(accentColor());
    set->setLabelColor(textColor());
    // Horizontal bars, the first step on top, so that the names of a long funnel (a
    // persona's path of a dozen cards) have the width of the panel to themselves.
    QStringList categories;
    qint64 largest = 0;
    for (qsizetype i = mData.steps.size() - 1; i >= 0; --i) {
        const Funnel::Step &step = mData.steps[i];
        set->append(double(step.count));
        largest = std::max(largest, step.count);
        // The drop-off is what was lost on the way to this step; a step that more customers
        // reached than the one before lost none and says nothing.
        const bool lostSome = i > 0 && std::round(step.dropOffPct) >= 1;
        const QString lost = QLocale().toString(step.dropOffPct, 'f', 0);
        categories.append(lostSome ? tr("%1 (−%2%)").arg(step.name, lost) : step.name);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.75);
    labelBars(series, int(mData.steps.size()));
    chart->addSeries(series);

    auto *names = new QBarCategoryAxis;
    names->append(uniqueLabels(categories));
    names->setGridLineVisible(false);
    auto *counts = new QValueAxis;
    counts->setRange(0, double(largest) * 1.15);
    counts->applyNiceNumbers();
    counts->setLabelFormat(QStringLiteral("%d"));
    counts->setTitleText(tr("Customers"));
    styleAxis(names);
    styleAxis(counts);
    chart->addAxis(names, Qt::AlignLeft);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(names);
    series->attachAxis(counts);
    // A row per step that a projector can read.
    chartView()->setMinimumHeight(std::max(260, 90 + 30 * int(mData.steps.size())));
    chart->legend()->hide();

    const Funnel::Step &first = mData.steps.first();
    const Funnel::Step &last = mData.steps.last();
    const double kept = 100.0 * double(last.count) / double(first.count);
    showChart(title, first.count,
              tr("%1% reach “%2”").arg(QLocale().toString(kept, 'f', 0), last.name));
}

} // namespace Waymark::Charts
