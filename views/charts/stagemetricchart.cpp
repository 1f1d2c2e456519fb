#include "stagemetricchart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace Waymark::Charts {

StageMetricChart::StageMetricChart(QWidget *parent)
    : ChartPanel(parent)
{
    rebuild();
}

void StageMetricChart::setData(const StageMetric &values)
{
    mData = values;
    rebuild();
}

void StageMetricChart::rebuild()
{
    const QString title =
        mData.measure.isEmpty() ? tr("Metric per stage") : tr("%1 per stage").arg(mData.measure);
    qint64 n = 0;
    bool any = false;
    for (const StageMetric::Stage &stage : mData.stages) {
        n += stage.n;
        any = any || stage.value.has_value();
    }
    if (!any) {
        showEmpty(title, tr("No stage of this map has answers for this measure yet"));
        return;
    }

    QChart *chart = resetChart();
    const qsizetype count = mData.stages.size();
    auto *x = new QCategoryAxis;
    x->setRange(-0.5, double(count) - 0.5);
    QStringList names;
    for (const StageMetric::Stage &stage : mData.stages)
        names.append(stage.name);
    names = uniqueLabels(names);
    for (qsizetype i = 0; i < count; ++i)
        x->append(names[i], double(i) + 0.5);
    x->setGridLineVisible(false);
    auto *y = new QValueAxis;
    y->setTitleText(mData.measure);
    styleAxis(x);
    styleAxis(y);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    auto *points = new QScatterSeries;
    points->setName(mData.measure.isEmpty() ? tr("Value") : mData.measure);
    points->setColor(accentColor());
    points->setBorderColor(accentColor());
    points->setMarkerSize(14);
    points->setPointLabelsVisible(true);
    points->setPointLabelsFormat(QStringLiteral("@yPoint"));
    points->setPointLabelsColor(textColor());
    points->setPointLabelsFont(chart->legend()->font());
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    bool firstWhisker = true;
    for (qsizetype i = 0; i < count; ++i) {
        const StageMetric::Stage &stage = mData.stages[i];
        if (!stage.value)
            continue;
        points->append(double(i), std::round(*stage.value * 10) / 10);
        low = std::min(low, *stage.value);
        high = std::max(high, *stage.value);
        if (!stage.interval)
            continue;
        auto *whisker = new QLineSeries;
        whisker->setName(tr("95% interval"));
        whisker->setPen(QPen(mutedColor(), 2.5));
        whisker->append(double(i), stage.interval->low);
        whisker->append(double(i), stage.interval->high);
        low = std::min(low, stage.interval->low);
        high = std::max(high, stage.interval->high);
        chart->addSeries(whisker);
        whisker->attachAxis(x);
        whisker->attachAxis(y);
        if (!firstWhisker) {
            const QList<QLegendMarker *> markers = chart->legend()->markers(whisker);
            for (QLegendMarker *marker : markers)
                marker->setVisible(false);
        }
        firstWhisker = false;
    }
    chart->addSeries(points);
    points->attachAxis(x);
    points->attachAxis(y);
    const double pad = std::max(0.1 * (high - low), 0.5);
    y->setRange(low - pad, high + pad);
    y->applyNiceNumbers();
    showChart(title, n);
}

} // namespace Waymark::Charts
