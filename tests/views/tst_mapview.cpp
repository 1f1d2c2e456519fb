// Viewing a map: fitting the map and the selection, the zoom limits, panning with the middle
// button and with space held, and the plain drawing of cards when zoomed far out.
#include "annotationitems.h"
#include "canvastesting.h"
#include "commands.h"
#include "connectoritem.h"
#include "document.h"
#include "lookup.h"
#include "mainwindow.h"
#include "mapfarlayer.h"
#include "mapscene.h"
#include "mapstyle.h"
#include "mapview.h"
#include "templates.h"
#include "touchpointcarditem.h"

#include <QApplication>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPainter>
#include <QRegion>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Waymark;
using namespace Waymark::Testing;

namespace {

void sendMouse(MapView &view, QEvent::Type type, const QPoint &local, Qt::MouseButton button,
               Qt::MouseButtons buttons)
{
    const QPointF global = view.viewport()->mapToGlobal(QPointF(local));
    QMouseEvent event(type, QPointF(local), global, button, buttons, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &event);
}

// Presses button at from, moves to to in steps with it held, and lets go.
void dragWith(MapView &view, Qt::MouseButton button, const QPoint &from, const QPoint &to)
{
    sendMouse(view, QEvent::MouseButtonPress, from, button, button);
    constexpr int steps = 8;
    for (int i = 1; i <= steps; ++i) {
        const QPoint at = from + (to - from) * i / steps;
        sendMouse(view, QEvent::MouseMove, at, Qt::NoButton, button);
        QCoreApplication::processEvents();
    }
    sendMouse(view, QEvent::MouseButtonRelease, to, button, Qt::NoButton);
    QCoreApplication::processEvents();
}

QRectF visibleSceneRect(const MapView &view)
{
    return view.mapToScene(view.viewport()->rect()).boundingRect();
}

// The card whose centre is nearest the middle of the map, so that centring on it is not
// stopped by the ends of the scroll bars.
TouchpointCardItem *middleCard(const MapScene &scene)
{
    TouchpointCardItem *best = nullptr;
    qreal bestDistance = 0;
    const QPointF middle = scene.sceneRect().center();
    for (TouchpointCardItem *card : scene.cards()) {
        const qreal distance = (card->sceneBoundingRect().center() - middle).manhattanLength();
        if (!best || distance < bestDistance) {
            best = card;
            bestDistance = distance;
        }
    }
    return best;
}

QPoint pixelOf(const TouchpointCardItem &card, const QPointF &itemPos, const QPointF &origin,
               qreal scale)
{
    return ((card.mapToScene(itemPos) - origin) * scale).toPoint();
}

bool closeColours(QColor a, QColor b)
{
    constexpr int tolerance = 10;
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

// The map rendered at scale into an image, from its top left corner.
QImage render(MapScene &scene, qreal scale)
{
    const QRectF source = scene.sceneRect();
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene.render(&painter, QRectF(image.rect()), source, Qt::IgnoreAspectRatio);
    painter.end();
    return image;
}

// How many pixels of two images of the same size differ by more than a few steps of colour,
// outside the part left out.
int differingPixels(const QImage &a, const QImage &b, const QRect &leftOut = QRect())
{
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (!leftOut.contains(x, y) && !closeColours(a.pixelColor(x, y), b.pixelColor(x, y)))
                ++count;
        }
    }
    return count;
}

// What the window shows of a view's viewport: what its repaints left there, step by step.
QImage shownInWindow(MapView &view)
{
    const QRect viewport = view.viewport()->rect();
    return view.screen()
        ->grabWindow(view.winId(), view.viewport()->x(), view.viewport()->y(), viewport.width(),
                     viewport.height())
        .toImage()
        .convertToFormat(QImage::Format_ARGB32);
}

// What a repaint of all of the viewport shows.
QImage repaintedWhole(MapView &view)
{
    return view.viewport()->grab().toImage().convertToFormat(QImage::Format_ARGB32);
}

// Where the overview covers the viewport, if it shows: a widget of its own, over it.
QRect overviewOver(MapView &view)
{
    return view.overview()->isVisible()
               ? QRect(view.viewport()->mapFrom(&view, view.overview()->pos()),
                       view.overview()->size())
               : QRect();
}

// Collects what a widget repaints.
class PaintRecorder : public QObject
{
public:
    explicit PaintRecorder(QWidget *widget) { widget->installEventFilter(this); }

    QRegion painted;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted += static_cast<QPaintEvent *>(event)->region();
        return false;
    }
};

} // namespace

class TestMapView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fitMap_data();
    void fitMap();
    void fitSelection();
    void fitSelectionWithoutSelection();
    void zoomLimits();
    void middleDragScrolls();
    void spaceDragScrolls();
    void leftDragAfterSpaceMovesCard();
    void zoomedOutCardsAreTiles();
    void farViewLeavesDrawingToTheLayer_data();
    void farViewLeavesDrawingToTheLayer();
    void farViewKeepsCardsClickable();
    void farViewShowsSelectionAndHeat();
    void farViewDrawsEveryLine_data();
    void farViewDrawsEveryLine();
    void farPictureFollowsChanges_data();
    void farPictureFollowsChanges();
    void movedLineRepaintsAlongItsLegs();
    void restingLineRepaintsWhatChanges_data();
    void cardKeepsItsPictureWhileItMoves_data();
    void cardKeepsItsPictureWhileItMoves();
    void restingLineRepaintsWhatChanges();
    void dragStepsShowWhatAWholeRepaintShows();
    void shadowPatchMatchesLayers_data();
    void shadowPatchMatchesLayers();
    void overview();
    void viewMenuFits();

private:
    std::unique_ptr<Document> mDocument;
    std::unique_ptr<MapView> mView;
};

