#include "connectorrouter.h"

#include "mapstyle.h"

#include <QLineF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Waymark {

using namespace MapStyle;

namespace {

constexpr qreal infinity = std::numeric_limits<qreal>::infinity();

// What a route costs beyond its length: each bend, and an end too short for its arrowhead
// and rounded corner to read.
constexpr qreal bendCost = 24;
constexpr qreal minStub = 14;
constexpr qreal shortStubCost = 40;

// How close a line not in a gutter may pass a card or a note.
constexpr qreal clearance = 3;
// How far a gutter may reach either side of its boundary, on the side where no card is.
constexpr qreal gutterReach = 2 * CellPadding;
// Lines sharing a gutter run this far apart, closer where many share a narrow one, and keep
// this far from its edges.
constexpr qreal trackSpacing = 6;
constexpr qreal trackKeep = 4;
// Lines meeting the same side of a card meet it this far apart at most, and keep clear of
// its rounded corners.
constexpr qreal portSpacing = 14;
constexpr qreal portInset = CardRadius + 8;

qreal manhattan(const QPointF &a, const QPointF &b)
{
    return std::abs(a.x() - b.x()) + std::abs(a.y() - b.y());
}

bool overlaps(const QRectF &obstacle, const QRectF &r, qreal margin)
{
    return obstacle.left() - margin < r.right() && obstacle.right() + margin > r.left() &&
           obstacle.top() - margin < r.bottom() && obstacle.bottom() + margin > r.top();
}

// The index of the last boundary at or before value, clamped to [0, count - 1].
qsizetype slotOf(const QList<qreal> &bounds, qreal value, qsizetype count)
{
    const qsizetype i = std::upper_bound(bounds.cbegin(), bounds.cend(), value) - bounds.cbegin();
    return std::clamp<qsizetype>(i - 1, 0, std::max<qsizetype>(count - 1, 0));
}

} // namespace

ConnectorRouter::ConnectorRouter(const MapLayout &layout)
{
    const QList<MapLayout::Column> &columns = layout.columns();
    const QList<MapLayout::Row> &rows = layout.rows();
    for (const MapLayout::Column &column : columns)
        mColumnX.append(column.x);
    if (!columns.isEmpty())
        mColumnX.append(columns.last().x + columns.last().width);
    for (const MapLayout::Row &row : rows) {
        mRowTop.append(row.y);
        mRowBottom.append(row.y + row.height);
    }
    const qsizetype cells = columns.size() * rows.size();
    mCellObstacles.resize(cells);
    mCellBounds.resize(cells);
    mCards.reserve(layout.cards().size());

    auto place = [&](const QRectF &rect) {
        qsizetype cell = 0;
        if (!placeInCell(rect, &cell)) {
            mOutside.append(rect);
            return -1;
        }
        mCellObstacles[cell].append(rect);
        QRectF &bounds = mCellBounds[cell];
        bounds = bounds.isNull() ? rect : bounds.united(rect);
        return int(cell);
    };
    const qsizetype rowCount = rows.size();
    for (auto it = layout.cards().cbegin(); it != layout.cards().cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        const int cell = place(it.value());
        if (cell >= 0 && !it.key().isNull())
            mCards.insert(it.key(), {it.value(), int(cell / rowCount), int(cell % rowCount)});
    }
    for (auto it = layout.notes().cbegin(); it != layout.notes().cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        place(it.value());
        mNotes.insert(it.key(), it.value());
    }
    placeChannels();
}

bool ConnectorRouter::placeInCell(const QRectF &rect, qsizetype *cell) const
{
    const qsizetype columnCount = std::max<qsizetype>(mColumnX.size() - 1, 0);
    const qsizetype rowCount = mRowTop.size();
    const QPointF centre = rect.center();
    const qsizetype c = slotOf(mColumnX, centre.x(), columnCount);
    const qsizetype r = slotOf(mRowTop, centre.y(), rowCount);
    const bool inside = columnCount > 0 && rowCount > 0 && centre.x() >= mColumnX.first() &&
                        centre.x() < mColumnX.last() && centre.y() >= mRowTop.at(r) &&
                        centre.y() < mRowBottom.at(r);
    *cell = c * rowCount + r;
    return inside;
}

