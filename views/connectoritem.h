// A connector between two cards: an orthogonal line from one card's side to the other's,
// with rounded corners and arrowheads as its direction says. ConnectorRouter finds the
// line. Its label is an item of its own, above the cards. Selected, it shows a handle at
// each end, which the scene lets the user drag onto another card.
#pragma once

#include "entities.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPen>

namespace Waymark {

class ConnectorItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 4
    };

    enum class End
    {
        From,
        To
    };

    // points are the corners of the line in scene coordinates, from the first card's border
    // to the second's.
    ConnectorItem(const Connector &connector, const QList<QPointF> &points);
    ~ConnectorItem() override;

    int type() const override { return Type; }

    Id connectorId() const { return mConnector.id; }
    const Connector &connector() const { return mConnector; }

    // The corners of the line, from the first card to the second.
    const QList<QPointF> &points() const { return mPoints; }
    // With keepBounds, while the line is drawn by the scene, its bounding box stays as it
    // is when it still holds the line: a drag step reroutes the lines of the cards it
    // moves, and each change of an item's box takes it out of Qt's index and back in,
    // which cost more than routing it. Clicks and hovering test the line's shape, the
    // scene repaints its legs itself, and the next change without it makes the box tight.
    void setPoints(const QList<QPointF> &points, bool keepBounds = false);

    // At rest (not selected) the line paints nothing itself: the scene draws it beneath
    // every item, with paintLine(). The scene repaints where such a line comes or goes.
    bool isDrawnByScene() const;
    // Draws the legs of the line that reach into area (scene coordinates, as the item's own),
    // its arrowheads and, selected, its halo and end handles.
    void paintLine(QPainter *painter, const QRectF &area, const QPalette &palette) const;
    // The same in several areas at once, as one stroke that reaches only into them: they
    // are the rectangles of one repaint, whose pixels must each be drawn once.
    void paintLine(QPainter *painter, const QList<QRectF> &areas, const QPalette &palette) const;

    // The handle at one end, in scene coordinates; it shows while the connector is selected.
    QRectF endHandleRect(End end) const;

    // Where the centre of its label is, as the scene placed it (ConnectorRouter::labelCentre)
    // for a label of that size.
    QPointF labelCentre(const QSizeF &labelSize) const;
    void setLabelCentre(const QSizeF &labelSize, const QPointF &centre);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    // The line with its rounded corners; with areas, only what reaches into them.
    QPainterPath linePath(const QList<QRectF> &areas = {}) const;
    // Strokes line (in the painter's coordinates, which only scale and move) with pen, in
    // device pixels, its straight stretches as lines.
    static void paintStraightFast(QPainter *painter, const QPainterPath &line, QPen pen);
    // Asks the scene to repaint along each leg of points that except does not have.
    void repaintLegs(const QList<QPointF> &points, const QList<QPointF> &except) const;

    Connector mConnector;
    QList<QPointF> mPoints;
    QRectF mBounds;
    bool mLooseBounds = false; // larger than the line, kept by setPoints()
    QSizeF mLabelSize;
    QPointF mLabelCentre;
    mutable QPainterPath mShape; // made when first asked for: most lines are never hit-tested
};

// A connector's label: a small tag on the line.
class ConnectorLabelItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 5
    };

    explicit ConnectorLabelItem(const QString &text);

    int type() const override { return Type; }
    QString text() const { return mText; }
    QSizeF size() const { return mSize; }
    void setCentre(const QPointF &centre);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString mText;
    QSizeF mSize;
};

} // namespace Waymark
