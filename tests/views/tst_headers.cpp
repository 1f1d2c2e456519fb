// The headers of the canvas and the looks of its cards, driven as a facilitator would: a
// stage or lane header dragged to a new place, a stage resized by its grip, a header
// recoloured from its menu. Each is one undo step that undo takes back exactly. Then the
// look each lane kind gives its cards, the icons of channels and devices, the metric badge,
// and the map painted in a light and a dark theme.
#include "canvastesting.h"
#include "commands.h"
#include "document.h"
#include "headergesture.h"
#include "inlineeditor.h"
#include "inspectordock.h"
#include "laneheaderitem.h"
#include "lookup.h"
#include "maplayout.h"
#include "mapscene.h"
#include "mapstyle.h"
#include "mapview.h"
#include "stageheaderitem.h"
#include "touchpointcarditem.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Waymark;
using namespace Waymark::MapStyle;
using namespace Waymark::Testing;

namespace {

QString commandText(const char *text)
{
    return QCoreApplication::translate("Waymark::Commands", text);
}

QList<Id> idsOf(const auto &list)
{
    QList<Id> ids;
    for (const auto &entity : list)
        ids.append(entity.id);
    return ids;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b2d31));
    palette.setColor(QPalette::WindowText, QColor(0xe6e6e6));
    palette.setColor(QPalette::Base, QColor(0x1f2124));
    palette.setColor(QPalette::AlternateBase, QColor(0x2b2d31));
    palette.setColor(QPalette::Text, QColor(0xe6e6e6));
    palette.setColor(QPalette::Button, QColor(0x35373c));
    palette.setColor(QPalette::ButtonText, QColor(0xe6e6e6));
    palette.setColor(QPalette::Highlight, QColor(0x4c8ed9));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

qreal lightness(const QImage &image, const QPointF &at)
{
    return image.pixelColor(at.toPoint()).lightnessF();
}

} // namespace

class TestHeaders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void dragStage_data();
    void dragStage();
    void dragLane_data();
    void dragLane();
    void dragLanePastHiddenLane();
    void escapeCancelsHeaderDrag();
    void clickStillRenames();
    void resizeByGrip_data();
    void resizeByGrip();
    void escapeCancelsResize();
    void doubleClickGripResets();
    void gripShowsResizeCursor();
    void recolourFromMenu_data();
    void recolourFromMenu();
    void recolourToDefault();
    void lookFollowsLaneKind_data();
    void lookFollowsLaneKind();
    void iconsLoad_data();
    void iconsLoad();
    void inspectorShowsChannelIcons();
    void metricBadge();
    void paintsInLightAndDark_data();
    void paintsInLightAndDark();

private:
    MapScene *scene() const { return mView->mapScene(); }
    const JourneyMap &map() const { return mDocument->project().maps.first(); }
    QPointF stageHeaderAt(qsizetype column, qreal fraction) const;
    QPointF laneHeaderAt(qsizetype row, qreal fraction) const;

    std::unique_ptr<Document> mDocument;
    std::unique_ptr<MapView> mView;
};

void TestHeaders::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHeaders::init()
{
    mDocument = documentFrom(u"digital-journey"_s);
    QVERIFY(mDocument);
    mView = std::make_unique<MapView>(mDocument.get(), map().id);
    mView->resize(1600, 1000);
    // Every header on screen, so that the mouse reaches each of them.
    mView->setZoom(0.6);
    mView->show();
    QVERIFY(QTest::qWaitForWindowActive(mView.get()));
    scene()->ensureCurrent();
}

void TestHeaders::cleanup()
{
    mView.reset();
    mDocument.reset();
}

// A point on a stage's header: fraction 0 at its column's left edge, 1 at its right edge.
QPointF TestHeaders::stageHeaderAt(qsizetype column, qreal fraction) const
{
    const MapLayout::Column &c = scene()->mapLayout().columns().at(column);
    const StageHeaderItem *header = scene()->stageHeaders().at(column);
    return QPointF(c.x + fraction * c.width, header->sceneBoundingRect().center().y());
}

QPointF TestHeaders::laneHeaderAt(qsizetype row, qreal fraction) const
{
    const MapLayout::Row &r = scene()->mapLayout().rows().at(row);
    const LaneHeaderItem *header = scene()->laneHeaders().at(row);
    return QPointF(header->sceneBoundingRect().center().x(), r.y + fraction * r.height);
}