void TestMapView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMapView::init()
{
    mDocument = documentFrom(u"digital-journey"_s);
    QVERIFY(mDocument);
    QVERIFY(!mDocument->project().maps.isEmpty());
    mView = std::make_unique<MapView>(mDocument.get(), mDocument->project().maps.first().id);
    mView->resize(900, 600);
    mView->show();
    QVERIFY(QTest::qWaitForWindowExposed(mView.get()));
    QVERIFY(!mView->mapScene()->cards().isEmpty());
}

void TestMapView::cleanup()
{
    mView.reset();
    mDocument.reset();
}

void TestMapView::fitMap_data()
{
    QTest::addColumn<QSize>("size");

    QTest::newRow("window") << QSize(900, 600);
    QTest::newRow("wide and low") << QSize(1500, 350);
    QTest::newRow("narrow and tall") << QSize(420, 900);
}

void TestMapView::fitMap()
{
    QFETCH(QSize, size);

    mView->resize(size);
    QCoreApplication::processEvents();
    mView->setZoom(2.0);
    QSignalSpy zoomed(mView.get(), &MapView::zoomChanged);
    mView->fitMap();

    QCOMPARE(zoomed.size(), 1);
    QVERIFY(mView->zoom() < 2.0);
    const QRectF visible = visibleSceneRect(*mView);
    const QRectF map = mView->mapScene()->sceneRect();
    QVERIFY(visible.contains(map));
    for (const TouchpointCardItem *card : mView->mapScene()->cards())
        QVERIFY(visible.contains(card->sceneBoundingRect()));
    // The header bands' outlines stand a pixel out of the map; the view cannot scroll past
    // the map's edge, so that pixel is allowed for.
    const QRectF items = mView->mapScene()->itemsBoundingRect();
    QVERIFY2(visible.adjusted(-1, -1, 1, 1).contains(items),
             qPrintable(u"visible %1,%2 %3x%4, items %5,%6 %7x%8"_s.arg(visible.x())
                            .arg(visible.y())
                            .arg(visible.width())
                            .arg(visible.height())
                            .arg(items.x())
                            .arg(items.y())
                            .arg(items.width())
                            .arg(items.height())));
    // A fit that is not needlessly small: the map fills the window in one direction.
    QVERIFY(map.width() * mView->zoom() > 0.8 * mView->viewport()->width() ||
            map.height() * mView->zoom() > 0.8 * mView->viewport()->height());
}

void TestMapView::fitSelection()
{
    MapScene *scene = mView->mapScene();
    mView->setZoom(0.3);
    TouchpointCardItem *card = middleCard(*scene);
    QVERIFY(card);
    scene->clearSelection();
    card->setSelected(true);

    mView->fitSelection();

    QVERIFY(mView->zoom() <= 1.0);
    QVERIFY(mView->zoom() > 0.3);
    const QRectF visible = visibleSceneRect(*mView);
    QVERIFY(visible.contains(card->sceneBoundingRect()));
    const QPointF offset = visible.center() - card->sceneBoundingRect().center();
    QVERIFY2(offset.manhattanLength() < 4,
             qPrintable(u"off centre by %1, %2"_s.arg(offset.x()).arg(offset.y())));
}

void TestMapView::fitSelectionWithoutSelection()
{
    mView->mapScene()->clearSelection();
    mView->setZoom(0.5);
    const int horizontal = mView->horizontalScrollBar()->value();
    const int vertical = mView->verticalScrollBar()->value();
    QSignalSpy zoomed(mView.get(), &MapView::zoomChanged);

    mView->fitSelection();

    QCOMPARE(zoomed.size(), 0);
    QCOMPARE(mView->zoom(), 0.5);
    QCOMPARE(mView->horizontalScrollBar()->value(), horizontal);
    QCOMPARE(mView->verticalScrollBar()->value(), vertical);
}

void TestMapView::zoomLimits()
{
    mView->setZoom(0.001);
    QCOMPARE(mView->zoom(), MapView::MinZoom);
    for (int i = 0; i < 40; ++i)
        mView->zoomOut();
    QCOMPARE(mView->zoom(), MapView::MinZoom);

    mView->setZoom(1000);
    QCOMPARE(mView->zoom(), MapView::MaxZoom);
    for (int i = 0; i < 40; ++i)
        mView->zoomIn();
    QCOMPARE(mView->zoom(), MapView::MaxZoom);

    // A window too small for the map at the smallest zoom still stops there.
    mView->resize(120, 90);
    QCoreApplication::processEvents();
    mView->fitMap();
    QCOMPARE(mView->zoom(), MapView::MinZoom);

    // Fitting a single card stops at 100 %, not at the largest zoom.
    mView->resize(1500, 1000);
    QCoreApplication::processEvents();
    mView->mapScene()->cards().first()->setSelected(true);
    mView->fitSelection();
    QCOMPARE(mView->zoom(), 1.0);
}

void TestMapView::middleDragScrolls()
{
    MapScene *scene = mView->mapScene();
    mView->setZoom(1.0);
    QScrollBar *horizontal = mView->horizontalScrollBar();
    QScrollBar *vertical = mView->verticalScrollBar();
    QVERIFY(horizontal->maximum() > 200);
    QVERIFY(vertical->maximum() > 100);
    horizontal->setValue(horizontal->maximum() / 2);
    vertical->setValue(vertical->maximum() / 2);

    // Start the drag on a card, where a left drag would move it.
    TouchpointCardItem *card = nullptr;
    for (TouchpointCardItem *candidate : scene->cards()) {
        if (visibleSceneRect(*mView).contains(candidate->sceneBoundingRect())) {
            card = candidate;
            break;
        }
    }
    QVERIFY(card);
    card->setSelected(true);
    const Project before = mDocument->project();
    const int commands = mDocument->undoStack()->count();
    const QPointF cardPos = card->scenePos();
    const int startX = horizontal->value();
    const int startY = vertical->value();
    const QPoint from = mView->mapFromScene(card->sceneBoundingRect().center());

    dragWith(*mView, Qt::MiddleButton, from, from + QPoint(-120, -60));

    QCOMPARE(horizontal->value(), startX + 120);
    QCOMPARE(vertical->value(), startY + 60);
    QCOMPARE(mDocument->undoStack()->count(), commands);
    QVERIFY(mDocument->project() == before);
    QVERIFY(scene->card(card->touchpointId()));
    QCOMPARE(scene->card(card->touchpointId())->scenePos(), cardPos);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{card->touchpointId()});
}

