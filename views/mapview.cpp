#include "mapview.h"

#include "document.h"
#include "mapfarlayer.h"
#include "mapscene.h"

#include <QGraphicsItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPixmapCache>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Waymark {

namespace {

constexpr qreal zoomStep = 1.15;
// The room left around what a fit shows, in pixels, so that it does not touch the edges.
constexpr int fitMargin = 16;

constexpr int overviewWidth = 220;
constexpr int overviewMargin = 12;

// Draws the map small, cached until the map is edited, and the view's visible area on it.
class MapOverview : public QWidget
{
public:
    explicit MapOverview(MapView *view)
        : QWidget(view)
        , mView(view)
    {
        setCursor(Qt::PointingHandCursor);
        mSettle.setSingleShot(true);
        mSettle.setInterval(settleMs);
        connect(&mSettle, &QTimer::timeout, this, &MapOverview::invalidate);
    }

    // The picture is drawn again when next shown. Not on QGraphicsScene::changed: while
    // anything listens to that, the scene stops updating its views directly.
    void invalidate()
    {
        mStale = true;
        if (isVisible())
            update();
    }

    // The same once the map has been still for a moment. Drawing the picture draws every
    // item of the map, which on a map of thousands takes longer than a frame: not at each
    // step of a drag. Until then the overview shows the picture it has.
    void invalidateSoon() { mSettle.start(); }

    // Where a point of the scene is drawn in the overview, and back.
    QTransform sceneToOverview() const
    {
        const QRectF map = mView->scene()->sceneRect();
        if (map.isEmpty())
            return {};
        const qreal scale = width() / map.width();
        return QTransform::fromScale(scale, scale).translate(-map.left(), -map.top());
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        // A picture of another size (the map grew or shrank) is stretched to fit until the
        // map is still: a repaint of the cards over the overview must not draw the map anew.
        if (mPicture.size() != size() && !mPicture.isNull() && !mStale && !mSettle.isActive())
            invalidateSoon();
        if (mStale || mPicture.isNull()) {
            mPicture = QImage(size(), QImage::Format_ARGB32_Premultiplied);
            mPicture.fill(palette().color(QPalette::Base));
            QPainter picture(&mPicture);
            mView->scene()->render(&picture, QRectF(rect()), mView->scene()->sceneRect());
            mStale = false;
        }
        QPainter painter(this);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(rect()), mPicture);
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));

        const QRectF visible = mView->mapToScene(mView->viewport()->rect()).boundingRect();
        QColor frame = palette().color(QPalette::Highlight);
        painter.setPen(QPen(frame, 2));
        frame.setAlpha(40);
        painter.setBrush(frame);
        painter.drawRect(sceneToOverview().mapRect(visible).intersected(QRectF(rect())));
    }

    void mousePressEvent(QMouseEvent *event) override { moveTo(event); }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (event->buttons() & Qt::LeftButton)
            moveTo(event);
    }

private:
    void moveTo(QMouseEvent *event)
    {
        if (event->buttons() & Qt::LeftButton)
            mView->centerOn(sceneToOverview().inverted().map(event->position()));
        event->accept();
    }

    static constexpr int settleMs = 300;

    MapView *mView;
    QImage mPicture;
    bool mStale = true;
    QTimer mSettle;
};

} // namespace

