#include "distributionchart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

namespace Waymark::Charts {

DistributionChart::DistributionChart(QWidget *parent)
    : ChartPanel(parent)
{
    rebuild();
}

void DistributionChart::setData(const Distribution &values)
{
    mData = values;
    rebuild();
}

void DistributionChart::rebuild()
{
    const QString title = mData.measure.isEmpty() ? tr("Score distribution")
                                                  : tr("Score distribution: %1").arg(mData.measure);
    const qint64 total = mData.total();
    if (total == 0) {
        showEmpty(title, tr("No answers for this touchpoint yet"));
        return;
    }

    QChart *chart = resetChart();
    auto *set = new QBarSet(tr("Answers"));
    set->setColor(accentColor());
    set->setBorderColor(accentColor());
    set->setLabelColor(textColor());
    QStringList categories;
    qint64 largest = 0;
    // Only the value under each bar: Qt Charts draws a line break as a space and elides what
    // does not fit, so a share under the value came out as "3 …" in a dock.
    for (const Distribution::Bin &bin : mData.bins) {
        set->append(double(bin.count));
        largest = std::max(largest, bin.count);
        categories.append(QLocale().toString(bin.value));
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    labelBars(series, int(mData.bins.size()));
    chart->addSeries(series);

    auto *x = new QBarCategoryAxis;
    x->append(uniqueLabels(categories));
    x->setGridLineVisible(false);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    // Headroom above the tallest bar for its label.
    y->setRange(0, double(largest) * 1.15);
    y->applyNiceNumbers();
    y->setTitleText(tr("Answers"));
    styleAxis(x);
    styleAxis(y);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    showChart(title, total);
}

} // namespace Waymark::Charts