void ConnectorRouter::placeChannels()
{
    const qsizetype columnCount = std::max<qsizetype>(mColumnX.size() - 1, 0);
    const qsizetype rowCount = mRowTop.size();
    // The extremes of what stands in each column and row, for the width of the gutters.
    QList<qreal> columnLeft(columnCount, infinity);
    QList<qreal> columnRight(columnCount, -infinity);
    QList<qreal> rowTopmost(rowCount, infinity);
    QList<qreal> rowBottommost(rowCount, -infinity);
    for (qsizetype c = 0; c < columnCount; ++c) {
        for (qsizetype r = 0; r < rowCount; ++r) {
            const QRectF &bounds = mCellBounds.at(c * rowCount + r);
            if (bounds.isNull())
                continue;
            columnLeft[c] = std::min(columnLeft[c], bounds.left());
            columnRight[c] = std::max(columnRight[c], bounds.right());
            rowTopmost[r] = std::min(rowTopmost[r], bounds.top());
            rowBottommost[r] = std::max(rowBottommost[r], bounds.bottom());
        }
    }

    // A gutter's line runs midway through the free band around its boundary: between the
    // last card of one stage and the first of the next, between the lowest card of one
    // lane and the highest of the next; at the edges of the grid, just inside the headers.
    auto channel = [](bool vertical, qreal low, qreal high) {
        return Channel{vertical, (low + high) / 2, std::max<qreal>(0, (high - low) / 2)};
    };
    mChannels.clear();
    for (qsizetype i = 0; i <= columnCount && columnCount > 0; ++i) {
        const qreal x = mColumnX.at(i);
        const qreal low =
            i > 0 ? std::max(x - gutterReach, columnRight.at(i - 1)) : x - HeaderGap + clearance;
        const qreal high =
            i < columnCount ? std::min(x + gutterReach, columnLeft.at(i)) : x + Margin / 2;
        mChannels.append(channel(true, low, high));
    }
    mFirstHorizontal = int(mChannels.size());
    for (qsizetype j = 0; j <= rowCount && rowCount > 0; ++j) {
        qreal y = 0;
        if (j == 0)
            y = mRowTop.first();
        else if (j == rowCount)
            y = mRowBottom.last();
        else
            y = (mRowBottom.at(j - 1) + mRowTop.at(j)) / 2;
        const qreal low =
            j > 0 ? std::max(y - gutterReach, rowBottommost.at(j - 1)) : y - HeaderGap + clearance;
        const qreal high =
            j < rowCount ? std::min(y + gutterReach, rowTopmost.at(j)) : y + Margin / 2;
        mChannels.append(channel(false, low, high));
    }
}

bool ConnectorRouter::moveObstacles(const MapLayout &layout, const QSet<Id> &cards,
                                    const QSet<Id> &notes)
{
    // An obstacle outside every cell is known by its place alone, not by its card.
    if (!mOutside.isEmpty())
        return false;
    // The stages and lanes must be where they were: otherwise every cell moved.
    const QList<MapLayout::Column> &columns = layout.columns();
    const QList<MapLayout::Row> &rows = layout.rows();
    if (columns.size() + 1 != mColumnX.size() && !(columns.isEmpty() && mColumnX.isEmpty()))
        return false;
    if (rows.size() != mRowTop.size())
        return false;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (columns.at(c).x != mColumnX.at(c))
            return false;
    }
    if (!columns.isEmpty() && columns.last().x + columns.last().width != mColumnX.last())
        return false;
    for (qsizetype r = 0; r < rows.size(); ++r) {
        if (rows.at(r).y != mRowTop.at(r) || rows.at(r).y + rows.at(r).height != mRowBottom.at(r))
            return false;
    }

    // Where each goes, before anything changes, so that a refusal leaves the router whole.
    struct Move
    {
        QRectF from;
        QRectF to;
        qsizetype fromCell = -1;
        qsizetype toCell = -1;
    };
    QList<std::pair<Id, Move>> cardMoves;
    QList<std::pair<Id, Move>> noteMoves;
    const auto plan = [this](const QRectF &from, const QRectF &to, Move *move) {
        move->from = from;
        move->to = to;
        if (!from.isEmpty() && !placeInCell(from, &move->fromCell))
            return false;
        if (!to.isEmpty() && !placeInCell(to, &move->toCell))
            return false;
        return true;
    };
    for (const Id &id : cards) {
        Move move;
        if (!plan(mCards.value(id).rect, layout.cardRect(id), &move))
            return false;
        cardMoves.append({id, move});
    }
    for (const Id &id : notes) {
        Move move;
        if (!plan(mNotes.value(id), layout.noteRect(id), &move))
            return false;
        noteMoves.append({id, move});
    }

    QSet<qsizetype> changedCells;
    const auto apply = [&](const Move &move) {
        if (move.fromCell >= 0) {
            mCellObstacles[move.fromCell].removeOne(move.from);
            changedCells.insert(move.fromCell);
        }
        if (move.toCell >= 0) {
            mCellObstacles[move.toCell].append(move.to);
            changedCells.insert(move.toCell);
        }
    };
    const qsizetype rowCount = mRowTop.size();
    for (const auto &[id, move] : std::as_const(cardMoves)) {
        apply(move);
        if (move.toCell >= 0)
            mCards.insert(id, {move.to, int(move.toCell / rowCount), int(move.toCell % rowCount)});
        else
            mCards.remove(id);
    }
    for (const auto &[id, move] : std::as_const(noteMoves)) {
        apply(move);
        if (move.toCell >= 0)
            mNotes.insert(id, move.to);
        else
            mNotes.remove(id);
    }
    for (const qsizetype cell : std::as_const(changedCells)) {
        QRectF bounds;
        for (const QRectF &rect : std::as_const(mCellObstacles.at(cell)))
            bounds = bounds.isNull() ? rect : bounds.united(rect);
        mCellBounds[cell] = bounds;
    }
    placeChannels();
    return true;
}

