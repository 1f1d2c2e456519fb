#include "metricsoverlay.h"

#include "mapscene.h"
#include "mapstyle.h"
#include "touchpointcarditem.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QGraphicsView>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Waymark {

using Metrics::Measure;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::MetricsOverlay)
};

constexpr qreal markSize = 18;
constexpr qreal markGap = 3;
constexpr qreal markInset = 10; // from the card's right edge to the last mark
constexpr int legendMargin = 12;
constexpr int legendPadding = 10;
constexpr int legendBarHeight = 14;
constexpr int legendBarWidth = 240;

QLocale locale()
{
    return QLocale();
}

// Sums of money as a badge has room for: 980, 3,100, 48.2k, 1.3M.
QString compactAmount(double amount)
{
    const QLocale l = locale();
    const double size = std::abs(amount);
    if (size < 10000)
        return l.toString(amount, 'f', 0);
    if (size < 1e6)
        return Text::tr("%1k", "thousands").arg(l.toString(amount / 1e3, 'f', size < 1e5 ? 1 : 0));
    return Text::tr("%1M", "millions").arg(l.toString(amount / 1e6, 'f', 1));
}

QString signedNumber(double value)
{
    const QLocale l = locale();
    const int rounded = int(std::lround(value));
    return rounded > 0 ? l.positiveSign() + l.toString(rounded) : l.toString(rounded);
}

QString percent(double rate)
{
    // A small rate keeps a decimal: 1.4% and 0.6% are not both "1%".
    const double value = rate * 100;
    return locale().toString(value, 'f', value < 9.95 && value > 0 ? 1 : 0);
}

// The smallest distance from the map's figure to either end of the scale, so that cards a
// hair apart are not painted as opposites.
double minimumSpread(Measure measure)
{
    switch (measure) {
    case Measure::Nps:
        return 10;
    case Measure::Csat:
    case Measure::Conversion:
        return 0.05;
    case Measure::Ces:
    case Measure::Rating:
        return 0.3;
    case Measure::Revenue:
        return 1;
    }
    return 1;
}

const Metrics::MapResult *mapResultOf(const Metrics::Result &result, const Id &mapId)
{
    for (const Metrics::MapResult &map : result.maps) {
        if (map.id == mapId)
            return &map;
    }
    return nullptr;
}

QString flagKindName(Metrics::Flag::Kind kind)
{
    switch (kind) {
    case Metrics::Flag::Kind::Struggling:
        return Text::tr("Struggling");
    case Metrics::Flag::Kind::DropOff:
        return Text::tr("Drop-off");
    case Metrics::Flag::Kind::Decline:
        return Text::tr("Decline");
    }
    return {};
}

// A flag's glyph in a mark of box: "!" for struggling, an arrow out for drop-off, a falling
// line for a decline. They differ in shape, not only in colour.
QPainterPath glyph(Metrics::Flag::Kind kind, const QRectF &box)
{
    const QPointF c = box.center();
    const qreal u = box.width() / 18;
    QPainterPath path;
    switch (kind) {
    case Metrics::Flag::Kind::Struggling:
        path.moveTo(c.x(), c.y() - 5 * u);
        path.lineTo(c.x(), c.y() + 1.5 * u);
        path.moveTo(c.x(), c.y() + 4.5 * u);
        path.lineTo(c.x(), c.y() + 4.6 * u);
        break;
    case Metrics::Flag::Kind::DropOff:
        path.moveTo(c.x() - 4.5 * u, c.y() - 4 * u);
        path.lineTo(c.x() + 3.5 * u, c.y() + 4 * u);
        path.moveTo(c.x() + 4 * u, c.y() - 1 * u);
        path.lineTo(c.x() + 4 * u, c.y() + 4.5 * u);
        path.lineTo(c.x() - 1.5 * u, c.y() + 4.5 * u);
        break;
    case Metrics::Flag::Kind::Decline:
        path.moveTo(c.x() - 5 * u, c.y() - 3.5 * u);
        path.lineTo(c.x() - 1.5 * u, c.y());
        path.lineTo(c.x() + 0.5 * u, c.y() - 2 * u);
        path.lineTo(c.x() + 5 * u, c.y() + 3.5 * u);
        path.moveTo(c.x() + 5.2 * u, c.y() - 0.5 * u);
        path.lineTo(c.x() + 5.2 * u, c.y() + 3.7 * u);
        path.lineTo(c.x() + 1 * u, c.y() + 3.7 * u);
        break;
    }
    return path;
}

} // namespace

