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
        // The drop-off belongs between two bars; under the later one it reads "lost on the way
        // here". Qt Charts draws a line break as a space, so it stays on the name's line.
        const QString lost = QLocale().toString(step.dropOffPct, 'f', 0);
        categories.append(i == 0 ? step.name : tr("%1 (−%2%)").arg(step.name, lost));
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.75);
    labelBars(series, int(mData.steps.size()));
    chart->addSeries(series);

    auto *x = new QBarCategoryAxis;
    x->append(uniqueLabels(categories));
    x->setGridLineVisible(false);
    // TODO: Qt Charts elides the names of a funnel of many steps to a letter or two (a persona's
    // path of a dozen cards); such a funnel would read better as horizontal bars.
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
