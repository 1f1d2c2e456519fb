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
    // A width from a file made elsewhere may be anything: the canvas keeps to its range.
    return std::clamp<qreal>(stage.width, MinStageWidth, MaxStageWidth);
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
    QHash<Id, qsizetype> columnOf;
    for (const Stage &stage : map.stages) {
        const qreal width = stageWidth(stage);
        columnOf.insert(stage.id, layout.mColumns.size());
        layout.mColumns.append({stage.id, x, width});
        x += width;
    }
    QList<const Lane *> lanes;
    QHash<Id, qsizetype> rowOf;
    for (const Lane &lane : map.lanes) {
        if (!lane.hidden) {
            rowOf.insert(lane.id, lanes.size());
            lanes.append(&lane);
        }
    }

    // Every card and note goes into its cell in one pass over the map, in the map's order,
    // and is then ordered as cellTouchpoints() and cellAnnotations() order a cell's: a cell
    // at a time, that would be a pass over the whole map for each of thousands of cells.
    const qsizetype columnCount = layout.mColumns.size();
    const auto cellIndex = [&](const Id &stageId, const Id &laneId) -> qsizetype {
        const auto column = columnOf.constFind(stageId);
        const auto row = rowOf.constFind(laneId);
        if (column == columnOf.cend() || row == rowOf.cend())
            return -1;
        return *row * columnCount + *column;
    };
    layout.mCards.reserve(map.touchpoints.size());
    QList<QList<const Touchpoint *>> cells(lanes.size() * columnCount);
    QList<QList<const Annotation *>> cellNotes(cells.size());
    for (const Touchpoint &t : map.touchpoints) {
        if (const qsizetype i = cellIndex(t.stageId, t.laneId); i >= 0)
            cells[i].append(&t);
    }
    for (const Annotation &annotation : map.annotations) {
        if (!annotation.touchpointId.isNull())
            continue;
        if (const qsizetype i = cellIndex(annotation.stageId, annotation.laneId); i >= 0)
            cellNotes[i].append(&annotation);
    }
    for (QList<const Touchpoint *> &cell : cells) {
        std::stable_sort(cell.begin(), cell.end(), [](const Touchpoint *a, const Touchpoint *b) {
            return a->order < b->order;
        });
    }
    for (QList<const Annotation *> &notes : cellNotes) {
        std::stable_sort(notes.begin(), notes.end(), [](const Annotation *a, const Annotation *b) {
            return a->created < b->created;
        });
    }

    qreal y = gridTop;
    for (qsizetype r = 0; r < lanes.size(); ++r) {
        const Lane &lane = *lanes.at(r);
        // The curves go below the cards, so that neither hides the other.
        const qreal chartHeight = lane.kind == LaneKind::Feelings && !map.personaSteps.isEmpty()
                                      ? FeelingsChartHeight
                                      : 0;
        qreal height = std::max(MinRowHeight, minRowHeights.value(lane.id) - chartHeight);
        for (qsizetype c = 0; c < columnCount; ++c) {
            const qsizetype i = r * columnCount + c;
            if (!cells.at(i).isEmpty() || !cellNotes.at(i).isEmpty())
                height = std::max(height, cellHeight(cells.at(i).size(), cellNotes.at(i).size(),
                                                     cardsPerLine(layout.mColumns.at(c).width)));
        }

        for (qsizetype c = 0; c < columnCount; ++c)
            layout.placeCell(layout.mColumns[c], y, cells.at(r * columnCount + c),
                             cellNotes.at(r * columnCount + c));

        height += chartHeight;
        layout.mRows.append({lane.id, y, height, chartHeight});
        y += height + RowGap;
    }

    return layout;
}

void MapLayout::placeCell(const Column &column, qreal rowY, const QList<const Touchpoint *> &cards,
                          const QList<const Annotation *> &notes)
{
    // Within the cell the block of cards is centred, so a narrow stage and a wide one
    // leave the same space on both sides.
    const int perLine = cardsPerLine(column.width);
    const qsizetype count = cards.size();
    const qsizetype inLine = std::min<qsizetype>(count, perLine);
    const qreal blockWidth = qreal(inLine) * CardWidth + qreal(inLine - 1) * CardGap;
    const qreal left = column.x + (column.width - std::max(blockWidth, CardWidth)) / 2;
    for (qsizetype i = 0; i < count; ++i) {
        const qreal cardX = left + qreal(i % perLine) * (CardWidth + CardGap);
        const qreal cardY = rowY + CellPadding + qreal(i / perLine) * (CardHeight + CardGap);
        mCards.insert(cards[i]->id, QRectF(cardX, cardY, CardWidth, CardHeight));
    }

    // Notes are as wide as the block of cards, and never narrower than one card.
    const qreal noteWidth = std::max(blockWidth, CardWidth);
    qreal noteY = rowY + CellPadding + (count > 0 ? cardsHeight(count, perLine) + CardGap : 0);
    for (const Annotation *note : notes) {
        mNotes.insert(note->id, QRectF(left, noteY, noteWidth, NoteHeight));
        noteY += NoteHeight + NoteGap;
    }
}