void TestMapView::spaceDragScrolls()
{
    MapScene *scene = mView->mapScene();
    mView->setZoom(1.0);
    QScrollBar *horizontal = mView->horizontalScrollBar();
    QScrollBar *vertical = mView->verticalScrollBar();
    horizontal->setValue(horizontal->maximum() / 2);
    vertical->setValue(vertical->maximum() / 2);
    TouchpointCardItem *card = middleCard(*scene);
    QVERIFY(card);
    mView->centerOn(card);
    card->setSelected(true);
    const Project before = mDocument->project();
    const int commands = mDocument->undoStack()->count();
    const int startX = horizontal->value();
    const int startY = vertical->value();
    const QPoint from = mView->mapFromScene(card->sceneBoundingRect().center());

    mView->setFocus();
    QTest::keyPress(mView.get(), Qt::Key_Space);
    dragWith(*mView, Qt::LeftButton, from, from + QPoint(90, 45));
    QTest::keyRelease(mView.get(), Qt::Key_Space);

    QCOMPARE(horizontal->value(), startX - 90);
    QCOMPARE(vertical->value(), startY - 45);
    QCOMPARE(mDocument->undoStack()->count(), commands);
    QVERIFY(mDocument->project() == before);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{card->touchpointId()});
}

void TestMapView::leftDragAfterSpaceMovesCard()
{
    // Once space is let go, a left drag on a card moves it again and the view stays put.
    MapScene *scene = mView->mapScene();
    mView->setZoom(1.0);
    TouchpointCardItem *card = middleCard(*scene);
    QVERIFY(card);
    mView->centerOn(card);
    QCoreApplication::processEvents();
    const QRectF visible = visibleSceneRect(*mView).adjusted(40, 80, -40, -40);
    TouchpointCardItem *target = nullptr;
    for (TouchpointCardItem *candidate : scene->cards()) {
        if (candidate->touchpoint().stageId != card->touchpoint().stageId &&
            visible.contains(candidate->sceneBoundingRect())) {
            target = candidate;
            break;
        }
    }
    QVERIFY(target);
    const Id targetStage = target->touchpoint().stageId;
    const Id movedId = card->touchpointId();
    mView->setFocus();
    QTest::keyPress(mView.get(), Qt::Key_Space);
    QTest::keyRelease(mView.get(), Qt::Key_Space);
    scene->clearSelection();
    card->setSelected(true);
    const int startX = mView->horizontalScrollBar()->value();
    const int startY = mView->verticalScrollBar()->value();
    const int commands = mDocument->undoStack()->count();

    dragWith(*mView, Qt::LeftButton, mView->mapFromScene(card->sceneBoundingRect().center()),
             mView->mapFromScene(target->sceneBoundingRect().center()));

    QCOMPARE(mView->horizontalScrollBar()->value(), startX);
    QCOMPARE(mView->verticalScrollBar()->value(), startY);
    QCOMPARE(mDocument->undoStack()->count(), commands + 1);
    const JourneyMap &map = mDocument->project().maps.first();
    const auto moved = std::find_if(map.touchpoints.cbegin(), map.touchpoints.cend(),
                                    [&](const Touchpoint &t) { return t.id == movedId; });
    QVERIFY(moved != map.touchpoints.cend());
    QCOMPARE(moved->stageId, targetStage);
}

void TestMapView::zoomedOutCardsAreTiles()
{
    MapScene *scene = mView->mapScene();
    TouchpointCardItem *card = middleCard(*scene);
    QVERIFY(card);
    const QPointF origin = scene->sceneRect().topLeft();
    const QRectF box = card->shape().boundingRect();
    const QPointF middle(box.width() / 2, box.height() / 2);

    // At 100 % the card's colour is its stripe on the left; its middle is the card's ground
    // or text.
    const QImage full = render(*scene, 1.0);
    const QColor accent = full.pixelColor(pixelOf(*card, QPointF(2.5, middle.y()), origin, 1));
    const QColor ground = full.pixelColor(pixelOf(*card, QPointF(middle.x(), 3), origin, 1));
    QVERIFY(!closeColours(accent, ground));

    // At 20 % the whole card is a tile in that colour.
    constexpr qreal scale = 0.2;
    const QImage small = render(*scene, scale);
    for (const QPointF at : {middle, middle + QPointF(-box.width() / 4, 0),
                             middle + QPointF(box.width() / 4, -box.height() / 5)}) {
        const QColor pixel = small.pixelColor(pixelOf(*card, at, origin, scale));
        QVERIFY2(closeColours(pixel, accent),
                 qPrintable(u"%1 is not %2"_s.arg(pixel.name(), accent.name())));
    }

    // Above the threshold the card keeps its detail.
    const QImage half = render(*scene, 0.5);
    const QColor halfMiddle = half.pixelColor(pixelOf(*card, QPointF(middle.x(), 3), origin, 0.5));
    QVERIFY(!closeColours(halfMiddle, accent));
}

void TestMapView::farViewLeavesDrawingToTheLayer_data()
{
    QTest::addColumn<qreal>("zoom");
    QTest::addColumn<bool>("far");

    QTest::newRow("far out") << 0.2 << true;
    QTest::newRow("just below the threshold") << MapFarLayer::MaxScale - 0.01 << true;
    QTest::newRow("at the threshold") << MapFarLayer::MaxScale << false;
    QTest::newRow("100 %") << 1.0 << false;
}

