// Annotations and connectors on the canvas: markers on cards follow the model, notes of
// cells stay clear of the cards, and connectors are drawn from a card's handle and deleted
// with the keyboard, each edit one undo step.
#include "annotationitems.h"
#include "canvastesting.h"
#include "commands.h"
#include "connectoritem.h"
#include "document.h"
#include "lookup.h"
#include "mapscene.h"
#include "mapview.h"
#include "templates.h"
#include "touchpointcarditem.h"

#include <QAction>
#include <QApplication>
#include <QGraphicsLineItem>
#include <QMenu>
#include <QMouseEvent>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Waymark;
using namespace Waymark::Testing;

namespace {

qsizetype countOf(const JourneyMap &map, const Id &touchpointId, AnnotationKind kind)
{
    return std::count_if(
        map.annotations.cbegin(), map.annotations.cend(),
        [&](const Annotation &a) { return a.touchpointId == touchpointId && a.kind == kind; });
}

// A point of the connector's line where nothing else lies: no card, note or other line.
std::optional<QPointF> pointOn(const MapScene &scene, const ConnectorItem *item)
{
    const QList<QPointF> &points = item->points();
    for (qsizetype i = 0; i + 1 < points.size(); ++i) {
        const QLineF segment(item->mapToScene(points.at(i)), item->mapToScene(points.at(i + 1)));
        for (int step = 1; step < 20; ++step) {
            const QPointF at = segment.pointAt(step / 20.0);
            const QList<QGraphicsItem *> hits = scene.items(at);
            const bool clear = std::none_of(hits.cbegin(), hits.cend(), [&](QGraphicsItem *hit) {
                return hit != item && (hit->type() == ConnectorItem::Type ||
                                       hit->type() == ConnectorLabelItem::Type ||
                                       hit->type() == TouchpointCardItem::Type ||
                                       hit->type() == AnnotationNoteItem::Type);
            });
            if (clear && hits.contains(item))
                return at;
        }
    }
    return std::nullopt;
}

QAction *actionNamed(QMenu *menu, const QString &name)
{
    return menu ? menu->findChild<QAction *>(name) : nullptr;
}

} // namespace

class TestAnnotations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void markersFollowTheModel_data();
    void markersFollowTheModel();
    void cellNotesKeepClearOfCards();
    void addAnnotationIsOneStep_data();
    void addAnnotationIsOneStep();
    void noteMenuEditsAndDeletes();
    void cardMenuOffersAnnotations();
    void drawConnectorFromHandle();
    void dropOnNothingAddsNoConnector();
    void deleteSelectedConnector();
    void connectorMenu();

private:
    MapScene *scene() const { return mView->mapScene(); }
    const JourneyMap &map() const { return *scene()->map(); }
    // Two cards in different cells with no connector between them.
    std::pair<Id, Id> unconnectedPair() const;

    std::unique_ptr<Document> mDocument;
    std::unique_ptr<MapView> mView;
};

void TestAnnotations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"WaymarkTests"_s);
    QCoreApplication::setApplicationName(u"tst_annotations"_s);
}

void TestAnnotations::init()
{
    QSettings().remove(u"author"_s);
    mDocument = documentFrom(u"digital-journey"_s);
    QVERIFY(mDocument);
    mView = std::make_unique<MapView>(mDocument.get(), mDocument->project().maps.first().id);
    mView->resize(1600, 1000);
    mView->show();
    QVERIFY(QTest::qWaitForWindowExposed(mView.get()));
    scene()->ensureCurrent();
    QVERIFY(!scene()->cards().isEmpty());
}

void TestAnnotations::cleanup()
{
    mView.reset();
    mDocument.reset();
    QSettings().remove(u"author"_s);
}

