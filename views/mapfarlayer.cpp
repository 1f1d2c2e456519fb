#include "mapfarlayer.h"

#include "annotationitems.h"
#include "canvaslogging.h"
#include "connectoritem.h"
#include "mapscene.h"
#include "mapstyle.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace Waymark {

using namespace MapStyle;

namespace {

// Far out a connector is a hairline over the canvas, faint beside the cards it joins.
constexpr qreal lineStrength = 0.6;
// Tiles whose corners would round by less than this many pixels are plain rectangles, which
// fill many times faster than rounded ones.
constexpr qreal minCornerPixels = 1.5;
// How strongly a note's colour shows on its tile: notes are paler than cards.
constexpr qreal noteStrength = 0.55;
const QColor searchMatchColor(0xf2, 0xa9, 0x00);

// The device pixels a rectangle covers, edge to edge with its neighbours, at least one.
QRect pixelsOf(const QRectF &mapped)
{
    const int left = qRound(mapped.left());
    const int top = qRound(mapped.top());
    const int right = std::max(left + 1, qRound(mapped.right()));
    const int bottom = std::max(top + 1, qRound(mapped.bottom()));
    return QRect(left, top, right - left, bottom - top);
}

// A horizontal or vertical piece of a line, width pixels wide, as the rectangle of pixels
// it covers: the raster engine fills rectangles far faster than it strokes lines. False for
// a slanted piece, which has to be stroked.
bool addSegment(QList<QRect> &pixels, const QPointF &a, const QPointF &b, int width)
{
    const qreal half = width / 2.0;
    const qreal left = std::min(a.x(), b.x());
    const qreal right = std::max(a.x(), b.x());
    const qreal top = std::min(a.y(), b.y());
    const qreal bottom = std::max(a.y(), b.y());
    if (bottom - top < 0.5) {
        const int y = int(std::floor(top - half + 0.5));
        pixels.append(
            QRect(QPoint(int(std::floor(left)), y), QPoint(int(std::floor(right)), y + width - 1)));
        return true;
    }
    if (right - left < 0.5) {
        const int x = int(std::floor(left - half + 0.5));
        pixels.append(
            QRect(QPoint(x, int(std::floor(top))), QPoint(x + width - 1, int(std::floor(bottom)))));
        return true;
    }
    return false;
}

// Pieces of lines that overlap along one column of pixels (or one row) become one rectangle,
// and side by side columns that run the same length become one wider rectangle. At fit-all
// hundreds of lines run down the same few gutter columns, and the raster engine fills a
// rectangle a row at a time: unmerged, every line would cost its whole height again.
QList<QRect> merged(QList<QRect> pixels)
{
    const auto tall = [](const QRect &r) {
        return r.height() > r.width();
    };
    std::sort(pixels.begin(), pixels.end(), [&tall](const QRect &a, const QRect &b) {
        const bool tallA = tall(a);
        const bool tallB = tall(b);
        if (tallA != tallB)
            return tallA;
        if (tallA)
            return std::tuple(a.left(), a.width(), a.top()) <
                   std::tuple(b.left(), b.width(), b.top());
        return std::tuple(a.top(), a.height(), a.left()) <
               std::tuple(b.top(), b.height(), b.left());
    });
    QList<QRect> lengths;
    lengths.reserve(pixels.size());
    for (const QRect &r : std::as_const(pixels)) {
        if (!lengths.isEmpty()) {
            QRect &last = lengths.last();
            if (tall(r) && tall(last) && last.left() == r.left() && last.width() == r.width() &&
                r.top() <= last.bottom() + 1) {
                last.setBottom(std::max(last.bottom(), r.bottom()));
                continue;
            }
            if (!tall(r) && !tall(last) && last.top() == r.top() && last.height() == r.height() &&
                r.left() <= last.right() + 1) {
                last.setRight(std::max(last.right(), r.right()));
                continue;
            }
        }
        lengths.append(r);
    }

    std::sort(lengths.begin(), lengths.end(), [](const QRect &a, const QRect &b) {
        return std::tuple(a.top(), a.bottom(), a.left()) <
               std::tuple(b.top(), b.bottom(), b.left());
    });
    QList<QRect> out;
    out.reserve(lengths.size());
    for (const QRect &r : std::as_const(lengths)) {
        if (!out.isEmpty()) {
            QRect &last = out.last();
            if (last.top() == r.top() && last.bottom() == r.bottom() &&
                r.left() <= last.right() + 1) {
                last.setRight(std::max(last.right(), r.right()));
                continue;
            }
        }
        out.append(r);
    }
    return out;
}

void fillPixels(QPainter *painter, const QColor &color, const QList<QRect> &pixels)
{
    if (pixels.isEmpty())
        return;
    const QList<QRect> rects = merged(pixels);
    painter->setBrush(color);
    painter->drawRects(rects.constData(), int(rects.size()));
}

// Tiles of one colour: as rectangles of whole pixels, or with rounded corners where they are
// large enough to show them.
struct Tiles
{
    QList<QRectF> rects; // in device coordinates
    qreal radius = 0;    // in device pixels, for all of them
};

void paintTiles(QPainter *painter, const QHash<QRgb, Tiles> &tiles)
{
    QList<QRect> pixels;
    for (auto it = tiles.cbegin(); it != tiles.cend(); ++it) {
        const QColor color = QColor::fromRgba(it.key());
        if (it->radius < minCornerPixels) {
            pixels.clear();
            for (const QRectF &rect : it->rects)
                pixels.append(pixelsOf(rect));
            painter->setRenderHint(QPainter::Antialiasing, false);
            fillPixels(painter, color, pixels);
            continue;
        }
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setBrush(color);
        for (const QRectF &rect : it->rects)
            painter->drawRoundedRect(rect, it->radius, it->radius);
    }
}

} // namespace