void TestMapView::farViewLeavesDrawingToTheLayer()
{
    QFETCH(qreal, zoom);
    QFETCH(bool, far);

    MapScene *scene = mView->mapScene();
    const auto leftToLayer = [scene](bool expected) {
        const auto noContents = [](const QGraphicsItem *item) {
            return bool(item->flags() & QGraphicsItem::ItemHasNoContents);
        };
        const QList<TouchpointCardItem *> cards = scene->cards();
        const QList<ConnectorItem *> lines = scene->connectors();
        const QList<AnnotationNoteItem *> notes = scene->annotationNotes();
        return !cards.isEmpty() && !lines.isEmpty() &&
               std::all_of(cards.cbegin(), cards.cend(),
                           [&](const TouchpointCardItem *card) {
                               const QList<AnnotationMarkerItem *> markers = card->markers();
                               return noContents(card) == expected &&
                                      std::all_of(markers.cbegin(), markers.cend(),
                                                  [&](const QGraphicsItem *marker) {
                                                      return noContents(marker) == expected;
                                                  });
                           }) &&
               // Near, a line at rest is drawn by the scene under the items and only a
               // selected one paints itself.
               std::all_of(lines.cbegin(), lines.cend(),
                           [&](const QGraphicsItem *line) {
                               return noContents(line) == (line->isSelected() ? expected : true);
                           }) &&
               std::any_of(lines.cbegin(), lines.cend(),
                           [](const QGraphicsItem *line) { return line->isSelected(); }) &&
               std::all_of(notes.cbegin(), notes.cend(),
                           [&](const QGraphicsItem *note) { return noContents(note) == expected; });
    };

    scene->connectors().first()->setSelected(true);
    mView->setZoom(zoom);
    QCOMPARE(scene->farLayer()->isActive(), far);
    QVERIFY(leftToLayer(far));

    // A change that makes every item anew keeps it so.
    const Lane &lane = mDocument->project().maps.first().lanes.first();
    QVERIFY(scene->setLaneColor(lane.id, QColor(0x8e, 0x44, 0xad)));
    scene->ensureCurrent();
    QVERIFY(leftToLayer(far));

    // Back at 100 % every item but the resting lines paints itself again.
    mView->setZoom(1.0);
    QVERIFY(!scene->farLayer()->isActive());
    QVERIFY(leftToLayer(false));
}

void TestMapView::farViewKeepsCardsClickable()
{
    MapScene *scene = mView->mapScene();
    mView->setZoom(0.25);
    QVERIFY(scene->farLayer()->isActive());
    TouchpointCardItem *card = middleCard(*scene);
    QVERIFY(card);
    mView->centerOn(card);
    scene->clearSelection();
    QCoreApplication::processEvents();

    // The card paints nothing itself, and is still what a click there hits.
    QTest::mouseClick(mView->viewport(), Qt::LeftButton, {},
                      mView->mapFromScene(card->sceneBoundingRect().center()));
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{card->touchpointId()});

    // And a rubber band round it selects it again.
    scene->clearSelection();
    const QRectF around = card->sceneBoundingRect().adjusted(-6, -6, 6, 6);
    const QPoint from = mView->mapFromScene(around.topLeft());
    const QPoint to = mView->mapFromScene(around.bottomRight());
    QTest::mousePress(mView->viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), mView->viewport()->mapToGlobal(QPointF(to)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(mView->viewport(), &move);
    QTest::mouseRelease(mView->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(scene->selectedTouchpoints(), QList<Id>{card->touchpointId()});
}

void TestMapView::farViewShowsSelectionAndHeat()
{
    MapScene *scene = mView->mapScene();
    mView->setZoom(0.3);
    TouchpointCardItem *card = middleCard(*scene);
    QVERIFY(card);
    mView->centerOn(card);
    scene->clearSelection();
    QCoreApplication::processEvents();
    const auto pixelAt = [this](const QPointF &scenePos) {
        return mView->viewport()->grab().toImage().pixelColor(mView->mapFromScene(scenePos));
    };
    const QRectF box(card->pos(), card->size());
    const QColor tile = pixelAt(box.center());
    QVERIFY2(
        closeColours(tile, card->tileColor(scene->palette())),
        qPrintable(u"%1 is not %2"_s.arg(tile.name(), card->tileColor(scene->palette()).name())));

    // Selected, the tile is framed in the highlight colour just outside its edge.
    const QPointF edge(box.center().x(), box.top() - 1.5 / mView->zoom());
    const QColor before = pixelAt(edge);
    card->setSelected(true);
    QCoreApplication::processEvents();
    const QColor highlight = scene->palette().color(QPalette::Highlight);
    QVERIFY2(closeColours(pixelAt(edge), highlight),
             qPrintable(u"%1 is not %2 (was %3)"_s.arg(pixelAt(edge).name(), highlight.name(),
                                                       before.name())));

    // A heat tint colours the tile.
    card->setHeatTint(QColor(0xd3, 0x2f, 0x2f, 200));
    QCoreApplication::processEvents();
    const QColor heated = pixelAt(box.center());
    QVERIFY(!closeColours(heated, tile));
    QVERIFY(closeColours(heated, card->tileColor(scene->palette())));
}

void TestMapView::farPictureFollowsChanges_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("shows");

    // A title does not show far out; the rest do.
    QTest::newRow("title") << u"title"_s << false;
    QTest::newRow("colour") << u"colour"_s << true;
    QTest::newRow("move") << u"move"_s << true;
    QTest::newRow("select") << u"select"_s << true;
    QTest::newRow("search") << u"search"_s << true;
    QTest::newRow("heat") << u"heat"_s << true;
    QTest::newRow("palette") << u"palette"_s << true;
    QTest::newRow("undo of a move") << u"undo"_s << true;
    QTest::newRow("dimmed") << u"dim"_s << true;
    QTest::newRow("line rerouted") << u"line"_s << true;
}