std::pair<Id, Id> TestAnnotations::unconnectedPair() const
{
    const QList<Touchpoint> &touchpoints = map().touchpoints;
    for (const Touchpoint &a : touchpoints) {
        for (const Touchpoint &b : touchpoints) {
            const bool joined = std::any_of(map().connectors.cbegin(), map().connectors.cend(),
                                            [&](const Connector &c) {
                                                return (c.fromId == a.id && c.toId == b.id) ||
                                                       (c.fromId == b.id && c.toId == a.id);
                                            });
            if (a.stageId != b.stageId && !joined && scene()->card(a.id) && scene()->card(b.id))
                return {a.id, b.id};
        }
    }
    return {};
}

void TestAnnotations::markersFollowTheModel_data()
{
    QTest::addColumn<AnnotationKind>("kind");
    QTest::addColumn<QList<int>>("severities");
    QTest::addColumn<int>("highest");

    QTest::newRow("two pain points") << AnnotationKind::PainPoint << QList<int>{2, 4} << 4;
    QTest::newRow("one opportunity") << AnnotationKind::Opportunity << QList<int>{5} << 5;
    QTest::newRow("unrated pain point") << AnnotationKind::PainPoint << QList<int>{0} << 0;
    QTest::newRow("three comments") << AnnotationKind::Comment << QList<int>{0, 0, 0} << 0;
}

void TestAnnotations::markersFollowTheModel()
{
    QFETCH(AnnotationKind, kind);
    QFETCH(QList<int>, severities);
    QFETCH(int, highest);

    // A card with none of this kind yet, so the marker shows only what the test adds.
    Id cardId;
    for (const Touchpoint &t : map().touchpoints) {
        if (scene()->card(t.id) && countOf(map(), t.id, kind) == 0) {
            cardId = t.id;
            break;
        }
    }
    QVERIFY(!cardId.isNull());
    QVERIFY(!scene()->card(cardId)->marker(kind));

    for (int severity : severities) {
        Annotation annotation;
        annotation.kind = kind;
        annotation.touchpointId = cardId;
        annotation.text = u"Something to note"_s;
        annotation.severity = severity;
        QVERIFY(scene()->addAnnotation(annotation));
    }
    scene()->ensureCurrent();

    AnnotationMarkerItem *marker = scene()->card(cardId)->marker(kind);
    QVERIFY(marker);
    QCOMPARE(marker->count(), severities.size());
    QCOMPARE(marker->highestSeverity(), highest);
    QVERIFY(marker->text().contains(QString::number(severities.size())));
    if (highest > 0)
        QVERIFY(marker->text().contains(QString::number(highest)));
    QVERIFY(marker->toolTip().contains(u"Something to note"_s));
    QCOMPARE(marker->parentItem(), scene()->card(cardId));
    // The marker sits on its card.
    QVERIFY(scene()->mapLayout().cardRect(cardId).contains(marker->sceneBoundingRect()));

    mDocument->undoStack()->undo();
    scene()->ensureCurrent();
    if (severities.size() == 1) {
        QVERIFY(!scene()->card(cardId)->marker(kind));
    } else {
        QVERIFY(scene()->card(cardId)->marker(kind));
        QCOMPARE(scene()->card(cardId)->marker(kind)->count(), severities.size() - 1);
    }
}