std::optional<MapLayout::Changes> MapLayout::relayoutCells(const JourneyMap &map,
                                                           const QList<Cell> &cells,
                                                           const QHash<Id, qreal> &minRowHeights)
{
    QHash<Id, qsizetype> columnOf;
    for (qsizetype c = 0; c < mColumns.size(); ++c)
        columnOf.insert(mColumns[c].stageId, c);
    QHash<Id, qsizetype> rowOf;
    for (qsizetype r = 0; r < mRows.size(); ++r)
        rowOf.insert(mRows[r].laneId, r);

    QSet<QPair<qsizetype, qsizetype>> touched; // (column, row)
    QList<qsizetype> rows;
    for (const Cell &cell : cells) {
        const qsizetype c = columnOf.value(cell.stageId, -1);
        const qsizetype r = rowOf.value(cell.laneId, -1);
        if (c < 0 || r < 0)
            return std::nullopt;
        touched.insert({c, r});
        if (!rows.contains(r))
            rows.append(r);
    }
    std::sort(rows.begin(), rows.end());

    // A row's height depends on every cell in it: count the cards and notes of those rows
    // in one pass rather than asking cell by cell.
    QHash<QPair<qsizetype, qsizetype>, qsizetype> cardCount;
    QHash<QPair<qsizetype, qsizetype>, qsizetype> noteCount;
    for (const Touchpoint &t : map.touchpoints) {
        const qsizetype r = rowOf.value(t.laneId, -1);
        if (r >= 0 && rows.contains(r))
            ++cardCount[{columnOf.value(t.stageId, -1), r}];
    }
    for (const Annotation &a : map.annotations) {
        const qsizetype r = rowOf.value(a.laneId, -1);
        if (a.touchpointId.isNull() && r >= 0 && rows.contains(r))
            ++noteCount[{columnOf.value(a.stageId, -1), r}];
    }

    // The rectangles as they were, of everything that may move, to tell what did.
    QHash<Id, QRectF> oldCards;
    QHash<Id, QRectF> oldNotes;
    auto remember = [](QHash<Id, QRectF> &old, const QHash<Id, QRectF> &now, const Id &id) {
        if (!old.contains(id))
            old.insert(id, now.value(id));
    };

    Changes changes;
    for (const qsizetype r : std::as_const(rows)) {
        Row &row = mRows[r];
        qreal height = std::max(MinRowHeight, minRowHeights.value(row.laneId) - row.chartHeight);
        for (qsizetype c = 0; c < mColumns.size(); ++c) {
            const qsizetype cards = cardCount.value({c, r});
            const qsizetype notes = noteCount.value({c, r});
            if (cards > 0 || notes > 0)
                height =
                    std::max(height, cellHeight(cards, notes, cardsPerLine(mColumns[c].width)));
        }
        height += row.chartHeight;
        const qreal delta = height - row.height;
        if (qFuzzyIsNull(delta))
            continue;

        // Everything below the row moves with the rows below it.
        const qreal bottom = row.y + row.height;
        row.height = height;
        for (qsizetype below = r + 1; below < mRows.size(); ++below)
            mRows[below].y += delta;
        for (auto it = mCards.begin(); it != mCards.end(); ++it) {
            if (it->top() >= bottom) {
                remember(oldCards, mCards, it.key());
                it->translate(0, delta);
            }
        }
        for (auto it = mNotes.begin(); it != mNotes.end(); ++it) {
            if (it->top() >= bottom) {
                remember(oldNotes, mNotes, it.key());
                it->translate(0, delta);
            }
        }
        changes.rows.append(r);
    }

    for (const auto &[c, r] : std::as_const(touched)) {
        const Column &column = mColumns[c];
        const Row &row = mRows[r];
        const QList<const Touchpoint *> cards = cellTouchpoints(map, column.stageId, row.laneId);
        const QList<const Annotation *> notes = cellAnnotations(map, column.stageId, row.laneId);
        for (const Touchpoint *t : cards)
            remember(oldCards, mCards, t->id);
        for (const Annotation *a : notes)
            remember(oldNotes, mNotes, a->id);
        placeCell(column, row.y, cards, notes);
    }

    for (auto it = oldCards.cbegin(); it != oldCards.cend(); ++it) {
        if (mCards.value(it.key()) != it.value())
            changes.cards.insert(it.key());
    }
    for (auto it = oldNotes.cbegin(); it != oldNotes.cend(); ++it) {
        if (mNotes.value(it.key()) != it.value())
            changes.notes.insert(it.key());
    }
    return changes;
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

QRectF MapLayout::rowBandRect(qsizetype row, const QRectF &area) const
{
    // Beyond the corner radius of the band and a pixel of antialiasing.
    constexpr qreal reach = 8;
    const QRectF band = rowBandRect(row);
    const QRectF wide = area.adjusted(-reach, -reach, reach, reach);
    return QRectF(QPointF(std::max(band.left(), wide.left()), std::max(band.top(), wide.top())),
                  QPointF(std::min(band.right(), wide.right()),
                          std::min(band.bottom(), wide.bottom())));
}

MapLayout::Span MapLayout::rowsIn(const QRectF &area) const
{
    constexpr qreal reach = 2;
    // Rows lie top to bottom and columns left to right, without overlapping.
    const auto first = std::partition_point(mRows.cbegin(), mRows.cend(), [&](const Row &r) {
        return r.y + r.height < area.top() - reach;
    });
    const auto last = std::partition_point(first, mRows.cend(), [&](const Row &r) {
        return r.y <= area.bottom() + reach;
    });
    return {first - mRows.cbegin(), last - mRows.cbegin()};
}

MapLayout::Span MapLayout::columnsIn(const QRectF &area) const
{
    constexpr qreal reach = 2;
    const auto first =
        std::partition_point(mColumns.cbegin(), mColumns.cend(), [&](const Column &c) {
            return c.x + c.width < area.left() - reach;
        });
    const auto last = std::partition_point(first, mColumns.cend(), [&](const Column &c) {
        return c.x <= area.right() + reach;
    });
    return {first - mColumns.cbegin(), last - mColumns.cbegin()};
}

QRectF MapLayout::chartRect(qsizetype row) const
{
    const Row &r = mRows.at(row);
    if (r.chartHeight <= 0)
        return {};
    const QRectF grid = gridRect();
    return QRectF(grid.left(), r.y + r.height - r.chartHeight, grid.width(), r.chartHeight);
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