void TestHeaders::dragStage_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");       // the column the pointer is let go over
    QTest::addColumn<qreal>("where");  // and where on it
    QTest::addColumn<int>("expected"); // the stage's index after the drop; -1: no step

    QTest::newRow("first to third") << 0 << 2 << 0.75 << 2;
    QTest::newRow("last to first") << 4 << 0 << 0.2 << 0;
    QTest::newRow("second before first") << 1 << 0 << 0.3 << 0;
    QTest::newRow("past the last") << 1 << 4 << 0.9 << 4;
    QTest::newRow("own place") << 2 << 2 << 0.8 << -1;
    QTest::newRow("just right of itself") << 2 << 3 << 0.2 << -1;
}

void TestHeaders::dragStage()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(qreal, where);
    QFETCH(int, expected);

    const Project before = mDocument->project();
    const QList<Id> order = idsOf(map().stages);
    const Id moved = order.at(from);
    const QPointF start = stageHeaderAt(from, 0.5);
    const QPointF end = stageHeaderAt(to, where);
    const qreal headerX = scene()->stageHeader(moved)->x();

    // Held halfway, the header follows the mouse and a marker shows where it would land.
    sendMouse(*mView, QEvent::MouseButtonPress, start, Qt::LeftButton);
    for (int i = 1; i <= 10; ++i)
        sendMouse(*mView, QEvent::MouseMove, start + (end - start) * (i / 10.0), Qt::LeftButton);
    HeaderGesture *gesture = scene()->headerGesture();
    QVERIFY(gesture->isActive());
    QCOMPARE(gesture->kind(), HeaderGesture::Kind::MoveStage);
    QCOMPARE(gesture->targetIndex(), expected);
    QCOMPARE(gesture->insertionMarkerRect().isEmpty(), expected < 0);
    // Mouse positions are whole pixels of the view, at 60 %.
    QVERIFY(qAbs(scene()->stageHeader(moved)->x() - (headerX + end.x() - start.x())) < 2);
    QCOMPARE(mDocument->undoStack()->count(), 0);
    // The header has the mouse, not the view's rubber band selection.
    QVERIFY(mView->rubberBandRect().isNull());

    sendMouse(*mView, QEvent::MouseButtonRelease, end, Qt::NoButton);
    scene()->ensureCurrent();
    QVERIFY(!gesture->isActive());

    if (expected < 0) {
        QCOMPARE(mDocument->undoStack()->count(), 0);
        QCOMPARE(idsOf(map().stages), order);
        return;
    }
    QList<Id> after = order;
    after.move(from, expected);
    QCOMPARE(idsOf(map().stages), after);
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->undoText(), commandText("Move Stage"));
    // The headers and the columns follow the model.
    QCOMPARE(scene()->stageHeaders().at(expected)->stageId(), moved);
    QCOMPARE(scene()->mapLayout().columns().at(expected).stageId, moved);

    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == before);
}

void TestHeaders::dragLane_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<qreal>("where");
    QTest::addColumn<int>("expected");

    QTest::newRow("first below second") << 0 << 1 << 0.8 << 1;
    QTest::newRow("third to top") << 2 << 0 << 0.2 << 0;
    QTest::newRow("own place") << 1 << 1 << 0.3 << -1;
}

void TestHeaders::dragLane()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(qreal, where);
    QFETCH(int, expected);

    const Project before = mDocument->project();
    const QList<Id> order = idsOf(map().lanes);
    QVERIFY(scene()->mapLayout().rows().size() == map().lanes.size()); // none hidden
    const Id moved = order.at(from);

    drag(*mView, laneHeaderAt(from, 0.5), laneHeaderAt(to, where));
    scene()->ensureCurrent();

    if (expected < 0) {
        QCOMPARE(mDocument->undoStack()->count(), 0);
        QCOMPARE(idsOf(map().lanes), order);
        return;
    }
    QList<Id> after = order;
    after.move(from, expected);
    QCOMPARE(idsOf(map().lanes), after);
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->undoText(), commandText("Move Lane"));
    QCOMPARE(scene()->laneHeaders().at(expected)->laneId(), moved);

    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == before);
}

