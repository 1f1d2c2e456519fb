#include "npsbreakdownchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

namespace Waymark::Charts {

namespace {

QString signedScore(double score)
{
    const QString number = QLocale().toString(score, 'f', 0);
    return score > 0.5 ? u'+' + number : number;
}

} // namespace

NpsBreakdownChart::NpsBreakdownChart(QWidget *parent)
    : ChartPanel(parent)
{
    rebuild();
}

void NpsBreakdownChart::setData(const NpsBreakdown &values)
{
    mData = values;
    rebuild();
}

void NpsBreakdownChart::rebuild()
{
    const QString title = tr("Net Promoter Score");
    const qint64 n = mData.n();
    if (n == 0) {
        showEmpty(title, tr("No NPS answers for this touchpoint yet"));
        return;
    }

    QChart *chart = resetChart();
    auto *series = new QHorizontalStackedBarSeries;
    struct Part
    {
        QString name;
        qint64 count;
        QColor color;
    };
    const QList<Part> parts = {{tr("Detractors (0–6)"), mData.detractors, detractorColor()},
                               {tr("Passives (7–8)"), mData.passives, passiveColor()},
                               {tr("Promoters (9–10)"), mData.promoters, promoterColor()}};
    for (const Part &part : parts) {
        auto *set = new QBarSet(part.name);
        // Shares rounded to whole percents: finer digits are noise on a projector.
        set->append(std::round(100.0 * double(part.count) / double(n)));
        set->setColor(part.color);
        set->setBorderColor(part.color);
        set->setLabelColor(Qt::white);
        series->append(set);
    }
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value%"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsCenter);
    chart->addSeries(series);

    auto *y = new QBarCategoryAxis;
    y->append(tr("NPS"));
    y->setVisible(false);
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setLabelFormat(QStringLiteral("%d%"));
    x->setTickCount(5);
    styleAxis(y);
    styleAxis(x);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);

    const QString score = tr("NPS %1").arg(signedScore(mData.score));
    const QString headline = mData.interval ? tr("%1 (95% interval %2 to %3)")
                                                  .arg(score, signedScore(mData.interval->low),
                                                       signedScore(mData.interval->high))
                                            : tr("%1 (too few answers for an interval)").arg(score);
    showChart(title, n, headline);
}

} // namespace Waymark::Charts
