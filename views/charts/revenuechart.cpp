#include "revenuechart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

namespace Waymark::Charts {

RevenueChart::RevenueChart(QWidget *parent)
    : ChartPanel(parent)
{
    rebuild();
}

void RevenueChart::setData(const TimeSeries &values)
{
    mData = values;
    rebuild();
}

void RevenueChart::rebuild()
{
    const QString title = tr("Revenue over time");
    qint64 orders = 0;
    double sum = 0;
    double largest = 0;
    for (const TimeSeries::Point &point : mData.points) {
        orders += point.n;
        sum += point.value.value_or(0);
        largest = std::max(largest, point.value.value_or(0));
    }
    if (orders == 0) {
        showEmpty(title, tr("No revenue recorded for this touchpoint yet"));
        return;
    }

    QChart *chart = resetChart();
    auto *set = new QBarSet(tr("Revenue"));
    set->setColor(promoterColor());
    set->setBorderColor(promoterColor());
    set->setLabelColor(textColor());
    QStringList categories;
    for (const TimeSeries::Point &point : mData.points) {
        set->append(std::round(point.value.value_or(0)));
        categories.append(mData.period == Period::Month
                              ? QLocale().toString(point.start, QStringLiteral("MMM yy"))
                              : QLocale().toString(point.start, QStringLiteral("d MMM")));
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    labelBars(series, int(mData.points.size()));
    chart->addSeries(series);

    auto *x = new QBarCategoryAxis;
    x->append(uniqueLabels(categories));
    x->setGridLineVisible(false);
    auto *y = new QValueAxis;
    y->setRange(0, largest * 1.15);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("Revenue"));
    styleAxis(x);
    styleAxis(y);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    showChart(title, orders,
              tr("Total %1 from %n order(s)", "", int(std::min<qint64>(orders, INT_MAX)))
                  .arg(QLocale().toString(sum, 'f', 0)));
}

} // namespace Waymark::Charts
