// A connector between two cards: an orthogonal line from one card's side to the other's,
// with arrowheads as its direction says. Its label is an item of its own, above the cards
// that the line passes behind.
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

    // from and to are the two cards' rectangles in scene coordinates; obstacles are the other
    // cards near them, which the line and its label keep clear of where they easily can.
    ConnectorItem(const Connector &connector, const QRectF &from, const QRectF &to,
                  const QList<QRectF> &obstacles = {});

    int type() const override { return Type; }

    Id connectorId() const { return mConnector.id; }
    const Connector &connector() const { return mConnector; }

    // The corners of the line, from the first card to the second.
    const QList<QPointF> &points() const { return mPoints; }

    // Where the centre of a label of that size goes: on the line, as near its middle as
    // it can be without covering a card.
    QPointF labelCentre(const QSizeF &labelSize) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // The corners of an orthogonal route between two rectangles that do not overlap.
    static QList<QPointF> route(const QRectF &from, const QRectF &to,
                                const QList<QRectF> &obstacles = {});

private:
    QPainterPath linePath() const;

    Connector mConnector;
    QList<QPointF> mPoints;
    QList<QRectF> mObstacles;
    QRectF mBounds;
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
