// Canvas benchmarks on the large generated map (issue 3), each measured side by side with
// a bare QGraphicsScene holding as many plain QGraphicsRectItems, at the same places:
//   build    a MapScene constructed until it is laid out and indexed, against adding the
//            rectangles to a new scene;
//   repaint  one full repaint at fit-all: the viewport of a shown 1600 × 1000 MapView,
//            fitted to the map, rendered into a QImage, against a plain QGraphicsView;
//   drag     one mouse move during a card drag that changes the landing cell, sent to the
//            view as a person's drag is, until the view has repainted, against moving one
//            rectangle; and the same until the scene has moved its items, before the repaint;
//   zoom     one zoom step at fit-all until the view has repainted, against scaling the
//            plain view as much.
// Run with QT_QPA_PLATFORM=offscreen where there is no display.
//
//   bench_canvas [--size tiny|full] [--runs N] [--json FILE]
#include "benchsupport.h"
#include "generators.h"

#include "document.h"
#include "lookup.h"
#include "mapfarlayer.h"
#include "maplayout.h"
#include "mapscene.h"
#include "mapview.h"
#include "touchpointcarditem.h"

#include <QApplication>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QStandardPaths>

#include <cmath>
#include <memory>

using namespace Waymark;
using namespace Waymark::Bench;
using namespace Qt::StringLiterals;

namespace {

const QString bench = u"bench_canvas"_s;
const QSize viewSize(1600, 1000);
// MapView's step for zoomIn() and zoomOut().
constexpr qreal zoomStep = 1.15;

// Lets the deferred work of a step run (the scene's update of changed cards, the view's
// repaint of what changed) as the event loop would before the next mouse move.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

void sendMouse(QGraphicsView &view, QEvent::Type type, const QPointF &scenePos,
               Qt::MouseButtons buttons)
{
    const QPointF local = view.mapFromScene(scenePos);
    const QPointF global = view.viewport()->mapToGlobal(local);
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, local, global, button, buttons, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &event);
}

// The baseline: a rectangle for every item of the Waymark scene, where that item is.
std::unique_ptr<QGraphicsScene> plainScene(const QList<QRectF> &rects, const QRectF &bounds)
{
    auto scene = std::make_unique<QGraphicsScene>();
    scene->setSceneRect(bounds);
    for (const QRectF &rect : rects) {
        auto *item = new QGraphicsRectItem(QRectF(QPointF(0, 0), rect.size()));
        item->setPos(rect.topLeft());
        item->setBrush(Qt::white);
        scene->addItem(item);
    }
    return scene;
}

// A scene's index is built lazily; a query builds it, as the first paint would.
void index(QGraphicsScene &scene)
{
    scene.itemAt(QPointF(0, 0), QTransform());
}

void renderViewport(QGraphicsView &view, QImage &image)
{
    image.fill(Qt::white);
    QPainter painter(&image);
    view.viewport()->render(&painter);
}