ConnectorRouter::CellRange ConnectorRouter::cellsNear(const QRectF &rect, qreal margin) const
{
    const qsizetype columnCount = mColumnX.size() - 1;
    const qsizetype rowCount = mRowTop.size();
    if (columnCount <= 0 || rowCount <= 0)
        return {0, -1, 0, 0};
    // Rows have gaps between them: a line in a gap meets no row.
    return {slotOf(mColumnX, rect.left() - margin, columnCount),
            slotOf(mColumnX, rect.right() + margin, columnCount),
            std::upper_bound(mRowBottom.cbegin(), mRowBottom.cend(), rect.top() - margin) -
                mRowBottom.cbegin(),
            std::lower_bound(mRowTop.cbegin(), mRowTop.cend(), rect.bottom() + margin) -
                mRowTop.cbegin()};
}

bool ConnectorRouter::isClear(const QRectF &rect) const
{
    return isClearOf(rect, 0, {}, {});
}

bool ConnectorRouter::isClearOf(const QRectF &rect, qreal margin, const QRectF &except1,
                                const QRectF &except2) const
{
    auto blocks = [&](const QRectF &obstacle) {
        return overlaps(obstacle, rect, margin) && obstacle != except1 && obstacle != except2;
    };
    const CellRange range = cellsNear(rect, margin);
    for (qsizetype c = range.firstColumn; c <= range.lastColumn; ++c) {
        for (qsizetype r = range.firstRow; r < range.endRow; ++r) {
            const qsizetype cell = c * mRowTop.size() + r;
            if (!overlaps(mCellBounds.at(cell), rect, margin))
                continue;
            const QList<QRectF> &obstacles = mCellObstacles.at(cell);
            if (std::any_of(obstacles.cbegin(), obstacles.cend(), blocks))
                return false;
        }
    }
    return std::none_of(mOutside.cbegin(), mOutside.cend(), blocks);
}

QList<QRectF> ConnectorRouter::obstacles() const
{
    QList<QRectF> all = mOutside;
    for (const QList<QRectF> &cell : mCellObstacles)
        all.append(cell);
    return all;
}

QList<ConnectorRouter::Port> ConnectorRouter::ports(const Card &card) const
{
    QList<Port> result;
    if (mChannels.isEmpty())
        return result;
    const QRectF &r = card.rect;
    const int left = card.column;
    const int right = card.column + 1;
    const int above = mFirstHorizontal + card.row;
    const int below = mFirstHorizontal + card.row + 1;
    const Leg across{false, r.center().y(), -1};
    const Leg upright{true, r.center().x(), -1};

    // A side faces a gutter when nothing stands between them: every point of the side may
    // then be where a line leaves, as lines meeting there spread along it.
    const qreal leftX = mChannels.at(left).centre;
    if (isClearOf(QRectF(QPointF(leftX, r.top()), QPointF(r.left(), r.bottom())), 0, r, {}))
        result.append({Left, {across}, left, {}, 0});
    const qreal rightX = mChannels.at(right).centre;
    if (isClearOf(QRectF(QPointF(r.right(), r.top()), QPointF(rightX, r.bottom())), 0, r, {}))
        result.append({Right, {across}, right, {}, 0});

    // Above and below, a card of the line before or after may stand in the way: then the
    // line runs along the gap between the two lines of cards, to the stage's gutters.
    const int cell = card.column * int(mRowTop.size()) + card.row;
    const QList<QRectF> &neighbours = mCellObstacles.at(cell);
    for (const Side side : {Top, Bottom}) {
        const bool up = side == Top;
        const int gutter = up ? above : below;
        const qreal gutterY = mChannels.at(gutter).centre;
        const QRectF band = up ? QRectF(QPointF(r.left(), gutterY), QPointF(r.right(), r.top()))
                               : QRectF(QPointF(r.left(), r.bottom()), QPointF(r.right(), gutterY));
        if (isClearOf(band, 0, r, {})) {
            result.append({side, {upright}, gutter, {}, 0});
            continue;
        }
        qreal nearest = up ? -infinity : infinity;
        for (const QRectF &other : neighbours) {
            if (other == r || other.left() >= r.right() || other.right() <= r.left())
                continue;
            if (up && other.bottom() <= r.top())
                nearest = std::max(nearest, other.bottom());
            else if (!up && other.top() >= r.bottom())
                nearest = std::min(nearest, other.top());
        }
        if (!std::isfinite(nearest))
            continue;
        const qreal gapY = (nearest + (up ? r.top() : r.bottom())) / 2;
        const Leg gap{false, gapY, -1};
        for (const int vertical : {left, right}) {
            const qreal x = mChannels.at(vertical).centre;
            if (isClearOf(QRectF(QPointF(std::min(x, r.center().x()), gapY),
                                 QPointF(std::max(x, r.center().x()), gapY)),
                          clearance, r, {}))
                result.append({side, {upright, gap}, vertical, {}, 0});
        }
    }

    // Where each way meets its gutter, and how far it is from the card to there: what a
    // route through it costs at least.
    for (Port &port : result) {
        const Channel &gutter = mChannels.at(port.channel);
        const qreal along = port.legs.last().coord;
        port.attach =
            gutter.vertical ? QPointF(gutter.centre, along) : QPointF(along, gutter.centre);
        Legs legs = port.legs;
        legs.append({gutter.vertical, gutter.centre, port.channel});
        const Corners corners = points(r, port.side, r, port.side, legs);
        port.length = 0;
        for (qsizetype i = 1; i + 1 < corners.size(); ++i)
            port.length += manhattan(corners.at(i - 1), corners.at(i));
    }
    return result;
}

