// Connectors between cards: the router's lines run horizontally and vertically, from one
// card's border to the other's, around every card and note in the way and apart from each
// other in shared gutters; on the canvas, either end of a selected connector is dragged onto
// another card as one undo step, and the lines follow cards that move.
#include "canvastesting.h"
#include "commands.h"
#include "connectoritem.h"
#include "connectorrouter.h"
#include "lookup.h"
#include "maplayout.h"
#include "mapscene.h"
#include "mapstyle.h"
#include "touchpointcarditem.h"

#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace Waymark;
using namespace Waymark::Testing;

Q_DECLARE_METATYPE(Waymark::JourneyMap)

namespace {

// A map of stages × lanes; cards are added with card().
struct Grid
{
    JourneyMap map;

    Grid(int stages, int lanes, int stageWidth = 0)
    {
        map.id = newId();
        for (int s = 0; s < stages; ++s)
            map.stages.append({newId(), u"Stage %1"_s.arg(s + 1), {}, stageWidth});
        for (int l = 0; l < lanes; ++l)
            map.lanes.append({newId(), u"Lane %1"_s.arg(l + 1), LaneKind::Touchpoints, false, {}});
    }

    Id card(int stage, int lane)
    {
        Touchpoint t;
        t.id = newId();
        t.stageId = map.stages.at(stage).id;
        t.laneId = map.lanes.at(lane).id;
        t.order = int(cellTouchpoints(map, t.stageId, t.laneId).size());
        t.title = u"Card %1"_s.arg(map.touchpoints.size() + 1);
        map.touchpoints.append(t);
        return t.id;
    }

    void note(int stage, int lane)
    {
        Annotation a;
        a.id = newId();
        a.stageId = map.stages.at(stage).id;
        a.laneId = map.lanes.at(lane).id;
        a.text = u"A note"_s;
        a.created = QDateTime::currentDateTimeUtc().addSecs(map.annotations.size());
        map.annotations.append(a);
    }
};

bool onBorder(const QRectF &rect, const QPointF &p)
{
    const bool onVerticalSide =
        (qAbs(p.x() - rect.left()) < 0.01 || qAbs(p.x() - rect.right()) < 0.01) &&
        p.y() >= rect.top() - 0.01 && p.y() <= rect.bottom() + 0.01;
    const bool onHorizontalSide =
        (qAbs(p.y() - rect.top()) < 0.01 || qAbs(p.y() - rect.bottom()) < 0.01) &&
        p.x() >= rect.left() - 0.01 && p.x() <= rect.right() + 0.01;
    return onVerticalSide || onHorizontalSide;
}

// Whether the segment passes through the inside of the rectangle (running along its border
// or ending on it does not count).
bool crosses(const QPointF &a, const QPointF &b, const QRectF &rect)
{
    const QRectF segment = QRectF(a, b).normalized();
    return rect.left() < segment.right() && rect.right() > segment.left() &&
           rect.top() < segment.bottom() && rect.bottom() > segment.top();
}

// What is wrong with a route between two cards among these obstacles, or an empty string.
QString problemWith(const QList<QPointF> &points, const QRectF &from, const QRectF &to,
                    const QList<QRectF> &obstacles)
{
    if (points.size() < 2)
        return u"fewer than two points"_s;
    if (!onBorder(from, points.first()))
        return u"does not start on its card's border"_s;
    if (!onBorder(to, points.last()))
        return u"does not end on its card's border"_s;
    for (qsizetype i = 1; i < points.size(); ++i) {
        const QPointF a = points.at(i - 1);
        const QPointF b = points.at(i);
        if (qAbs(a.x() - b.x()) > 0.01 && qAbs(a.y() - b.y()) > 0.01)
            return u"segment %1 is diagonal"_s.arg(i);
        for (const QRectF &obstacle : obstacles) {
            if (crosses(a, b, obstacle)) {
                QString text;
                QDebug(&text) << "segment" << i << "of" << points << "crosses" << obstacle;
                return text;
            }
        }
    }
    return {};
}

QList<QRectF> allObstacles(const MapLayout &layout)
{
    QList<QRectF> rects = layout.cards().values();
    rects.append(layout.notes().values());
    return rects;
}

} // namespace

