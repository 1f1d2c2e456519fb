// Pasting plain text onto the canvas: a list of titles from a spreadsheet, a document or an
// email becomes one card per line in the selected cell, as one undo step.
#include "canvastesting.h"
#include "document.h"
#include "lookup.h"
#include "mapscene.h"
#include "mapview.h"
#include "touchpointcarditem.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace Waymark;
using namespace Waymark::Testing;
using namespace Qt::StringLiterals;

namespace {

QStringList cellTitles(const JourneyMap &map, const MapLayout::Cell &cell)
{
    QStringList titles;
    for (const Touchpoint *t : cellTouchpoints(map, cell.stageId, cell.laneId))
        titles.append(t->title);
    return titles;
}

QString commandText(const char *text, int n)
{
    return QCoreApplication::translate("Waymark::Commands", text, nullptr, n);
}

} // namespace

class TestPlainPaste : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void linesBecomeCards_data();
    void linesBecomeCards();
    void intoTheCellOfTheSelectedCard();
    void withoutSelectionIntoTheFirstCell();
    void nothingToPaste_data();
    void nothingToPaste();
    void longListIsCapped();
    void canPasteText();

private:
    std::unique_ptr<Document> mDocument;
    std::unique_ptr<MapView> mView;
};

void TestPlainPaste::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPlainPaste::init()
{
    mDocument = documentFrom(u"digital-journey"_s);
    QVERIFY(mDocument);
    mView = std::make_unique<MapView>(mDocument.get(), mDocument->project().maps.first().id);
    mView->resize(1200, 800);
    mView->show();
    QCoreApplication::processEvents();
}

void TestPlainPaste::cleanup()
{
    mView.reset();
    mDocument.reset();
    QGuiApplication::clipboard()->clear();
}

void TestPlainPaste::linesBecomeCards_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("titles");

    const QStringList three{u"Sees an ad"_s, u"Reads reviews"_s, u"Asks a friend"_s};
    QTest::newRow("one per line") << u"Sees an ad\nReads reviews\nAsks a friend"_s << three;
    QTest::newRow("Windows line ends")
        << u"Sees an ad\r\nReads reviews\r\nAsks a friend\r\n"_s << three;
    QTest::newRow("blank lines and spaces")
        << u"\n  Sees an ad  \n\n\t\nReads reviews\n   \nAsks a friend\n\n"_s << three;
    QTest::newRow("spreadsheet columns: the first")
        << u"Sees an ad\tSocial media\tMarketing\nReads reviews\tWeb\t\nAsks a friend\t\t"_s
        << three;
    QTest::newRow("one title") << u"Calls the hotline"_s << QStringList{u"Calls the hotline"_s};
    QTest::newRow("unicode") << u"Zahlt per Überweisung\n注文を確認する"_s
                             << QStringList{u"Zahlt per Überweisung"_s, u"注文を確認する"_s};
}

void TestPlainPaste::linesBecomeCards()
{
    QFETCH(QString, text);
    QFETCH(QStringList, titles);

    MapScene *scene = mView->mapScene();
    const MapLayout &layout = scene->mapLayout();
    const MapLayout::Cell cell{layout.columns().at(1).stageId, layout.rows().at(1).laneId};
    const QStringList before = cellTitles(*scene->map(), cell);
    const Project original = mDocument->project();
    QGuiApplication::clipboard()->setText(text);
    scene->selectCell(cell);

    QVERIFY(scene->paste());

    // The new cards come after those the cell had, in the order of the lines.
    QCOMPARE(cellTitles(*scene->map(), cell), before + titles);
    QCOMPARE(mDocument->undoStack()->count(), 1);
    QCOMPARE(mDocument->undoStack()->undoText(),
             commandText("Paste %n Touchpoint(s)", int(titles.size())));
    scene->ensureCurrent();
    const QList<Id> selected = scene->selectedTouchpoints();
    QCOMPARE(selected.size(), titles.size());
    for (const Id &id : selected)
        QVERIFY(scene->card(id));

    mDocument->undoStack()->undo();
    QVERIFY(mDocument->project() == original);
}

