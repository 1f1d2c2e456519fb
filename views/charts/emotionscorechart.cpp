#include "emotionscorechart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

namespace Waymark::Charts {

EmotionScoreChart::EmotionScoreChart(QWidget *parent)
    : ChartPanel(parent)
{
    rebuild();
}

void EmotionScoreChart::setData(const EmotionScore &values)
{
    mData = values;
    rebuild();
}

void EmotionScoreChart::rebuild()
{
    const QString title = tr("Emotion and measured score per stage");
    bool anyEmotion = false;
    for (const EmotionScore::Curve &curve : mData.personas)
        for (const std::optional<double> &emotion : curve.emotions)
            anyEmotion = anyEmotion || emotion.has_value();
    bool anyScore = false;
    for (const std::optional<double> &score : mData.scores)
        anyScore = anyScore || score.has_value();
    if (mData.stages.isEmpty() || (!anyEmotion && !anyScore)) {
        showEmpty(title, tr("No persona emotions or measured scores on this map yet"));
        return;
    }

    QChart *chart = resetChart();
    const qsizetype count = mData.stages.size();
    auto *x = new QBarCategoryAxis;
    x->append(uniqueLabels(mData.stages));
    x->setGridLineVisible(false);
    auto *emotion = new QValueAxis;
    emotion->setRange(-3, 3);
    emotion->setTickCount(7);
    emotion->setLabelFormat(QStringLiteral("%+d"));
    emotion->setTitleText(tr("Emotion"));
    auto *score = new QValueAxis;
    score->setTitleText(mData.measure.isEmpty() ? tr("Score") : mData.measure);
    score->setGridLineVisible(false);
    styleAxis(x);
    styleAxis(emotion);
    emotion->setTickCount(7); // one gridline per step of the emotion scale
    styleAxis(score);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(emotion, Qt::AlignLeft);
    chart->addAxis(score, Qt::AlignRight);

    auto *scores = new QBarSet(mData.measure.isEmpty() ? tr("Measured score") : mData.measure);
    scores->setColor(softAccentColor());
    scores->setBorderColor(softAccentColor());
    scores->setLabelColor(textColor());
    double low = 0;
    double high = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const double value = i < mData.scores.size() ? mData.scores[i].value_or(0) : 0;
        scores->append(std::round(value));
        low = std::min(low, value);
        high = std::max(high, value);
    }
    auto *bars = new QBarSeries;
    bars->append(scores);
    bars->setBarWidth(0.55);
    labelBars(bars, int(count));
    chart->addSeries(bars);
    bars->attachAxis(x);
    bars->attachAxis(score);
    // Zero of the score on the emotion's zero, so that "above the line" means the same.
    const double reach = std::max({std::abs(low), std::abs(high), 1.0}) * 1.15;
    score->setRange(-reach, reach);

    for (const EmotionScore::Curve &curve : mData.personas) {
        // A stage the persona does not pass through breaks its curve.
        bool first = true;
        for (qsizetype i = 0; i < count;) {
            if (i >= curve.emotions.size() || !curve.emotions[i]) {
                ++i;
                continue;
            }
            auto *line = new QLineSeries;
            line->setName(curve.persona);
            line->setPen(QPen(curve.color.isValid() ? curve.color : accentColor(), 3.5));
            line->setPointsVisible(true);
            for (; i < count && i < curve.emotions.size() && curve.emotions[i]; ++i)
                line->append(double(i), *curve.emotions[i]);
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(emotion);
            if (!first) {
                const QList<QLegendMarker *> markers = chart->legend()->markers(line);
                for (QLegendMarker *marker : markers)
                    marker->setVisible(false);
            }
            first = false;
        }
    }
    showChart(title, -1); // curves are drawn, not counted: no n
}

} // namespace Waymark::Charts
