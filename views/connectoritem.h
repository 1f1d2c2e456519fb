// A connector between two cards: an orthogonal line from one card's side to the other's,
// with rounded corners and arrowheads as its direction says. ConnectorRouter finds the
// line. Its label is an item of its own, above the cards. Selected, it shows a handle at
// each end, which the scene lets the user drag onto another card.
#pragma once

#include "entities.h"

#include <QGraphicsItem>
#include <QPainterPath>

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
    void setPoints(const QList<QPointF> &points);

    // At rest (not selected) the line paints nothing itself: the scene draws it beneath
    // every item, with paintLine(). The scene repaints where such a line comes or goes.
    bool isDrawnByScene() const;
    // Draws the legs of the line that reach into area (scene coordinates, as the item's own),
    // its arrowheads and, selected, its halo and end handles.
    void paintLine(QPainter *painter, const QRectF &area, const QPalette &palette) const;

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
    // The line with its rounded corners; with an area, only the legs that reach into it.
    QPainterPath linePath(const QRectF &area = QRectF()) const;
    // Asks the scene to repaint along each leg of points that except does not have.
    void repaintLegs(const QList<QPointF> &points, const QList<QPointF> &except) const;

    Connector mConnector;
    QList<QPointF> mPoints;
    QRectF mBounds;
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