class TestConnectors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void routeGoesAroundCards_data();
    void routeGoesAroundCards();
    void straightBetweenNeighbours();
    void crowdedMapStaysClear();
    void routerFollowsMovedObstacles();
    void sharedGutterLinesRunApart();
    void labelSitsClearOfCards();
    void templatesRouteCleanly_data();
    void templatesRouteCleanly();

    void reconnectByDraggingAnEnd_data();
    void reconnectByDraggingAnEnd();
    void reconnectCancels_data();
    void reconnectCancels();
    void routesFollowMovedCards();
    void dragKeepsLinesFoundByClicks();

private:
    void openView(const QString &templateName);
    MapScene *scene() const { return mView->mapScene(); }
    const JourneyMap &map() const { return *scene()->map(); }
    bool joined(const Id &a, const Id &b) const;
    // A card of the map that is neither end of the connector nor joined to the end that
    // stays by another connector.
    Id freeCardFor(const Connector &connector, bool movingFrom) const;

    std::unique_ptr<Document> mDocument;
    std::unique_ptr<MapView> mView;
};

void TestConnectors::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConnectors::cleanup()
{
    mView.reset();
    mDocument.reset();
}

void TestConnectors::openView(const QString &templateName)
{
    mDocument = documentFrom(templateName);
    QVERIFY(mDocument);
    mView = std::make_unique<MapView>(mDocument.get(), mDocument->project().maps.first().id);
    mView->resize(1600, 1000);
    mView->show();
    QVERIFY(QTest::qWaitForWindowExposed(mView.get()));
    scene()->ensureCurrent();
}

bool TestConnectors::joined(const Id &a, const Id &b) const
{
    return std::any_of(map().connectors.cbegin(), map().connectors.cend(), [&](const Connector &c) {
        return (c.fromId == a && c.toId == b) || (c.fromId == b && c.toId == a);
    });
}

Id TestConnectors::freeCardFor(const Connector &connector, bool movingFrom) const
{
    const Id staying = movingFrom ? connector.toId : connector.fromId;
    for (const Touchpoint &t : map().touchpoints) {
        if (t.id != connector.fromId && t.id != connector.toId && !joined(t.id, staying) &&
            scene()->card(t.id))
            return t.id;
    }
    return {};
}

void TestConnectors::routeGoesAroundCards_data()
{
    QTest::addColumn<JourneyMap>("map");
    QTest::addColumn<Id>("fromId");
    QTest::addColumn<Id>("toId");

    {
        Grid g(3, 2);
        const Id a = g.card(0, 0);
        g.card(1, 0);
        const Id b = g.card(2, 0);
        QTest::newRow("along a lane, a card in the stage between") << g.map << a << b;
        QTest::newRow("back along a lane") << g.map << b << a;
    }
    {
        Grid g(2, 3);
        const Id a = g.card(0, 0);
        g.card(0, 1);
        const Id b = g.card(0, 2);
        QTest::newRow("down a stage, a card in the lane between") << g.map << a << b;
    }
    {
        Grid g(3, 3);
        const Id a = g.card(0, 0);
        g.card(1, 0);
        g.card(0, 1);
        g.card(1, 1);
        g.card(2, 1);
        g.card(1, 2);
        const Id b = g.card(2, 2);
        QTest::newRow("diagonally through a full grid") << g.map << a << b;
    }
    {
        Grid g(2, 1);
        const Id a = g.card(0, 0);
        g.card(0, 0);
        const Id b = g.card(0, 0);
        g.card(1, 0);
        QTest::newRow("within a cell, past the card between") << g.map << a << b;
    }
    {
        // Three cards to a line: the middle card of the middle line faces only cards.
        Grid g(2, 2, 700);
        for (int i = 0; i < 4; ++i)
            g.card(0, 0);
        const Id a = g.card(0, 0);
        for (int i = 0; i < 4; ++i)
            g.card(0, 0);
        const Id b = g.card(1, 1);
        g.card(1, 1);
        g.note(0, 0);
        QTest::newRow("out of the middle of a crowded cell") << g.map << a << b;
        QTest::newRow("into the middle of a crowded cell") << g.map << b << a;
    }
    {
        Grid g(3, 2);
        const Id a = g.card(0, 0);
        g.note(1, 0);
        g.note(1, 0);
        g.card(1, 1);
        const Id b = g.card(2, 0);
        QTest::newRow("past the notes of a cell") << g.map << a << b;
    }
}