void TestAnnotations::cellNotesKeepClearOfCards()
{
    // The fullest cell of the first row, and an empty one, each get two notes.
    const MapLayout &layout = scene()->mapLayout();
    QList<MapLayout::Cell> cells;
    qsizetype fullest = -1;
    qsizetype most = -1;
    for (qsizetype c = 0; c < layout.columns().size(); ++c) {
        const qsizetype n =
            cellTouchpoints(map(), layout.columns().at(c).stageId, layout.rows().first().laneId)
                .size();
        if (n > most) {
            most = n;
            fullest = c;
        }
    }
    QVERIFY(most > 0);
    cells.append({layout.columns().at(fullest).stageId, layout.rows().first().laneId});
    for (qsizetype r = 0; r < layout.rows().size() && cells.size() < 2; ++r) {
        for (qsizetype c = 0; c < layout.columns().size(); ++c) {
            const MapLayout::Cell cell{layout.columns().at(c).stageId, layout.rows().at(r).laneId};
            if (cellTouchpoints(map(), cell.stageId, cell.laneId).isEmpty() &&
                cellAnnotations(map(), cell.stageId, cell.laneId).isEmpty()) {
                cells.append(cell);
                break;
            }
        }
    }

    QList<Id> added;
    for (const MapLayout::Cell &cell : std::as_const(cells)) {
        for (AnnotationKind kind : {AnnotationKind::PainPoint, AnnotationKind::Opportunity}) {
            Annotation annotation;
            annotation.id = newId();
            annotation.kind = kind;
            annotation.stageId = cell.stageId;
            annotation.laneId = cell.laneId;
            annotation.text = u"A note of the cell"_s;
            annotation.severity = 3;
            QVERIFY(scene()->addAnnotation(annotation));
            added.append(annotation.id);
        }
    }
    scene()->ensureCurrent();

    const MapLayout &after = scene()->mapLayout();
    QList<QRectF> noteRects;
    for (const Id &id : std::as_const(added)) {
        AnnotationNoteItem *note = scene()->annotationNote(id);
        QVERIFY2(note, "every cell annotation has a note");
        const QRectF rect = after.noteRect(id);
        QVERIFY(!rect.isEmpty());
        QCOMPARE(note->pos(), rect.topLeft());
        noteRects.append(rect);
    }
    const QList<QRectF> everyNote = after.notes().values();
    for (const QRectF &note : everyNote) {
        for (const QRectF &card : after.cards())
            QVERIFY2(!note.intersects(card), "a note overlaps a card");
        for (const QRectF &other : everyNote)
            QVERIFY(other == note || !other.intersects(note));
        // Inside a cell of the grid.
        bool inCell = false;
        for (qsizetype c = 0; c < after.columns().size(); ++c) {
            for (qsizetype r = 0; r < after.rows().size(); ++r)
                inCell = inCell || after.cellRect(c, r).contains(note);
        }
        QVERIFY2(inCell, "a note reaches out of its cell");
    }
}

void TestAnnotations::addAnnotationIsOneStep_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("author");

    QTest::newRow("author from the settings") << u"Ada Facilitator"_s << u"Ada Facilitator"_s;
    QTest::newRow("login name") << QString() << qEnvironmentVariable("USER");
}

void TestAnnotations::addAnnotationIsOneStep()
{
    QFETCH(QString, setting);
    QFETCH(QString, author);

    if (!setting.isEmpty())
        QSettings().setValue(u"author"_s, setting);
    QCOMPARE(MapScene::authorName(), author);

    const Id cardId = map().touchpoints.first().id;
    const int steps = mDocument->undoStack()->count();
    const qsizetype before = map().annotations.size();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-1);

    Annotation annotation;
    annotation.kind = AnnotationKind::Comment;
    annotation.touchpointId = cardId;
    annotation.text = u"Check with the support team"_s;
    QVERIFY(scene()->addAnnotation(annotation));

    QCOMPARE(mDocument->undoStack()->count(), steps + 1);
    QCOMPARE(map().annotations.size(), before + 1);
    const Annotation &added = map().annotations.last();
    QVERIFY(!added.id.isNull());
    QCOMPARE(added.author, author);
    QCOMPARE(added.text, annotation.text);
    QVERIFY(added.created >= start && added.created <= QDateTime::currentDateTimeUtc());

    mDocument->undoStack()->undo();
    QCOMPARE(map().annotations.size(), before);
}

