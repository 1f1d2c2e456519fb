// The map as it is drawn zoomed far out: every card a tile in its colour, every connector a
// faint line, every note of a cell a tile, painted by the scene's background in one pass
// from batched geometry, rather than by thousands of items each painted on its own. While a
// view shows the map that far out, the cards, connectors and notes stop painting themselves
// (ItemHasNoContents) but stay where they are for clicks, hovering and the rubber band.
#pragma once

#include "touchpointcarditem.h"

#include <QImage>
#include <QTransform>

#include <functional>

class QPainter;
class QRectF;

namespace Waymark {

class MapScene;

class MapFarLayer
{
public:
    explicit MapFarLayer(MapScene *scene);

    // Below this scale the layer draws the map and the items leave the drawing to it.
    static constexpr qreal MaxScale = TouchpointCardItem::SimpleDetail;
    static bool isFar(qreal scale) { return scale < MaxScale; }

    // Whether the view shows the map far out: then the items it stands for skip painting.
    void setActive(bool active);
    bool isActive() const { return mActive; }

    // After a rebuild: the new items skip painting too while the layer is active.
    void refresh();

    // Something the layer draws changed (a card moved, the selection): while the layer is
    // active the items' own updates repaint nothing, so it asks for the repaint.
    void update();

    // Paints what is inside rect (in scene coordinates), if the painter draws at a far
    // scale or the layer is active; the scene calls it from its background.
    void paint(QPainter *painter, const QRectF &rect) const;

    // While the layer is active: paints what is inside rect from the picture it keeps of the
    // view's whole background, drawn by paintAll (the canvas under the layer, then the layer)
    // when the picture is missing, out of date, or drawn at another transform or palette.
    // False (paint directly) when the picture would be too large to keep, or at the first
    // repaint at a new transform, which a zoom step or a scroll would not repaint again.
    bool paintKept(QPainter *painter, const QRectF &rect,
                   const std::function<void(QPainter *, const QRectF &)> &paintAll);

    // Something the layer or the canvas under it shows may have changed: the kept picture
    // is drawn again at the next repaint.
    void invalidate() { mKept = QImage(); }
    bool hasKeptPicture() const { return !mKept.isNull(); }

private:
    void applyFlags();
    // A digest of what items may change without the document, the selection or the layer
    // hearing of it: a persona's focus dims them (their opacity), the metrics tint cards.
    size_t itemState() const;

    MapScene *mScene;
    bool mActive = false;

    // The kept picture, in device pixels, of the device rectangle mKeptRect painted with the
    // world transform mKeptTransform and the palette mKeptPalette.
    QImage mKept;
    QRect mKeptRect;
    QTransform mKeptTransform;
    qint64 mKeptPalette = 0;
    int mKeptHints = 0;
    // The transform of the last repaint that found no picture: a zoom step or a scroll
    // paints directly, and only a second repaint at the same transform keeps a picture.
    QTransform mMissedTransform;
    size_t mKeptState = 0;
};

} // namespace Waymark
