#include "trendchart.h"

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QButtonGroup>
#include <QCategoryAxis>
#include <QChart>
#include <QHBoxLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolButton>
#include <QValueAxis>

namespace Waymark::Charts {

namespace {

QString periodLabel(const QDate &start, Period period)
{
    if (period == Period::Month)
        return QLocale().toString(start, QStringLiteral("MMM yyyy"));
    return QLocale().toString(start, QStringLiteral("d MMM"));
}

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        marker->setVisible(false);
}

} // namespace

TrendChart::TrendChart(QWidget *parent)
    : ChartPanel(parent)
    , mWeek(new QToolButton(this))
    , mMonth(new QToolButton(this))
{
    auto *group = new QButtonGroup(this);
    for (QToolButton *button : {mWeek, mMonth}) {
        button->setCheckable(true);
        group->addButton(button);
        toolsLayout()->addWidget(button);
    }
    mMonth->setChecked(true);
    connect(mWeek, &QToolButton::clicked, this, [this] { setPeriod(Period::Week); });
    connect(mMonth, &QToolButton::clicked, this, [this] { setPeriod(Period::Month); });
    retranslate();
    rebuild();
}

void TrendChart::retranslate()
{
    mWeek->setText(tr("Weekly"));
    mMonth->setText(tr("Monthly"));
}

void TrendChart::setData(const TimeSeries &weekly, const TimeSeries &monthly)
{
    mWeekly = weekly;
    mMonthly = monthly;
    rebuild();
}

void TrendChart::setPeriod(Period period)
{
    if (period == mPeriod)
        return;
    mPeriod = period;
    (period == Period::Week ? mWeek : mMonth)->setChecked(true);
    rebuild();
}

const TimeSeries &TrendChart::current() const
{
    return mPeriod == Period::Week ? mWeekly : mMonthly;
}

void TrendChart::rebuild()
{
    const TimeSeries &series = current();
    const QString title =
        series.measure.isEmpty() ? tr("Trend") : tr("%1 over time").arg(series.measure);
    qint64 total = 0;
    for (const TimeSeries::Point &point : series.points)
        total += point.n;
    if (total == 0) {
        showEmpty(title, tr("No dated answers for this touchpoint yet"));
        return;
    }

    QChart *chart = resetChart();
    const qsizetype count = series.points.size();
    auto *x = new QCategoryAxis;
    x->setRange(-0.5, double(count) - 0.5);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // About eight labels fit a panel's width at projector size.
    const qsizetype every = std::max<qsizetype>(1, (count + 7) / 8);
    for (qsizetype i = 0; i < count; i += every)
        x->append(periodLabel(series.points[i].start, series.period), double(i));
    x->setGridLineVisible(false);
    auto *y = new QValueAxis;
    y->setTitleText(series.measure);
    auto *yN = new QValueAxis;
    yN->setTitleText(tr("n"));
    yN->setLabelFormat(QStringLiteral("%d"));
    yN->setGridLineVisible(false);
    styleAxis(x);
    styleAxis(y);
    styleAxis(yN);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(yN, Qt::AlignRight);

    // n first, so that the line and its band are drawn over the bars.
    auto *nSet = new QBarSet(tr("n per period"));
    nSet->setColor(gridColor());
    nSet->setBorderColor(gridColor());
    qint64 largestN = 0;
    for (const TimeSeries::Point &point : series.points) {
        nSet->append(double(point.n));
        largestN = std::max(largestN, point.n);
    }
    auto *nSeries = new QBarSeries;
    nSeries->append(nSet);
    nSeries->setBarWidth(0.6);
    chart->addSeries(nSeries);
    nSeries->attachAxis(x);
    nSeries->attachAxis(yN);
    // The bars use the lower third, so that they stay under the line.
    yN->setRange(0, double(largestN) * 3);

    // Each run of periods with a value is its own line and band: an empty period is a gap.
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    bool firstRun = true;
    for (qsizetype i = 0; i < count;) {
        if (!series.points[i].value) {
            ++i;
            continue;
        }
        auto *line = new QLineSeries;
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        for (; i < count && series.points[i].value; ++i) {
            const TimeSeries::Point &point = series.points[i];
            line->append(double(i), *point.value);
            const Interval band = point.interval.value_or(Interval{*point.value, *point.value});
            upper->append(double(i), band.high);
            lower->append(double(i), band.low);
            low = std::min({low, band.low, *point.value});
            high = std::max({high, band.high, *point.value});
        }
        auto *area = new QAreaSeries(upper, lower);
        area->setName(tr("95% interval"));
        area->setColor(softAccentColor());
        area->setBorderColor(softAccentColor());
        area->setOpacity(0.6);
        chart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
        line->setName(series.measure.isEmpty() ? tr("Value") : series.measure);
        line->setPen(QPen(accentColor(), 3));
        line->setPointsVisible(true);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        if (!firstRun) {
            hideFromLegend(chart, area);
            hideFromLegend(chart, line);
        }
        firstRun = false;
    }
    if (low > high) {
        low = 0;
        high = 1;
    }
    const double pad = std::max(0.05 * (high - low), 0.5);
    y->setRange(low - pad, high + pad);
    y->applyNiceNumbers();
    showChart(title, total);
}

} // namespace Waymark::Charts