ConnectorRouter::Legs ConnectorRouter::simplified(Legs legs)
{
    // A leg whose neighbours lie on one line has no length: it goes, and they become one.
    for (qsizetype i = 1; i + 1 < legs.size();) {
        const Leg &before = legs.at(i - 1);
        const Leg &after = legs.at(i + 1);
        if (before.vertical != after.vertical || std::abs(before.coord - after.coord) > 0.01) {
            ++i;
            continue;
        }
        Leg merged = before.channel < 0 ? before : after;
        if (i - 1 == 0 || i + 1 == legs.size() - 1)
            merged.channel = -1; // an end keeps the place where it meets its card
        legs[i - 1] = merged;
        legs.remove(i, 2);
        i = std::max<qsizetype>(1, i - 1);
    }
    return legs;
}

ConnectorRouter::Corners ConnectorRouter::points(const QRectF &from, Side fromSide,
                                                 const QRectF &to, Side toSide, const Legs &legs)
{
    auto onSide = [](const QRectF &r, Side side, qreal coord) {
        switch (side) {
        case Left:
            return QPointF(r.left(), coord);
        case Right:
            return QPointF(r.right(), coord);
        case Top:
            return QPointF(coord, r.top());
        case Bottom:
            break;
        }
        return QPointF(coord, r.bottom());
    };
    Corners result;
    if (legs.isEmpty())
        return result;
    result.append(onSide(from, fromSide, legs.first().coord));
    for (qsizetype i = 0; i + 1 < legs.size(); ++i) {
        const Leg &a = legs.at(i);
        const Leg &b = legs.at(i + 1);
        result.append(a.vertical ? QPointF(a.coord, b.coord) : QPointF(b.coord, a.coord));
    }
    result.append(onSide(to, toSide, legs.last().coord));
    return result;
}

QList<QPointF> ConnectorRouter::tidy(const Corners &corners)
{
    QList<QPointF> points(corners.cbegin(), corners.cend());
    // No corner twice, and none in the middle of a straight stretch.
    for (qsizetype i = 1; i < points.size();) {
        if (QLineF(points.at(i - 1), points.at(i)).length() < 0.01)
            points.remove(i);
        else
            ++i;
    }
    for (qsizetype i = 1; i + 1 < points.size();) {
        const QPointF &a = points.at(i - 1);
        const QPointF &b = points.at(i);
        const QPointF &c = points.at(i + 1);
        const bool straight = (std::abs(a.x() - b.x()) < 0.01 && std::abs(b.x() - c.x()) < 0.01) ||
                              (std::abs(a.y() - b.y()) < 0.01 && std::abs(b.y() - c.y()) < 0.01);
        if (straight)
            points.remove(i);
        else
            ++i;
    }
    return points;
}

void ConnectorRouter::consider(Plan &best, const Card &from, Side fromSide, const Card &to,
                               Side toSide, const Legs &candidate, bool check) const
{
    Legs legs = simplified(candidate);
    const Corners corners = points(from.rect, fromSide, to.rect, toSide, legs);
    if (corners.size() < 2)
        return;

    qreal cost = bendCost * qreal(corners.size() - 2);
    for (qsizetype i = 1; i < corners.size(); ++i)
        cost += manhattan(corners.at(i - 1), corners.at(i));
    if (manhattan(corners.at(0), corners.at(1)) < minStub)
        cost += shortStubCost;
    if (manhattan(corners.at(corners.size() - 2), corners.last()) < minStub)
        cost += shortStubCost;
    if (best.valid && cost >= best.cost)
        return;

    // Lines through gutters and off a free side are clear by construction; the others are
    // checked, last, since most lose on cost before.
    if (check) {
        for (qsizetype i = 1; i < corners.size(); ++i) {
            const QRectF segment = QRectF(corners.at(i - 1), corners.at(i)).normalized();
            if (!isClearOf(segment, clearance, from.rect, to.rect))
                return;
        }
    }
    best.fromSide = fromSide;
    best.toSide = toSide;
    best.legs = std::move(legs);
    best.cost = cost;
    best.valid = true;
}

