#include "emotioncurveitem.h"

#include "commands.h"
#include "document.h"
#include "mapstyle.h"

#include <QCoreApplication>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Waymark {

using namespace MapStyle;

namespace {

constexpr qreal legendBand = 40; // above the +3 line
constexpr qreal bottomPad = 18;  // below the −3 line
constexpr qreal labelWidth = 30; // the scores written at the left
constexpr qreal pointRadius = 7;
constexpr qreal hoverRadius = 9;
constexpr qreal grabRadius = 12;
constexpr qreal curveWidth = 3.5;
// Below this scale points are too small to aim at, and the legend too small to read.
constexpr qreal pointDetail = 0.45;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::EmotionCurveItem)
};

QString signedScore(int score)
{
    // A real minus sign: the hyphen reads as a dash on a projector.
    if (score > 0)
        return u"+"_s + QString::number(score);
    if (score < 0)
        return u"\u2212"_s + QString::number(-score);
    return u"0"_s;
}

QString scoreWords(int score)
{
    switch (score) {
    case -3:
        return Text::tr("very negative");
    case -2:
        return Text::tr("negative");
    case -1:
        return Text::tr("slightly negative");
    case 0:
        return Text::tr("neutral");
    case 1:
        return Text::tr("slightly positive");
    case 2:
        return Text::tr("positive");
    default:
        return Text::tr("very positive");
    }
}

// Each drag of a point has an id of its own: its commands merge into one undo step, and
// never into those of the drag before.
int nextGesture()
{
    static int gestures = 0;
    return ++gestures;
}

} // namespace

EmotionChartItem::EmotionChartItem(const QRectF &rect)
    : mRect(rect)
{
    setAcceptedMouseButtons(Qt::NoButton);
}

QRectF EmotionChartItem::plotRect(const QRectF &chartRect)
{
    return chartRect.adjusted(0, legendBand, 0, -bottomPad);
}

qreal EmotionChartItem::yForScore(const QRectF &plotRect, qreal score)
{
    const qreal span = PersonaStep::MaxEmotion - PersonaStep::MinEmotion;
    return plotRect.bottom() - (score - PersonaStep::MinEmotion) / span * plotRect.height();
}

int EmotionChartItem::scoreAt(const QRectF &plotRect, qreal y)
{
    const qreal span = PersonaStep::MaxEmotion - PersonaStep::MinEmotion;
    const qreal score =
        PersonaStep::MinEmotion + (plotRect.bottom() - y) / plotRect.height() * span;
    return std::clamp(int(std::lround(score)), PersonaStep::MinEmotion, PersonaStep::MaxEmotion);
}

void EmotionChartItem::setLabelLeft(qreal sceneX)
{
    if (qFuzzyCompare(sceneX, mLabelLeft))
        return;
    mLabelLeft = sceneX;
    update();
}

void EmotionChartItem::setLegend(const QList<LegendEntry> &entries)
{
    mLegend = entries;
    update();
}

QRectF EmotionChartItem::boundingRect() const
{
    return mRect;
}

QPainterPath EmotionChartItem::shape() const
{
    return {};
}

void EmotionChartItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor muted = mutedTextColor(palette);
    const QRectF plot = plotRect();
    const qreal labelLeft = std::clamp(mLabelLeft, mRect.left(), mRect.right() - 200);
    const qreal detail =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());

    // A lighter band sets the chart apart from the feelings cards above it.
    painter->setRenderHint(QPainter::Antialiasing);
    QColor band = palette.color(QPalette::Base);
    band.setAlphaF(0.55);
    painter->setPen(Qt::NoPen);
    painter->setBrush(band);
    painter->drawRoundedRect(mRect.adjusted(4, 2, -4, -4), 5, 5);

    painter->setRenderHint(QPainter::Antialiasing, false);
    for (int score = PersonaStep::MinEmotion; score <= PersonaStep::MaxEmotion; ++score) {
        const qreal y = yForScore(plot, score);
        QColor line = score == 0 ? muted : gridLineColor(palette);
        painter->setPen(QPen(line, score == 0 ? 1.5 : 1, score == 0 ? Qt::SolidLine : Qt::DotLine));
        painter->drawLine(QPointF(labelLeft + labelWidth, y), QPointF(plot.right() - 8, y));
    }
    if (detail < pointDetail)
        return;

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font(12, QFont::DemiBold));
    painter->setPen(muted);
    for (int score = PersonaStep::MinEmotion; score <= PersonaStep::MaxEmotion; ++score) {
        const QRectF label(labelLeft, yForScore(plot, score) - 9, labelWidth - 4, 18);
        painter->drawText(label, Qt::AlignRight | Qt::AlignVCenter, signedScore(score));
    }
    painter->setFont(font(11));
    const qreal zeroY = yForScore(plot, 0);
    painter->drawText(QRectF(labelLeft + labelWidth + 4, zeroY - 16, 120, 14),
                      Qt::AlignLeft | Qt::AlignVCenter, Text::tr("neutral"));

    // The legend: a stretch of each curve's line, and whose it is.
    const QFont legendFont = font(13, QFont::Medium);
    const QFontMetricsF metrics(legendFont);
    painter->setFont(legendFont);
    qreal x = labelLeft + 14;
    const qreal y = mRect.top() + legendBand / 2;
    painter->setPen(muted);
    const QString title = Text::tr("Emotion:");
    painter->drawText(QPointF(x, y + metrics.ascent() / 2 - 1), title);
    x += metrics.horizontalAdvance(title) + 12;
    for (const LegendEntry &entry : std::as_const(mLegend)) {
        QPen pen(entry.color, curveWidth, entry.dashed ? Qt::DashLine : Qt::SolidLine,
                 Qt::RoundCap);
        painter->setPen(pen);
        painter->drawLine(QPointF(x, y), QPointF(x + 28, y));
        x += 34;
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(QPointF(x, y + metrics.ascent() / 2 - 1), entry.name);
        x += metrics.horizontalAdvance(entry.name) + 22;
    }
}

