// The widget showing one journey map: a view on a MapScene, with zoom on Ctrl+wheel, fit to
// the map or the selection, and panning by dragging with the middle button or with space held.
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
    // Zooms so that the whole map shows, as large as the window allows.
    void fitMap();
    // Zooms so that the selected items show, no closer than 100 %, and centres them. Does
    // nothing without a selection.
    void fitSelection();

    // The small picture of the whole map in the corner, with the visible area framed; a
    // click or a drag in it moves the view there. It hides while the whole map shows.
    QWidget *overview() const { return mOverview; }

    static constexpr qreal MinZoom = 0.1;
    static constexpr qreal MaxZoom = 4.0;

signals:
    void zoomChanged(qreal zoom);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void showEvent(QShowEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void updateVisibleOrigin();
    void fitRect(const QRectF &rect, qreal maxZoom);
    bool textHasFocus() const;
    void updatePanCursor();
    void updateOverview();

    MapScene *mScene;
    QWidget *mOverview;
    bool mShownOnce = false;
    bool mSpaceHeld = false;
    Qt::MouseButton mPanButton = Qt::NoButton; // the button that pans, while one does
    QPoint mPanLast;
};

} // namespace Waymark