MapView::MapView(Document *document, const Id &mapId, QWidget *parent)
    : QGraphicsView(parent)
    , mScene(new MapScene(document, mapId, this))
{
    setScene(mScene);
    // Cards keep their drawing in Qt's pixmap cache (TouchpointCardItem): a window's worth of
    // cards at a high zoom takes more than its default 10 MB, and past its limit every card
    // would be drawn anew at each repaint, with a pixmap to make besides.
    constexpr int cardCacheKb = 64 * 1024;
    QPixmapCache::setCacheLimit(std::max(QPixmapCache::cacheLimit(), cardCacheKb));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setDragMode(QGraphicsView::RubberBandDrag);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    auto *overview = new MapOverview(this);
    mOverview = overview;
    mOverview->hide();
    // The scene follows the same signal: the picture waits until it has, and until the map
    // is still.
    if (document)
        connect(document, &Document::changed, overview, &MapOverview::invalidateSoon);
    connect(mScene, &QGraphicsScene::sceneRectChanged, overview, &MapOverview::invalidateSoon);
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
    const qreal clamped = std::clamp(zoom, MinZoom, MaxZoom);
    if (qFuzzyCompare(clamped, this->zoom()))
        return;
    setTransform(QTransform::fromScale(clamped, clamped));
    mScene->farLayer()->setActive(MapFarLayer::isFar(clamped));
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

void MapView::fitMap()
{
    fitRect(mScene->sceneRect(), MaxZoom);
}

void MapView::fitSelection()
{
    QRectF bounds;
    const QList<QGraphicsItem *> selected = mScene->selectedItems();
    for (const QGraphicsItem *item : selected)
        bounds |= item->sceneBoundingRect();
    // Closer than 100 % one card would fill the window, which reads as a jump rather than
    // as finding the selection.
    if (!bounds.isEmpty())
        fitRect(bounds, 1.0);
}

void MapView::fitRect(const QRectF &rect, qreal maxZoom)
{
    if (rect.isEmpty())
        return;
    const QSize room = viewport()->size() - QSize(2 * fitMargin, 2 * fitMargin);
    if (room.width() <= 0 || room.height() <= 0)
        return;
    const qreal fit = std::min(room.width() / rect.width(), room.height() / rect.height());
    setZoom(std::min(fit, maxZoom));
    centerOn(rect.center());
    updateVisibleOrigin();
}

void MapView::updateVisibleOrigin()
{
    // One scene, one view: the headers follow this view's scrolling.
    mScene->setVisibleOrigin(mapToScene(QPoint(0, 0)));
    updateOverview();
}

void MapView::updateOverview()
{
    const QRectF map = mScene->sceneRect();
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const QRect room = viewport()->geometry();
    // A tall map (a feelings chart, many lanes) gets a narrower overview rather than one
    // that covers the cards: it keeps to a third of the view's height.
    int width = overviewWidth;
    int height = map.isEmpty() ? 0 : qRound(width * map.height() / map.width());
    const int maxHeight = room.height() / 3;
    if (height > maxHeight && !map.isEmpty()) {
        height = maxHeight;
        width = qRound(height * map.width() / map.height());
    }
    // Where the whole map shows, or the window has no room for it, the overview is noise.
    if (map.isEmpty() || visible.contains(map) || room.width() < 3 * overviewWidth ||
        width < overviewWidth / 3 || height < 2 * overviewMargin) {
        mOverview->hide();
        return;
    }
    mOverview->setGeometry(room.right() - overviewMargin - width,
                           room.bottom() - overviewMargin - height, width, height);
    mOverview->show();
    mOverview->raise();
    mOverview->update();
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

bool MapView::textHasFocus() const
{
    // The only items that take the keyboard are editors of text, where space is a space.
    return mScene->focusItem() != nullptr;
}

void MapView::updatePanCursor()
{
    if (mPanButton != Qt::NoButton)
        viewport()->setCursor(Qt::ClosedHandCursor);
    else if (mSpaceHeld)
        viewport()->setCursor(Qt::OpenHandCursor);
    else
        viewport()->unsetCursor();
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !textHasFocus()) {
        // Held keys repeat; only the first press changes anything.
        if (!event->isAutoRepeat()) {
            mSpaceHeld = true;
            updatePanCursor();
        }
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void MapView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && mSpaceHeld) {
        if (!event->isAutoRepeat()) {
            mSpaceHeld = false;
            updatePanCursor();
        }
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void MapView::focusOutEvent(QFocusEvent *event)
{
    // The release of a space held while the focus left never arrives here.
    mSpaceHeld = false;
    updatePanCursor();
    QGraphicsView::focusOutEvent(event);
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    // Panning never reaches the scene: it neither selects, nor moves cards, nor starts a
    // rubber band.
    const bool pans =
        event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && mSpaceHeld);
    if (pans && mPanButton == Qt::NoButton) {
        mPanButton = event->button();
        mPanLast = event->position().toPoint();
        updatePanCursor();
        event->accept();
        return;
    }
    if (mPanButton != Qt::NoButton) {
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    if (mPanButton == Qt::NoButton) {
        QGraphicsView::mouseMoveEvent(event);
        return;
    }
    // The map follows the pointer, so the scroll bars move the other way.
    const QPoint at = event->position().toPoint();
    const QPoint moved = at - mPanLast;
    mPanLast = at;
    QScrollBar *horizontal = horizontalScrollBar();
    horizontal->setValue(horizontal->value() + (isRightToLeft() ? moved.x() : -moved.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - moved.y());
    event->accept();
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (mPanButton == Qt::NoButton) {
        QGraphicsView::mouseReleaseEvent(event);
        return;
    }
    if (event->button() == mPanButton) {
        mPanButton = Qt::NoButton;
        updatePanCursor();
    }
    event->accept();
}

void MapView::paintEvent(QPaintEvent *event)
{
    // QGraphicsView hands the scene's background the box around everything it repaints;
    // the scene also learns the region itself (MapScene::setExposedRegion()).
    mScene->setExposedRegion(viewport(), event->region());
    QGraphicsView::paintEvent(event);
    mScene->setExposedRegion(nullptr, QRegion());
}

} // namespace Waymark