void TestMapView::farPictureFollowsChanges()
{
    QFETCH(QString, change);
    QFETCH(bool, shows);

    // Far out the view keeps its background as a picture; after each change a repaint must
    // show what a fresh picture shows, pixel for pixel.
    MapScene *scene = mView->mapScene();
    mView->resize(1600, 1000);
    mView->setZoom(0.25);
    mView->centerOn(scene->sceneRect().center());
    QVERIFY(scene->farLayer()->isActive());
    scene->clearSelection();
    QCoreApplication::processEvents();
    const QImage before = mView->viewport()->grab().toImage();
    // Nothing changed: the kept picture is what a repaint shows.
    QCOMPARE(mView->viewport()->grab().toImage(), before);
    QVERIFY(scene->farLayer()->hasKeptPicture());

    TouchpointCardItem *card = middleCard(*scene);
    QVERIFY(card);
    const Id id = card->touchpointId();
    const JourneyMap &map = mDocument->project().maps.first();
    const auto push = [this](Commands::Command command) {
        if (!command)
            return false;
        mDocument->push(command.release());
        return true;
    };
    if (change == u"title") {
        QVERIFY(push(Commands::setTouchpointTitle(mDocument.get(), id, u"Renamed far out"_s)));
    } else if (change == u"colour") {
        QVERIFY(push(Commands::setTouchpointColor(mDocument.get(), id, QColor(0xd3, 0x2f, 0x2f))));
    } else if (change == u"move" || change == u"undo") {
        const Touchpoint *touchpoint = findById(map.touchpoints, id);
        QVERIFY(touchpoint);
        const Id stageId = touchpoint->stageId == map.stages.first().id ? map.stages.last().id
                                                                        : map.stages.first().id;
        QVERIFY(
            push(Commands::moveTouchpoints(mDocument.get(), {id}, stageId, touchpoint->laneId, 0)));
        if (change == u"undo") {
            scene->ensureCurrent();
            QCoreApplication::processEvents();
            QVERIFY(mView->viewport()->grab().toImage() != before);
            mDocument->undoStack()->undo();
        }
    } else if (change == u"select") {
        card->setSelected(true);
    } else if (change == u"search") {
        scene->setHighlightedTouchpoints({id});
    } else if (change == u"heat") {
        card->setHeatTint(QColor(0x2e, 0x7d, 0x32, 200));
    } else if (change == u"dim") {
        // As a persona's focus dims what its path leaves out.
        card->setOpacity(0.3);
    } else if (change == u"line") {
        ConnectorItem *line = scene->connectors().first();
        QList<QPointF> points = line->points();
        QVERIFY(points.size() >= 2);
        points.last() += QPointF(0, 120);
        points.append(points.last() + QPointF(-200, 0));
        line->setPoints(points);
    } else if (change == u"palette") {
        QPalette palette = scene->palette();
        palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
        palette.setColor(QPalette::Base, QColor(0x2a, 0x2c, 0x30));
        scene->setPalette(palette);
    }
    scene->ensureCurrent();
    QCoreApplication::processEvents();
    const QImage kept = mView->viewport()->grab().toImage();
    QVERIFY(scene->farLayer()->hasKeptPicture());

    scene->farLayer()->invalidate();
    const QImage fresh = mView->viewport()->grab().toImage();
    QCOMPARE(kept.size(), fresh.size());
    QCOMPARE(differingPixels(kept, fresh), 0);
    QVERIFY(kept == fresh);
    if (change == u"undo")
        QCOMPARE(fresh, before);
    else
        QCOMPARE(fresh != before, shows);
}

void TestMapView::farViewDrawsEveryLine_data()
{
    QTest::addColumn<qreal>("zoom");

    QTest::newRow("far out") << 0.2;
    QTest::newRow("just below the threshold") << MapFarLayer::MaxScale - 0.02;
    QTest::newRow("100 %") << 1.0;
}

void TestMapView::farViewDrawsEveryLine()
{
    QFETCH(qreal, zoom);

    // Every line shows in the middle of its longest leg, wherever no card or note lies over
    // it: far out, where lines that share a gutter are filled together, and closer, where
    // each line strokes only the legs a repaint exposes.
    MapScene *scene = mView->mapScene();
    mView->resize(1600, 1000);
    mView->setZoom(zoom);
    mView->centerOn(scene->sceneRect().center());
    scene->clearSelection();
    QCoreApplication::processEvents();
    const bool far = MapFarLayer::isFar(zoom);
    QCOMPARE(scene->farLayer()->isActive(), far);
    QImage shown = mView->viewport()->grab().toImage();
    const QPalette palette = scene->palette();
    const QColor line =
        far ? MapStyle::mix(MapStyle::canvasColor(palette), MapStyle::connectorColor(palette), 0.6)
            : MapStyle::connectorColor(palette);
    QList<QRectF> covers;
    for (const TouchpointCardItem *card : scene->cards())
        covers.append(card->sceneBoundingRect());
    for (const AnnotationNoteItem *note : scene->annotationNotes())
        covers.append(note->sceneBoundingRect());

    int checked = 0;
    for (const ConnectorItem *item : scene->connectors()) {
        const QList<QPointF> &points = item->points();
        QLineF longest;
        for (qsizetype i = 1; i < points.size(); ++i) {
            const QLineF leg(points.at(i - 1), points.at(i));
            if (leg.length() > longest.length())
                longest = leg;
        }
        const QPointF middle = longest.center();
        // Far out a pixel covers several units of the scene: stay clear of the covers.
        const qreal clearance = 3 / zoom;
        const QRectF near(middle - QPointF(clearance, clearance),
                          QSizeF(2 * clearance, 2 * clearance));
        const bool covered = std::any_of(covers.cbegin(), covers.cend(),
                                         [&](const QRectF &box) { return box.intersects(near); });
        // Closer in, the window goes to each line in turn.
        if (!far) {
            mView->centerOn(middle);
            QCoreApplication::processEvents();
            shown = mView->viewport()->grab().toImage();
        }
        const QPoint pixel = mView->mapFromScene(middle);
        if (covered || !shown.rect().contains(pixel) || longest.length() * zoom < 4)
            continue;
        // The line is a pixel or two wide and may sit on either side of the middle's pixel.
        // Closer in it is antialiased: there it must be nearer its colour than the canvas's.
        const auto distance = [](const QColor &a, const QColor &b) {
            return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
                   std::abs(a.blue() - b.blue());
        };
        const QColor canvas = MapStyle::canvasColor(palette);
        bool found = false;
        for (int dx = -1; dx <= 1 && !found; ++dx) {
            for (int dy = -1; dy <= 1 && !found; ++dy) {
                const QColor seen = shown.pixelColor(pixel + QPoint(dx, dy));
                found =
                    far ? closeColours(seen, line) : distance(seen, line) < distance(seen, canvas);
            }
        }
        QVERIFY2(found, qPrintable(u"no line at %1,%2"_s.arg(pixel.x()).arg(pixel.y())));
        ++checked;
    }
    QVERIFY(checked > 0);
}