namespace MetricsLook {

std::optional<Figure> figureOf(const Metrics::Figures &figures, Measure measure)
{
    switch (measure) {
    case Measure::Nps:
        if (!figures.nps || figures.nps->n == 0)
            return std::nullopt;
        return Figure{figures.nps->score, figures.nps->score, figures.nps->n};
    case Measure::Csat:
        if (!figures.csatTop2 || figures.csatTop2->n == 0)
            return std::nullopt;
        return Figure{figures.csatTop2->rate, figures.csatTop2->rate, figures.csatTop2->n};
    case Measure::Ces:
        // Less effort is better: the scale is turned round.
        if (!figures.ces || figures.ces->n == 0)
            return std::nullopt;
        return Figure{-figures.ces->mean, figures.ces->mean, figures.ces->n};
    case Measure::Rating:
        if (!figures.rating || figures.rating->n == 0)
            return std::nullopt;
        return Figure{figures.rating->mean, figures.rating->mean, figures.rating->n};
    case Measure::Conversion:
        if (!figures.conversion || figures.conversion->n == 0)
            return std::nullopt;
        return Figure{figures.conversion->rate, figures.conversion->rate, figures.conversion->n};
    case Measure::Revenue:
        if (!figures.revenue || figures.revenue->orders == 0)
            return std::nullopt;
        return Figure{figures.revenue->sum, figures.revenue->sum, figures.revenue->orders};
    }
    return std::nullopt;
}

QString measureName(Measure measure)
{
    switch (measure) {
    case Measure::Nps:
        return Text::tr("NPS");
    case Measure::Csat:
        return Text::tr("CSAT");
    case Measure::Ces:
        return Text::tr("CES");
    case Measure::Rating:
        return Text::tr("Rating");
    case Measure::Conversion:
        return Text::tr("Conversion");
    case Measure::Revenue:
        return Text::tr("Revenue");
    }
    return {};
}

QString valueText(Measure measure, double shown)
{
    switch (measure) {
    case Measure::Nps:
        return signedNumber(shown);
    case Measure::Csat:
    case Measure::Conversion:
        return Text::tr("%1%", "a percentage").arg(percent(shown));
    case Measure::Ces:
    case Measure::Rating:
        return locale().toString(shown, 'f', 1);
    case Measure::Revenue:
        return compactAmount(shown);
    }
    return {};
}

QStringList badgeTexts(Measure measure, const Figure &figure)
{
    const QString value = valueText(measure, figure.shown);
    const QString n = locale().toString(figure.n);
    // TODO: Revenue shows no currency: a dataset does not record which one its sums are in.
    if (measure == Measure::Revenue) {
        const int orders = int(std::min<qint64>(figure.n, std::numeric_limits<int>::max()));
        return {Text::tr("%1 · %Ln order(s)", "revenue on a card", orders).arg(value),
                Text::tr("%1 · n %2", "revenue and orders on a narrow card").arg(value, n), value};
    }
    const QString name = measure == Measure::Conversion ? Text::tr("Conv", "short for conversion")
                                                        : measureName(measure);
    return {
        Text::tr("%1 %2 · n %3", "a metric on a card: name, value, answers").arg(name, value, n),
        Text::tr("%1 %2 n %3", "the same on a narrow card").arg(name, value, n),
        Text::tr("%1 · n %2", "value and answers on a very narrow card").arg(value, n), value};
}

QColor worseColor()
{
    return QColor(0xd5, 0x5e, 0x00); // Okabe and Ito's vermilion
}

QColor betterColor()
{
    return QColor(0x00, 0x72, 0xb2); // and their blue
}

QColor neutralColor()
{
    return QColor(0x76, 0x7c, 0x85);
}

QColor badgeColor(double position)
{
    const double p = std::clamp(position, -1.0, 1.0);
    const QColor end = p < 0 ? worseColor() : betterColor();
    return MapStyle::mix(neutralColor(), end, 0.3 + 0.7 * std::abs(p));
}

QColor heatTint(double position, bool fewAnswers)
{
    const double p = std::clamp(position, -1.0, 1.0);
    QColor tint = p < 0 ? worseColor() : betterColor();
    // At most a little over half the colour: the card's text stays readable on it, and the
    // lightest tint still shows on a washed-out projector.
    const double strength = 0.14 + 0.42 * std::abs(p);
    tint.setAlphaF(float(fewAnswers ? strength * 0.65 : strength));
    return tint;
}

} // namespace MetricsLook

