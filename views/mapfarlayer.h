// The map as it is drawn zoomed far out: every card a tile in its colour, every connector a
// faint line, every note of a cell a tile, painted by the scene's background in one pass
// from batched geometry, rather than by thousands of items each painted on its own. While a
// view shows the map that far out, the cards, connectors and notes stop painting themselves
// (ItemHasNoContents) but stay where they are for clicks, hovering and the rubber band.
#pragma once

#include "touchpointcarditem.h"

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

private:
    void applyFlags();

    MapScene *mScene;
    bool mActive = false;
};

} // namespace Waymark