void TestAnnotations::noteMenuEditsAndDeletes()
{
    const MapLayout::Cell cell{map().stages.last().id, map().lanes.first().id};
    Annotation annotation;
    annotation.id = newId();
    annotation.kind = AnnotationKind::PainPoint;
    annotation.stageId = cell.stageId;
    annotation.laneId = cell.laneId;
    annotation.text = u"Slow checkout"_s;
    annotation.severity = 2;
    QVERIFY(scene()->addAnnotation(annotation));
    scene()->ensureCurrent();
    AnnotationNoteItem *note = scene()->annotationNote(annotation.id);
    QVERIFY(note);

    std::unique_ptr<QMenu> menu = scene()->createContextMenu(note->sceneBoundingRect().center());
    QVERIFY(actionNamed(menu.get(), u"editAnnotation"_s));
    QMenu *severity = menu->findChild<QMenu *>(u"annotationSeverity"_s);
    QVERIFY(severity);
    QCOMPARE(severity->actions().size(), 5);
    severity->actions().at(4)->trigger();
    QCOMPARE(findById(map().annotations, annotation.id)->severity, 5);

    QVERIFY(scene()->setAnnotationText(annotation.id, u"Very slow checkout"_s));
    QCOMPARE(findById(map().annotations, annotation.id)->text, u"Very slow checkout"_s);

    scene()->ensureCurrent();
    note = scene()->annotationNote(annotation.id);
    QVERIFY(note);
    menu = scene()->createContextMenu(note->sceneBoundingRect().center());
    const int steps = mDocument->undoStack()->count();
    QAction *remove = actionNamed(menu.get(), u"deleteAnnotation"_s);
    QVERIFY(remove);
    remove->trigger();
    QVERIFY(!findById(map().annotations, annotation.id));
    QCOMPARE(mDocument->undoStack()->count(), steps + 1);
    scene()->ensureCurrent();
    QVERIFY(!scene()->annotationNote(annotation.id));

    mDocument->undoStack()->undo();
    scene()->ensureCurrent();
    QVERIFY(scene()->annotationNote(annotation.id));
    QCOMPARE(findById(map().annotations, annotation.id)->text, u"Very slow checkout"_s);
}

void TestAnnotations::cardMenuOffersAnnotations()
{
    const Id cardId = map().touchpoints.first().id;
    std::unique_ptr<QMenu> menu =
        scene()->createContextMenu(scene()->mapLayout().cardRect(cardId).center());
    QVERIFY(menu);
    for (const QString &name : {u"addPainPoint"_s, u"addOpportunity"_s, u"addComment"_s})
        QVERIFY2(actionNamed(menu.get(), name), qPrintable(name));
}

void TestAnnotations::drawConnectorFromHandle()
{
    const auto [fromId, toId] = unconnectedPair();
    QVERIFY(!fromId.isNull());
    const QPointF start = scene()->card(fromId)->handleRect().center();
    const QPointF end = scene()->mapLayout().cardRect(toId).center();
    const qsizetype before = map().connectors.size();
    const int steps = mDocument->undoStack()->count();
    const Touchpoint fromBefore = *findById(map().touchpoints, fromId);

    // While the button is held a line follows the pointer, and nothing is pushed yet.
    sendMouse(*mView, QEvent::MouseButtonPress, start, Qt::LeftButton);
    QVERIFY(scene()->isConnecting());
    const QPointF halfway = (start + end) / 2;
    sendMouse(*mView, QEvent::MouseMove, halfway, Qt::LeftButton);
    QVERIFY(scene()->connectLine());
    QVERIFY(QLineF(scene()->connectLine()->line().p2(), halfway).length() < 2);
    QCOMPARE(mDocument->undoStack()->count(), steps);
    sendMouse(*mView, QEvent::MouseButtonRelease, end, Qt::NoButton);
    QVERIFY(!scene()->isConnecting());

    QCOMPARE(map().connectors.size(), before + 1);
    QCOMPARE(mDocument->undoStack()->count(), steps + 1);
    const Connector &added = map().connectors.last();
    QCOMPARE(added.fromId, fromId);
    QCOMPARE(added.toId, toId);
    QCOMPARE(added.direction, ConnectorDirection::Forward);
    // Drawing a connector neither moves nor selects the card it starts from.
    QCOMPARE(*findById(map().touchpoints, fromId), fromBefore);
    scene()->ensureCurrent();
    QVERIFY(scene()->connector(added.id));
    QVERIFY(!scene()->card(fromId)->isSelected());

    mDocument->undoStack()->undo();
    QCOMPARE(map().connectors.size(), before);
    scene()->ensureCurrent();
    QVERIFY(!scene()->connector(added.id));
}

