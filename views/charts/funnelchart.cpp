#include "funnelchart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

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
    QStringList categories;
    qint64 largest = 0;
    for (qsizetype i = 0; i < mData.steps.size(); ++i) {
        const Funnel::Step &step = mData.steps[i];
        set->append(double(step.count));
        largest = std::max(largest, step.count);
        // TODO: Qt Charts draws the line break as a space and elides long step names, so on a
        // narrow panel the drop-off percentage is cut off; it should be drawn between the bars.
        // The drop-off belongs between two bars; under the later one it reads "lost on the way
        // here".
        const QString lost = QLocale().toString(step.dropOffPct, 'f', 0);
        categories.append(i == 0 ? step.name : tr("%1\n−%2% lost").arg(step.name, lost));
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.75);
    labelBars(series, int(mData.steps.size()));
    chart->addSeries(series);

    auto *x = new QBarCategoryAxis;
    x->append(uniqueLabels(categories));
    x->setGridLineVisible(false);
    auto *y = new QValueAxis;
    y->setRange(0, double(largest) * 1.15);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("Customers"));
    styleAxis(x);
    styleAxis(y);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();

    const Funnel::Step &first = mData.steps.first();
    const Funnel::Step &last = mData.steps.last();
    const double kept = 100.0 * double(last.count) / double(first.count);
    showChart(title, first.count,
              tr("%1% reach “%2”").arg(QLocale().toString(kept, 'f', 0), last.name));
}

} // namespace Waymark::Charts