void TestConnectors::routeGoesAroundCards()
{
    QFETCH(JourneyMap, map);
    QFETCH(Id, fromId);
    QFETCH(Id, toId);

    const MapLayout layout = MapLayout::compute(map);
    const ConnectorRouter router(layout);
    const QList<QPointF> points = router.route(fromId, toId);
    QList<QRectF> others = allObstacles(layout);
    others.removeOne(layout.cardRect(fromId));
    others.removeOne(layout.cardRect(toId));
    const QString problem =
        problemWith(points, layout.cardRect(fromId), layout.cardRect(toId), others);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // No card on the way is crossed, and its own two are not gone through either.
    QVERIFY(!crosses(points.at(0), points.at(1), layout.cardRect(fromId)));
    QVERIFY(!crosses(points.at(points.size() - 2), points.last(), layout.cardRect(toId)));
}

void TestConnectors::straightBetweenNeighbours()
{
    Grid g(2, 2);
    const Id a = g.card(0, 0);
    const Id b = g.card(1, 0);
    const Id c = g.card(0, 1);
    const MapLayout layout = MapLayout::compute(g.map);
    const ConnectorRouter router(layout);

    // Side by side in one lane: one straight line, out of the right side into the left.
    const QList<QPointF> across = router.route(a, b);
    QCOMPARE(across.size(), 2);
    QCOMPARE(across.first().x(), layout.cardRect(a).right());
    QCOMPARE(across.last().x(), layout.cardRect(b).left());

    // One above the other: straight down, out of the bottom into the top.
    const QList<QPointF> down = router.route(a, c);
    QCOMPARE(down.size(), 2);
    QCOMPARE(down.first().y(), layout.cardRect(a).bottom());
    QCOMPARE(down.last().y(), layout.cardRect(c).top());

    QVERIFY(router.route(a, a).isEmpty());
    QVERIFY(router.route(a, newId()).isEmpty());
}

void TestConnectors::routerFollowsMovedObstacles()
{
    // A drag keeps its router from step to step and tells it which cards and notes moved:
    // after each step it routes every line as a router made anew over the whole map does.
    QRandomGenerator random(11);
    Grid g(8, 5);
    g.map.stages[3].width = 480;
    QList<Id> cards;
    for (int i = 0; i < 80; ++i)
        cards.append(g.card(int(random.bounded(8)), int(random.bounded(5))));
    for (int i = 0; i < 5; ++i)
        g.note(int(random.bounded(8)), int(random.bounded(5)));
    QList<Connector> connectors;
    for (int i = 0; i < 120; ++i) {
        const Id from = cards.at(random.bounded(int(cards.size())));
        const Id to = cards.at(random.bounded(int(cards.size())));
        if (from != to)
            connectors.append({newId(), from, to, ConnectorDirection::Forward, {}});
    }

    MapLayout layout = MapLayout::compute(g.map);
    // As during a drag, rows keep at least the height they had, so the grid stays put.
    QHash<Id, qreal> heights;
    for (const MapLayout::Row &row : layout.rows())
        heights.insert(row.laneId, row.height + 4 * (MapStyle::CardHeight + MapStyle::CardGap));
    layout = MapLayout::compute(g.map, heights);
    ConnectorRouter kept(layout);

    int moved = 0;
    for (int step = 0; step < 12; ++step) {
        Touchpoint &t = g.map.touchpoints[random.bounded(int(g.map.touchpoints.size()))];
        const MapLayout::Cell from{t.stageId, t.laneId};
        t.stageId = g.map.stages.at(random.bounded(int(g.map.stages.size()))).id;
        t.order = -1; // first in its new cell
        const std::optional<MapLayout::Changes> changes =
            layout.relayoutCells(g.map, {from, {t.stageId, t.laneId}}, heights);
        QVERIFY(changes);
        QVERIFY(changes->rows.isEmpty());
        QVERIFY(kept.moveObstacles(layout, changes->cards, changes->notes));
        moved += int(changes->cards.size());

        const ConnectorRouter fresh(layout);
        QCOMPARE(kept.routeAll(connectors), fresh.routeAll(connectors));
        QList<QRectF> keptObstacles = kept.obstacles();
        QList<QRectF> freshObstacles = fresh.obstacles();
        const auto byPlace = [](const QRectF &a, const QRectF &b) {
            return std::make_tuple(a.left(), a.top(), a.width()) <
                   std::make_tuple(b.left(), b.top(), b.width());
        };
        std::sort(keptObstacles.begin(), keptObstacles.end(), byPlace);
        std::sort(freshObstacles.begin(), freshObstacles.end(), byPlace);
        QCOMPARE(keptObstacles, freshObstacles);
    }
    QVERIFY(moved > 12);

    // Rows that grow move every cell below them: the router says it cannot follow.
    const MapLayout taller = MapLayout::compute(g.map, {});
    QVERIFY(taller.bounds() != layout.bounds());
    QVERIFY(!kept.moveObstacles(taller, {}, {}));
}