double MetricsScale::position(double value) const
{
    if (spread <= 0)
        return 0;
    if (fromZero)
        return std::clamp(value / spread, 0.0, 1.0);
    return std::clamp((value - middle) / spread, -1.0, 1.0);
}

MetricsFlagItem::MetricsFlagItem(const QList<Metrics::Flag> &flags, TouchpointCardItem *card)
    : QGraphicsItem(card)
    , mFlags(flags)
{
    // Above the card's own children (the annotation markers), in its top right corner.
    setZValue(2);
    // The connector handle sits at the middle of the card's right edge.
    const qreal right = card->mapFromScene(card->handleRect().center()).x();
    const qreal width = flags.size() * markSize + (flags.size() - 1) * markGap;
    setPos(right - markInset - width, -markSize / 2);

    QString tip;
    for (const Metrics::Flag &flag : flags)
        tip += u"<p><b>%1</b>: %2</p>"_s.arg(flagKindName(flag.kind).toHtmlEscaped(),
                                             flag.reason.toHtmlEscaped());
    setToolTip(tip);
    setAcceptHoverEvents(true);
}

QRectF MetricsFlagItem::boundingRect() const
{
    const qreal width = mFlags.size() * markSize + (mFlags.size() - 1) * markGap;
    return QRectF(0, 0, width, markSize).adjusted(-1, -1, 1, 1);
}

void MetricsFlagItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    // Far out the card is a plain tile, and the marks go with its text.
    const qreal detail =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (detail < TouchpointCardItem::SimpleDetail)
        return;

    painter->setRenderHint(QPainter::Antialiasing);
    const QColor ring = scene() ? scene()->palette().color(QPalette::Base) : QColor(Qt::white);
    QPen glyphPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    for (qsizetype i = 0; i < mFlags.size(); ++i) {
        const QRectF box(i * (markSize + markGap), 0, markSize, markSize);
        painter->setPen(QPen(ring, 1.5));
        painter->setBrush(MetricsLook::worseColor());
        painter->drawEllipse(box.adjusted(0.75, 0.75, -0.75, -0.75));
        painter->setPen(glyphPen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(glyph(mFlags.at(i).kind, box));
    }
}

MetricsLegend::MetricsLegend(QWidget *view)
    : QWidget(view)
{
    setObjectName(u"metricsLegend"_s);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    view->installEventFilter(this);
    hide();
}

void MetricsLegend::setScale(const std::optional<MetricsScale> &scale)
{
    mScale = scale;
    mTitle = scale ? Text::tr("Heat map: %1").arg(MetricsLook::measureName(scale->measure))
                   : Text::tr("Heat map: no figures on this map yet");
    updateGeometry();
    place();
    update();
}

QSize MetricsLegend::sizeHint() const
{
    const QFontMetrics titleMetrics(MapStyle::font(14, QFont::DemiBold));
    const QFontMetrics smallMetrics(MapStyle::font(12));
    int width = std::max(titleMetrics.horizontalAdvance(mTitle), legendBarWidth);
    int height = titleMetrics.height();
    if (mScale) {
        width = std::max(width,
                         smallMetrics.horizontalAdvance(
                             Text::tr("Paler: fewer than %1 answers").arg(Metrics::MinimumFlagN)));
        height += 6 + legendBarHeight + 4 + smallMetrics.height() + 4 + smallMetrics.height();
    }
    return QSize(width + 2 * legendPadding, height + 2 * legendPadding);
}

bool MetricsLegend::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        place();
    return QWidget::eventFilter(watched, event);
}

void MetricsLegend::place()
{
    auto *view = qobject_cast<QAbstractScrollArea *>(parentWidget());
    const QRect room = view ? view->viewport()->geometry() : parentWidget()->rect();
    const QSize size = sizeHint();
    setGeometry(room.left() + legendMargin, room.bottom() - legendMargin - size.height(),
                size.width(), size.height());
}

void MetricsLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    QColor back = pal.color(QPalette::Base);
    back.setAlpha(240);
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.setBrush(back);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const QFont titleFont = MapStyle::font(14, QFont::DemiBold);
    const QFont smallFont = MapStyle::font(12);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics smallMetrics(smallFont);
    const QRect inner = rect().adjusted(legendPadding, legendPadding, -legendPadding, 0);
    painter.setPen(pal.color(QPalette::Text));
    painter.setFont(titleFont);
    painter.drawText(inner.left(), inner.top() + titleMetrics.ascent(), mTitle);
    if (!mScale)
        return;

    // The bar: worse to better around the map's figure, or nothing to the most for revenue.
    const QRectF bar(inner.left(), inner.top() + titleMetrics.height() + 6, inner.width(),
                     legendBarHeight);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    if (mScale->fromZero) {
        gradient.setColorAt(0, MapStyle::mix(back, MetricsLook::betterColor(), 0.06));
        gradient.setColorAt(1, MapStyle::mix(back, MetricsLook::betterColor(), 0.56));
    } else {
        gradient.setColorAt(0, MapStyle::mix(back, MetricsLook::worseColor(), 0.56));
        gradient.setColorAt(0.5, MapStyle::mix(back, MetricsLook::neutralColor(), 0.06));
        gradient.setColorAt(1, MapStyle::mix(back, MetricsLook::betterColor(), 0.56));
    }
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.setBrush(gradient);
    painter.drawRoundedRect(bar, 3, 3);

    painter.setFont(smallFont);
    painter.setPen(pal.color(QPalette::Text));
    const qreal labels = bar.bottom() + 4 + smallMetrics.ascent();
    const QString low =
        mScale->fromZero ? mScale->lowText : Text::tr("worse %1").arg(mScale->lowText);
    const QString high =
        mScale->fromZero ? mScale->highText : Text::tr("%1 better").arg(mScale->highText);
    painter.drawText(QPointF(bar.left(), labels), low);
    painter.drawText(QPointF(bar.right() - smallMetrics.horizontalAdvance(high), labels), high);
    if (!mScale->fromZero) {
        const QString middle = Text::tr("map %1").arg(mScale->middleText);
        painter.drawText(
            QPointF(bar.center().x() - smallMetrics.horizontalAdvance(middle) / 2.0, labels),
            middle);
    }
    painter.setPen(MapStyle::mutedTextColor(pal));
    painter.drawText(QPointF(bar.left(), labels + smallMetrics.height() + 4),
                     Text::tr("Paler: fewer than %1 answers").arg(Metrics::MinimumFlagN));
}

MetricsOverlay::MetricsOverlay(MapScene *scene)
    : mScene(scene)
{}

void MetricsOverlay::setResult(std::shared_ptr<const Metrics::Result> result)
{
    if (result == mResult)
        return;
    mResult = std::move(result);
    update();
}

void MetricsOverlay::setBadgesShown(bool shown)
{
    if (shown == mBadges)
        return;
    mBadges = shown;
    update();
}

void MetricsOverlay::setHeatMode(bool heat)
{
    if (heat == mHeat)
        return;
    mHeat = heat;
    update();
}

MetricsFlagItem *MetricsOverlay::flagItem(const TouchpointCardItem *card)
{
    for (QGraphicsItem *child : card->childItems()) {
        if (child->type() == MetricsFlagItem::Type)
            return static_cast<MetricsFlagItem *>(child);
    }
    return nullptr;
}

MetricsLegend *MetricsOverlay::legend(const QWidget *view)
{
    auto *legend = view->findChild<MetricsLegend *>(QString(), Qt::FindDirectChildrenOnly);
    return legend && !legend->isHidden() ? legend : nullptr;
}

void MetricsOverlay::update()
{
    mTouchpoints.clear();
    mScale.reset();
    const JourneyMap *map = mScene->map();
    const Metrics::MapResult *mapResult = mResult && map ? mapResultOf(*mResult, map->id) : nullptr;
    if (mapResult) {
        for (const Metrics::TouchpointResult &tp : mResult->touchpoints) {
            if (tp.mapId == map->id)
                mTouchpoints.insert(tp.id, &tp);
        }

        // The scale reaches as far as the cards go, judged by those with enough answers to
        // say something when there are any.
        MetricsScale scale;
        scale.measure = mapResult->headline;
        scale.fromZero = scale.measure == Measure::Revenue;
        const std::optional<MetricsLook::Figure> pooled =
            MetricsLook::figureOf(mapResult->figures, scale.measure);
        if (pooled) {
            scale.middle = scale.fromZero ? 0 : pooled->value;
            double reach = 0;
            double reachOfFew = 0;
            double lowest = pooled->shown, highest = pooled->shown;
            for (const Metrics::TouchpointResult *tp : std::as_const(mTouchpoints)) {
                const std::optional<MetricsLook::Figure> f =
                    MetricsLook::figureOf(tp->figures, scale.measure);
                if (!f)
                    continue;
                const double distance = std::abs(f->value - scale.middle);
                double &into = f->n >= Metrics::MinimumFlagN ? reach : reachOfFew;
                into = std::max(into, distance);
                lowest = std::min(lowest, f->shown);
                highest = std::max(highest, f->shown);
            }
            scale.spread = std::max(reach > 0 ? reach : reachOfFew, minimumSpread(scale.measure));
            if (scale.fromZero) {
                scale.lowText = MetricsLook::valueText(scale.measure, 0);
                scale.highText = MetricsLook::valueText(scale.measure, scale.spread);
            } else {
                // CES runs the other way: its worse end is the higher figure.
                const bool turned = scale.measure == Measure::Ces;
                scale.lowText = MetricsLook::valueText(scale.measure, turned ? highest : lowest);
                scale.highText = MetricsLook::valueText(scale.measure, turned ? lowest : highest);
                scale.middleText = MetricsLook::valueText(scale.measure, pooled->shown);
            }
            mScale = scale;
        }
    }

    for (TouchpointCardItem *card : mScene->cards())
        decorate(card);
    updateLegends();
}

