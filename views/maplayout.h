// Where everything of one journey map goes on the canvas: a column per stage, a row per
// visible lane, and a rectangle per card. Cards fill their cell in order, as many side by
// side as the stage is wide; the notes of annotations attached to the cell itself come
// below them, one per line. A row grows to fit its fullest cell, so nothing overlaps.
// Pure geometry, computed from the model alone.
#pragma once

#include "entities.h"

#include <QHash>
#include <QList>
#include <QRectF>

#include <optional>

namespace Waymark {

class MapLayout
{
public:
    struct Column
    {
        Id stageId;
        qreal x = 0;
        qreal width = 0;
    };

    struct Row
    {
        Id laneId;
        qreal y = 0;
        qreal height = 0;
    };

    struct Cell
    {
        Id stageId;
        Id laneId;
    };

    // A row is at least as high as minRowHeights says for its lane: while cards are
    // dragged, rows they leave keep their height, so the cells stay under the pointer.
    static MapLayout compute(const JourneyMap &map, const QHash<Id, qreal> &minRowHeights = {});

    const QList<Column> &columns() const { return mColumns; }
    const QList<Row> &rows() const { return mRows; } // visible lanes only

    // The card of a visible touchpoint; an empty rectangle for one not shown.
    QRectF cardRect(const Id &touchpointId) const { return mCards.value(touchpointId); }
    const QHash<Id, QRectF> &cards() const { return mCards; }

    // The note of an annotation attached to a visible cell; an empty rectangle otherwise.
    QRectF noteRect(const Id &annotationId) const { return mNotes.value(annotationId); }
    const QHash<Id, QRectF> &notes() const { return mNotes; }

    QRectF stageHeaderRect(qsizetype column) const;
    QRectF laneHeaderRect(qsizetype row) const;
    QRectF cellRect(qsizetype column, qsizetype row) const;
    QRectF rowBandRect(qsizetype row) const; // the row across every column
    QRectF cornerRect() const;               // above the lane headers, left of the stage headers
    QRectF gridRect() const;                 // every cell
    QRectF bounds() const;                   // everything, margins included

    std::optional<Cell> cellAt(const QPointF &scenePos) const;

private:
    QList<Column> mColumns;
    QList<Row> mRows;
    QHash<Id, QRectF> mCards;
    QHash<Id, QRectF> mNotes;
};

// The annotations attached to the cell itself rather than to one of its cards, oldest first.
QList<const Annotation *> cellAnnotations(const JourneyMap &map, const Id &stageId,
                                          const Id &laneId);

// The width a stage's column takes: its own width if set and wide enough for one card.
qreal stageWidth(const Stage &stage);

// How many cards stand side by side in a column of that width.
int cardsPerLine(qreal columnWidth);

} // namespace Waymark