void TestConnectors::crowdedMapStaysClear()
{
    // A map as busy as a large workshop's, with connectors between any two cards: every
    // line, spread among the others in its gutters, stays clear of every card and note.
    QRandomGenerator random(3);
    Grid g(8, 5);
    g.map.stages[2].width = 480;
    g.map.stages[5].width = 700;
    QList<Id> cards;
    for (int i = 0; i < 90; ++i)
        cards.append(g.card(int(random.bounded(8)), int(random.bounded(5))));
    for (int i = 0; i < 6; ++i)
        g.note(int(random.bounded(8)), int(random.bounded(5)));
    QList<Connector> connectors;
    for (int i = 0; i < 160; ++i) {
        const Id from = cards.at(random.bounded(int(cards.size())));
        const Id to = cards.at(random.bounded(int(cards.size())));
        if (from != to)
            connectors.append({newId(), from, to, ConnectorDirection::Forward, {}});
    }

    const MapLayout layout = MapLayout::compute(g.map);
    const ConnectorRouter router(layout);
    const QList<QList<QPointF>> routes = router.routeAll(connectors);
    QCOMPARE(routes.size(), connectors.size());
    const QList<QRectF> obstacles = allObstacles(layout);
    for (qsizetype i = 0; i < connectors.size(); ++i) {
        const QRectF from = layout.cardRect(connectors.at(i).fromId);
        const QRectF to = layout.cardRect(connectors.at(i).toId);
        QList<QRectF> others = obstacles;
        others.removeOne(from);
        others.removeOne(to);
        const QString problem = problemWith(routes.at(i), from, to, others);
        QVERIFY2(problem.isEmpty(), qPrintable(u"connector %1: "_s.arg(i) + problem));
    }
}

void TestConnectors::sharedGutterLinesRunApart()
{
    // Both lines go down the gutter between the two stages, over stretches that overlap.
    Grid g(2, 4);
    const Id a = g.card(0, 0);
    const Id b = g.card(1, 2);
    const Id c = g.card(0, 1);
    const Id d = g.card(1, 3);
    g.card(1, 0);
    g.card(1, 1);
    g.card(0, 2);
    g.card(0, 3);
    const QList<Connector> connectors{{newId(), a, b, ConnectorDirection::Forward, {}},
                                      {newId(), c, d, ConnectorDirection::Forward, {}}};
    const MapLayout layout = MapLayout::compute(g.map);
    const ConnectorRouter router(layout);
    const QList<QList<QPointF>> routes = router.routeAll(connectors);

    // The vertical stretches of each line near the stage boundary.
    const qreal boundary = layout.columns().at(1).x;
    auto verticals = [&](const QList<QPointF> &points) {
        QList<QLineF> found;
        for (qsizetype i = 1; i < points.size(); ++i) {
            const QLineF segment(points.at(i - 1), points.at(i));
            if (qAbs(segment.dx()) < 0.01 && qAbs(segment.x1() - boundary) < MapStyle::CellPadding)
                found.append(segment);
        }
        return found;
    };
    const QList<QLineF> first = verticals(routes.at(0));
    const QList<QLineF> second = verticals(routes.at(1));
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    for (const QLineF &p : first) {
        for (const QLineF &q : second) {
            const bool overlap = std::min(std::max(p.y1(), p.y2()), std::max(q.y1(), q.y2())) >
                                 std::max(std::min(p.y1(), p.y2()), std::min(q.y1(), q.y2()));
            if (overlap)
                QVERIFY2(qAbs(p.x1() - q.x1()) >= 3, "lines in one gutter run side by side");
        }
    }
}