void MetricsOverlay::decorate(TouchpointCardItem *card) const
{
    const Metrics::TouchpointResult *tp = mTouchpoints.value(card->touchpointId());
    std::optional<Measure> measure;
    std::optional<MetricsLook::Figure> figure;
    if (tp && mScale) {
        measure = mScale->measure;
        figure = MetricsLook::figureOf(tp->figures, *measure);
        // A map left on Automatic: a card without its measure shows the first one it has,
        // uncoloured, since the map's scale says nothing about it.
        const JourneyMap *map = mScene->map();
        if (!figure && map && map->headline == HeadlineMetric::Automatic) {
            for (Measure m : {Measure::Nps, Measure::Csat, Measure::Ces, Measure::Rating,
                              Measure::Conversion, Measure::Revenue}) {
                if ((figure = MetricsLook::figureOf(tp->figures, m))) {
                    measure = m;
                    break;
                }
            }
        }
    }

    const bool onScale = figure && measure == mScale->measure;
    const double position = onScale ? mScale->position(figure->value) : 0;
    const bool few = figure && figure->n < Metrics::MinimumFlagN;

    QString text;
    if (mBadges && figure) {
        // TODO: A card with markers of all three annotation kinds has no room left for its
        // metric badge and shows none; its figures are still in the data dock and charts.
        const QFontMetricsF metrics(MapStyle::badgeFont());
        const qreal room = card->metricBadgeRoom();
        for (const QString &candidate : MetricsLook::badgeTexts(*measure, *figure)) {
            if (metrics.horizontalAdvance(candidate) <= room) {
                text = candidate;
                break;
            }
        }
    }
    if (text.isEmpty())
        card->clearMetricBadge();
    else
        card->setMetricBadge(text, onScale ? MetricsLook::badgeColor(position)
                                           : MetricsLook::neutralColor());

    // In heat mode a card without figures keeps its body, and its far-zoom tile turns a
    // neutral grey rather than its lane's colour, which could read as a place on the scale.
    QColor tint;
    if (mHeat) {
        tint = onScale ? MetricsLook::heatTint(position, few) : MetricsLook::neutralColor();
        if (!onScale)
            tint.setAlpha(0);
    }
    card->setHeatTint(tint);

    MetricsFlagItem *marker = flagItem(card);
    const QList<Metrics::Flag> flags = tp ? tp->flags : QList<Metrics::Flag>();
    if (marker && (flags.isEmpty() || marker->flags().size() != flags.size() ||
                   !std::equal(flags.cbegin(), flags.cend(), marker->flags().cbegin(),
                               [](const Metrics::Flag &a, const Metrics::Flag &b) {
                                   return a.kind == b.kind && a.reason == b.reason;
                               }))) {
        delete marker;
        marker = nullptr;
    }
    if (!marker && !flags.isEmpty())
        new MetricsFlagItem(flags, card);
}

void MetricsOverlay::updateLegends()
{
    for (QGraphicsView *view : mScene->views()) {
        auto *legend = view->findChild<MetricsLegend *>(QString(), Qt::FindDirectChildrenOnly);
        if (!mHeat) {
            if (legend)
                legend->hide();
            continue;
        }
        if (!legend)
            legend = new MetricsLegend(view);
        legend->setScale(mScale);
        legend->show();
        legend->raise();
    }
}

} // namespace Waymark