int ConnectorRouter::bestCrossing(bool vertical, qreal a, qreal b) const
{
    // The gutters of one direction are in order: the one nearest the middle of a and b, or
    // next to it, makes the shortest way across; of those as short, the one in the middle.
    const int first = vertical ? 0 : mFirstHorizontal;
    const int last = vertical ? mFirstHorizontal : int(mChannels.size());
    const qreal middle = (a + b) / 2;
    const auto begin = mChannels.cbegin() + first;
    const auto end = mChannels.cbegin() + last;
    const int at = int(std::lower_bound(begin, end, middle,
                                        [](const Channel &c, qreal v) { return c.centre < v; }) -
                       mChannels.cbegin());
    int best = -1;
    std::pair<qreal, qreal> bestKey(infinity, infinity);
    for (const int i : {at - 1, at}) {
        if (i < first || i >= last)
            continue;
        const qreal c = mChannels.at(i).centre;
        const std::pair<qreal, qreal> key(std::abs(a - c) + std::abs(c - b), std::abs(c - middle));
        if (key < bestKey) {
            best = i;
            bestKey = key;
        }
    }
    return best;
}

void ConnectorRouter::join(Plan &best, const Card &from, const Port &a, const Card &to,
                           const Port &b) const
{
    const Channel &ca = mChannels.at(a.channel);
    const Channel &cb = mChannels.at(b.channel);
    auto through = [&](std::initializer_list<Leg> middle, bool check) {
        Legs legs = a.legs;
        for (const Leg &leg : middle)
            legs.append(leg);
        for (auto it = b.legs.crbegin(); it != b.legs.crend(); ++it)
            legs.append(*it);
        consider(best, from, a.side, to, b.side, legs, check);
    };
    const Leg legA{ca.vertical, ca.centre, a.channel};
    const Leg legB{cb.vertical, cb.centre, b.channel};

    if (ca.vertical != cb.vertical) {
        through({legA, legB}, false);
        return;
    }
    if (a.channel == b.channel) {
        through({legA}, false);
        return;
    }
    const qreal ta = a.legs.last().coord;
    const qreal tb = b.legs.last().coord;
    const int crossing = bestCrossing(!ca.vertical, ta, tb);
    if (crossing >= 0) {
        const Channel &cc = mChannels.at(crossing);
        through({legA, {cc.vertical, cc.centre, crossing}, legB}, false);
    }
    if (best.valid && a.length + b.length + manhattan(a.attach, b.attach) >= best.cost)
        return;
    // Straight on from either end, where no card stands in the way.
    through({legA, {!ca.vertical, ta, -1}, legB}, true);
    through({legA, {!ca.vertical, tb, -1}, legB}, true);
}

void ConnectorRouter::direct(Plan &best, const Card &from, const Card &to) const
{
    const QRectF &f = from.rect;
    const QRectF &t = to.rect;

    // Facing sides with an overlap: one straight line.
    const qreal top = std::max(f.top(), t.top());
    const qreal bottom = std::min(f.bottom(), t.bottom());
    if (bottom - top >= 2 * portInset) {
        const Leg across{false, (top + bottom) / 2, -1};
        if (t.left() >= f.right())
            consider(best, from, Right, to, Left, {across}, true);
        else if (t.right() <= f.left())
            consider(best, from, Left, to, Right, {across}, true);
    }
    const qreal left = std::max(f.left(), t.left());
    const qreal right = std::min(f.right(), t.right());
    if (right - left >= 2 * portInset) {
        const Leg upright{true, (left + right) / 2, -1};
        if (t.top() >= f.bottom())
            consider(best, from, Bottom, to, Top, {upright}, true);
        else if (t.bottom() <= f.top())
            consider(best, from, Top, to, Bottom, {upright}, true);
    }

    // One bend: out of a side of one card and into the top or bottom of the other.
    const Leg fromAcross{false, f.center().y(), -1};
    const Leg fromUpright{true, f.center().x(), -1};
    const Leg toAcross{false, t.center().y(), -1};
    const Leg toUpright{true, t.center().x(), -1};
    const Side fromHorizontal = t.center().x() > f.center().x() ? Right : Left;
    const Side toVertical = f.center().y() < t.center().y() ? Top : Bottom;
    consider(best, from, fromHorizontal, to, toVertical, {fromAcross, toUpright}, true);
    const Side fromVertical = t.center().y() > f.center().y() ? Bottom : Top;
    const Side toHorizontal = f.center().x() < t.center().x() ? Left : Right;
    consider(best, from, fromVertical, to, toHorizontal, {fromUpright, toAcross}, true);

    // Two bends, through the middle of the space between them.
    if (t.left() - f.right() >= 2 * minStub || f.left() - t.right() >= 2 * minStub) {
        const bool rightwards = t.left() > f.right();
        const qreal x = rightwards ? (f.right() + t.left()) / 2 : (t.right() + f.left()) / 2;
        consider(best, from, rightwards ? Right : Left, to, rightwards ? Left : Right,
                 {fromAcross, {true, x, -1}, toAcross}, true);
    }
    if (t.top() - f.bottom() >= 2 * minStub || f.top() - t.bottom() >= 2 * minStub) {
        const bool downwards = t.top() > f.bottom();
        const qreal y = downwards ? (f.bottom() + t.top()) / 2 : (t.bottom() + f.top()) / 2;
        consider(best, from, downwards ? Bottom : Top, to, downwards ? Top : Bottom,
                 {fromUpright, {false, y, -1}, toUpright}, true);
    }
}