void TestConnectors::labelSitsClearOfCards()
{
    Grid g(4, 2);
    const Id a = g.card(0, 0);
    g.card(1, 0);
    g.card(2, 0);
    const Id b = g.card(3, 0);
    const MapLayout layout = MapLayout::compute(g.map);
    const ConnectorRouter router(layout);
    const QList<QPointF> points = router.route(a, b);
    QVERIFY(points.size() >= 2);

    const QSizeF size(90, 18);
    const QPointF centre = router.labelCentre(points, size);
    const QRectF label(centre - QPointF(size.width() / 2, size.height() / 2), size);
    QVERIFY(router.isClear(label));
    for (const QRectF &card : layout.cards())
        QVERIFY(!label.intersects(card));

    // On the line, and on a horizontal stretch of it.
    bool onHorizontal = false;
    for (qsizetype i = 1; i < points.size(); ++i) {
        const QLineF segment(points.at(i - 1), points.at(i));
        onHorizontal =
            onHorizontal || (qAbs(segment.dy()) < 0.01 && qAbs(centre.y() - segment.y1()) < 0.01 &&
                             centre.x() >= std::min(segment.x1(), segment.x2()) &&
                             centre.x() <= std::max(segment.x1(), segment.x2()));
    }
    QVERIFY(onHorizontal);
}

void TestConnectors::templatesRouteCleanly_data()
{
    QTest::addColumn<QString>("templateName");
    QTest::newRow("sample project") << QStringLiteral(WAYMARK_SAMPLE_FILE);
    QTest::newRow("digital journey") << u"digital-journey"_s;
    QTest::newRow("b2b") << u"b2b"_s;
}

void TestConnectors::templatesRouteCleanly()
{
    QFETCH(QString, templateName);
    std::unique_ptr<Document> document = documentFrom(templateName);
    QVERIFY(document);
    for (const JourneyMap &m : document->project().maps) {
        MapScene mapScene(document.get(), m.id);
        const MapLayout &layout = mapScene.mapLayout();
        const QList<QRectF> obstacles = allObstacles(layout);
        for (const ConnectorItem *item : mapScene.connectors()) {
            const QRectF from = layout.cardRect(item->connector().fromId);
            const QRectF to = layout.cardRect(item->connector().toId);
            QList<QRectF> others = obstacles;
            others.removeOne(from);
            others.removeOne(to);
            const QString problem = problemWith(item->points(), from, to, others);
            QVERIFY2(problem.isEmpty(), qPrintable(m.name + u": "_s + problem));
        }
    }
}

void TestConnectors::reconnectByDraggingAnEnd_data()
{
    QTest::addColumn<bool>("movingFrom");
    QTest::newRow("the end it points to") << false;
    QTest::newRow("the end it starts from") << true;
}