void TestHeaders::dragLanePastHiddenLane()
{
    // Lanes 0 1 2 with 1 hidden: dropping lane 0 below lane 2 puts it after the hidden one
    // too, and the hidden lane stays hidden.
    const QList<Id> order = idsOf(map().lanes);
    mDocument->push(Commands::setLaneHidden(mDocument.get(), order.at(1), true).release());
    scene()->ensureCurrent();
    QCOMPARE(scene()->laneHeaders().at(1)->laneId(), order.at(2));

    drag(*mView, laneHeaderAt(0, 0.5), laneHeaderAt(1, 0.8));
    scene()->ensureCurrent();

    QList<Id> after = order;
    after.move(0, 2);
    QCOMPARE(idsOf(map().lanes), after);
    QVERIFY(findById(map().lanes, order.at(1))->hidden);
    QCOMPARE(mDocument->undoStack()->count(), 2);
}

void TestHeaders::escapeCancelsHeaderDrag()
{
    const QList<Id> order = idsOf(map().stages);
    const qreal headerX = scene()->stageHeaders().first()->x();
    const QPointF start = stageHeaderAt(0, 0.5);
    const QPointF end = stageHeaderAt(3, 0.8);

    sendMouse(*mView, QEvent::MouseButtonPress, start, Qt::LeftButton);
    for (int i = 1; i <= 6; ++i)
        sendMouse(*mView, QEvent::MouseMove, start + (end - start) * (i / 6.0), Qt::LeftButton);
    QVERIFY(scene()->headerGesture()->isActive());
    QTest::keyClick(mView->viewport(), Qt::Key_Escape);
    QVERIFY(!scene()->headerGesture()->isActive());
    QCOMPARE(scene()->stageHeaders().first()->x(), headerX);
    sendMouse(*mView, QEvent::MouseButtonRelease, end, Qt::NoButton);
    scene()->ensureCurrent();

    QCOMPARE(idsOf(map().stages), order);
    QCOMPARE(mDocument->undoStack()->count(), 0);
}

void TestHeaders::clickStillRenames()
{
    const Id stageId = map().stages.at(1).id;
    const QPointF at = stageHeaderAt(1, 0.5);

    QTest::mouseClick(mView->viewport(), Qt::LeftButton, {}, mView->mapFromScene(at));
    QVERIFY(!scene()->headerGesture()->isActive());
    QCOMPARE(mDocument->undoStack()->count(), 0);

    QTest::mouseDClick(mView->viewport(), Qt::LeftButton, {}, mView->mapFromScene(at));
    QVERIFY(scene()->activeEditor());
    QCOMPARE(idsOf(map().stages).at(1), stageId);
    QCOMPARE(mDocument->undoStack()->count(), 0);
}

void TestHeaders::resizeByGrip_data()
{
    QTest::addColumn<qreal>("by");
    QTest::addColumn<int>("expected");

    const int start = int(DefaultStageWidth);
    QTest::newRow("wider") << 120.0 << start + 120;
    QTest::newRow("narrower, down to one card") << -400.0 << int(MinStageWidth);
    QTest::newRow("far wider, up to the most") << 2000.0 << int(MaxStageWidth);
}

void TestHeaders::resizeByGrip()
{
    QFETCH(qreal, by);
    QFETCH(int, expected);

    const Project before = mDocument->project();
    const Id stageId = map().stages.at(1).id;
    StageHeaderItem *header = scene()->stageHeaders().at(1);
    const QPointF grip = header->gripRect().center();
    QVERIFY(header->isOnGrip(grip));
    QVERIFY(!header->isOnGrip(header->sceneBoundingRect().center()));
    const qreal nextX = scene()->mapLayout().columns().at(2).x;

    drag(*mView, grip, grip + QPointF(by, 0));
    scene()->ensureCurrent();

    QCOMPARE(findById(map().stages, stageId)->width, expected);
    // The many steps of the drag are one undo step, and the cells follow the width.
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->undoText(), commandText("Resize Stage"));
    QCOMPARE(scene()->mapLayout().columns().at(1).width, qreal(expected));
    QCOMPARE(scene()->mapLayout().columns().at(2).x, nextX + expected - DefaultStageWidth);

    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == before);
}

