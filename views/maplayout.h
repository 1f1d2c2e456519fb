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
#include <QSet>

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
        qreal chartHeight = 0; // the band of emotion curves at the bottom of a feelings lane
    };

    // A feelings lane of a map with persona paths keeps a band this high below its cards,
    // where the personas' emotion curves are drawn: seven scores a projector can tell apart.
    static constexpr qreal FeelingsChartHeight = 236;

    struct Cell
    {
        Id stageId;
        Id laneId;
    };

    // A row is at least as high as minRowHeights says for its lane: while cards are
    // dragged, rows they leave keep their height, so the cells stay under the pointer.
    static MapLayout compute(const JourneyMap &map, const QHash<Id, qreal> &minRowHeights = {});

    // What relayoutCells() moved: the cards and notes whose rectangles changed, and the rows
    // whose height changed (the rows below those moved down or up).
    struct Changes
    {
        QSet<Id> cards;
        QSet<Id> notes;
        QList<qsizetype> rows;
    };

    // Lays out again only these cells, after cards or notes came into them or left them,
    // and the rows below any row that changed height; the same as compute() would give as
    // long as the map's stages and lanes are as they were and every card that left a cell
    // went to one of these. Nothing when a cell is not in the layout (a hidden lane, a new
    // stage): then only compute() will do.
    std::optional<Changes> relayoutCells(const JourneyMap &map, const QList<Cell> &cells,
                                         const QHash<Id, qreal> &minRowHeights = {});
    // Forgets a card that is no longer shown, before relayoutCells() of the cell it was in.
    void removeCard(const Id &touchpointId) { mCards.remove(touchpointId); }

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
    // The same cut to a little more than area, so that a band's rounded ends outside area
    // stay outside it: what a repaint of area needs to fill.
    QRectF rowBandRect(qsizetype row, const QRectF &area) const;
    // The band of emotion curves of a feelings lane, across every column; empty otherwise.
    QRectF chartRect(qsizetype row) const;
    QRectF cornerRect() const; // above the lane headers, left of the stage headers
    QRectF gridRect() const;   // every cell
    QRectF bounds() const;     // everything, margins included

    std::optional<Cell> cellAt(const QPointF &scenePos) const;

    // The rows or columns [first, last) that reach into area (or come within two pixels of
    // it, for the lines drawn along their edges).
    struct Span
    {
        qsizetype first = 0;
        qsizetype last = 0;
    };
    Span rowsIn(const QRectF &area) const;
    Span columnsIn(const QRectF &area) const;

private:
    // Puts the cards and notes of one cell of a row starting at rowY.
    void placeCell(const Column &column, qreal rowY, const QList<const Touchpoint *> &cards,
                   const QList<const Annotation *> &notes);

    QList<Column> mColumns;
    QList<Row> mRows;
    QHash<Id, QRectF> mCards;
    QHash<Id, QRectF> mNotes;
};

// The annotations attached to the cell itself rather than to one of its cards, oldest first.
QList<const Annotation *> cellAnnotations(const JourneyMap &map, const Id &stageId,
                                          const Id &laneId);

// The width a stage's column takes: its own width if set, kept between MapStyle's
// MinStageWidth (one card) and MaxStageWidth.
qreal stageWidth(const Stage &stage);

// How many cards stand side by side in a column of that width.
int cardsPerLine(qreal columnWidth);

} // namespace Waymark