ConnectorRouter::Plan ConnectorRouter::plan(const Card &from, const QList<Port> &fromPorts,
                                            const Card &to, const QList<Port> &toPorts) const
{
    // The ways through gutters first, the most promising first: they need no checking and
    // set the cost to beat, and a pair of ways that cannot beat it is not looked at.
    struct Pair
    {
        qreal bound;
        qsizetype a;
        qsizetype b;
    };
    QVarLengthArray<Pair, 64> pairs;
    for (qsizetype a = 0; a < fromPorts.size(); ++a) {
        for (qsizetype b = 0; b < toPorts.size(); ++b) {
            const Port &pa = fromPorts.at(a);
            const Port &pb = toPorts.at(b);
            pairs.append({pa.length + pb.length + manhattan(pa.attach, pb.attach), a, b});
        }
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const Pair &x, const Pair &y) { return x.bound < y.bound; });
    Plan best;
    for (const Pair &pair : std::as_const(pairs)) {
        if (best.valid && pair.bound >= best.cost)
            break;
        join(best, from, fromPorts.at(pair.a), to, toPorts.at(pair.b));
    }
    direct(best, from, to);
    return best;
}

QList<QPointF> ConnectorRouter::route(const Id &fromId, const Id &toId) const
{
    const auto from = mCards.constFind(fromId);
    const auto to = mCards.constFind(toId);
    if (fromId == toId || from == mCards.cend() || to == mCards.cend())
        return {};
    const Plan best = plan(*from, ports(*from), *to, ports(*to));
    if (!best.valid)
        return {};
    return tidy(points(from->rect, best.fromSide, to->rect, best.toSide, best.legs));
}

QList<QList<QPointF>> ConnectorRouter::routeAll(const QList<Connector> &connectors) const
{
    QHash<Id, QList<Port>> portsOf;
    // By value: a second look-up may grow the hash under a reference to the first.
    auto portsFor = [&](const Id &id, const Card &card) -> QList<Port> {
        auto it = portsOf.find(id);
        if (it == portsOf.end())
            it = portsOf.insert(id, ports(card));
        return *it;
    };

    QList<Routed> routed(connectors.size());
    for (qsizetype i = 0; i < connectors.size(); ++i) {
        const Connector &c = connectors.at(i);
        const auto from = mCards.constFind(c.fromId);
        const auto to = mCards.constFind(c.toId);
        if (c.fromId == c.toId || from == mCards.cend() || to == mCards.cend())
            continue;
        routed[i].plan = plan(*from, portsFor(c.fromId, *from), *to, portsFor(c.toId, *to));
        routed[i].plan.fromId = c.fromId;
        routed[i].plan.toId = c.toId;
        routed[i].from = &*from;
        routed[i].to = &*to;
    }

    spreadPorts(routed);
    spreadTracks(routed);

    QList<QList<QPointF>> result(connectors.size());
    for (qsizetype i = 0; i < routed.size(); ++i) {
        const Routed &r = routed.at(i);
        if (r.plan.valid)
            result[i] =
                tidy(points(r.from->rect, r.plan.fromSide, r.to->rect, r.plan.toSide, r.plan.legs));
    }
    return result;
}

