// Pasting a fragment: where the cards land, that their connectors and annotations come
// along, that it is one undo step which undo takes back exactly, and what is refused.
#include "../common/fullproject.h"

#include "commands.h"
#include "document.h"
#include "fragments/fragment.h"
#include "lookup.h"
#include "storage/projectfile.h"
#include "validation.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Waymark;
using namespace Waymark::Testing;
using namespace Qt::StringLiterals;

namespace {

QString commandText(const char *text, int n)
{
    return QCoreApplication::translate("Waymark::Commands", text, nullptr, n);
}

// The cells of the pasted cards, by title, with their order in the cell.
struct Landing
{
    Id stageId;
    Id laneId;
    int order = 0;
    bool operator==(const Landing &) const = default;
};

const Touchpoint *byTitleExcept(const JourneyMap &map, const QString &title,
                                const QList<Id> &except)
{
    for (const Touchpoint &t : map.touchpoints) {
        if (t.title == title && !except.contains(t.id))
            return &t;
    }
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(Landing)

class tst_Paste : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void placement_data();
    void placement();
    void bringsConnectorsAndAnnotations();
    void undoRestoresExactly();
    void intoAnotherMapWithItsStage();
    void refused_data();
    void refused();

private:
    QTemporaryDir mDir;
    std::unique_ptr<Document> mDoc;
};

void tst_Paste::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Paste::init()
{
    StorageError error;
    mDoc = Document::create(fullProject(), &error);
    QVERIFY2(mDoc, qPrintable(error.message + error.detail));
}

void tst_Paste::placement_data()
{
    QTest::addColumn<Id>("targetStage");
    QTest::addColumn<Id>("targetLane");
    QTest::addColumn<Landing>("checkout");
    QTest::addColumn<Landing>("payment");

    // Checkout is alone in (Purchase, Touchpoints); the payment provider in the hidden
    // Backstage lane, which a paste without a target does not put cards into.
    QTest::newRow("into a cell") << fixedId(11) << fixedId(21)
                                 << Landing{fixedId(11), fixedId(21), 1}
                                 << Landing{fixedId(11), fixedId(21), 2};
    QTest::newRow("where they were") << Id() << Id() << Landing{fixedId(12), fixedId(21), 1}
                                     << Landing{fixedId(12), fixedId(21), 2};
    QTest::newRow("half a target is none")
        << fixedId(11) << Id() << Landing{fixedId(12), fixedId(21), 1}
        << Landing{fixedId(12), fixedId(21), 2};
}

void tst_Paste::placement()
{
    QFETCH(Id, targetStage);
    QFETCH(Id, targetLane);
    QFETCH(Landing, checkout);
    QFETCH(Landing, payment);

    const JourneyMap &before = mDoc->project().maps.first();
    const Fragment fragment =
        Fragments::withNewIds(Fragments::select(before, {fixedId(32), fixedId(33)}));
    Commands::Command command =
        Commands::pasteFragment(mDoc.get(), fixedId(10), fragment, targetStage, targetLane);
    QVERIFY(command);
    QCOMPARE(command->text(), commandText("Paste %n Touchpoint(s)", 2));
    mDoc->push(command.release());

    const JourneyMap &map = mDoc->project().maps.first();
    QCOMPARE(map.touchpoints.size(), 5);
    const QList<Id> old{fixedId(31), fixedId(32), fixedId(33)};
    const Touchpoint *c = byTitleExcept(map, u"Checkout"_s, old);
    const Touchpoint *p = byTitleExcept(map, u"Payment provider"_s, old);
    QVERIFY(c);
    QVERIFY(p);
    QCOMPARE((Landing{c->stageId, c->laneId, c->order}), checkout);
    QCOMPARE((Landing{p->stageId, p->laneId, p->order}), payment);
    QCOMPARE(findProblems(mDoc->project()), QStringList());
}

void tst_Paste::bringsConnectorsAndAnnotations()
{
    const JourneyMap &before = mDoc->project().maps.first();
    const Fragment fragment =
        Fragments::withNewIds(Fragments::select(before, {fixedId(32), fixedId(33)}));
    QCOMPARE(fragment.connectors.size(), 1);
    QCOMPARE(fragment.annotations.size(), 1);
    mDoc->push(Commands::pasteFragment(mDoc.get(), fixedId(10), fragment, fixedId(11), fixedId(21))
                   .release());

    const JourneyMap &map = mDoc->project().maps.first();
    QCOMPARE(map.connectors.size(), 3);
    QCOMPARE(map.annotations.size(), 3);
    const Connector &connector = map.connectors.last();
    QCOMPARE(connector.id, fragment.connectors.first().id);
    QCOMPARE(findById(map.touchpoints, connector.fromId)->title, u"Checkout"_s);
    QCOMPARE(findById(map.touchpoints, connector.toId)->title, u"Payment provider"_s);
    QCOMPARE(connector.label, before.connectors.at(1).label);
    const Annotation &annotation = map.annotations.last();
    QCOMPARE(annotation.touchpointId, connector.fromId);
    QCOMPARE(annotation.text, before.annotations.first().text);
    QCOMPARE(findProblems(mDoc->project()), QStringList());
}

void tst_Paste::undoRestoresExactly()
{
    const Project before = mDoc->project();
    const Fragment fragment = Fragments::withNewIds(
        Fragments::select(before.maps.first(), {fixedId(31), fixedId(32), fixedId(33)}));
    mDoc->push(Commands::pasteFragment(mDoc.get(), fixedId(10), fragment).release());
    const Project after = mDoc->project();
    QCOMPARE(after.maps.first().touchpoints.size(), 6);

    // One step, however many entities came along.
    QCOMPARE(mDoc->undoStack()->count(), 1);
    QCOMPARE(mDoc->undoStack()->text(0), commandText("Paste %n Touchpoint(s)", 3));
    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project() == before);
    mDoc->undoStack()->redo();
    QVERIFY(mDoc->project() == after);