void showView(QGraphicsView &view)
{
    view.resize(viewSize);
    view.show();
    settle();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(bench);
    QStandardPaths::setTestModeEnabled(true);
    const Options options = parseOptions(app);

    StorageError error;
    const MapSize size = options.tiny ? tinySize() : largeMapSize();
    std::unique_ptr<Document> document = Document::create(generateProject(size), &error);
    if (!document)
        fail(bench, error.message + u' ' + error.detail);
    Document *doc = document.get();
    const Id mapId = doc->project().maps.first().id;

    // Where the baseline's rectangles go: where the Waymark scene has its items.
    QList<QRectF> rects;
    QRectF bounds;
    {
        MapScene scene(doc, mapId);
        const QList<QGraphicsItem *> items = scene.items();
        for (const QGraphicsItem *item : items)
            rects.append(item->sceneBoundingRect());
        bounds = scene.sceneRect();
    }

    Report report(bench, options);
    const QString baselineName = u"%1 plain rectangles"_s.arg(rects.size());

    // Build: from the document to a scene laid out and indexed.
    {
        std::unique_ptr<MapScene> built;
        std::unique_ptr<QGraphicsScene> plain;
        Figures w, b;
        measure(
            options.runs,
            [&] {
                built = std::make_unique<MapScene>(doc, mapId);
                index(*built);
            },
            [&] {
                plain = plainScene(rects, bounds);
                index(*plain);
            },
            w, b,
            [&] {
                built.reset();
                plain.reset();
            });
        report.add(u"build the scene, %1 cards"_s.arg(size.touchpoints), baselineName, w, b,
                   {u"≤ 300 ms"_s, 300, std::nullopt});
    }

    // The same for a map as large as the sample project: what opening it costs.
    {
        const Project sample = generateProject(sampleSize());
        std::unique_ptr<Document> sampleDoc = Document::create(sample, &error);
        if (!sampleDoc)
            fail(bench, error.message);
        const Id sampleMap = sample.maps.first().id;
        QList<QRectF> sampleRects;
        QRectF sampleBounds;
        {
            MapScene scene(sampleDoc.get(), sampleMap);
            const QList<QGraphicsItem *> items = scene.items();
            for (const QGraphicsItem *item : items)
                sampleRects.append(item->sceneBoundingRect());
            sampleBounds = scene.sceneRect();
        }
        std::unique_ptr<MapScene> built;
        std::unique_ptr<QGraphicsScene> plain;
        Figures w, b;
        measure(
            options.runs,
            [&] {
                built = std::make_unique<MapScene>(sampleDoc.get(), sampleMap);
                index(*built);
            },
            [&] {
                plain = plainScene(sampleRects, sampleBounds);
                index(*plain);
            },
            w, b,
            [&] {
                built.reset();
                plain.reset();
            });
        report.add(u"build the scene, sample-sized map"_s,
                   u"%1 plain rectangles"_s.arg(sampleRects.size()), w, b,
                   {u"≤ 16 ms"_s, 16, std::nullopt});
    }

    MapView view(doc, mapId);
    showView(view);
    std::unique_ptr<QGraphicsScene> plain = plainScene(rects, bounds);
    QGraphicsView plainView(plain.get());
    plainView.setRenderHints(QPainter::Antialiasing);
    plainView.setFrameShape(QFrame::NoFrame);
    showView(plainView);

    // Repaint at fit-all: every card is on screen, drawn as the level of detail allows.
    {
        view.fitMap();
        plainView.fitInView(bounds, Qt::KeepAspectRatio);
        settle();
        QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        QImage plainImage(plainView.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        Figures w, b;
        measure(
            options.runs, [&] { renderViewport(view, image); },
            [&] { renderViewport(plainView, plainImage); }, w, b);
        report.add(u"repaint at fit-all, %1 × %2"_s.arg(image.width()).arg(image.height()),
                   baselineName, w, b, {u"≤ 16 ms"_s, 16, std::nullopt});
    }

    // Zoom steps, in and out by turns from a start, each until the view has repainted: the
    // plain view is scaled from the same start by the same step, about the same centre.
    const auto zoomSteps = [&](const QString &workload, qreal start, const QPointF &centre) {
        view.setZoom(start);
        view.centerOn(centre);
        plainView.setTransform(QTransform::fromScale(view.zoom(), view.zoom()));
        plainView.centerOn(centre);
        settle();
        bool in = true;
        bool plainIn = true;
        Figures w, b;
        measure(
            options.runs,
            [&] {
                in ? view.zoomIn() : view.zoomOut();
                in = !in;
                settle();
            },
            [&] {
                const qreal step = plainIn ? zoomStep : 1 / zoomStep;
                plainView.scale(step, step);
                plainIn = !plainIn;
                settle();
            },
            w, b);
        report.add(workload, baselineName, w, b, {u"≤ 16 ms (one frame)"_s, 16, std::nullopt});
    };
    // At fit-all every card is on screen; a step in from just below the scale where cards
    // turn into tiles crosses it, and back; at 100 % a window's worth of cards is drawn in
    // full.
    view.fitMap();
    zoomSteps(u"zoom step at fit-all"_s, view.zoom(), bounds.center());
    zoomSteps(u"zoom step across the tile threshold"_s, MapFarLayer::MaxScale / std::sqrt(zoomStep),
              bounds.center());
    zoomSteps(u"zoom step at 100 %"_s, 1.0, bounds.center());

    // A drag step at 100 %: a card of a middle stage is dragged to the next stage's cell of
    // the same lane and back, one landing cell per timed step.
    {
        MapScene *scene = view.mapScene();
        const MapLayout &layout = scene->mapLayout();
        const JourneyMap &map = doc->project().maps.first();
        const qsizetype column = layout.columns().size() / 2 - 1;
        const Id stageId = layout.columns().at(column).stageId;
        const Touchpoint *dragged = nullptr;
        qsizetype row = 0;
        for (; row < layout.rows().size() && !dragged; ++row) {
            for (const Touchpoint &t : map.touchpoints) {
                if (t.stageId == stageId && t.laneId == layout.rows().at(row).laneId) {
                    dragged = &t;
                    break;
                }
            }
        }
        if (!dragged)
            fail(bench, u"the generated map has no card to drag"_s);
        const Id draggedId = dragged->id;
        --row;
        // The first line of each cell stays where it is however the cells fill up.
        const QRectF start = layout.cardRect(draggedId);
        const QPointF there(layout.cellRect(column + 1, row).center().x(), start.center().y());
        const QPointF back(layout.cellRect(column, row).center().x(), start.center().y());

        // While cards are dragged, rows keep at least the height they had at the start.
        QHash<Id, qreal> rowHeights;
        for (const MapLayout::Row &r : layout.rows())
            rowHeights.insert(r.laneId, r.height);

        view.setZoom(1.0);
        view.centerOn(start.center());
        scene->selectTouchpoints({draggedId});
        settle();
        sendMouse(view, QEvent::MouseButtonPress, start.center(), Qt::LeftButton);
        sendMouse(view, QEvent::MouseMove, start.center() + QPointF(12, 0), Qt::LeftButton);
        settle();
        if (!scene->isDragging())
            fail(bench, u"the press and move did not start a drag"_s);

        QGraphicsRectItem *rect = nullptr;
        for (QGraphicsItem *item : plain->items(start.center())) {
            if ((rect = qgraphicsitem_cast<QGraphicsRectItem *>(item)))
                break;
        }
        if (!rect)
            fail(bench, u"the plain scene has no rectangle under the card"_s);
        const QPointF rectStart = rect->pos();
        plainView.setTransform(QTransform());
        plainView.centerOn(start.center());
        settle();

        bool away = true;
        bool plainAway = true;
        Figures w, b;
        measure(
            options.runs,
            [&] {
                sendMouse(view, QEvent::MouseMove, away ? there : back, Qt::LeftButton);
                away = !away;
                settle();
            },
            [&] {
                rect->setPos(plainAway ? rectStart + (there - back) : rectStart);
                plainAway = !plainAway;
                settle();
            },
            w, b);
        // The same steps with the repaint left out of the timing: what the scene's own work
        // costs, from the mouse move to the items in their new places.
        Figures sceneW, sceneB;
        measure(
            options.runs,
            [&] {
                sendMouse(view, QEvent::MouseMove, away ? there : back, Qt::LeftButton);
                away = !away;
                scene->ensureCurrent();
            },
            [&] {
                rect->setPos(plainAway ? rectStart + (there - back) : rectStart);
                plainAway = !plainAway;
            },
            sceneW, sceneB, settle);

        // Each step must have moved the card: the last went to the next stage's cell if the
        // next would have come back.
        const Touchpoint *moved = findById(doc->project().maps.first().touchpoints, draggedId);
        const Id expected = layout.columns().at(away ? column : column + 1).stageId;
        if (!moved || moved->stageId != expected)
            fail(bench, u"the drag did not move the card"_s);
        // The cells laid out step by step must be where a layout from scratch puts them.
        scene->ensureCurrent();
        const MapLayout fresh = MapLayout::compute(doc->project().maps.first(), rowHeights);
        if (fresh.cards() != layout.cards() || fresh.notes() != layout.notes())
            fail(bench, u"the scene's layout after the drag differs from a new layout"_s);
        for (const TouchpointCardItem *item : scene->cards()) {
            if (item->pos() != fresh.cardRect(item->touchpointId()).topLeft())
                fail(bench, u"a card is not where the layout puts it"_s);
        }
        sendMouse(view, QEvent::MouseButtonRelease, away ? back : there, Qt::NoButton);
        settle();
        report.add(u"drag step changing the landing cell"_s, u"moving one rectangle"_s, w, b,
                   {u"≤ 8 ms"_s, 8, std::nullopt});
        report.add(u"drag step, scene work only (no repaint)"_s, u"moving one rectangle"_s, sceneW,
                   sceneB, {u"≤ 8 ms"_s, 8, std::nullopt});
    }

    if (!report.finish())
        fail(bench, u"cannot write "_s + options.json);
    return 0;
}