void TestMapView::movedLineRepaintsAlongItsLegs()
{
    MapScene *scene = mView->mapScene();
    mView->resize(1600, 1000);
    mView->setZoom(1.0);
    const JourneyMap &map = mDocument->project().maps.first();
    QVERIFY(!map.connectors.isEmpty());
    const Connector connector = map.connectors.first();
    ConnectorItem *line = scene->connector(connector.id);
    QVERIFY(line);
    const QList<QPointF> before = line->points();
    mView->centerOn(QPolygonF(before).boundingRect().center());
    scene->clearSelection();
    mView->overview()->hide();
    QCoreApplication::processEvents();

    // The card at the line's end goes to the next stage, or the one before the last.
    const Touchpoint moving = *findById(map.touchpoints, connector.toId);
    qsizetype stage = 0;
    while (map.stages.at(stage).id != moving.stageId)
        ++stage;
    const Id target = map.stages.at(stage + 1 < map.stages.size() ? stage + 1 : stage - 1).id;
    PaintRecorder recorder(mView->viewport());
    std::unique_ptr<QUndoCommand> move =
        Commands::moveTouchpoints(mDocument.get(), {moving.id}, target, moving.laneId, 0);
    QVERIFY(move);
    mDocument->push(move.release());
    scene->ensureCurrent();
    const QList<QPointF> after = line->points();
    QVERIFY(after != before);
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();

    // Where the line was and where it is now were both repainted: every leg it lost and
    // every leg it gained (a leg it kept is where it was, and needs no repaint).
    const QRect viewport = mView->viewport()->rect();
    const auto hasLeg = [](const QList<QPointF> &corners, const QPointF &a, const QPointF &b) {
        for (qsizetype i = 1; i < corners.size(); ++i) {
            if ((corners.at(i - 1) == a && corners.at(i) == b) ||
                (corners.at(i - 1) == b && corners.at(i) == a))
                return true;
        }
        return false;
    };
    for (const auto &[points, other] : {std::pair(&before, &after), std::pair(&after, &before)}) {
        for (qsizetype i = 1; i < points->size(); ++i) {
            if (hasLeg(*other, points->at(i - 1), points->at(i)))
                continue;
            const QRectF leg = QRectF(points->at(i - 1), points->at(i)).normalized();
            const QRect pixels = mView->mapFromScene(leg).boundingRect() & viewport;
            if (!pixels.isEmpty())
                QVERIFY((QRegion(pixels) - recorder.painted).isEmpty());
        }
    }
    // Not the whole window: the line's bounding box is more than its legs.
    QVERIFY(!(QRegion(viewport) - recorder.painted).isEmpty());
    QVERIFY(line->isDrawnByScene());

    // What the window shows after the repaints is what a repaint of all of it shows: the line
    // at its new place and nothing left where it was.
    const QImage shown = shownInWindow(*mView);
    const QImage fresh = repaintedWhole(*mView);
    QCOMPARE(shown.size(), fresh.size());
    QCOMPARE(differingPixels(shown, fresh, overviewOver(*mView)), 0);
}

void TestMapView::restingLineRepaintsWhatChanges_data()
{
    QTest::addColumn<QString>("change");

    QTest::newRow("selected") << u"select"_s;
    QTest::newRow("selected, then not") << u"deselect"_s;
    QTest::newRow("dimmed") << u"dim"_s;
    QTest::newRow("deleted") << u"delete"_s;
}

void TestMapView::restingLineRepaintsWhatChanges()
{
    // A line at rest is drawn by the scene, beneath the items: Qt repaints nothing for it by
    // itself, so each change of it must ask for its own repaint, or the window keeps what
    // was there.
    QFETCH(QString, change);

    MapScene *scene = mView->mapScene();
    mView->resize(1600, 1000);
    mView->setZoom(1.0);
    const JourneyMap &map = mDocument->project().maps.first();
    QVERIFY(!map.connectors.isEmpty());
    const Id connectorId = map.connectors.first().id;
    ConnectorItem *line = scene->connector(connectorId);
    QVERIFY(line);
    QVERIFY(line->isDrawnByScene());
    mView->centerOn(line->sceneBoundingRect().center());
    scene->clearSelection();
    mView->overview()->hide();
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();

    if (change == u"select"_s || change == u"deselect"_s) {
        line->setSelected(true);
        QVERIFY(!line->isDrawnByScene());
        QCOMPARE(line->zValue() > 0, true);
        if (change == u"deselect"_s) {
            for (int i = 0; i < 3; ++i)
                QCoreApplication::processEvents();
            line->setSelected(false);
            QVERIFY(line->isDrawnByScene());
        }
    } else if (change == u"dim"_s) {
        line->setOpacity(0.2);
    } else {
        QVERIFY(scene->removeConnectors({connectorId}));
        QVERIFY(!scene->connector(connectorId));
    }
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();

    const QImage shown = shownInWindow(*mView);
    const QImage fresh = repaintedWhole(*mView);
    QCOMPARE(shown.size(), fresh.size());
    QCOMPARE(differingPixels(shown, fresh, overviewOver(*mView)), 0);
}