void TestPlainPaste::intoTheCellOfTheSelectedCard()
{
    MapScene *scene = mView->mapScene();
    // The last card shown: a card of a hidden lane has nothing to select.
    const JourneyMap &map = *scene->map();
    const auto shown = std::find_if(map.touchpoints.crbegin(), map.touchpoints.crend(),
                                    [&](const Touchpoint &t) { return scene->card(t.id); });
    QVERIFY(shown != map.touchpoints.crend());
    const Touchpoint selected = *shown;
    scene->selectTouchpoints({selected.id});
    QGuiApplication::clipboard()->setText(u"First\nSecond"_s);

    QVERIFY(scene->paste());

    const QStringList titles =
        cellTitles(*scene->map(), MapLayout::Cell{selected.stageId, selected.laneId});
    QVERIFY(titles.size() >= 3);
    QCOMPARE(titles.mid(titles.size() - 2), (QStringList{u"First"_s, u"Second"_s}));
}

void TestPlainPaste::withoutSelectionIntoTheFirstCell()
{
    MapScene *scene = mView->mapScene();
    scene->clearSelection();
    scene->selectCell(std::nullopt);
    const MapLayout &layout = scene->mapLayout();
    const MapLayout::Cell first{layout.columns().first().stageId, layout.rows().first().laneId};
    const QStringList before = cellTitles(*scene->map(), first);
    QGuiApplication::clipboard()->setText(u"Only card"_s);

    QVERIFY(scene->paste());

    QCOMPARE(cellTitles(*scene->map(), first), before + QStringList{u"Only card"_s});
}

void TestPlainPaste::nothingToPaste_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   "_s;
    QTest::newRow("blank lines") << u"\r\n\n \t \r\n"_s;
    QTest::newRow("empty first columns") << u"\tSocial media\n\tWeb"_s;
}

void TestPlainPaste::nothingToPaste()
{
    QFETCH(QString, text);

    MapScene *scene = mView->mapScene();
    const MapLayout &layout = scene->mapLayout();
    scene->selectCell(
        MapLayout::Cell{layout.columns().first().stageId, layout.rows().first().laneId});
    QGuiApplication::clipboard()->setText(text);
    QSignalSpy messages(scene, &MapScene::message);
    const Project before = mDocument->project();

    QVERIFY(!scene->paste());

    QCOMPARE(messages.size(), 1);
    QVERIFY(!messages.first().first().toString().isEmpty());
    QVERIFY(mDocument->project() == before);
    QCOMPARE(mDocument->undoStack()->count(), 0);
}

void TestPlainPaste::longListIsCapped()
{
    MapScene *scene = mView->mapScene();
    const MapLayout &layout = scene->mapLayout();
    const MapLayout::Cell cell{layout.columns().last().stageId, layout.rows().last().laneId};
    const qsizetype before = cellTitles(*scene->map(), cell).size();
    QStringList lines;
    for (int i = 1; i <= 650; ++i)
        lines.append(u"Line %1"_s.arg(i));
    QGuiApplication::clipboard()->setText(lines.join(u'\n'));
    scene->selectCell(cell);
    QSignalSpy messages(scene, &MapScene::message);

    QVERIFY(scene->paste());

    const QStringList titles = cellTitles(*scene->map(), cell);
    QCOMPARE(titles.size(), before + 500);
    QCOMPARE(titles.last(), u"Line 500"_s);
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.first().first().toString().contains(u"650"_s),
             qPrintable(messages.first().first().toString()));
    QCOMPARE(mDocument->undoStack()->count(), 1);
}

void TestPlainPaste::canPasteText()
{
    MapScene *scene = mView->mapScene();
    QGuiApplication::clipboard()->setText(u"A title"_s);
    QVERIFY(scene->canPaste());
    QGuiApplication::clipboard()->setText(u"  \n "_s);
    QVERIFY(!scene->canPaste());
}

QTEST_MAIN(TestPlainPaste)
#include "tst_plainpaste.moc"