EmotionCurveItem::EmotionCurveItem(Document *document, const Id &personaId, const QRectF &plotRect,
                                   bool comparison)
    : mDocument(document)
    , mPersonaId(personaId)
    , mPlot(plotRect)
    , mComparison(comparison)
{
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::SizeVerCursor);
}

void EmotionCurveItem::setPersona(const QString &name, const QColor &color)
{
    mName = name;
    mColor = color;
    update();
}

void EmotionCurveItem::setPoints(const QList<Point> &points)
{
    prepareGeometryChange();
    mPoints = points;
    rebuildPath();
    update();
}

QPointF EmotionCurveItem::position(const Point &point) const
{
    return QPointF(point.x, EmotionChartItem::yForScore(mPlot, point.emotion.value_or(0)));
}

std::optional<QPointF> EmotionCurveItem::pointPosition(const Id &stepId) const
{
    for (const Point &point : mPoints) {
        if (point.stepId == stepId && point.emotion)
            return position(point);
    }
    return std::nullopt;
}

void EmotionCurveItem::rebuildPath()
{
    mCurve = QPainterPath();
    mHandles = QPainterPath();

    // Each run of scored steps is a monotone cubic (Fritsch and Carlson): smooth, yet it
    // never bends above or below the scores it joins, so a facilitator reads no peak that
    // nobody felt.
    // TODO: A step without a score has no point to drag, so it can be scored only in the
    // inspector; a hollow marker at its place would let the facilitator score it here too.
    QList<QList<QPointF>> runs(1);
    for (const Point &point : std::as_const(mPoints)) {
        if (!point.emotion) {
            if (!runs.last().isEmpty())
                runs.append(QList<QPointF>());
            continue;
        }
        const QPointF p = position(point);
        runs.last().append(p);
        mHandles.addEllipse(p, grabRadius, grabRadius);
    }
    for (const QList<QPointF> &run : std::as_const(runs)) {
        if (run.size() < 2)
            continue;
        const qsizetype n = run.size();
        QList<qreal> slopes; // of each segment
        for (qsizetype i = 0; i + 1 < n; ++i) {
            const qreal h = run[i + 1].x() - run[i].x();
            slopes.append(h > 0 ? (run[i + 1].y() - run[i].y()) / h : 0);
        }
        QList<qreal> tangents(n);
        tangents[0] = slopes.first();
        tangents[n - 1] = slopes.last();
        for (qsizetype i = 1; i + 1 < n; ++i) {
            const qreal before = slopes[i - 1];
            const qreal after = slopes[i];
            if (before * after <= 0) {
                tangents[i] = 0; // a peak or a valley stays flat at the score
                continue;
            }
            const qreal h0 = run[i].x() - run[i - 1].x();
            const qreal h1 = run[i + 1].x() - run[i].x();
            const qreal w0 = 2 * h1 + h0;
            const qreal w1 = h1 + 2 * h0;
            tangents[i] = (w0 + w1) / (w0 / before + w1 / after);
        }
        mCurve.moveTo(run.first());
        for (qsizetype i = 0; i + 1 < n; ++i) {
            const qreal third = (run[i + 1].x() - run[i].x()) / 3;
            if (third <= 0) {
                mCurve.lineTo(run[i + 1]); // a step back: no curve can go there smoothly
                continue;
            }
            mCurve.cubicTo(run[i] + QPointF(third, tangents[i] * third),
                           run[i + 1] - QPointF(third, tangents[i + 1] * third), run[i + 1]);
        }
    }
}

