// The widget showing one journey map: a view on a MapScene, with zoom on Ctrl+wheel.
#pragma once

#include "entities.h"

#include <QGraphicsView>

namespace Waymark {

class Document;
class MapScene;

class MapView : public QGraphicsView
{
    Q_OBJECT

public:
    MapView(Document *document, const Id &mapId, QWidget *parent = nullptr);

    MapScene *mapScene() const { return mScene; }
    Id mapId() const;

    qreal zoom() const;
    void setZoom(qreal zoom); // 1.0 is 100 %; clamped to what stays readable
    void zoomIn();
    void zoomOut();
    void resetZoom();

signals:
    void zoomChanged(qreal zoom);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void showEvent(QShowEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void updateVisibleOrigin();

    MapScene *mScene;
    bool mShownOnce = false;
};

} // namespace Waymark