MapFarLayer::MapFarLayer(MapScene *scene)
    : mScene(scene)
{}

void MapFarLayer::setActive(bool active)
{
    if (active == mActive)
        return;
    mActive = active;
    invalidate();
    applyFlags();
    // The items that start or stop painting themselves repaint nothing by themselves.
    mScene->update();
}

void MapFarLayer::refresh()
{
    invalidate();
    if (mActive)
        applyFlags();
}

void MapFarLayer::update()
{
    invalidate();
    if (mActive)
        mScene->update();
}

bool MapFarLayer::paintKept(QPainter *painter, const QRectF &rect,
                            const std::function<void(QPainter *, const QRectF &)> &paintAll)
{
    if (!mActive)
        return false;
    const QTransform transform = painter->worldTransform();
    const QRect device = transform.mapRect(rect).toAlignedRect();
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    // A picture beyond a few screens (an export of the whole map far out) is not kept.
    constexpr qreal maxPixels = 4096.0 * 4096.0;
    if (device.isEmpty() || qreal(device.width()) * device.height() * ratio * ratio > maxPixels)
        return false;

    const qint64 palette = mScene->palette().cacheKey();
    const int hints = int(painter->renderHints());
    const size_t state = itemState();
    if (mKept.isNull() || mKeptTransform != transform || mKeptPalette != palette ||
        mKeptHints != hints || mKeptState != state || !mKeptRect.contains(device) ||
        mKept.devicePixelRatio() != ratio) {
        if (transform != mKeptTransform && transform != mMissedTransform) {
            mMissedTransform = transform;
            invalidate();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        // The whole device rectangle, the same pixels as painting it directly: the picture
        // is drawn with the same transform, moved by whole pixels only.
        mKept =
            QImage((QSizeF(device.size()) * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
        mKept.setDevicePixelRatio(ratio);
        mKept.fill(canvasColor(mScene->palette()));
        QPainter kept(&mKept);
        kept.setRenderHints(painter->renderHints());
        kept.setTransform(transform * QTransform::fromTranslate(-device.left(), -device.top()));
        paintAll(&kept, transform.inverted().mapRect(QRectF(device)));
        kept.end();
        mKeptRect = device;
        mKeptTransform = transform;
        mKeptPalette = palette;
        mKeptHints = hints;
        mKeptState = state;
        qCDebug(lcCanvas) << "far picture drawn in" << timer.nsecsElapsed() / 1000 << "µs";
    }

    painter->save();
    painter->resetTransform();
    const QRectF source(QPointF(device.topLeft() - mKeptRect.topLeft()) * ratio,
                        QSizeF(device.size()) * ratio);
    painter->drawImage(QRectF(device), mKept, source);
    painter->restore();
    return true;
}

size_t MapFarLayer::itemState() const
{
    // Moves, the selection and a search's matches reach the layer (update(), invalidate());
    // opacity and tints are all that is left to look at.
    size_t seed = 0;
    const QList<TouchpointCardItem *> cards = mScene->cards();
    for (const TouchpointCardItem *card : cards) {
        const QColor tint = card->heatTint();
        seed = qHashMulti(seed, card->opacity(), tint.isValid() ? tint.rgba() : 0u);
    }
    const QList<ConnectorItem *> connectors = mScene->connectors();
    for (const ConnectorItem *line : connectors)
        seed = qHashMulti(seed, line->opacity());
    const QList<AnnotationNoteItem *> notes = mScene->annotationNotes();
    for (const AnnotationNoteItem *note : notes)
        seed = qHashMulti(seed, note->opacity());
    return seed;
}

void MapFarLayer::applyFlags()
{
    // Setting a flag an item already has costs a comparison: every item is told, new or not.
    const auto apply = [this](QGraphicsItem *item) {
        item->setFlag(QGraphicsItem::ItemHasNoContents, mActive);
    };
    const QList<TouchpointCardItem *> cards = mScene->cards();
    for (TouchpointCardItem *card : cards) {
        apply(card);
        for (AnnotationMarkerItem *marker : card->markers())
            apply(marker);
    }
    // Near, a line at rest is drawn by the scene beneath the items, and a selected one
    // draws itself (ConnectorItem::isDrawnByScene()).
    const QList<ConnectorItem *> connectors = mScene->connectors();
    for (ConnectorItem *line : connectors)
        line->setFlag(QGraphicsItem::ItemHasNoContents, mActive || !line->isSelected());
    const QList<ConnectorLabelItem *> labels = mScene->connectorLabels();
    for (ConnectorLabelItem *label : labels)
        apply(label);
    const QList<AnnotationNoteItem *> notes = mScene->annotationNotes();
    for (AnnotationNoteItem *note : notes)
        apply(note);
}

void MapFarLayer::paint(QPainter *painter, const QRectF &rect) const
{
    const QTransform transform = painter->worldTransform();
    const qreal scale = QStyleOptionGraphicsItem::levelOfDetailFromTransform(transform);
    if (!isFar(scale) && !mActive)
        return;
    QElapsedTimer timer;
    timer.start();

    // Everything is gathered in device pixels, grouped by colour, and filled a colour at a
    // time. The canvas is only ever scaled and moved, never turned.
    const QPalette palette = mScene->palette();
    const QColor canvas = canvasColor(palette);
    // Items a persona's focus dims (their opacity) fade into the canvas.
    const auto faded = [&canvas](const QColor &color, qreal opacity) {
        return opacity < 1 ? mix(canvas, color, opacity) : color;
    };
    const QColor lineColor = mix(canvas, connectorColor(palette), lineStrength);
    QHash<QRgb, QList<QRect>> lines;
    QList<QRect> selectedLines;
    QList<std::pair<QLineF, QColor>> slanted;
    const QList<ConnectorItem *> connectors = mScene->connectors();
    for (const ConnectorItem *item : connectors) {
        if (!item->sceneBoundingRect().intersects(rect))
            continue;
        const bool selected = item->isSelected();
        const QColor color = faded(lineColor, item->opacity());
        QList<QRect> &pixels = selected ? selectedLines : lines[color.rgba()];
        const QList<QPointF> &points = item->points();
        for (qsizetype i = 1; i < points.size(); ++i) {
            const QPointF a = transform.map(points.at(i - 1));
            const QPointF b = transform.map(points.at(i));
            if (!addSegment(pixels, a, b, selected ? 2 : 1))
                slanted.append({QLineF(a, b), color});
        }
    }

    QHash<QRgb, Tiles> tiles;
    QHash<QRgb, Tiles> markerTiles;
    QList<QRectF> selectedCards;
    QList<QRectF> matchedCards;
    const QList<TouchpointCardItem *> cards = mScene->cards();
    for (const TouchpointCardItem *card : cards) {
        const QRectF box(card->pos(), card->size());
        if (!box.intersects(rect))
            continue;
        const QRectF mapped = transform.mapRect(box);
        const qreal opacity = card->opacity();
        Tiles &group = tiles[faded(card->tileColor(palette), opacity).rgba()];
        group.rects.append(mapped);
        group.radius = std::max(group.radius, card->cornerRadius() * scale);
        if (card->isSelected())
            selectedCards.append(mapped);
        else if (card->isHighlighted())
            matchedCards.append(mapped);
        // A card's pain points and opportunities still show as dots of their colour.
        for (const AnnotationMarkerItem *marker : card->markers()) {
            const QColor color = marker->kind() == AnnotationKind::Comment
                                     ? mutedTextColor(palette)
                                     : annotationColor(marker->kind(), marker->highestSeverity());
            Tiles &dots = markerTiles[faded(color, opacity).rgba()];
            dots.rects.append(transform.mapRect(marker->sceneBoundingRect()));
            dots.radius = std::max(dots.radius, marker->size().height() / 2 * scale);
        }
    }

    QHash<QRgb, Tiles> noteTiles;
    const QColor base = palette.color(QPalette::Base);
    const QList<AnnotationNoteItem *> notes = mScene->annotationNotes();
    for (const AnnotationNoteItem *note : notes) {
        const QRectF box(note->pos(), note->size());
        if (!box.intersects(rect))
            continue;
        const Annotation &annotation = note->annotation();
        const QColor color =
            mix(base, annotationColor(annotation.kind, annotation.severity), noteStrength);
        noteTiles[faded(color, note->opacity()).rgba()].rects.append(transform.mapRect(box));
    }

    painter->save();
    painter->resetTransform();
    painter->setPen(Qt::NoPen);
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (auto it = lines.cbegin(); it != lines.cend(); ++it)
        fillPixels(painter, QColor::fromRgba(it.key()), *it);
    for (const auto &[line, color] : std::as_const(slanted)) {
        painter->setPen(QPen(color, 1));
        painter->drawLine(line);
    }
    painter->setPen(Qt::NoPen);
    fillPixels(painter, palette.color(QPalette::Highlight), selectedLines);

    paintTiles(painter, tiles);
    paintTiles(painter, noteTiles);
    paintTiles(painter, markerTiles);

    // Selection wins over a search match, as it does on the cards themselves.
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setBrush(Qt::NoBrush);
    for (const auto &[outlined, color] :
         {std::pair(&matchedCards, searchMatchColor),
          std::pair(&selectedCards, palette.color(QPalette::Highlight))}) {
        painter->setPen(QPen(color, 2));
        for (const QRectF &box : *outlined)
            painter->drawRect(box.adjusted(-1, -1, 1, 1));
    }
    painter->restore();
    qCDebug(lcCanvas) << "far layer painted" << cards.size() << "cards and" << connectors.size()
                      << "connectors in" << timer.nsecsElapsed() / 1000 << "µs";
}

} // namespace Waymark