void TestHeaders::escapeCancelsResize()
{
    const Id stageId = map().stages.at(0).id;
    const QPointF grip = scene()->stageHeaders().at(0)->gripRect().center();

    sendMouse(*mView, QEvent::MouseButtonPress, grip, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i) {
        sendMouse(*mView, QEvent::MouseMove, grip + QPointF(30 * i, 0), Qt::LeftButton);
        QCoreApplication::processEvents();
    }
    QVERIFY(findById(map().stages, stageId)->width > DefaultStageWidth);
    QTest::keyClick(mView->viewport(), Qt::Key_Escape);
    sendMouse(*mView, QEvent::MouseButtonRelease, grip + QPointF(150, 0), Qt::NoButton);
    scene()->ensureCurrent();

    // The resize is undone: nothing is left to undo.
    QCOMPARE(findById(map().stages, stageId)->width, 0);
    QVERIFY(!mDocument->undoStack()->canUndo());
}

void TestHeaders::doubleClickGripResets()
{
    const Id stageId = map().stages.at(2).id;
    mDocument->push(Commands::setStageWidth(mDocument.get(), stageId, 500).release());
    scene()->ensureCurrent();
    const QPointF grip = scene()->stageHeaders().at(2)->gripRect().center();

    QTest::mouseDClick(mView->viewport(), Qt::LeftButton, {}, mView->mapFromScene(grip));
    scene()->ensureCurrent();

    QCOMPARE(findById(map().stages, stageId)->width, 0);
    QCOMPARE(scene()->mapLayout().columns().at(2).width, DefaultStageWidth);
    QCOMPARE(mDocument->undoStack()->count(), 2);
    QVERIFY(!scene()->activeEditor());
}

void TestHeaders::gripShowsResizeCursor()
{
    StageHeaderItem *header = scene()->stageHeaders().at(1);
    sendMouse(*mView, QEvent::MouseMove, header->gripRect().center(), Qt::NoButton);
    QVERIFY(header->hasCursor());
    QCOMPARE(header->cursor().shape(), Qt::SizeHorCursor);

    sendMouse(*mView, QEvent::MouseMove, header->sceneBoundingRect().center(), Qt::NoButton);
    QVERIFY(!header->hasCursor());
}

void TestHeaders::recolourFromMenu_data()
{
    QTest::addColumn<bool>("stage");
    QTest::addColumn<QString>("key");

    for (const NamedColor &named : namedColors()) {
        QTest::addRow("stage %s", qPrintable(named.key)) << true << named.key;
        QTest::addRow("lane %s", qPrintable(named.key)) << false << named.key;
    }
}

void TestHeaders::recolourFromMenu()
{
    QFETCH(bool, stage);
    QFETCH(QString, key);

    QColor expected;
    for (const NamedColor &named : namedColors()) {
        if (named.key == key)
            expected = named.color;
    }
    const Project before = mDocument->project();
    const QString prefix = stage ? u"stage"_s : u"lane"_s;
    const QPointF at = stage ? stageHeaderAt(1, 0.5) : laneHeaderAt(1, 0.5);
    const Id id = stage ? map().stages.at(1).id : scene()->laneHeaders().at(1)->laneId();

    std::unique_ptr<QMenu> menu = scene()->createContextMenu(at);
    QVERIFY(menu);
    QVERIFY(menu->findChild<QMenu *>(prefix + u"ColorMenu"_s));
    QAction *action = menu->findChild<QAction *>(prefix + u"Color-"_s + key);
    QVERIFY(action);
    QVERIFY(!action->isChecked());
    QVERIFY(!menu->findChild<QAction *>(prefix + u"ColorDefault"_s)->isEnabled());
    action->trigger();
    scene()->ensureCurrent();

    const QColor color =
        stage ? findById(map().stages, id)->color : findById(map().lanes, id)->color;
    QCOMPARE(color, expected);
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->undoText(),
             commandText(stage ? "Recolour Stage" : "Recolour Lane"));
    // The header and the cards of a lane show the colour, and the column or row is tinted.
    const QColor tint = stage ? columnTint(*findById(map().stages, id), scene()->palette())
                              : rowTint(*findById(map().lanes, id), scene()->palette());
    QVERIFY(tint.alpha() > 0);
    QCOMPARE(tint.rgb(), expected.rgb());
    if (stage) {
        QCOMPARE(stageColor(*findById(map().stages, id), 1), expected);
    } else {
        QCOMPARE(laneColor(*findById(map().lanes, id)), expected);
        QCOMPARE(scene()->laneHeader(id)->laneId(), id);
    }

    // The menu now marks the colour as the current one.
    menu = scene()->createContextMenu(at);
    QVERIFY(menu->findChild<QAction *>(prefix + u"Color-"_s + key)->isChecked());

    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == before);
}