const EmotionCurveItem::Point *EmotionCurveItem::pointNear(const QPointF &pos) const
{
    const Point *best = nullptr;
    qreal bestDistance = grabRadius;
    for (const Point &point : mPoints) {
        if (!point.emotion)
            continue;
        const qreal distance = QLineF(position(point), pos).length();
        if (distance <= bestDistance) {
            best = &point;
            bestDistance = distance;
        }
    }
    return best;
}

QRectF EmotionCurveItem::boundingRect() const
{
    // Room for the score written above a point while it is dragged.
    QRectF bounds = mPlot.adjusted(0, -30, 0, hoverRadius + 2);
    for (const Point &point : mPoints)
        bounds =
            bounds.united(QRectF(point.x - hoverRadius - 2, mPlot.top(), 2 * hoverRadius + 4, 1));
    return bounds;
}

QPainterPath EmotionCurveItem::shape() const
{
    // Only the points take the mouse: a click beside them is meant for the lane.
    return mHandles;
}

void EmotionCurveItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const qreal detail =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing);

    QPen pen(mColor, mComparison ? curveWidth - 0.5 : curveWidth,
             mComparison ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    if (detail < pointDetail) {
        pen.setWidthF(2);
        pen.setCosmetic(true);
    }
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(mCurve);
    if (detail < pointDetail)
        return;

    const QColor fill = mComparison ? palette.color(QPalette::Base) : mColor;
    for (const Point &point : std::as_const(mPoints)) {
        if (!point.emotion)
            continue;
        const bool active = point.stepId == mHoverStepId || point.stepId == mDragStepId;
        const qreal radius = active ? hoverRadius : pointRadius;
        const QPointF centre = position(point);
        painter->setPen(mComparison ? QPen(mColor, 2.5) : QPen(QColor(Qt::white), 2));
        painter->setBrush(fill);
        painter->drawEllipse(centre, radius, radius);
        if (point.stepId == mDragStepId) {
            painter->setPen(palette.color(QPalette::Text));
            painter->setFont(font(13, QFont::Bold));
            painter->drawText(QRectF(centre.x() - 30, centre.y() - radius - 22, 60, 18),
                              Qt::AlignCenter, signedScore(*point.emotion));
        }
    }
}

void EmotionCurveItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const Point *point = pointNear(event->pos());
    const Id stepId = point ? point->stepId : Id();
    if (stepId == mHoverStepId)
        return;
    mHoverStepId = stepId;
    if (point) {
        QString tip = Text::tr("%1, step %2: %3")
                          .arg(mName, QString::number(point->number), point->touchpointTitle);
        if (mComparison)
            tip += u'\n' + Text::tr("(future state)");
        tip +=
            u'\n' +
            Text::tr("Score %1, %2").arg(signedScore(*point->emotion), scoreWords(*point->emotion));
        if (!point->feeling.trimmed().isEmpty())
            tip += u'\n' + Text::tr("“%1”").arg(point->feeling.trimmed());
        setToolTip(tip);
    } else {
        setToolTip({});
    }
    update();
}

void EmotionCurveItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    mHoverStepId = Id();
    update();
}

void EmotionCurveItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    const Point *point = event->button() == Qt::LeftButton ? pointNear(event->pos()) : nullptr;
    if (!point || !mDocument) {
        event->ignore();
        return;
    }
    mDragStepId = point->stepId;
    mGesture = nextGesture();
    event->accept();
    update();
}

void EmotionCurveItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (mDragStepId.isNull() || !mDocument)
        return;
    const auto it = std::find_if(mPoints.cbegin(), mPoints.cend(),
                                 [this](const Point &p) { return p.stepId == mDragStepId; });
    if (it == mPoints.cend())
        return;
    const int score = EmotionChartItem::scoreAt(mPlot, event->pos().y());
    if (it->emotion == score)
        return;

    // The canvas hears of the change and moves the point: the model stays the truth.
    Commands::Command command =
        Commands::setPersonaStepEmotion(mDocument, mDragStepId, score, mGesture);
    if (command)
        mDocument->push(command.release());
}

void EmotionCurveItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!mDragStepId.isNull())
        mouseMoveEvent(event);
    mDragStepId = Id();
    mGesture = 0;
    update();
}

} // namespace Waymark