void TestMapView::cardKeepsItsPictureWhileItMoves_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("drawnAnew");

    QTest::newRow("moved to the next stage") << u"move"_s << false;
    QTest::newRow("renamed") << u"rename"_s << true;
    QTest::newRow("given a metric") << u"metric"_s << true;
    QTest::newRow("tinted") << u"heat"_s << true;
    QTest::newRow("zoomed") << u"zoom"_s << true;
}

void TestMapView::cardKeepsItsPictureWhileItMoves()
{
    // A card copies its body, text and badges from a picture kept at the view's scale: a
    // drag moves the cards of two cells at each step, and each would otherwise draw itself
    // anew. What the window then shows is what a new view of the same map shows.
    QFETCH(QString, change);
    QFETCH(bool, drawnAnew);

    MapScene *scene = mView->mapScene();
    mView->setZoom(1.0);
    const JourneyMap &map = mDocument->project().maps.first();
    const Touchpoint card = map.touchpoints.first();
    TouchpointCardItem *item = scene->card(card.id);
    QVERIFY(item);
    mView->centerOn(item);
    scene->clearSelection();
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    // The cards that move with it, below it in its cell, are drawn once as well.
    QList<TouchpointCardItem *> shown;
    for (TouchpointCardItem *other : scene->cards()) {
        if (other->pictureDraws() > 0)
            shown.append(other);
    }
    QVERIFY(shown.contains(item));
    QHash<const TouchpointCardItem *, int> draws;
    for (const TouchpointCardItem *other : std::as_const(shown))
        draws.insert(other, other->pictureDraws());

    if (change == u"move"_s) {
        qsizetype stage = 0;
        while (map.stages.at(stage).id != card.stageId)
            ++stage;
        const Id target = map.stages.at(stage + 1 < map.stages.size() ? stage + 1 : stage - 1).id;
        std::unique_ptr<QUndoCommand> move =
            Commands::moveTouchpoints(mDocument.get(), {card.id}, target, card.laneId, 0);
        QVERIFY(move);
        mDocument->push(move.release());
        scene->ensureCurrent();
        mView->centerOn(scene->card(card.id));
        // The lines that share a gutter with its own spread out once the map is still.
        QTest::qWait(400);
    } else if (change == u"rename"_s) {
        std::unique_ptr<QUndoCommand> rename =
            Commands::setTouchpointTitle(mDocument.get(), card.id, card.title + u" again"_s);
        QVERIFY(rename);
        mDocument->push(rename.release());
    } else if (change == u"metric"_s) {
        item->setMetricBadge(u"NPS 42"_s, QColor(0x3f, 0x8a, 0x4f));
    } else if (change == u"heat"_s) {
        item->setHeatTint(QColor(200, 40, 40, 120));
    } else {
        mView->setZoom(1.5);
        mView->centerOn(item);
    }
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();

    QCOMPARE(scene->card(card.id), item);
    QCOMPARE(item->pictureDraws() > draws.value(item), drawnAnew);
    if (change == u"move"_s) {
        for (const TouchpointCardItem *other : std::as_const(shown))
            QCOMPARE(other->pictureDraws(), draws.value(other));
    }

    // What the window shows, and what a repaint of it from the kept pictures shows, is what
    // a view of the same map made now shows. (A metric and a tint come from overlays that a
    // new view does not have.)
    if (change == u"metric"_s || change == u"heat"_s)
        return;
    const QImage window = shownInWindow(*mView);
    const QRect overview = overviewOver(*mView);
    const QImage repainted = repaintedWhole(*mView);
    MapView fresh(mDocument.get(), map.id);
    fresh.resize(mView->size());
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    fresh.setZoom(mView->zoom());
    fresh.horizontalScrollBar()->setValue(mView->horizontalScrollBar()->value());
    fresh.verticalScrollBar()->setValue(mView->verticalScrollBar()->value());
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    const QImage made = repaintedWhole(fresh);
    QCOMPARE(made.size(), repainted.size());
    QCOMPARE(differingPixels(repainted, made), 0);
    QCOMPARE(window.size(), made.size());
    QCOMPARE(differingPixels(window, made, overview), 0);
}