void TestConnectors::reconnectByDraggingAnEnd()
{
    QFETCH(bool, movingFrom);
    openView(u"digital-journey"_s);
    QVERIFY(!map().connectors.isEmpty());
    const QList<Connector> before = map().connectors;
    const Connector connector = before.first();
    const Id target = freeCardFor(connector, movingFrom);
    QVERIFY(!target.isNull());

    ConnectorItem *item = scene()->connector(connector.id);
    QVERIFY(item);
    item->setSelected(true);
    const ConnectorItem::End end = movingFrom ? ConnectorItem::End::From : ConnectorItem::End::To;
    const QPointF grab = item->endHandleRect(end).center();
    QCOMPARE(grab, movingFrom ? item->points().first() : item->points().last());
    const QPointF drop = scene()->mapLayout().cardRect(target).center();
    mView->ensureVisible(QRectF(grab, drop).normalized());
    const int steps = mDocument->undoStack()->count();

    // While the end is dragged, a line follows the pointer and nothing changes yet.
    sendMouse(*mView, QEvent::MouseButtonPress, grab, Qt::LeftButton);
    QVERIFY(scene()->isReconnecting());
    sendMouse(*mView, QEvent::MouseMove, (grab + drop) / 2, Qt::LeftButton);
    QCOMPARE(mDocument->undoStack()->count(), steps);
    sendMouse(*mView, QEvent::MouseMove, drop, Qt::LeftButton);
    sendMouse(*mView, QEvent::MouseButtonRelease, drop, Qt::NoButton);
    QVERIFY(!scene()->isReconnecting());

    QCOMPARE(mDocument->undoStack()->count(), steps + 1);
    QCOMPARE(mDocument->undoStack()->undoText(), u"Reconnect Connector"_s);
    const Connector *moved = findById(map().connectors, connector.id);
    QVERIFY(moved);
    QCOMPARE(movingFrom ? moved->fromId : moved->toId, target);
    QCOMPARE(movingFrom ? moved->toId : moved->fromId,
             movingFrom ? connector.toId : connector.fromId);
    QCOMPARE(moved->direction, connector.direction);
    QCOMPARE(moved->label, connector.label);

    // The line now meets the new card, and the connector stays selected.
    scene()->ensureCurrent();
    ConnectorItem *redrawn = scene()->connector(connector.id);
    QVERIFY(redrawn);
    QVERIFY(redrawn->isSelected());
    const QPointF meets = movingFrom ? redrawn->points().first() : redrawn->points().last();
    QVERIFY(onBorder(scene()->mapLayout().cardRect(target), meets));

    mDocument->undoStack()->undo();
    QCOMPARE(map().connectors, before);
    scene()->ensureCurrent();
    const ConnectorItem *back = scene()->connector(connector.id);
    QVERIFY(back);
    const Id original = movingFrom ? connector.fromId : connector.toId;
    QVERIFY(onBorder(scene()->mapLayout().cardRect(original),
                     movingFrom ? back->points().first() : back->points().last()));

    mDocument->undoStack()->redo();
    QCOMPARE(movingFrom ? findById(map().connectors, connector.id)->fromId
                        : findById(map().connectors, connector.id)->toId,
             target);
}

void TestConnectors::reconnectCancels_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("on nothing") << u"nothing"_s;
    QTest::newRow("on the card at the other end") << u"other end"_s;
    QTest::newRow("back on its own card") << u"own card"_s;
    QTest::newRow("on a card already joined to the other end") << u"joined"_s;
    QTest::newRow("with Escape") << u"escape"_s;
}

void TestConnectors::reconnectCancels()
{
    QFETCH(QString, where);
    openView(u"digital-journey"_s);
    QVERIFY(map().connectors.size() >= 2);
    const QList<Connector> before = map().connectors;
    const Connector connector = before.first();

    // Moving the end at the second card; the first card stays.
    QPointF drop;
    if (where == u"nothing"_s) {
        drop = scene()->mapLayout().bounds().bottomRight() - QPointF(4, 4);
    } else if (where == u"other end"_s) {
        drop = scene()->mapLayout().cardRect(connector.fromId).center();
    } else if (where == u"own card"_s || where == u"escape"_s) {
        drop = scene()->mapLayout().cardRect(connector.toId).center();
    } else {
        // A card that another connector already joins to the staying end.
        Id other;
        for (const Connector &c : before) {
            if (c.id == connector.id)
                continue;
            if (c.fromId == connector.fromId && c.toId != connector.toId)
                other = c.toId;
            else if (c.toId == connector.fromId && c.fromId != connector.toId)
                other = c.fromId;
            if (!other.isNull())
                break;
        }
        if (other.isNull()) {
            // None in the template: make one.
            other = freeCardFor(connector, false);
            QVERIFY(scene()->connectTouchpoints(connector.fromId, other));
            scene()->ensureCurrent();
        }
        drop = scene()->mapLayout().cardRect(other).center();
    }
    const QList<Connector> connectors = map().connectors;
    const int steps = mDocument->undoStack()->count();

    ConnectorItem *item = scene()->connector(connector.id);
    QVERIFY(item);
    item->setSelected(true);
    const QPointF grab = item->endHandleRect(ConnectorItem::End::To).center();
    mView->ensureVisible(QRectF(grab, drop).normalized());
    sendMouse(*mView, QEvent::MouseButtonPress, grab, Qt::LeftButton);
    QVERIFY(scene()->isReconnecting());
    sendMouse(*mView, QEvent::MouseMove, drop, Qt::LeftButton);
    if (where == u"escape"_s) {
        QTest::keyClick(mView->viewport(), Qt::Key_Escape);
        QVERIFY(!scene()->isReconnecting());
    }
    sendMouse(*mView, QEvent::MouseButtonRelease, drop, Qt::NoButton);
    QVERIFY(!scene()->isReconnecting());

    QCOMPARE(mDocument->undoStack()->count(), steps);
    QCOMPARE(map().connectors, connectors);
}