void ConnectorRouter::spreadPorts(QList<Routed> &routed) const
{
    // The ends meeting each side of each card, with where each line heads from there: lines
    // heading up take the upper places on a left or right side, and so on, so that lines
    // leaving one side do not cross each other on the way to their gutters.
    struct End
    {
        qsizetype index;
        bool atEnd;
        qreal key;
    };
    auto alongSide = [](Side side, const QPointF &p) {
        return side == Left || side == Right ? p.y() : p.x();
    };
    QHash<std::pair<Id, int>, QList<End>> sides;
    for (qsizetype i = 0; i < routed.size(); ++i) {
        const Routed &r = routed.at(i);
        if (!r.plan.valid)
            continue;
        const Corners corners =
            points(r.from->rect, r.plan.fromSide, r.to->rect, r.plan.toSide, r.plan.legs);
        const qsizetype n = corners.size();
        sides[{r.plan.fromId, r.plan.fromSide}].append(
            {i, false, alongSide(r.plan.fromSide, corners.at(std::min<qsizetype>(2, n - 1)))});
        sides[{r.plan.toId, r.plan.toSide}].append(
            {i, true, alongSide(r.plan.toSide, corners.at(std::max<qsizetype>(n - 3, 0)))});
    }

    // A straight line has one leg for both ends: where its ends want different places, it
    // gets a jog halfway between the cards, if that is clear, else stays as it was.
    QHash<qsizetype, std::pair<qreal, qreal>> straight; // by index: start and end places
    for (auto it = sides.begin(); it != sides.end(); ++it) {
        QList<End> &ends = it.value();
        if (ends.size() < 2)
            continue;
        std::stable_sort(ends.begin(), ends.end(),
                         [](const End &a, const End &b) { return a.key < b.key; });
        const Side side = Side(it.key().second);
        const Routed &first = routed.at(ends.first().index);
        const QRectF &rect = ends.first().atEnd ? first.to->rect : first.from->rect;
        const bool across = side == Left || side == Right;
        const qreal low = (across ? rect.top() : rect.left()) + portInset;
        const qreal high = (across ? rect.bottom() : rect.right()) - portInset;
        const qsizetype n = ends.size();
        const qreal spacing = std::min(portSpacing, (high - low) / qreal(n - 1));
        const qreal centre = (low + high) / 2;
        for (qsizetype k = 0; k < n; ++k) {
            const qreal place = centre + (qreal(k) - qreal(n - 1) / 2) * spacing;
            Plan &plan = routed[ends.at(k).index].plan;
            if (plan.legs.size() == 1) {
                auto found = straight.find(ends.at(k).index);
                if (found == straight.end()) {
                    const qreal coord = plan.legs.first().coord;
                    found = straight.insert(ends.at(k).index, {coord, coord});
                }
                (ends.at(k).atEnd ? found->second : found->first) = place;
            } else {
                // A leg that runs on past the card's own gutter may meet a card elsewhere
                // once moved: then it stays where it was found clear.
                const Routed &r = routed.at(ends.at(k).index);
                Leg &leg = ends.at(k).atEnd ? plan.legs.last() : plan.legs.first();
                const qreal found = leg.coord;
                leg.coord = place;
                const Corners corners =
                    points(r.from->rect, plan.fromSide, r.to->rect, plan.toSide, plan.legs);
                const qsizetype last = corners.size() - 1;
                const qsizetype from = ends.at(k).atEnd ? std::max<qsizetype>(last - 2, 0) : 0;
                const qsizetype to = ends.at(k).atEnd ? last : std::min<qsizetype>(2, last);
                for (qsizetype i = from + 1; i <= to; ++i) {
                    const QRectF segment = QRectF(corners.at(i - 1), corners.at(i)).normalized();
                    if (!isClearOf(segment, clearance, r.from->rect, r.to->rect)) {
                        leg.coord = found;
                        break;
                    }
                }
            }
        }
    }
    for (auto it = straight.cbegin(); it != straight.cend(); ++it) {
        Routed &r = routed[it.key()];
        const auto [start, end] = it.value();
        const Leg line = r.plan.legs.first();
        if (std::abs(start - end) < 0.5) {
            r.plan.legs.first().coord = start;
            continue;
        }
        const QRectF &f = r.from->rect;
        const QRectF &t = r.to->rect;
        qreal middle = 0;
        switch (r.plan.fromSide) {
        case Left:
            middle = (f.left() + t.right()) / 2;
            break;
        case Right:
            middle = (f.right() + t.left()) / 2;
            break;
        case Top:
            middle = (f.top() + t.bottom()) / 2;
            break;
        case Bottom:
            middle = (f.bottom() + t.top()) / 2;
            break;
        }
        const Legs jog{
            {line.vertical, start, -1}, {!line.vertical, middle, -1}, {line.vertical, end, -1}};
        const Corners corners = points(f, r.plan.fromSide, t, r.plan.toSide, jog);
        bool clear = true;
        for (qsizetype i = 1; i < corners.size() && clear; ++i)
            clear =
                isClearOf(QRectF(corners.at(i - 1), corners.at(i)).normalized(), clearance, f, t);
        if (clear)
            r.plan.legs = jog;
    }
}

