// How annotations show on the canvas: a marker on a card counts the pain points,
// opportunities or comments attached to it, and a note in a cell stands for one annotation
// attached to the cell itself. Both tell the full texts in their tooltips.
#pragma once

#include "entities.h"

#include <QGraphicsItem>

namespace Waymark {

// The tooltip text of annotations: each one's text, severity, author and time.
QString annotationToolTip(const QList<Annotation> &annotations);

// A small badge on a card for the annotations of one kind attached to it: their count, in
// a shade that the highest severity or priority among them sets, which it also names.
class AnnotationMarkerItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 6
    };

    AnnotationMarkerItem(AnnotationKind kind, const QList<Annotation> &annotations,
                         QGraphicsItem *parent);

    int type() const override { return Type; }
    AnnotationKind kind() const { return mKind; }
    qsizetype count() const { return mAnnotations.size(); }
    int highestSeverity() const; // 0 when none is set, or for comments
    QString text() const;        // as drawn: "2 !4"
    QSizeF size() const { return mSize; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    AnnotationKind mKind;
    QList<Annotation> mAnnotations;
    QSizeF mSize;
};

// A note in a cell for an annotation attached to the cell rather than a card: red-edged for
// a pain point, green for an opportunity, neutral for a comment.
class AnnotationNoteItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 7
    };

    AnnotationNoteItem(const Annotation &annotation, const QRectF &rect);

    int type() const override { return Type; }
    Id annotationId() const { return mAnnotation.id; }
    const Annotation &annotation() const { return mAnnotation; }
    QSizeF size() const { return mSize; }
    // Its place and size in the scene: a note is as wide as the cards of its cell.
    void setRect(const QRectF &rect);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Annotation mAnnotation;
    QSizeF mSize;
};

} // namespace Waymark