void TestConnectors::routesFollowMovedCards()
{
    openView(u"digital-journey"_s);
    const Connector connector = map().connectors.first();
    const Touchpoint moving = *findById(map().touchpoints, connector.toId);
    const Id lastStage = map().stages.last().id;
    QVERIFY(moving.stageId != lastStage);

    auto checkLines = [this]() {
        const MapLayout &layout = scene()->mapLayout();
        const QList<QRectF> obstacles = allObstacles(layout);
        for (const ConnectorItem *item : scene()->connectors()) {
            const QRectF from = layout.cardRect(item->connector().fromId);
            const QRectF to = layout.cardRect(item->connector().toId);
            QList<QRectF> others = obstacles;
            others.removeOne(from);
            others.removeOne(to);
            const QString problem = problemWith(item->points(), from, to, others);
            if (!problem.isEmpty())
                return problem;
        }
        return QString();
    };

    // A drag of the card to the last stage: the lines follow it as it lands.
    scene()->selectTouchpoints({moving.id});
    const QRectF card = scene()->mapLayout().cardRect(moving.id);
    const qsizetype row =
        std::find_if(scene()->mapLayout().rows().cbegin(), scene()->mapLayout().rows().cend(),
                     [&](const MapLayout::Row &r) { return r.laneId == moving.laneId; }) -
        scene()->mapLayout().rows().cbegin();
    const QRectF cell = scene()->mapLayout().cellRect(map().stages.size() - 1, row);
    const QPointF target(cell.center().x(), cell.bottom() - 4);
    mView->ensureVisible(QRectF(card.center(), target).normalized());
    drag(*mView, card.center(), target);
    scene()->ensureCurrent();
    QCOMPARE(findById(map().touchpoints, moving.id)->stageId, lastStage);
    QString problem = checkLines();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Once the cards are still, every line is routed again together: still clear.
    QTRY_VERIFY_WITH_TIMEOUT(checkLines().isEmpty(), 1000);
    QTest::qWait(300);
    problem = checkLines();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const ConnectorItem *item = scene()->connector(connector.id);
    QVERIFY(item);
    QVERIFY(onBorder(scene()->mapLayout().cardRect(moving.id), item->points().last()));

    // Undo puts the card back, and the lines with it.
    mDocument->undoStack()->undo();
    scene()->ensureCurrent();
    QCOMPARE(*findById(map().touchpoints, moving.id), moving);
    problem = checkLines();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    item = scene()->connector(connector.id);
    QVERIFY(item);
    QVERIFY(onBorder(scene()->mapLayout().cardRect(moving.id), item->points().last()));
}

namespace {

// How far a point is from the nearest leg of a line.
qreal distanceToLine(const QList<QPointF> &points, const QPointF &p)
{
    qreal best = std::numeric_limits<qreal>::max();
    for (qsizetype i = 1; i < points.size(); ++i) {
        const QPointF a = points.at(i - 1);
        const QPointF d = points.at(i) - a;
        const qreal length2 = QPointF::dotProduct(d, d);
        const qreal t =
            length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / length2, 0.0, 1.0) : 0.0;
        best = std::min(best, QLineF(p, a + d * t).length());
    }
    return best;
}

// The box a line of these points has when nothing keeps it larger.
QRectF tightBox(const ConnectorItem &line)
{
    return ConnectorItem(line.connector(), line.points()).boundingRect();
}

} // namespace