void ConnectorRouter::spreadTracks(QList<Routed> &routed) const
{
    // Each leg in a gutter, with the stretch of the gutter it takes.
    struct Piece
    {
        qsizetype index;
        qsizetype leg;
        qreal low;
        qreal high;
    };
    QList<QList<Piece>> byChannel(mChannels.size());
    for (qsizetype i = 0; i < routed.size(); ++i) {
        const Plan &plan = routed.at(i).plan;
        if (!plan.valid)
            continue;
        for (qsizetype leg = 1; leg + 1 < plan.legs.size(); ++leg) {
            const int channel = plan.legs.at(leg).channel;
            if (channel < 0)
                continue;
            const qreal a = plan.legs.at(leg - 1).coord;
            const qreal b = plan.legs.at(leg + 1).coord;
            byChannel[channel].append({i, leg, std::min(a, b), std::max(a, b)});
        }
    }

    // Within a gutter, legs whose stretches overlap take tracks side by side: each the
    // first track free where it starts. A run of overlapping legs is centred on the gutter.
    // TODO: Tracks are handed out in the order legs start, not in the order that crosses
    // fewest lines, so two lines sharing a gutter may cross once more than they need to.
    QList<std::pair<Piece, qreal>> moves;
    for (qsizetype channel = 0; channel < byChannel.size(); ++channel) {
        QList<Piece> &pieces = byChannel[channel];
        if (pieces.isEmpty())
            continue;
        std::stable_sort(pieces.begin(), pieces.end(), [](const Piece &a, const Piece &b) {
            return a.low < b.low || (a.low == b.low && a.high < b.high);
        });
        const Channel &c = mChannels.at(channel);
        QList<qreal> trackEnds;
        QList<qsizetype> track(pieces.size());
        qsizetype runStart = 0;
        qreal runEnd = -infinity;
        auto finishRun = [&](qsizetype runStop) {
            const qsizetype n = trackEnds.size();
            const qreal room = 2 * std::max<qreal>(0, c.halfWidth - trackKeep);
            const qreal spacing = n > 1 ? std::min(trackSpacing, room / qreal(n - 1)) : 0;
            for (qsizetype k = runStart; k < runStop; ++k) {
                const qreal offset = (qreal(track.at(k)) - qreal(n - 1) / 2) * spacing;
                moves.append({pieces.at(k), c.centre + offset});
            }
            trackEnds.clear();
        };
        for (qsizetype k = 0; k < pieces.size(); ++k) {
            const Piece &p = pieces.at(k);
            if (p.low > runEnd + 1) {
                finishRun(k);
                runStart = k;
            }
            const auto free = std::find_if(trackEnds.begin(), trackEnds.end(),
                                           [&](qreal end) { return end + 1 < p.low; });
            if (free == trackEnds.end()) {
                track[k] = trackEnds.size();
                trackEnds.append(p.high);
            } else {
                track[k] = free - trackEnds.begin();
                *free = p.high;
            }
            runEnd = std::max(runEnd, p.high);
        }
        finishRun(pieces.size());
    }
    for (const auto &[piece, coord] : std::as_const(moves))
        routed[piece.index].plan.legs[piece.leg].coord = coord;
}

QPointF ConnectorRouter::labelCentre(const QList<QPointF> &points, const QSizeF &labelSize) const
{
    if (points.size() < 2)
        return points.value(0);

    // Horizontal stretches first, the longest first: a label reads best along the line.
    QList<qsizetype> order;
    for (qsizetype i = 1; i < points.size(); ++i)
        order.append(i);
    auto horizontal = [&](qsizetype i) {
        return std::abs(points.at(i - 1).y() - points.at(i).y()) < 0.01;
    };
    auto length = [&](qsizetype i) {
        return QLineF(points.at(i - 1), points.at(i)).length();
    };
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        if (horizontal(a) != horizontal(b))
            return horizontal(a);
        return length(a) > length(b);
    });

    const QPointF half(labelSize.width() / 2, labelSize.height() / 2);
    constexpr qreal step = 8;
    for (const qsizetype i : std::as_const(order)) {
        const QLineF segment(points.at(i - 1), points.at(i));
        const qreal along = segment.length();
        // From the middle of the stretch outwards, keeping off its rounded corners.
        for (qreal offset = 0; offset <= along / 2; offset += step) {
            for (const qreal sign : {1.0, -1.0}) {
                const QPointF centre = segment.pointAt(0.5 + sign * offset / along);
                if (isClear(QRectF(centre - half, labelSize)))
                    return centre;
            }
        }
    }
    // Nowhere clear (a short line between neighbours): where it covers the least of them.
    // TODO: A label longer than the gap between two neighbouring cards still covers their
    // edges; routing a labelled line the long way round, through a gutter, would keep both
    // the label and the cards readable.
    QPointF best = QLineF(points.at(0), points.at(1)).center();
    qreal bestCovered = infinity;
    for (const qsizetype i : std::as_const(order)) {
        const QLineF segment(points.at(i - 1), points.at(i));
        const qreal along = segment.length();
        for (qreal offset = 0; offset <= along; offset += step) {
            const QPointF centre = segment.pointAt(along > 0 ? offset / along : 0);
            const qreal covered = coveredArea(QRectF(centre - half, labelSize));
            if (covered < bestCovered) {
                best = centre;
                bestCovered = covered;
            }
        }
    }
    return best;
}

qreal ConnectorRouter::coveredArea(const QRectF &rect) const
{
    qreal area = 0;
    auto add = [&](const QRectF &obstacle) {
        const QRectF common = obstacle.intersected(rect);
        area += common.width() * common.height();
    };
    const CellRange range = cellsNear(rect, 0);
    for (qsizetype c = range.firstColumn; c <= range.lastColumn; ++c) {
        for (qsizetype r = range.firstRow; r < range.endRow; ++r) {
            for (const QRectF &obstacle : mCellObstacles.at(c * mRowTop.size() + r)) {
                if (overlaps(obstacle, rect, 0))
                    add(obstacle);
            }
        }
    }
    for (const QRectF &obstacle : mOutside)
        add(obstacle);
    return area;
}

} // namespace Waymark