void TestMapView::dragStepsShowWhatAWholeRepaintShows()
{
    // Each drag step repaints the cells whose cards moved and the legs of the lines that
    // moved with them; the background strokes its lines in those rectangles alone, with
    // their long stretches as straight lines of their own. What the window shows after each
    // step is what a repaint of all of it shows, and once the map is still, what a new view
    // of the same map shows.
    MapScene *scene = mView->mapScene();
    mView->resize(1600, 1000);
    mView->setZoom(1.0);
    const JourneyMap &map = mDocument->project().maps.first();
    QVERIFY(!map.connectors.isEmpty());
    const Touchpoint moving = *findById(map.touchpoints, map.connectors.first().toId);
    qsizetype stage = 0;
    while (map.stages.at(stage).id != moving.stageId)
        ++stage;
    const qsizetype next = stage + 1 < map.stages.size() ? stage + 1 : stage - 1;
    const MapLayout &layout = scene->mapLayout();
    qsizetype row = 0;
    while (layout.rows().at(row).laneId != moving.laneId)
        ++row;
    const QPointF home = layout.cardRect(moving.id).center();
    const QPointF there(layout.cellRect(next, row).center().x(), home.y());
    mView->centerOn((home + there) / 2);
    scene->selectTouchpoints({moving.id});
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();

    const auto move = [this](QEvent::Type type, const QPointF &to, Qt::MouseButtons buttons) {
        sendMouse(*mView, type, mView->mapFromScene(to),
                  type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons);
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents();
    };
    move(QEvent::MouseButtonPress, home, Qt::LeftButton);
    move(QEvent::MouseMove, home + QPointF(12, 0), Qt::LeftButton);
    QVERIFY(scene->isDragging());
    for (const QPointF &to : {there, home, there}) {
        PaintRecorder recorder(mView->viewport());
        move(QEvent::MouseMove, to, Qt::LeftButton);
        QVERIFY(scene->isDragging());
        // A step repaints part of the window, in several rectangles.
        QVERIFY(recorder.painted.rectCount() > 1);
        QVERIFY(!(QRegion(mView->viewport()->rect()) - recorder.painted).isEmpty());
        const QImage shown = shownInWindow(*mView);
        const QImage whole = repaintedWhole(*mView);
        QCOMPARE(shown.size(), whole.size());
        QCOMPARE(differingPixels(shown, whole, overviewOver(*mView)), 0);
    }
    move(QEvent::MouseButtonRelease, there, Qt::NoButton);
    QCOMPARE(findById(mDocument->project().maps.first().touchpoints, moving.id)->stageId,
             map.stages.at(next).id);

    // The lines that share a gutter with the moved ones spread out once the map is still.
    QTest::qWait(400);
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    const QImage window = shownInWindow(*mView);
    const QRect overview = overviewOver(*mView);
    MapView fresh(mDocument.get(), map.id);
    fresh.resize(mView->size());
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    fresh.setZoom(mView->zoom());
    fresh.horizontalScrollBar()->setValue(mView->horizontalScrollBar()->value());
    fresh.verticalScrollBar()->setValue(mView->verticalScrollBar()->value());
    fresh.mapScene()->selectTouchpoints({moving.id});
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    const QImage made = repaintedWhole(fresh);
    QCOMPARE(window.size(), made.size());
    QCOMPARE(differingPixels(window, made, overview), 0);
}

void TestMapView::shadowPatchMatchesLayers_data()
{
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<QRectF>("box");
    QTest::addColumn<qreal>("radius");

    QTest::newRow("card at 100 %") << 1.0 << QRectF(20.3, 30.6, 180, 96) << 10.0;
    QTest::newRow("card at 60 %") << 0.6 << QRectF(40, 50, 180, 120) << 10.0;
    QTest::newRow("note at 250 %") << 2.5 << QRectF(10, 10, 90, 40) << 4.0;
}

void TestMapView::shadowPatchMatchesLayers()
{
    QFETCH(qreal, scale);
    QFETCH(QRectF, box);
    QFETCH(qreal, radius);

    // The shadow stretched from one picture per scale looks like the layers it stands for,
    // which are drawn one by one wherever the canvas is turned (a hair's turn here).
    const auto shadow = [&](bool turned) {
        QImage image(QSize(600, 400), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(scale, scale);
        if (turned)
            painter.rotate(0.0001);
        MapStyle::paintShadow(&painter, box, radius, 1.0);
        painter.end();
        return image;
    };
    const QImage stretched = shadow(false);
    const QImage layered = shadow(true);
    // The shadow shows just below the box.
    const QPoint below = (QPointF(box.center().x(), box.bottom() + 1) * scale).toPoint();
    QVERIFY(!closeColours(layered.pixelColor(below), Qt::white));
    QCOMPARE(differingPixels(stretched, layered), 0);
}

void TestMapView::overview()
{
    QWidget *overview = mView->overview();
    QVERIFY(overview);
    mView->resize(1200, 800);
    mView->setZoom(1.0);
    QCoreApplication::processEvents();
    QVERIFY(overview->isVisible());
    QVERIFY(mView->viewport()->geometry().contains(overview->geometry()));
    // However tall the map, the overview leaves the cards in view.
    QVERIFY(overview->height() <= mView->viewport()->height() / 3);

    // A click on the middle of the overview brings the middle of the map to the view, as
    // near as a pixel of the overview tells.
    const QRectF map = mView->mapScene()->sceneRect();
    const QPoint click = overview->rect().center();
    QTest::mouseClick(overview, Qt::LeftButton, {}, click);
    const QPointF expected(map.left() + map.width() * (click.x() + 0.5) / overview->width(),
                           map.top() + map.height() * (click.y() + 0.5) / overview->height());
    const QPointF offset = visibleSceneRect(*mView).center() - expected;
    const qreal pixel = map.width() / overview->width();
    QVERIFY2(std::abs(offset.x()) < pixel && std::abs(offset.y()) < pixel,
             qPrintable(u"off centre by %1, %2"_s.arg(offset.x()).arg(offset.y())));

    mView->fitMap();
    QVERIFY(!overview->isVisible());
}

void TestMapView::viewMenuFits()
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.newProject(u"digital-journey"_s));
    MapView *view = window.currentMapView();
    QVERIFY(view);
    QMenu *menu = window.menuBar()->findChild<QMenu *>(u"viewMenu"_s);
    QVERIFY(menu);
    QAction *fitMap = nullptr;
    QAction *fitSelection = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->objectName() == u"fitMapAction"_s)
            fitMap = action;
        else if (action->objectName() == u"fitSelectionAction"_s)
            fitSelection = action;
    }
    QVERIFY(fitMap);
    QVERIFY(fitSelection);
    QVERIFY(fitMap->isEnabled());
    QVERIFY(!fitSelection->isEnabled());

    fitMap->trigger();
    QVERIFY(view->zoom() < 1.0);
    QVERIFY(visibleSceneRect(*view).contains(view->mapScene()->sceneRect()));

    TouchpointCardItem *card = middleCard(*view->mapScene());
    QVERIFY(card);
    card->setSelected(true);
    QVERIFY(fitSelection->isEnabled());
    fitSelection->trigger();
    QCOMPARE(view->zoom(), 1.0);
    QVERIFY(visibleSceneRect(*view).contains(card->sceneBoundingRect()));
}

QTEST_MAIN(TestMapView)
#include "tst_mapview.moc"
