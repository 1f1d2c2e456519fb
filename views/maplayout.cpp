#include "maplayout.h"

#include "lookup.h"
#include "mapstyle.h"

#include <algorithm>

namespace Waymark {

using namespace MapStyle;

namespace {

constexpr qreal gridLeft = Margin + LaneHeaderWidth + HeaderGap;
constexpr qreal gridTop = Margin + StageHeaderHeight + HeaderGap;

// The height of the block of count cards, count > 0.
qreal cardsHeight(qsizetype count, int perLine)
{
    const qsizetype lines = (count + perLine - 1) / perLine;
    return qreal(lines) * CardHeight + qreal(lines - 1) * CardGap;
}

// The height a cell needs for its cards and notes, one of them at least.
qreal cellHeight(qsizetype cards, qsizetype notes, int perLine)
{
    qreal height = 2 * CellPadding;
    if (cards > 0)
        height += cardsHeight(cards, perLine);
    if (cards > 0 && notes > 0)
        height += CardGap;
    if (notes > 0)
        height += qreal(notes) * NoteHeight + qreal(notes - 1) * NoteGap;
    return height;
}

} // namespace

qreal stageWidth(const Stage &stage)
{
    if (stage.width <= 0)
        return DefaultStageWidth;
    return std::max<qreal>(stage.width, MinStageWidth);
}

int cardsPerLine(qreal columnWidth)
{
    const qreal room = columnWidth - 2 * CellPadding + CardGap;
    return std::max(1, int(room / (CardWidth + CardGap)));
}

MapLayout MapLayout::compute(const JourneyMap &map, const QHash<Id, qreal> &minRowHeights)
{
    MapLayout layout;

    qreal x = gridLeft;
    for (const Stage &stage : map.stages) {
        const qreal width = stageWidth(stage);
        layout.mColumns.append({stage.id, x, width});
        x += width;
    }

    qreal y = gridTop;
    for (const Lane &lane : map.lanes) {
        if (lane.hidden)
            continue;

        qreal height = std::max(MinRowHeight, minRowHeights.value(lane.id));
        QList<QList<const Touchpoint *>> cells;
        QList<QList<const Annotation *>> cellNotes;
        for (const Column &column : std::as_const(layout.mColumns)) {
            cells.append(cellTouchpoints(map, column.stageId, lane.id));
            cellNotes.append(cellAnnotations(map, column.stageId, lane.id));
            if (!cells.last().isEmpty() || !cellNotes.last().isEmpty())
                height = std::max(height, cellHeight(cells.last().size(), cellNotes.last().size(),
                                                     cardsPerLine(column.width)));
        }

        // Within the cell the block of cards is centred, so a narrow stage and a wide one
        // leave the same space on both sides.
        for (qsizetype c = 0; c < layout.mColumns.size(); ++c) {
            const Column &column = layout.mColumns[c];
            const int perLine = cardsPerLine(column.width);
            const qsizetype count = cells[c].size();
            const qsizetype inLine = std::min<qsizetype>(count, perLine);
            const qreal blockWidth = qreal(inLine) * CardWidth + qreal(inLine - 1) * CardGap;
            const qreal left = column.x + (column.width - std::max(blockWidth, CardWidth)) / 2;
            for (qsizetype i = 0; i < count; ++i) {
                const qreal cardX = left + qreal(i % perLine) * (CardWidth + CardGap);
                const qreal cardY = y + CellPadding + qreal(i / perLine) * (CardHeight + CardGap);
                layout.mCards.insert(cells[c][i]->id, QRectF(cardX, cardY, CardWidth, CardHeight));
            }

            // Notes are as wide as the block of cards, and never narrower than one card.
            const qreal noteWidth = std::max(blockWidth, CardWidth);
            qreal noteY = y + CellPadding + (count > 0 ? cardsHeight(count, perLine) + CardGap : 0);
            for (const Annotation *note : std::as_const(cellNotes[c])) {
                layout.mNotes.insert(note->id, QRectF(left, noteY, noteWidth, NoteHeight));
                noteY += NoteHeight + NoteGap;
            }
        }

        layout.mRows.append({lane.id, y, height});
        y += height + RowGap;
    }

    return layout;
}

QList<const Annotation *> cellAnnotations(const JourneyMap &map, const Id &stageId,
                                          const Id &laneId)
{
    QList<const Annotation *> notes;
    for (const Annotation &annotation : map.annotations) {
        if (annotation.touchpointId.isNull() && annotation.stageId == stageId &&
            annotation.laneId == laneId)
            notes.append(&annotation);
    }
    std::stable_sort(notes.begin(), notes.end(), [](const Annotation *a, const Annotation *b) {
        return a->created < b->created;
    });
    return notes;
}

QRectF MapLayout::stageHeaderRect(qsizetype column) const
{
    const Column &c = mColumns.at(column);
    return QRectF(c.x, Margin, c.width, StageHeaderHeight);
}

QRectF MapLayout::laneHeaderRect(qsizetype row) const
{
    const Row &r = mRows.at(row);
    return QRectF(Margin, r.y, LaneHeaderWidth, r.height);
}

QRectF MapLayout::cellRect(qsizetype column, qsizetype row) const
{
    const Column &c = mColumns.at(column);
    const Row &r = mRows.at(row);
    return QRectF(c.x, r.y, c.width, r.height);
}

QRectF MapLayout::rowBandRect(qsizetype row) const
{
    const Row &r = mRows.at(row);
    const QRectF grid = gridRect();
    return QRectF(grid.left(), r.y, grid.width(), r.height);
}

QRectF MapLayout::cornerRect() const
{
    return QRectF(Margin, Margin, LaneHeaderWidth, StageHeaderHeight);
}

QRectF MapLayout::gridRect() const
{
    const qreal right = mColumns.isEmpty() ? gridLeft : mColumns.last().x + mColumns.last().width;
    const qreal bottom = mRows.isEmpty() ? gridTop : mRows.last().y + mRows.last().height;
    return QRectF(QPointF(gridLeft, gridTop), QPointF(right, bottom));
}

QRectF MapLayout::bounds() const
{
    const QRectF grid = gridRect();
    // The last stage header's point reaches past its column.
    return QRectF(QPointF(0, 0),
                  QPointF(grid.right() + ChevronDepth + Margin, grid.bottom() + Margin));
}

std::optional<MapLayout::Cell> MapLayout::cellAt(const QPointF &scenePos) const
{
    const auto column = std::find_if(mColumns.cbegin(), mColumns.cend(), [&](const Column &c) {
        return scenePos.x() >= c.x && scenePos.x() < c.x + c.width;
    });
    const auto row = std::find_if(mRows.cbegin(), mRows.cend(), [&](const Row &r) {
        return scenePos.y() >= r.y && scenePos.y() < r.y + r.height;
    });
    if (column == mColumns.cend() || row == mRows.cend())
        return std::nullopt;
    return Cell{column->stageId, row->laneId};
}

} // namespace Waymark