void TestConnectors::dragKeepsLinesFoundByClicks()
{
    // During a drag the lines of the moving cards keep a bounding box that holds where they
    // were and where they are (ConnectorItem::setPoints()): hovering and clicks still find
    // a line on its legs alone, and once the map is still every box is tight again.
    openView(u"digital-journey"_s);
    mView->setZoom(1.0);
    const Connector connector = map().connectors.first();
    const Touchpoint moving = *findById(map().touchpoints, connector.toId);
    qsizetype stage = 0;
    while (map().stages.at(stage).id != moving.stageId)
        ++stage;
    const qsizetype next = stage + 1 < map().stages.size() ? stage + 1 : stage - 1;
    const MapLayout &layout = scene()->mapLayout();
    const qsizetype row =
        std::find_if(layout.rows().cbegin(), layout.rows().cend(),
                     [&](const MapLayout::Row &r) { return r.laneId == moving.laneId; }) -
        layout.rows().cbegin();
    const QRectF card = layout.cardRect(moving.id);
    const QPointF home = card.center();
    const QPointF there(layout.cellRect(next, row).center().x(), home.y());
    mView->centerOn((home + there) / 2);
    scene()->selectTouchpoints({moving.id});
    const int commands = mDocument->undoStack()->count();

    // There and back and there again, without letting go.
    sendMouse(*mView, QEvent::MouseButtonPress, home, Qt::LeftButton);
    sendMouse(*mView, QEvent::MouseMove, home + QPointF(12, 0), Qt::LeftButton);
    QCoreApplication::processEvents();
    QVERIFY(scene()->isDragging());
    for (const QPointF &to : {there, home, there}) {
        sendMouse(*mView, QEvent::MouseMove, to, Qt::LeftButton);
        QCoreApplication::processEvents();
        scene()->ensureCurrent();
    }
    QVERIFY(scene()->isDragging());
    QCOMPARE(findById(map().touchpoints, moving.id)->stageId, map().stages.at(next).id);

    ConnectorItem *line = scene()->connector(connector.id);
    QVERIFY(line);
    QVERIFY(line->isDrawnByScene());
    bool loose = false;
    for (const ConnectorItem *item : scene()->connectors()) {
        const QRectF tight = tightBox(*item);
        QVERIFY(item->boundingRect().contains(tight));
        loose = loose || item->boundingRect() != tight;
    }
    QVERIFY(loose); // the line of the card that went and came back, at least

    // On a leg the line is found; inside its box but away from its legs it is not.
    const QList<QPointF> points = line->points();
    const qsizetype middle = points.size() / 2;
    const QPointF onLeg = (points.at(middle - 1) + points.at(middle)) / 2;
    QVERIFY(scene()->items(onLeg).contains(line));
    const QRectF box = line->sceneBoundingRect();
    std::optional<QPointF> away;
    for (int i = 1; i < 20 && !away; ++i) {
        for (int j = 1; j < 20 && !away; ++j) {
            const QPointF p(box.left() + box.width() * i / 20, box.top() + box.height() * j / 20);
            if (distanceToLine(points, p) > 12)
                away = p;
        }
    }
    QVERIFY(away);
    QVERIFY(!scene()->items(*away).contains(line));

    sendMouse(*mView, QEvent::MouseButtonRelease, there, Qt::NoButton);
    QCoreApplication::processEvents();
    QVERIFY(!scene()->isDragging());
    // The drag is one step to undo.
    QCOMPARE(mDocument->undoStack()->count(), commands + 1);

    // Once the cards are still, every line is routed again together, its box tight.
    const auto allTight = [this] {
        const QList<ConnectorItem *> lines = scene()->connectors();
        return std::all_of(lines.cbegin(), lines.cend(), [](const ConnectorItem *item) {
            return item->boundingRect() == tightBox(*item);
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allTight(), 2000);

    // A click on the line's leg selects it.
    line = scene()->connector(connector.id);
    QVERIFY(line);
    scene()->clearSelection();
    const QList<QPointF> now = line->points();
    const qsizetype half = now.size() / 2;
    const QPointF click = (now.at(half - 1) + now.at(half)) / 2;
    QVERIFY(scene()->items(click).contains(line));
    sendMouse(*mView, QEvent::MouseButtonPress, click, Qt::LeftButton);
    sendMouse(*mView, QEvent::MouseButtonRelease, click, Qt::NoButton);
    QCoreApplication::processEvents();
    QCOMPARE(scene()->selectedConnectors(), QList<Id>{connector.id});

    mDocument->undoStack()->undo();
    scene()->ensureCurrent();
    QCOMPARE(findById(map().touchpoints, moving.id)->stageId, moving.stageId);
}

QTEST_MAIN(TestConnectors)
#include "tst_connectors.moc"
