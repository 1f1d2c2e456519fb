// A map's figures on its canvas: each card's headline metric as a badge with its n, coloured
// by how the card compares with the rest of the map; in heat mode the cards' bodies tinted on
// the same scale, with a legend in the view's corner; and a marker for each struggle flag,
// whose tooltip says why it was raised. Like the personas' overlay, this is the canvas's own
// view of the figures: it makes no undo step and lasts as long as the scene does.
#pragma once

#include "entities.h"
#include "metrics/metricsengine.h"

#include <QColor>
#include <QCoreApplication>
#include <QGraphicsItem>
#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

namespace Waymark {

class MapScene;
class TouchpointCardItem;

namespace MetricsLook {

// One measure's figure for a card or a map: value oriented so that higher is better (CES
// turned round), shown as people read it, and the number of answers (orders, for revenue).
struct Figure
{
    double value = 0;
    double shown = 0;
    qint64 n = 0;
};
std::optional<Figure> figureOf(const Metrics::Figures &figures, Metrics::Measure measure);

// The measure's short name ("NPS", "CSAT") and a figure's value as a badge writes it.
QString measureName(Metrics::Measure measure);
QString valueText(Metrics::Measure measure, double shown);
// The badge's text: the widest form first, then shorter ones for a narrow card, the last
// the value alone.
QStringList badgeTexts(Metrics::Measure measure, const Figure &figure);

// The colours of the scale, readable for people who do not tell red from green: orange for
// worse than the map, blue for better, a neutral grey between.
QColor worseColor();
QColor betterColor();
QColor neutralColor();
// A badge's fill at position (-1 worst to 1 best; 0 is the map's own figure).
QColor badgeColor(double position);
// A card body's tint at position: the scale's colour, its alpha saying how strongly it is
// laid over the card. Paler for a card with fewer answers than a flag needs.
QColor heatTint(double position, bool fewAnswers);

} // namespace MetricsLook

// How a map's cards are placed on the colour scale: around the map's own figure, as far
// either way as the cards go. Revenue is not better or worse, only more: its scale runs from
// nothing to the map's largest figure.
struct MetricsScale
{
    Metrics::Measure measure = Metrics::Measure::Nps;
    bool fromZero = false; // revenue
    double middle = 0;     // oriented, as MetricsLook::Figure::value
    double spread = 1;
    QString lowText, middleText, highText;

    double position(double value) const; // -1 to 1 (0 to 1 from zero)
};

// The marker of a card's struggle flags: one mark per flag along the card's top edge.
class MetricsFlagItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 30
    };

    MetricsFlagItem(const QList<Metrics::Flag> &flags, TouchpointCardItem *card);

    int type() const override { return Type; }
    const QList<Metrics::Flag> &flags() const { return mFlags; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QList<Metrics::Flag> mFlags;
};

// The key to the heat colours, in a corner of the map's view.
class MetricsLegend : public QWidget
{
    Q_OBJECT

public:
    explicit MetricsLegend(QWidget *view);

    void setScale(const std::optional<MetricsScale> &scale);
    QString title() const { return mTitle; }

    QSize sizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void place();

    std::optional<MetricsScale> mScale;
    QString mTitle;
};

class MetricsOverlay
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::MetricsOverlay)

public:
    explicit MetricsOverlay(MapScene *scene);

    // The document's latest figures (MetricsController::result()); null: none.
    void setResult(std::shared_ptr<const Metrics::Result> result);
    std::shared_ptr<const Metrics::Result> result() const { return mResult; }

    void setBadgesShown(bool shown);
    bool badgesShown() const { return mBadges; }
    void setHeatMode(bool heat);
    bool heatMode() const { return mHeat; }

    // The measure the map's cards are compared by, and its scale; nullopt without figures.
    const std::optional<MetricsScale> &scale() const { return mScale; }

    // Puts badge, tint and flag marker on a card the scene has just made.
    void decorate(TouchpointCardItem *card) const;

    static MetricsFlagItem *flagItem(const TouchpointCardItem *card);
    // The legend in a view of the scene, or nullptr while heat mode is off.
    static MetricsLegend *legend(const QWidget *view);

private:
    void update();
    void updateLegends();

    MapScene *mScene;
    std::shared_ptr<const Metrics::Result> mResult;
    QHash<Id, const Metrics::TouchpointResult *> mTouchpoints;
    std::optional<MetricsScale> mScale;
    bool mBadges = true;
    bool mHeat = false;
};

} // namespace Waymark