void TestHeaders::recolourToDefault()
{
    const Id stageId = map().stages.at(0).id;
    mDocument->push(Commands::setStageColor(mDocument.get(), stageId, QColor(0x123456)).release());
    scene()->ensureCurrent();

    std::unique_ptr<QMenu> menu = scene()->createContextMenu(stageHeaderAt(0, 0.5));
    QAction *reset = menu->findChild<QAction *>(u"stageColorDefault"_s);
    QVERIFY(reset);
    QVERIFY(reset->isEnabled());
    QVERIFY(menu->findChild<QAction *>(u"stageColorCustom"_s));
    reset->trigger();

    QVERIFY(!findById(map().stages, stageId)->color.isValid());
    QCOMPARE(columnTint(*findById(map().stages, stageId), scene()->palette()).alpha(), 0);
    QCOMPARE(mDocument->undoStack()->count(), 2);
}

void TestHeaders::lookFollowsLaneKind_data()
{
    QTest::addColumn<LaneKind>("kind");
    QTest::addColumn<CardLook>("look");

    QTest::newRow("touchpoints") << LaneKind::Touchpoints << CardLook::Card;
    QTest::newRow("customer actions") << LaneKind::CustomerActions << CardLook::Card;
    QTest::newRow("thoughts") << LaneKind::Thoughts << CardLook::StickyNote;
    QTest::newRow("feelings") << LaneKind::Feelings << CardLook::StickyNote;
    QTest::newRow("pain points") << LaneKind::PainPoints << CardLook::PainPointNote;
    QTest::newRow("opportunities") << LaneKind::Opportunities << CardLook::OpportunityNote;
    QTest::newRow("channels") << LaneKind::Channels << CardLook::Card;
    QTest::newRow("backstage") << LaneKind::Backstage << CardLook::SystemCard;
    QTest::newRow("metrics") << LaneKind::Metrics << CardLook::SystemCard;
}

void TestHeaders::lookFollowsLaneKind()
{
    QFETCH(LaneKind, kind);
    QFETCH(CardLook, look);

    QCOMPARE(cardLook(kind), look);

    // The lane with a card becomes of that kind, and its cards take the look.
    const Touchpoint &touchpoint = map().touchpoints.first();
    std::unique_ptr<QUndoCommand> change =
        Commands::setLaneKind(mDocument.get(), touchpoint.laneId, kind);
    if (change)
        mDocument->push(change.release());
    scene()->ensureCurrent();
    QCOMPARE(findById(map().lanes, touchpoint.laneId)->kind, kind);
    TouchpointCardItem *card = scene()->card(touchpoint.id);
    QVERIFY(card);
    QCOMPARE(card->look(), look);
}

void TestHeaders::iconsLoad_data()
{
    QTest::addColumn<QString>("path");

    for (Channel channel : allValues<Channel>())
        QTest::addRow("channel %s", qPrintable(toKey(channel))) << channelIconPath(channel);
    for (Device device : allValues<Device>())
        QTest::addRow("device %s", qPrintable(toKey(device))) << deviceIconPath(device);
}

void TestHeaders::iconsLoad()
{
    QFETCH(QString, path);

    QSvgRenderer renderer(path);
    QVERIFY2(renderer.isValid(), qPrintable(path));
    QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 24, 24));

    // Tinted, the icon keeps its shape in the colour asked for and leaves the rest clear.
    const QColor tint(0xc0403a);
    const QImage image = iconPixmap(path, 24, tint, 2).toImage();
    QCOMPARE(image.size(), QSize(48, 48));
    int drawn = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() < 255)
                continue;
            ++drawn;
            // Premultiplied alpha rounds a shade off.
            const bool close = qAbs(pixel.red() - tint.red()) <= 2 &&
                               qAbs(pixel.green() - tint.green()) <= 2 &&
                               qAbs(pixel.blue() - tint.blue()) <= 2;
            QVERIFY2(close, qPrintable(pixel.name()));
        }
    }
    QVERIFY2(drawn > 40, qPrintable(u"%1 opaque pixels"_s.arg(drawn)));
    QVERIFY(drawn < image.width() * image.height() / 2);
}