void TestAnnotations::dropOnNothingAddsNoConnector()
{
    const auto [fromId, toId] = unconnectedPair();
    QVERIFY(!fromId.isNull());
    const qsizetype before = map().connectors.size();
    const int steps = mDocument->undoStack()->count();
    const QPointF start = scene()->card(fromId)->handleRect().center();

    // Onto the card it started from, and onto the margin outside the grid.
    drag(*mView, start, scene()->mapLayout().cardRect(fromId).center());
    drag(*mView, start, scene()->mapLayout().bounds().bottomRight() - QPointF(4, 4));

    QCOMPARE(map().connectors.size(), before);
    QCOMPARE(mDocument->undoStack()->count(), steps);
    QVERIFY(!scene()->isConnecting());
    QVERIFY(!scene()->connectLine());
}

void TestAnnotations::deleteSelectedConnector()
{
    const auto [fromId, toId] = unconnectedPair();
    QVERIFY(scene()->connectTouchpoints(fromId, toId));
    const Id connectorId = map().connectors.last().id;
    scene()->ensureCurrent();
    ConnectorItem *item = scene()->connector(connectorId);
    QVERIFY(item);

    const std::optional<QPointF> onLine = pointOn(*scene(), item);
    QVERIFY(onLine);
    QTest::mouseClick(mView->viewport(), Qt::LeftButton, {}, mView->mapFromScene(*onLine));
    QCOMPARE(scene()->selectedConnectors(), QList<Id>{connectorId});
    QVERIFY(scene()->selectedTouchpoints().isEmpty());

    const int steps = mDocument->undoStack()->count();
    const qsizetype touchpoints = map().touchpoints.size();
    QTest::keyClick(mView->viewport(), Qt::Key_Delete);
    QVERIFY(!findById(map().connectors, connectorId));
    QCOMPARE(map().touchpoints.size(), touchpoints);
    QCOMPARE(mDocument->undoStack()->count(), steps + 1);

    mDocument->undoStack()->undo();
    QVERIFY(findById(map().connectors, connectorId));
}

void TestAnnotations::connectorMenu()
{
    const auto [fromId, toId] = unconnectedPair();
    QVERIFY(scene()->connectTouchpoints(fromId, toId));
    const Id connectorId = map().connectors.last().id;
    scene()->ensureCurrent();
    ConnectorItem *item = scene()->connector(connectorId);
    QVERIFY(item);
    const std::optional<QPointF> onLine = pointOn(*scene(), item);
    QVERIFY(onLine);

    std::unique_ptr<QMenu> menu = scene()->createContextMenu(*onLine);
    QVERIFY(menu);
    QVERIFY(actionNamed(menu.get(), u"editConnectorLabel"_s));
    QAction *reverse = actionNamed(menu.get(), u"reverseConnector"_s);
    QVERIFY(reverse && reverse->isEnabled());
    reverse->trigger();
    QCOMPARE(findById(map().connectors, connectorId)->direction, ConnectorDirection::Backward);

    QVERIFY(scene()->setConnectorLabel(connectorId, u"then"_s));
    QCOMPARE(findById(map().connectors, connectorId)->label, u"then"_s);

    scene()->ensureCurrent();
    item = scene()->connector(connectorId);
    QVERIFY(item);
    const std::optional<QPointF> stillOnLine = pointOn(*scene(), item);
    QVERIFY(stillOnLine);
    menu = scene()->createContextMenu(*stillOnLine);
    QAction *remove = actionNamed(menu.get(), u"deleteConnector"_s);
    QVERIFY(remove);
    remove->trigger();
    QVERIFY(!findById(map().connectors, connectorId));
}

QTEST_MAIN(TestAnnotations)
#include "tst_annotations.moc"