    // The working copy followed: a save holds what the model holds.
    const QString path = mDir.filePath(u"pasted.waymark"_s);
    StorageError error;
    QVERIFY2(mDoc->saveAs(path, &error), qPrintable(error.message + error.detail));
    const std::optional<Project> saved = ProjectFile::read(path, &error);
    QVERIFY2(saved, qPrintable(error.message + error.detail));
    compareProjects(*saved, mDoc->project());
}

void tst_Paste::intoAnotherMapWithItsStage()
{
    // The empty second map gets a lane of its own; the stage comes with the fragment.
    Lane lane;
    lane.id = fixedId(601);
    lane.name = u"Touchpoints"_s;
    mDoc->push(Commands::addLane(mDoc.get(), fixedId(60), 0, lane).release());

    const Fragment fragment =
        Fragments::withNewIds(Fragments::select(mDoc->project().maps.first(), {}, {fixedId(11)}));
    QCOMPARE(fragment.stages.size(), 1);
    const Project before = mDoc->project();
    Commands::Command command = Commands::pasteFragment(mDoc.get(), fixedId(60), fragment);
    QVERIFY(command);
    mDoc->push(command.release());

    const JourneyMap &map = mDoc->project().maps.at(1);
    QCOMPARE(map.stages.size(), 1);
    QCOMPARE(map.stages.first().name, u"Awareness"_s);
    QCOMPARE(map.stages.first().id, fragment.stages.first().id);
    QCOMPARE(map.touchpoints.size(), 1);
    QCOMPARE(map.touchpoints.first().title, u"Search engine"_s);
    QCOMPARE(map.touchpoints.first().stageId, map.stages.first().id);
    QCOMPARE(map.touchpoints.first().laneId, lane.id);
    QCOMPARE(findProblems(mDoc->project()), QStringList());
    QVERIFY(mDoc->project().maps.first() == before.maps.first());

    mDoc->undoStack()->undo();
    QVERIFY(mDoc->project() == before);
}

void tst_Paste::refused_data()
{
    QTest::addColumn<bool>("freshIds");
    QTest::addColumn<Id>("mapId");
    QTest::addColumn<Id>("stageId");
    QTest::addColumn<Id>("laneId");

    QTest::newRow("ids already in the project") << false << fixedId(10) << Id() << Id();
    QTest::newRow("unknown map") << true << fixedId(999) << Id() << Id();
    QTest::newRow("cell of another map") << true << fixedId(60) << fixedId(11) << fixedId(21);
    QTest::newRow("unknown lane") << true << fixedId(10) << fixedId(11) << fixedId(998);
}

void tst_Paste::refused()
{
    QFETCH(bool, freshIds);
    QFETCH(Id, mapId);
    QFETCH(Id, stageId);
    QFETCH(Id, laneId);

    const Fragment selected = Fragments::select(mDoc->project().maps.first(), {fixedId(31)});
    const Fragment fragment = freshIds ? Fragments::withNewIds(selected) : selected;
    QVERIFY(!Commands::pasteFragment(mDoc.get(), mapId, fragment, stageId, laneId));
    QVERIFY(!Commands::pasteFragment(mDoc.get(), fixedId(10), Fragment()));
}

QTEST_GUILESS_MAIN(tst_Paste)

#include "tst_paste.moc"
