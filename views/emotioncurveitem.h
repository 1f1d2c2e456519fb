// The emotion curves of a feelings lane: a chart of the seven scores from −3 at the bottom
// to +3 at the top with a legend, and one smooth curve per persona through the scores of
// their steps, in the persona's colour. Dragging a point up or down changes its score; the
// whole drag is one undo step.
#pragma once

#include "entities.h"

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPointer>

#include <optional>

namespace Waymark {

class Document;

// The grid the curves are drawn on, with the scores written at the left and the legend at
// the top. It only shows, and takes no clicks.
class EmotionChartItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 22
    };

    struct LegendEntry
    {
        QString name;
        QColor color;
        bool dashed = false; // a curve of the future-state map
    };

    explicit EmotionChartItem(const QRectF &rect);

    int type() const override { return Type; }

    // Where the scores go: −3 on the bottom edge, +3 on the top edge.
    QRectF plotRect() const { return plotRect(mRect); }
    static QRectF plotRect(const QRectF &chartRect);
    static qreal yForScore(const QRectF &plotRect, qreal score);
    // The whole score nearest to y, clamped to the scale.
    static int scoreAt(const QRectF &plotRect, qreal y);

    // Where the legend and the scale are written from, in scene coordinates: the left edge
    // of the cells in view, so that they stay readable as the map scrolls sideways.
    void setLabelLeft(qreal sceneX);

    void setLegend(const QList<LegendEntry> &entries);
    const QList<LegendEntry> &legend() const { return mLegend; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF mRect;
    qreal mLabelLeft = 0;
    QList<LegendEntry> mLegend;
};

// One persona's curve on the chart, through the scored steps of one map's path.
class EmotionCurveItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 23
    };

    struct Point
    {
        Id stepId;
        int number = 0; // along the path, from 1
        qreal x = 0;    // scene
        std::optional<int> emotion;
        QString feeling;
        QString touchpointTitle;
    };

    // A comparison curve belongs to the future-state map shown beside this one: dashed.
    EmotionCurveItem(Document *document, const Id &personaId, const QRectF &plotRect,
                     bool comparison);

    int type() const override { return Type; }

    Id personaId() const { return mPersonaId; }
    bool isComparison() const { return mComparison; }
    QColor color() const { return mColor; }
    QString personaName() const { return mName; }

    // Every step of the path, scored or not; only scored ones have a point. The curve breaks
    // at a step without a score rather than counting it as neutral.
    void setPoints(const QList<Point> &points);
    void setPersona(const QString &name, const QColor &color);
    const QList<Point> &points() const { return mPoints; }
    // The scene position of a step's point; nullopt for an unscored or unknown step.
    std::optional<QPointF> pointPosition(const Id &stepId) const;
    const QPainterPath &curvePath() const { return mCurve; }
    bool isDragging() const { return !mDragStepId.isNull(); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuildPath();
    const Point *pointNear(const QPointF &pos) const;
    QPointF position(const Point &point) const;

    QPointer<Document> mDocument;
    Id mPersonaId;
    QString mName;
    QColor mColor;
    QRectF mPlot;
    bool mComparison = false;
    QList<Point> mPoints;
    QPainterPath mCurve; // built when the points change: a repaint only strokes it
    QPainterPath mHandles;
    Id mHoverStepId;
    Id mDragStepId;
    int mGesture = 0;
};

} // namespace Waymark
