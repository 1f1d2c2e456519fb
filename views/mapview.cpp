#include "mapview.h"

#include "mapscene.h"

#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace Waymark {

namespace {

constexpr qreal minZoom = 0.25;
constexpr qreal maxZoom = 4.0;
constexpr qreal zoomStep = 1.15;

} // namespace

MapView::MapView(Document *document, const Id &mapId, QWidget *parent)
    : QGraphicsView(parent)
    , mScene(new MapScene(document, mapId, this))
{
    setScene(mScene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setDragMode(QGraphicsView::RubberBandDrag);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
}

Id MapView::mapId() const
{
    return mScene->mapId();
}

qreal MapView::zoom() const
{
    return transform().m11();
}

void MapView::setZoom(qreal zoom)
{
    const qreal clamped = std::clamp(zoom, minZoom, maxZoom);
    if (qFuzzyCompare(clamped, this->zoom()))
        return;
    setTransform(QTransform::fromScale(clamped, clamped));
    updateVisibleOrigin();
    emit zoomChanged(clamped);
}

void MapView::zoomIn()
{
    setZoom(zoom() * zoomStep);
}

void MapView::zoomOut()
{
    setZoom(zoom() / zoomStep);
}

void MapView::resetZoom()
{
    setZoom(1.0);
}

void MapView::updateVisibleOrigin()
{
    // One scene, one view: the headers follow this view's scrolling.
    mScene->setVisibleOrigin(mapToScene(QPoint(0, 0)));
}

void MapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    updateVisibleOrigin();
}

void MapView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    updateVisibleOrigin();
}

void MapView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (mShownOnce)
        return;
    mShownOnce = true;

    // A journey is read from its first stage and its first lane: start in the top left
    // corner rather than in the middle of a map larger than the window.
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
    updateVisibleOrigin();
}

void MapView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // One notch of a mouse wheel is 120; touchpads send many smaller steps.
    const qreal notches = event->angleDelta().y() / 120.0;
    setZoom(zoom() * std::pow(zoomStep, notches));
    event->accept();
}

} // namespace Waymark