void TestHeaders::inspectorShowsChannelIcons()
{
    InspectorDock inspector;
    inspector.touchpointPage(); // built when first needed
    auto *combo = inspector.findChild<QComboBox *>(u"channelCombo"_s);
    QVERIFY(combo);
    QCOMPARE(combo->count(), allValues<Channel>().size());
    for (int i = 0; i < combo->count(); ++i) {
        const QIcon icon = combo->itemIcon(i);
        QVERIFY2(!icon.isNull(), qPrintable(combo->itemText(i)));
        QVERIFY(!icon.pixmap(16, 16).isNull());
    }
}

void TestHeaders::metricBadge()
{
    TouchpointCardItem *card = scene()->card(map().touchpoints.first().id);
    QVERIFY(card);
    QVERIFY(card->metricBadgeText().isEmpty());
    QVERIFY(card->metricBadgeRect().isEmpty());

    card->setMetricBadge(u"NPS 42"_s, QColor(0x2e7d5b));
    QCOMPARE(card->metricBadgeText(), u"NPS 42"_s);
    const QRectF badge = card->metricBadgeRect();
    QVERIFY(!badge.isEmpty());
    QVERIFY(card->sceneBoundingRect().contains(badge));
    // It stays clear of the title.
    QVERIFY(badge.top() >= card->titleRect().bottom());

    card->clearMetricBadge();
    QVERIFY(card->metricBadgeRect().isEmpty());
}

void TestHeaders::paintsInLightAndDark_data()
{
    QTest::addColumn<bool>("dark");

    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestHeaders::paintsInLightAndDark()
{
    QFETCH(bool, dark);

    // The sample project has cards in lanes of every look.
    std::unique_ptr<Document> sample = documentFrom(QStringLiteral(WAYMARK_SAMPLE));
    QVERIFY(sample);
    const JourneyMap &sampleMap = sample->project().maps.first();
    // The scene takes the application's palette, as it does when the desktop's theme is dark.
    const QPalette light = QApplication::palette();
    const QPalette palette = dark ? darkPalette() : light;
    QApplication::setPalette(palette);
    const auto restore = qScopeGuard([&light] { QApplication::setPalette(light); });
    MapScene scene(sample.get(), sampleMap.id);
    scene.ensureCurrent();
    QCOMPARE(scene.palette().color(QPalette::Base), palette.color(QPalette::Base));
    QSet<int> looks;
    for (TouchpointCardItem *card : scene.cards())
        looks.insert(int(card->look()));
    QCOMPARE(looks.size(), 5);

    const QRectF bounds = scene.mapLayout().bounds();
    QImage image(bounds.size().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        scene.render(&painter, QRectF(QPointF(0, 0), bounds.size()), bounds);
    }
    // To look at them: WAYMARK_RENDER_DIR=/tmp ctest -R tst_headers
    if (const QString dir = qEnvironmentVariable("WAYMARK_RENDER_DIR"); !dir.isEmpty())
        image.save(QDir(dir).filePath(dark ? u"sample-dark.png"_s : u"sample-light.png"_s));

    // A card is drawn on the base colour and a thought on yellow paper in either theme;
    // text on them contrasts with the fill.
    for (TouchpointCardItem *card : scene.cards()) {
        // Below the badges, where nothing but the fill is drawn.
        const QRectF rect = scene.mapLayout().cardRect(card->touchpointId());
        const QPointF inside = QPointF(rect.center().x(), rect.bottom() - 4) - bounds.topLeft();
        const QColor fill = image.pixelColor(inside.toPoint());
        switch (card->look()) {
        case CardLook::StickyNote:
            QVERIFY2(fill.hueF() > 0.1 && fill.hueF() < 0.18 && fill.lightnessF() > 0.6,
                     qPrintable(fill.name()));
            break;
        case CardLook::Card:
            QVERIFY(qAbs(lightness(image, inside) - palette.color(QPalette::Base).lightnessF()) <
                    0.12);
            break;
        default:
            break;
        }
        const CardColors colors = cardColors(
            card->look(), laneColor(*findById(sampleMap.lanes, card->touchpoint().laneId)),
            card->touchpoint().color, palette);
        QVERIFY2(qAbs(colors.text.lightnessF() - colors.fill.lightnessF()) > 0.5,
                 qPrintable(colors.text.name() + u" on "_s + colors.fill.name()));
    }
}

QTEST_MAIN(TestHeaders)

#include "tst_headers.moc"
