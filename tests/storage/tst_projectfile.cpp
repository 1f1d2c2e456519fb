// The project file: round trip of every field, the refusal of each kind of bad file with
// its own message, migration from the committed fixture, atomic saves, the working copy.
#include "../common/crashedcopy.h"
#include "../common/damagedrows.h"
#include "../common/fullproject.h"

#include "commands.h"
#include "document.h"
#include "lookup.h"
#include "storage/migrations.h"
#include "storage/projectfile.h"
#include "storage/projectstore.h"
#include "storage/schema.h"
#include "storage/sqlite.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace Waymark;
using namespace Waymark::Testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs SQL on a file directly, as another program (or an attacker) would.
bool tamper(const QString &path, const QString &sql)
{
    Sql::Database db;
    if (!db.open(path, Sql::Database::Mode::Create))
        return false;
    db.exec(u"PRAGMA foreign_keys = OFF"_s);
    const bool ok = db.exec(sql);
    if (!ok)
        qWarning() << db.errorMessage();
    return ok;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class tst_ProjectFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void roundTripKeepsEveryField();
    void savedFileIsOneRollbackJournalFile();
    void refusals_data();
    void refusals();
    void checkListsEveryProblem();
    void idsAndTagsInOtherFormsAreRead();
    void rowsAreReadInTheOrderOfTheirKeys();
    void readingIsBounded();
    void fixtureOfFormatOneOpens();
    void formatOneMigratesToTheCurrentFormat();
    void fixtureOfFormatTwoMigrates();
    void fixtureOfFormatThreeMigrates();
    void stepsOfANewPersonaReachTheWorkingCopy();
    void migrationsRunInOrder();
    void missingMigrationFails();
    void failedSaveLeavesOldFile_data();
    void failedSaveLeavesOldFile();
    void cancelledSaveLeavesOldFile();
    void killedSaveLeavesOldOrNewFile();
    void rowsAreCheckedAfterOpening();
    void damagedRowsOpenAndAreReported();
    void damagedFreeListIsRefused();
    void editsReachWorkingCopyNotFile();
    void revertDiscardsChanges();
    void openingDoesNotTouchTheFile();
    void opensAFileSwitchedToWalByAnotherTool();
    void recoversChangesAfterACrash();
    void heldWritesWaitForTheGesture_data();
    void heldWritesWaitForTheGesture();
    void leavesOrphansOfRunningWaymarksAlone();

    void regenerateFixtures();

private:
    QString path(const QString &name) const { return mDir->filePath(name); }
    QString writeFull(const QString &name);

    std::unique_ptr<QTemporaryDir> mDir;
};

void tst_ProjectFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(clearWorkingFolder());
}

void tst_ProjectFile::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

QString tst_ProjectFile::writeFull(const QString &name)
{
    const QString file = path(name);
    StorageError error;
    if (!ProjectFile::write(fullProject(), file, &error))
        qWarning() << error.message << error.detail;
    return file;
}

void tst_ProjectFile::roundTripKeepsEveryField()
{
    const QString file = writeFull(u"full.waymark"_s);
    StorageError error;
    const std::optional<Project> read = ProjectFile::read(file, &error);
    QVERIFY2(read, qPrintable(error.message + u'\n' + error.detail));
    compareProjects(*read, fullProject());

    // Through a document too: open, save elsewhere, read again.
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY2(doc, qPrintable(error.message));
    QCOMPARE(doc->filePath(), QFileInfo(file).absoluteFilePath());
    QVERIFY(!doc->isModified());
    QVERIFY(doc->saveAs(path(u"copy.waymark"_s), &error));
    const std::optional<Project> copy = ProjectFile::read(path(u"copy.waymark"_s), &error);
    QVERIFY(copy);
    compareProjects(*copy, fullProject());
}

void tst_ProjectFile::savedFileIsOneRollbackJournalFile()
{
    const QString file = writeFull(u"one.waymark"_s);
    QCOMPARE(filesIn(mDir->path()), QStringList{u"one.waymark"_s});

    Sql::Database db;
    QVERIFY(db.open(file, Sql::Database::Mode::ReadOnly));
    QCOMPARE(db.queryInt(u"PRAGMA application_id"_s), qint64(ProjectFile::ApplicationId));
    QCOMPARE(db.queryInt(u"PRAGMA user_version"_s), qint64(ProjectFile::currentFormatVersion()));
    QCOMPARE(db.queryText(u"PRAGMA journal_mode"_s), u"delete"_s);
    db.close();

    StorageError error;
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY(doc);
    doc->push(Commands::renameProject(doc.get(), u"Saved again"_s).release());
    QVERIFY(doc->save(&error));
    QCOMPARE(filesIn(mDir->path()), QStringList{u"one.waymark"_s});
    QVERIFY(db.open(file, Sql::Database::Mode::ReadOnly));
    QCOMPARE(db.queryText(u"PRAGMA journal_mode"_s), u"delete"_s);
}

void tst_ProjectFile::refusals_data()
{
    QTest::addColumn<QString>("setup"); // how the file is made, see refusals()
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words"); // what the message must say

    QTest::newRow("missing file") << u"missing"_s << int(StorageErrorCode::CannotRead)
                                  << u"no file"_s;
    QTest::newRow("folder") << u"folder"_s << int(StorageErrorCode::CannotRead) << u"folder"_s;
    QTest::newRow("empty file") << u"empty"_s << int(StorageErrorCode::NotSqlite) << u"empty"_s;
    QTest::newRow("text file") << u"text"_s << int(StorageErrorCode::NotSqlite)
                               << u"not an SQLite database"_s;
    QTest::newRow("png image") << u"png"_s << int(StorageErrorCode::NotSqlite)
                               << u"not an SQLite database"_s;
    QTest::newRow("another program's database")
        << u"other"_s << int(StorageErrorCode::NotWaymark) << u"another program"_s;
    QTest::newRow("newer format") << u"newer"_s << int(StorageErrorCode::NewerFormat)
                                  << u"newer Waymark (format 999"_s;
    QTest::newRow("no format version")
        << u"version0"_s << int(StorageErrorCode::Damaged) << u"damaged"_s;
    QTest::newRow("corrupted pages")
        << u"corrupt"_s << int(StorageErrorCode::Damaged) << u"integrity check"_s;
    QTest::newRow("trigger") << u"trigger"_s << int(StorageErrorCode::ForeignObjects)
                             << u"trigger sneaky"_s;
    QTest::newRow("view") << u"view"_s << int(StorageErrorCode::ForeignObjects) << u"view peek"_s;
    QTest::newRow("unknown table")
        << u"table"_s << int(StorageErrorCode::ForeignObjects) << u"table extra"_s;
    QTest::newRow("dropped index")
        << u"dropindex"_s << int(StorageErrorCode::Damaged) << u"tables are not those"_s;
    QTest::newRow("altered table")
        << u"altered"_s << int(StorageErrorCode::Damaged) << u"tables are not those"_s;
    QTest::newRow("dangling reference")
        << u"dangling"_s << int(StorageErrorCode::Damaged) << u"refer to things"_s;
    QTest::newRow("unknown channel")
        << u"badkey"_s << int(StorageErrorCode::Damaged) << u"invalid or inconsistent"_s;
    QTest::newRow("unknown headline metric")
        << u"badheadline"_s << int(StorageErrorCode::Damaged) << u"invalid or inconsistent"_s;
    QTest::newRow("bad id") << u"badid"_s << int(StorageErrorCode::Damaged)
                            << u"invalid or inconsistent"_s;
    QTest::newRow("card of another map's stage")
        << u"crossmap"_s << int(StorageErrorCode::Damaged) << u"invalid or inconsistent"_s;
    QTest::newRow("two rows in project")
        << u"tworows"_s << int(StorageErrorCode::Damaged) << u"invalid or inconsistent"_s;
    QTest::newRow("step of a missing persona")
        << u"steporphan"_s << int(StorageErrorCode::Damaged) << u"refer to things"_s;
    QTest::newRow("step on another map's card")
        << u"stepcrossmap"_s << int(StorageErrorCode::Damaged) << u"invalid or inconsistent"_s;
    QTest::newRow("emotion score out of range")
        << u"stepscore"_s << int(StorageErrorCode::Damaged) << u"invalid or inconsistent"_s;
    QTest::newRow("emotion score not a number")
        << u"steptext"_s << int(StorageErrorCode::Damaged) << u"invalid or inconsistent"_s;
    QTest::newRow("two steps in one place")
        << u"stepplace"_s << int(StorageErrorCode::Damaged) << u"invalid or inconsistent"_s;
}

void tst_ProjectFile::refusals()
{
    QFETCH(QString, setup);
    QFETCH(int, code);
    QFETCH(QString, words);

    const QString file = path(u"bad.waymark"_s);
    if (setup == u"folder") {
        QVERIFY(QDir().mkpath(file));
    } else if (setup == u"empty") {
        writeBytes(file, {});
    } else if (setup == u"text") {
        writeBytes(file, "Stage,Lane,Title\nAwareness,Touchpoints,Search engine\n");
    } else if (setup == u"png") {
        writeBytes(file, QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(200, '\0'));
    } else if (setup == u"other") {
        QVERIFY(tamper(file, u"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                             "INSERT INTO notes (text) VALUES ('hello')"_s));
    } else if (setup != u"missing") {
        writeFull(u"bad.waymark"_s);
        QString sql;
        if (setup == u"newer")
            sql = u"PRAGMA user_version = 999"_s;
        else if (setup == u"version0")
            sql = u"PRAGMA user_version = 0"_s;
        else if (setup == u"trigger")
            sql = u"CREATE TRIGGER sneaky AFTER INSERT ON maps BEGIN DELETE FROM stages; END"_s;
        else if (setup == u"view")
            sql = u"CREATE VIEW peek AS SELECT * FROM personas"_s;
        else if (setup == u"table")
            sql = u"CREATE TABLE extra (x)"_s;
        else if (setup == u"dropindex")
            sql = u"DROP INDEX touchpoints_by_lane"_s;
        else if (setup == u"altered")
            sql = u"ALTER TABLE touchpoints ADD COLUMN payload TEXT"_s;
        else if (setup == u"dangling")
            sql = u"UPDATE touchpoints SET stage_id = '00000000-0000-4000-8000-000000000777'"_s;
        else if (setup == u"badkey")
            sql = u"UPDATE touchpoints SET channel = 'telepathy'"_s;
        else if (setup == u"badheadline")
            sql = u"UPDATE maps SET headline = 'sparkle'"_s;
        else if (setup == u"badid")
            sql = u"UPDATE personas SET id = 'not-a-uuid';"
                  "UPDATE persona_steps SET persona_id = 'not-a-uuid'"_s;
        else if (setup == u"crossmap")
            sql = u"INSERT INTO stages (id, map_id, position, name) VALUES "
                  "('00000000-0000-4000-8000-000000000555', "
                  "'00000000-0000-4000-8000-000000000060', 0, 'Other');"
                  "UPDATE touchpoints SET stage_id = '00000000-0000-4000-8000-000000000555' "
                  "WHERE title = 'Checkout'"_s;
        else if (setup == u"tworows")
            sql =
                u"INSERT INTO project VALUES ('00000000-0000-4000-8000-000000000002', 'x', '', 'y')"_s;
        else if (setup == u"steporphan")
            sql = u"UPDATE persona_steps SET persona_id = '00000000-0000-4000-8000-000000000777'"_s;
        else if (setup == u"stepcrossmap")
            sql = u"UPDATE persona_steps SET map_id = '00000000-0000-4000-8000-000000000060' "
                  "WHERE position = 0"_s;
        else if (setup == u"stepscore")
            sql = u"PRAGMA ignore_check_constraints = ON; UPDATE persona_steps SET emotion = 9"_s;
        else if (setup == u"steptext")
            sql = u"PRAGMA ignore_check_constraints = ON; "
                  "UPDATE persona_steps SET emotion = 'grumpy' WHERE position = 1"_s;
        else if (setup == u"stepplace")
            sql = u"UPDATE persona_steps SET position = 0"_s;
        if (setup == u"corrupt") {
            // Overwrite the middle of every page after the first: the header stays valid,
            // the b-trees do not.
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 pageSize = 4096;
            QVERIFY(f.size() >= 3 * pageSize);
            for (qint64 page = 1; page * pageSize < f.size(); ++page) {
                f.seek(page * pageSize + 8);
                f.write(QByteArray(64, '\xA5'));
            }
        } else {
            QVERIFY(tamper(file, sql));
        }
    }

    StorageError error;
    QVERIFY(!ProjectFile::read(file, &error));
    QCOMPARE(int(error.code), code);
    QVERIFY2(error.message.contains(words, Qt::CaseInsensitive), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"bad.waymark"_s) || setup == u"missing" ||
                 code == int(StorageErrorCode::Damaged),
             qPrintable(error.message));

    StorageError docError;
    QVERIFY(!Document::open(file, &docError));
    QCOMPARE(int(docError.code), code);
    // Opening checks its own copy, read-write, where SQLite's integrity check also verifies
    // CHECK constraints, which it skips on the read-only file that read() checks.
    const bool failsCheck = setup == u"stepscore" || setup == u"steptext";
    QVERIFY2(
        docError.message.contains(failsCheck ? u"integrity check"_s : words, Qt::CaseInsensitive),
        qPrintable(docError.message));

    // check() reports the same file as unusable, and never crashes on it.
    const ProjectFile::CheckReport report = ProjectFile::check(file);
    QVERIFY(report.fatal || !report.problems.isEmpty());
}

void tst_ProjectFile::checkListsEveryProblem()
{
    const QString file = writeFull(u"check.waymark"_s);
    ProjectFile::CheckReport report = ProjectFile::check(file);
    QVERIFY(!report.fatal);
    QCOMPARE(report.formatVersion, ProjectFile::currentFormatVersion());
    QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.value(0).what));

    QVERIFY(tamper(file, u"UPDATE touchpoints SET channel = 'telepathy' WHERE title = 'Checkout';"
                         "UPDATE touchpoints SET evidence = 'rumour' WHERE title = 'Search engine';"
                         "UPDATE stages SET color = 'reddish'"_s));
    report = ProjectFile::check(file);
    QVERIFY(!report.fatal);
    QCOMPARE(report.problems.size(), 4); // a channel, an evidence, two stage colours
    bool namesChannel = false;
    for (const ProjectFile::Problem &p : std::as_const(report.problems))
        namesChannel = namesChannel || p.what.contains(u"telepathy"_s);
    QVERIFY(namesChannel);

    QVERIFY(tamper(file, u"CREATE TABLE extra (x); CREATE VIEW v AS SELECT 1"_s));
    report = ProjectFile::check(file);
    QCOMPARE(report.fatal.code, StorageErrorCode::None);
    QVERIFY(report.problems.size() >= 2);
}

// Reading takes a fast path for the forms Waymark writes (lower-case ids, compact tag lists);
// the other forms another tool may leave must read as they did before, and a broken list
// must still be reported.
void tst_ProjectFile::idsAndTagsInOtherFormsAreRead()
{
    const QString file = writeFull(u"forms.waymark"_s);
    StorageError error;
    const std::optional<Project> before = ProjectFile::read(file, &error);
    QVERIFY2(before, qPrintable(error.message));

    QVERIFY(tamper(file, u"UPDATE project SET id = '{' || upper(id) || '}';"
                         "UPDATE touchpoints SET tags = '[ \"spaced\" , \"caf\u00e9\", "
                         "\"a\\\"quote\"]' WHERE title = 'Checkout';"
                         "UPDATE touchpoints SET tags = '[\"one\",\"\",\"two\"]' "
                         "WHERE title = 'Search engine'"_s));
    const std::optional<Project> after = ProjectFile::read(file, &error);
    QVERIFY2(after, qPrintable(error.message));
    QCOMPARE(after->id, before->id);
    const auto tagsOf = [&](const QString &title) {
        for (const JourneyMap &m : after->maps) {
            for (const Touchpoint &t : m.touchpoints) {
                if (t.title == title)
                    return t.tags;
            }
        }
        return QStringList{u"no such card"_s};
    };
    QCOMPARE(tagsOf(u"Checkout"_s), (QStringList{u"spaced"_s, u"caf\u00e9"_s, u"a\"quote"_s}));
    QCOMPARE(tagsOf(u"Search engine"_s), (QStringList{u"one"_s, QString(), u"two"_s}));
    QVERIFY(ProjectFile::check(file).problems.isEmpty());

    QVERIFY(tamper(file, u"UPDATE touchpoints SET tags = '[\"a\",]' WHERE title = 'Checkout'"_s));
    const ProjectFile::CheckReport report = ProjectFile::check(file);
    QCOMPARE(report.problems.size(), 1);
    QVERIFY(report.problems.first().what.contains(u"JSON list"_s));
}

// Cards and connectors are sorted while they are read, not by SQLite; whatever order they are
// stored in, they must come out as ORDER BY puts them, and so when a key is of a type the
// reading does not sort itself (a position that is not an integer).
void tst_ProjectFile::rowsAreReadInTheOrderOfTheirKeys()
{
    const QString file = writeFull(u"order.waymark"_s);
    QVERIFY(tamper(file, u"UPDATE touchpoints SET rowid = 1000000 - rowid;"
                         "UPDATE connectors SET rowid = 1000000 - rowid"_s));

    const auto sqlOrder = [&](const QString &table, const QString &orderBy) {
        QList<Id> ids;
        Sql::Database db;
        if (!db.open(file, Sql::Database::Mode::ReadOnly))
            return ids;
        Sql::Statement st(db, u"SELECT id FROM %1 ORDER BY %2"_s.arg(table, orderBy));
        while (st.next())
            ids.append(QUuid::fromString(st.text(0)));
        return ids;
    };
    const auto readOrder = [&](auto member) {
        QList<Id> ids;
        StorageError error;
        const std::optional<Project> project = ProjectFile::read(file, &error);
        if (!project)
            return ids;
        // The maps' own order aside: within each map, the order of its rows.
        QList<JourneyMap> maps = project->maps;
        std::sort(maps.begin(), maps.end(), [](const JourneyMap &a, const JourneyMap &b) {
            return a.id.toString(QUuid::WithoutBraces) < b.id.toString(QUuid::WithoutBraces);
        });
        for (const JourneyMap &m : std::as_const(maps)) {
            for (const auto &entity : m.*member)
                ids.append(entity.id);
        }
        return ids;
    };
    const QString cardOrder = u"map_id, stage_id, lane_id, position, id"_s;

    for (int round = 0; round < 2; ++round) {
        const QList<Id> cards = sqlOrder(u"touchpoints"_s, cardOrder);
        QVERIFY(cards.size() >= 3);
        QCOMPARE(readOrder(&JourneyMap::touchpoints), cards);
        const QList<Id> connectors = sqlOrder(u"connectors"_s, u"map_id, id"_s);
        QVERIFY(!connectors.isEmpty());
        QCOMPARE(readOrder(&JourneyMap::connectors), connectors);

        // A position of another type: SQLite sorts the cards then.
        QVERIFY(tamper(file, u"UPDATE touchpoints SET position = position + 0.5 "
                             "WHERE rowid = (SELECT max(rowid) FROM touchpoints)"_s));
    }
}

void tst_ProjectFile::readingIsBounded()
{
    const QString file = writeFull(u"bounded.waymark"_s);
    Sql::Database db;
    QVERIFY(db.open(file, Sql::Database::Mode::ReadOnly));
    db.harden();

    Store::Bounds tight;
    tight.maxRows = 2; // the full project has three touchpoints
    QList<ProjectFile::Problem> problems;
    bool tooLarge = false;
    QVERIFY(!Store::readProject(db, &problems, &tooLarge, tight));
    QVERIFY(tooLarge);
    QVERIFY(problems.value(0).where.contains(u"touchpoints"_s));

    Store::Bounds small;
    small.maxPhotoBytes = 10;
    problems.clear();
    QVERIFY(!Store::readProject(db, &problems, &tooLarge, small));
    QVERIFY(tooLarge);

    Store::Bounds fine;
    problems.clear();
    QVERIFY(Store::readProject(db, &problems, &tooLarge, fine));
    QVERIFY(!tooLarge);
    QVERIFY(problems.isEmpty());
}

void tst_ProjectFile::fixtureOfFormatOneOpens()
{
    const QString fixture = QStringLiteral(WAYMARK_TEST_DATA "/format-1.waymark");
    QVERIFY2(QFileInfo::exists(fixture), "tests/data/format-1.waymark is missing");
    const QByteArray before = fileHash(fixture);

    StorageError error;
    std::unique_ptr<Document> doc = Document::open(fixture, &error);
    QVERIFY2(doc, qPrintable(error.message + u'\n' + error.detail));
    QCOMPARE(doc->openedFormatVersion(), 1);
    compareProjects(doc->project(), formatOneProject());
    const ProjectFile::CheckReport report = ProjectFile::check(fixture);
    QCOMPARE(report.formatVersion, 1);
    QVERIFY(report.problems.isEmpty());

    // Saved elsewhere, it is written in the current format.
    QVERIFY(doc->saveAs(path(u"migrated.waymark"_s), &error));
    QCOMPARE(ProjectFile::check(path(u"migrated.waymark"_s)).formatVersion,
             ProjectFile::currentFormatVersion());
    QCOMPARE(fileHash(fixture), before);
}

void tst_ProjectFile::formatOneMigratesToTheCurrentFormat()
{
    QCOMPARE(ProjectFile::currentFormatVersion(), 4);
    const QString fixture = QStringLiteral(WAYMARK_TEST_DATA "/format-1.waymark");
    StorageError error;
    std::unique_ptr<Document> doc = Document::open(fixture, &error);
    QVERIFY2(doc, qPrintable(error.message + u'\n' + error.detail));
    QCOMPARE(doc->openedFormatVersion(), 1);

    // The migrated working copy takes persona paths: give Maya hers, as format 2 holds it.
    const Project full = fullProject();
    const JourneyMap &map = full.maps[0];
    QList<PersonaStep> steps;
    for (const PersonaStep *s : personaPath(map, fixedId(71)))
        steps.append(*s);
    doc->push(Commands::setPersonaPath(doc.get(), map.id, fixedId(71), steps).release());
    // And the headline metric, which format 4 added.
    doc->push(Commands::setMapHeadline(doc.get(), map.id, map.headline).release());
    QCOMPARE(doc->undoStack()->count(), 2);

    const QString migrated = path(u"migrated.waymark"_s);
    QVERIFY2(doc->saveAs(migrated, &error), qPrintable(error.message + error.detail));
    const ProjectFile::CheckReport report = ProjectFile::check(migrated);
    QCOMPARE(report.formatVersion, 4);
    QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.value(0).what));
    const std::optional<Project> read = ProjectFile::read(migrated, &error);
    QVERIFY2(read, qPrintable(error.message + u'\n' + error.detail));
    compareProjects(*read, full);

    // A migrated file has exactly the schema of a file made new in the current format.
    const QString fresh = writeFull(u"fresh.waymark"_s);
    Sql::Database a;
    Sql::Database b;
    QVERIFY(a.open(migrated, Sql::Database::Mode::ReadOnly));
    QVERIFY(b.open(fresh, Sql::Database::Mode::ReadOnly));
    const QList<Schema::SchemaObject> migratedSchema = Schema::read(a);
    QVERIFY(migratedSchema == Schema::read(b));
    QVERIFY(migratedSchema == Schema::expected(4));
    QVERIFY(std::any_of(migratedSchema.cbegin(), migratedSchema.cend(),
                        [](const Schema::SchemaObject &o) { return o.name == u"persona_steps"; }));
}

void tst_ProjectFile::fixtureOfFormatTwoMigrates()
{
    // Made by the Waymark of format 2 (`waymark new --template digital-journey`), with a
    // dataset of that format added by SQLite: a description with no rows.
    const QString fixture = QStringLiteral(WAYMARK_TEST_DATA "/format-2.waymark");
    QVERIFY2(QFileInfo::exists(fixture), "tests/data/format-2.waymark is missing");
    const QByteArray before = fileHash(fixture);
    QCOMPARE(ProjectFile::check(fixture).formatVersion, 2);
    QVERIFY(ProjectFile::check(fixture).problems.isEmpty());

    StorageError error;
    std::unique_ptr<Document> doc = Document::open(fixture, &error);
    QVERIFY2(doc, qPrintable(error.message + u'\n' + error.detail));
    QCOMPARE(doc->openedFormatVersion(), 2);
    const Project &project = doc->project();
    QCOMPARE(project.maps.size(), 1);
    QCOMPARE(project.maps[0].touchpoints.size(), 37);
    QCOMPARE(project.datasets.size(), 1);
    const Dataset &d = project.datasets[0];
    QCOMPARE(d.name, u"Spring survey"_s);
    QCOMPARE(d.rowCount, 42);
    QCOMPARE(d.rowsTable, 0);
    QCOMPARE(d.mapping, DatasetMapping{});
    QVERIFY(d.attachments.isEmpty());
    QCOMPARE(d.columns.size(), 2);
    QCOMPARE(d.columns[1].role, ColumnRole::Nps);

    // The migrated dataset takes attachments, which format 3 added.
    DatasetAttachment a;
    a.id = newId();
    a.touchpointId = project.maps[0].touchpoints[0].id;
    doc->push(Commands::setDatasetAttachments(doc.get(), d.id, {a}).release());
    const QString migrated = path(u"migrated.waymark"_s);
    QVERIFY2(doc->saveAs(migrated, &error), qPrintable(error.message + error.detail));
    const ProjectFile::CheckReport report = ProjectFile::check(migrated);
    QCOMPARE(report.formatVersion, ProjectFile::currentFormatVersion());
    QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.value(0).what));
    const std::optional<Project> read = ProjectFile::read(migrated, &error);
    QVERIFY2(read, qPrintable(error.message + u'\n' + error.detail));
    QVERIFY(read->datasets == doc->project().datasets);
    QCOMPARE(read->datasets[0].attachments.size(), 1);

    Sql::Database db;
    QVERIFY(db.open(migrated, Sql::Database::Mode::ReadOnly));
    QVERIFY(Schema::read(db) == Schema::expected(ProjectFile::currentFormatVersion()));
    QCOMPARE(fileHash(fixture), before);
}

void tst_ProjectFile::fixtureOfFormatThreeMigrates()
{
    // Made by the Waymark of format 3: `waymark new --template digital-journey`, then
    // `waymark import` of a 30-row survey attached by its Touchpoint column (NPS, CSAT,
    // a segment) and of 12 orders attached whole to Checkout (key, converted, revenue).
    const QString fixture = QStringLiteral(WAYMARK_TEST_DATA "/format-3.waymark");
    QVERIFY2(QFileInfo::exists(fixture), "tests/data/format-3.waymark is missing");
    const QByteArray before = fileHash(fixture);
    QCOMPARE(ProjectFile::check(fixture).formatVersion, 3);
    QVERIFY(ProjectFile::check(fixture).problems.isEmpty());

    StorageError error;
    std::unique_ptr<Document> doc = Document::open(fixture, &error);
    QVERIFY2(doc, qPrintable(error.message + u'\n' + error.detail));
    QCOMPARE(doc->openedFormatVersion(), 3);
    const Project &project = doc->project();
    QCOMPARE(project.maps.size(), 1);
    QCOMPARE(project.maps[0].touchpoints.size(), 37);
    QCOMPARE(project.maps[0].connectors.size(), 10);
    QCOMPARE(project.personas.size(), 2);
    QCOMPARE(project.maps[0].personaSteps.size(), 22);
    for (const JourneyMap &map : project.maps)
        QCOMPARE(map.headline, HeadlineMetric::Automatic);

    QCOMPARE(project.datasets.size(), 2);
    const Dataset &survey = project.datasets[0];
    QCOMPARE(survey.name, u"Spring survey"_s);
    QCOMPARE(survey.rowCount, 30);
    QVERIFY(survey.rowsTable > 0);
    QCOMPARE(survey.columns.size(), 6);
    QCOMPARE(survey.columns[3].role, ColumnRole::Nps);
    QCOMPARE(survey.columns[4].role, ColumnRole::Csat);
    QCOMPARE(survey.attachments.size(), 1);
    QCOMPARE(survey.attachments[0].kind, AttachmentKind::ByColumn);
    QCOMPARE(survey.attachments[0].column, 2);
    const Dataset &orders = project.datasets[1];
    QCOMPARE(orders.name, u"Checkout orders"_s);
    QCOMPARE(orders.rowCount, 12);
    QCOMPARE(orders.columns[3].role, ColumnRole::Revenue);
    QCOMPARE(orders.attachments.size(), 1);
    const Touchpoint *checkout =
        findById(project.maps[0].touchpoints, orders.attachments[0].touchpointId);
    QVERIFY(checkout);
    QCOMPARE(checkout->title, u"Checkout"_s);

    // The migrated file takes a headline, and its rows come along into the saved file.
    doc->push(
        Commands::setMapHeadline(doc.get(), project.maps[0].id, HeadlineMetric::Nps).release());
    const QString migrated = path(u"migrated.waymark"_s);
    QVERIFY2(doc->saveAs(migrated, &error), qPrintable(error.message + error.detail));
    const ProjectFile::CheckReport report = ProjectFile::check(migrated);
    QCOMPARE(report.formatVersion, 4);
    QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.value(0).what));
    const std::optional<Project> read = ProjectFile::read(migrated, &error);
    QVERIFY2(read, qPrintable(error.message + u'\n' + error.detail));
    QCOMPARE(read->maps[0].headline, HeadlineMetric::Nps);
    QVERIFY(read->datasets == doc->project().datasets);

    Sql::Database db;
    QVERIFY(db.open(migrated, Sql::Database::Mode::ReadOnly));
    const auto rows = [&](const Dataset &d) {
        return db.queryInt(u"SELECT count(*) FROM dataset_rows_%1"_s.arg(d.rowsTable));
    };
    QCOMPARE(rows(survey), std::optional<qint64>(30));
    QCOMPARE(rows(orders), std::optional<qint64>(12));
    QCOMPARE(
        db.queryInt(u"SELECT count(touchpoint_id) FROM dataset_rows_%1"_s.arg(survey.rowsTable)),
        std::optional<qint64>(30));
    QCOMPARE(db.queryInt(u"SELECT count(*) FROM metrics_cache"_s), std::optional<qint64>(0));
    QCOMPARE(db.queryText(u"SELECT headline FROM maps"_s).value_or(QString()), u"nps"_s);
    QCOMPARE(fileHash(fixture), before);
}

void tst_ProjectFile::stepsOfANewPersonaReachTheWorkingCopy()
{
    // One edit adds a persona and a map holding that persona's path. The working copy
    // writes maps before personas, so the steps' persona key must wait for the commit.
    const QString file = writeFull(u"macro.waymark"_s);
    StorageError error;
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY(doc);

    Persona omar;
    omar.id = fixedId(500);
    omar.name = u"Omar"_s;
    JourneyMap map;
    map.id = fixedId(501);
    map.name = u"Support"_s;
    map.stages = {{fixedId(502), u"Help"_s, {}, 0}};
    map.lanes = {{fixedId(503), u"Touchpoints"_s, LaneKind::Touchpoints, false, {}}};
    Touchpoint call;
    call.id = fixedId(504);
    call.stageId = fixedId(502);
    call.laneId = fixedId(503);
    call.title = u"Hotline"_s;
    map.touchpoints = {call};
    map.personaSteps = {{fixedId(505), omar.id, call.id, 0, -1, u"Kept waiting"_s}};

    doc->undoStack()->beginMacro(u"Import"_s);
    doc->push(Commands::addPersona(doc.get(), 1, omar).release());
    doc->push(Commands::addMap(doc.get(), 2, map).release());
    doc->undoStack()->endMacro();
    QVERIFY2(!doc->lastWriteError(), qPrintable(doc->lastWriteError().detail));

    QVERIFY2(doc->save(&error), qPrintable(error.message + error.detail));
    std::optional<Project> read = ProjectFile::read(file, &error);
    QVERIFY2(read, qPrintable(error.message + u'\n' + error.detail));
    compareProjects(*read, doc->project());
    QCOMPARE(read->maps[2].personaSteps.size(), 1);

    // Deleting the persona takes its path along, in the working copy too.
    doc->push(Commands::removePersona(doc.get(), omar.id).release());
    QVERIFY(doc->project().maps[2].personaSteps.isEmpty());
    QVERIFY(doc->save(&error));
    read = ProjectFile::read(file, &error);
    QVERIFY(read);
    compareProjects(*read, doc->project());
    doc->undoStack()->undo();
    QVERIFY(doc->save(&error));
    read = ProjectFile::read(file, &error);
    QVERIFY(read);
    QCOMPARE(read->maps[2].personaSteps.size(), 1);
}

void tst_ProjectFile::migrationsRunInOrder()
{
    QStringList ran;
    const QList<Migrations::Migration> steps = {
        {2, u"add a column"_s,
         [&](Sql::Database &db, QString *) {
             ran.append(u"2"_s);
             return db.exec(u"ALTER TABLE maps ADD COLUMN zoom REAL NOT NULL DEFAULT 1.0"_s);
         }},
        {3, u"fill it"_s,
         [&](Sql::Database &db, QString *) {
             ran.append(u"3"_s);
             return db.exec(u"UPDATE maps SET zoom = 2.0"_s);
         }},
    };
    QCOMPARE(Migrations::latestVersion(steps), 3);

    Sql::Database db;
    QVERIFY(db.open(u":memory:"_s, Sql::Database::Mode::Create));
    QVERIFY(db.exec(Schema::formatOneDdl()));
    QVERIFY(
        db.exec(u"INSERT INTO maps (id, position, name, kind) VALUES ('m', 0, 'M', 'current')"_s));
    QString error;
    QVERIFY2(Migrations::apply(db, 1, 3, steps, &error), qPrintable(error));
    QCOMPARE(ran, (QStringList{u"2"_s, u"3"_s}));
    QCOMPARE(db.queryInt(u"PRAGMA user_version"_s), 3);
    QCOMPARE(db.queryText(u"SELECT zoom FROM maps"_s), u"2.0"_s);

    // From 2, only the last step runs.
    ran.clear();
    QVERIFY(Migrations::apply(db, 2, 3, steps, &error));
    QCOMPARE(ran, QStringList{u"3"_s});
}

void tst_ProjectFile::missingMigrationFails()
{
    const QList<Migrations::Migration> steps = {{3, u"skips 2"_s, [](Sql::Database &, QString *) {
                                                     return true;
                                                 }}};
    Sql::Database db;
    QVERIFY(db.open(u":memory:"_s, Sql::Database::Mode::Create));
    QString error;
    QVERIFY(!Migrations::apply(db, 1, 3, steps, &error));
    QVERIFY(error.contains(u"format 2"_s));

    const QList<Migrations::Migration> failing = {{2, u"breaks"_s, [](Sql::Database &, QString *e) {
                                                       *e = u"no room"_s;
                                                       return false;
                                                   }}};
    QVERIFY(!Migrations::apply(db, 1, 2, failing, &error));
    QVERIFY(error.contains(u"no room"_s));
}

void tst_ProjectFile::failedSaveLeavesOldFile_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("folder in the way") << u"blocked.waymark"_s;
    QTest::newRow("missing folder") << u"no/such/folder/x.waymark"_s;
}

void tst_ProjectFile::failedSaveLeavesOldFile()
{
    QFETCH(QString, target);
    const QString original = writeFull(u"original.waymark"_s);
    QVERIFY(QDir().mkpath(path(u"blocked.waymark"_s) + u"/inside"_s));
    const QByteArray before = fileHash(original);

    StorageError error;
    std::unique_ptr<Document> doc = Document::open(original, &error);
    QVERIFY(doc);
    doc->push(Commands::renameProject(doc.get(), u"Changed"_s).release());
    QVERIFY(!doc->saveAs(path(target), &error));
    QCOMPARE(error.code, StorageErrorCode::CannotWrite);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(doc->isModified());
    QCOMPARE(doc->filePath(), QFileInfo(original).absoluteFilePath());
    QCOMPARE(fileHash(original), before);
    QCOMPARE(filesIn(mDir->path()), QStringList{u"original.waymark"_s});
}

void tst_ProjectFile::cancelledSaveLeavesOldFile()
{
    const QString file = writeFull(u"keep.waymark"_s);
    const QByteArray before = fileHash(file);

    StorageError error;
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY(doc);
    doc->push(Commands::renameProject(doc.get(), u"Changed"_s).release());

    std::atomic_bool cancel = false;
    int calls = 0;
    SaveProgress progress;
    progress.cancel = &cancel;
    progress.progress = [&](qint64 done, qint64 total) {
        ++calls;
        QVERIFY(done <= total);
        cancel = true; // as if the user pressed Cancel during the copy
    };
    QVERIFY(!doc->save(&error, progress));
    QVERIFY(calls > 0);
    QCOMPARE(error.code, StorageErrorCode::Cancelled);
    QCOMPARE(fileHash(file), before);
    QCOMPARE(filesIn(mDir->path()), QStringList{u"keep.waymark"_s});
    QVERIFY(doc->isModified());

    QVERIFY(doc->save(&error));
    QCOMPARE(ProjectFile::read(file, &error)->name, u"Changed"_s);
}

void tst_ProjectFile::killedSaveLeavesOldOrNewFile()
{
    // A child process saves over and over and is killed at a random moment: whenever that
    // is, the file holds one whole project, the old one or one of the new ones.
    const QString file = writeFull(u"killed.waymark"_s);
    const QString oldName = fullProject().name;
    for (int round = 0; round < 12; ++round) {
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            StorageError error;
            std::unique_ptr<Document> doc = Document::open(file, &error);
            for (int i = 0; doc; ++i) {
                doc->push(Commands::renameProject(doc.get(), u"Saved %1"_s.arg(i)).release());
                if (!doc->save(&error))
                    ::_exit(2);
            }
            ::_exit(1);
        }
        ::usleep(useconds_t(20000 + QRandomGenerator::global()->bounded(80000)));
        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status), "the saving child stopped by itself");

        StorageError error;
        const std::optional<Project> read = ProjectFile::read(file, &error);
        QVERIFY2(read, qPrintable(u"round %1: "_s.arg(round) + error.message + error.detail));
        QVERIFY2(read->name == oldName || read->name.startsWith(u"Saved "_s),
                 qPrintable(read->name));
        QVERIFY(ProjectFile::check(file).problems.isEmpty());
    }
    // What a killed save may leave is its hidden temporary file, never a journal. (The
    // children's working copies are left as a crash leaves them.)
    QVERIFY(clearWorkingFolder());
    for (const QString &name : filesIn(mDir->path()))
        QVERIFY2(name == u"killed.waymark"_s || name.endsWith(u".saving"_s), qPrintable(name));
}

void tst_ProjectFile::rowsAreCheckedAfterOpening()
{
    const QString fixture = QStringLiteral(WAYMARK_TEST_DATA "/format-3.waymark");
    StorageError error;
    std::unique_ptr<Document> doc = Document::open(fixture, &error);
    QVERIFY2(doc, qPrintable(error.message + u'\n' + error.detail));
    QSignalSpy finished(doc.get(), &Document::rowsCheckFinished);
    if (!doc->rowsChecked())
        QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(doc->rowsChecked());
    QCOMPARE(finished.first().first().value<StorageError>().code, StorageErrorCode::None);
    QVERIFY(doc->damagedDatasets().isEmpty());
    for (const Dataset &d : doc->project().datasets)
        QVERIFY(doc->isDatasetReadable(d.id));

    // A document closed while its check runs stops the check and goes away cleanly.
    for (int i = 0; i < 5; ++i)
        QVERIFY(Document::open(fixture, &error));
}

void tst_ProjectFile::damagedRowsOpenAndAreReported()
{
    // The table of rows of the survey (30 rows, one page) is overwritten at its start: the
    // map's tables are whole, and counting the rows still works through their index.
    const QString file = path(u"damaged-rows.waymark"_s);
    QVERIFY(QFile::copy(QStringLiteral(WAYMARK_TEST_DATA "/format-3.waymark"), file));
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
    QString why;
    QVERIFY2(TestSupport::damageRowsOf(file, u"Spring survey"_s, &why), qPrintable(why));

    // It opens, the map as it was, and then the check names the damaged dataset.
    StorageError error;
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY2(doc, qPrintable(error.message + u'\n' + error.detail));
    QCOMPARE(doc->project().maps.value(0).touchpoints.size(), 37);
    QSignalSpy finished(doc.get(), &Document::rowsCheckFinished);
    QVERIFY(finished.wait(10000));
    const StorageError reported = finished.first().first().value<StorageError>();
    QCOMPARE(reported.code, StorageErrorCode::Damaged);
    QVERIFY2(reported.message.contains(u"“Spring survey”"_s), qPrintable(reported.message));
    QVERIFY2(reported.message.contains(u"damaged-rows.waymark"_s), qPrintable(reported.message));
    QVERIFY(!reported.detail.isEmpty());
    const Dataset &survey = doc->project().datasets.value(0);
    const Dataset &orders = doc->project().datasets.value(1);
    QCOMPARE(survey.name, u"Spring survey"_s);
    QCOMPARE(doc->damagedDatasets(), QList<Id>{survey.id});
    QVERIFY(!doc->isDatasetReadable(survey.id));
    QVERIFY(doc->isDatasetReadable(orders.id));

    // Nothing the user had is lost: an edit is saved, and the saved file opens with it (its
    // damaged rows still reported as damaged, the other dataset's rows still whole).
    const JourneyMap &map = doc->project().maps.first();
    const Touchpoint card = map.touchpoints.first();
    const Id otherStage =
        map.stages.last().id == card.stageId ? map.stages.first().id : map.stages.last().id;
    doc->push(
        Commands::moveTouchpoints(doc.get(), {card.id}, otherStage, card.laneId, 0).release());
    const QString saved = path(u"saved.waymark"_s);
    QVERIFY2(doc->saveAs(saved, &error), qPrintable(error.message + u'\n' + error.detail));
    QVERIFY(!doc->isModified());

    std::unique_ptr<Document> again = Document::open(saved, &error);
    QVERIFY2(again, qPrintable(error.message + u'\n' + error.detail));
    const Touchpoint *moved = findById(again->project().maps.first().touchpoints, card.id);
    QVERIFY(moved);
    QCOMPARE(moved->stageId, otherStage);
    QSignalSpy againFinished(again.get(), &Document::rowsCheckFinished);
    QVERIFY(againFinished.wait(10000));
    QCOMPARE(again->damagedDatasets(), QList<Id>{survey.id});
    Sql::Database db;
    QVERIFY(db.open(saved, Sql::Database::Mode::ReadOnly));
    QCOMPARE(db.queryText(u"PRAGMA quick_check(dataset_rows_%1)"_s.arg(orders.rowsTable)),
             std::optional<QString>(u"ok"_s));

    // `waymark check` (the whole check, at once) reports the damage too.
    QVERIFY(!ProjectFile::check(file).problems.isEmpty());
}

void tst_ProjectFile::damagedFreeListIsRefused()
{
    // A file with free pages, the first of which is made to be the root page of a table: an
    // edit that took it would overwrite that table, so the file is refused before any edit.
    const QString file = writeFull(u"freelist.waymark"_s);
    QVERIFY(tamper(file, u"INSERT INTO metrics_cache (key, engine_version, payload, written) "
                         "VALUES ('x', 1, randomblob(200000), '');"
                         "DELETE FROM metrics_cache"_s));
    {
        StorageError error;
        QVERIFY2(Document::open(file, &error), qPrintable(error.message + error.detail));
    }
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const QByteArray header = f.read(100);
        const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
        const qint64 trunk =
            (qint64(bytes[32]) << 24) | (bytes[33] << 16) | (bytes[34] << 8) | bytes[35];
        QVERIFY(trunk > 1);
        QVERIFY(f.seek((trunk - 1) * 4096 + 8)); // the first leaf of the first trunk page
        QCOMPARE(f.write(QByteArray("\0\0\0\2", 4)), qint64(4));
    }

    StorageError error;
    QVERIFY(!Document::open(file, &error));
    QCOMPARE(error.code, StorageErrorCode::Damaged);
    QVERIFY2(error.message.contains(u"integrity check"_s), qPrintable(error.message));
    QVERIFY(!ProjectFile::read(file, &error));
    QCOMPARE(error.code, StorageErrorCode::Damaged);
}

void tst_ProjectFile::editsReachWorkingCopyNotFile()
{
    const QString file = writeFull(u"shared.waymark"_s);
    const QByteArray before = fileHash(file);
    StorageError error;
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY(doc);

    doc->push(Commands::renameStage(doc.get(), fixedId(11), u"Discover"_s).release());
    doc->push(Commands::removeLane(doc.get(), fixedId(22)).release());
    QCOMPARE(fileHash(file), before);
    QCOMPARE(filesIn(mDir->path()), QStringList{u"shared.waymark"_s});

    // The working copy in the local data folder already holds both edits: a crash now
    // would lose neither.
    const QString workingDir =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/working"_s;
    const QStringList copies = QDir(workingDir).entryList({u"*.waymark"_s}, QDir::Files);
    QVERIFY(!copies.isEmpty());
    bool found = false;
    for (const QString &name : copies) {
        Sql::Database db;
        QVERIFY(db.open(workingDir + u'/' + name, Sql::Database::Mode::ReadOnly));
        const std::optional<QString> stage = db.queryText(
            u"SELECT name FROM stages WHERE id = '00000000-0000-4000-8000-000000000011'"_s);
        const std::optional<qint64> lanes = db.queryInt(
            u"SELECT count(*) FROM lanes WHERE map_id = '00000000-0000-4000-8000-000000000010'"_s);
        found = found || (stage == u"Discover"_s && lanes == 1);
    }
    QVERIFY(found);

    doc.reset();
    QVERIFY(QDir(workingDir).entryList({u"*.waymark*"_s}, QDir::Files).isEmpty());
}

void tst_ProjectFile::revertDiscardsChanges()
{
    const QString file = writeFull(u"revert.waymark"_s);
    StorageError error;
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY(doc);
    doc->push(Commands::removeStage(doc.get(), fixedId(11)).release());
    QVERIFY(doc->isModified());

    int resets = 0;
    connect(doc.get(), &Document::reset, this, [&] { ++resets; });
    QVERIFY(doc->revert(&error));
    QCOMPARE(resets, 1);
    QVERIFY(!doc->isModified());
    QCOMPARE(doc->undoStack()->count(), 0);
    compareProjects(doc->project(), fullProject());
}

void tst_ProjectFile::opensAFileSwitchedToWalByAnotherTool()
{
    // Someone ran `PRAGMA journal_mode = WAL` on the file in their own SQLite tool. With
    // the tool closed there is no -wal file, and the project opens; saved, it is back to
    // the rollback journal. With the tool still open, Waymark says so instead.
    const QString file = writeFull(u"wal.waymark"_s);
    {
        Sql::Database db;
        QVERIFY(db.open(file, Sql::Database::Mode::ReadWrite));
        QCOMPARE(db.queryText(u"PRAGMA journal_mode = WAL"_s), u"wal"_s);
    }
    QCOMPARE(filesIn(mDir->path()), QStringList{u"wal.waymark"_s});

    StorageError error;
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY2(doc, qPrintable(error.message + u' ' + error.detail));
    compareProjects(doc->project(), fullProject());
    QCOMPARE(filesIn(mDir->path()), QStringList{u"wal.waymark"_s});
    QVERIFY(doc->save(&error));
    Sql::Database db;
    QVERIFY(db.open(file, Sql::Database::Mode::ReadOnly));
    QCOMPARE(db.queryText(u"PRAGMA journal_mode"_s), u"delete"_s);
    db.close();

    Sql::Database other;
    QVERIFY(other.open(file, Sql::Database::Mode::ReadWrite));
    QVERIFY(other.exec(u"PRAGMA journal_mode = WAL; UPDATE project SET name = 'x'"_s));
    QVERIFY(QFileInfo::exists(file + u"-wal"_s));
    QVERIFY(!Document::open(file, &error));
    QCOMPARE(error.code, StorageErrorCode::CannotRead);
    QVERIFY2(error.message.contains(u"still open in another program"_s), qPrintable(error.message));
}

void tst_ProjectFile::openingDoesNotTouchTheFile()
{
    const QString file = writeFull(u"untouched.waymark"_s);
    const QDateTime modified = QFileInfo(file).lastModified();
    const QByteArray before = fileHash(file);
    StorageError error;
    {
        std::unique_ptr<Document> doc = Document::open(file, &error);
        QVERIFY(doc);
        QCOMPARE(filesIn(mDir->path()), QStringList{u"untouched.waymark"_s});
    }
    QCOMPARE(fileHash(file), before);
    QCOMPARE(QFileInfo(file).lastModified(), modified);
}

void tst_ProjectFile::heldWritesWaitForTheGesture_data()
{
    QTest::addColumn<QString>("end");
    QTest::addColumn<bool>("recovered");

    QTest::newRow("crash while held") << u"crash"_s << false;
    QTest::newRow("released, then crash") << u"release"_s << true;
    QTest::newRow("saved while held") << u"save"_s << true;
}

void tst_ProjectFile::heldWritesWaitForTheGesture()
{
    // A drag holds the working copy's writes until it ends: what a crash meanwhile leaves is
    // the map as it was before the drag, and a save writes what waited.
    QFETCH(QString, end);
    QFETCH(bool, recovered);

    const QString file = writeFull(u"held.waymark"_s);
    StorageError error;
    {
        std::unique_ptr<Document> doc = Document::open(file, &error);
        QVERIFY(doc);
        doc->holdWrites();
        QVERIFY(doc->writesHeld());
        doc->push(Commands::renameStage(doc.get(), fixedId(11), u"Discover"_s).release());
        if (end == u"release"_s) {
            doc->releaseWrites();
            QVERIFY(!doc->writesHeld());
        } else if (end == u"save"_s) {
            QVERIFY2(doc->save(&error), qPrintable(error.message + error.detail));
            std::unique_ptr<Document> saved = Document::open(file, &error);
            QVERIFY(saved);
            QCOMPARE(saved->project().maps[0].stages[0].name, u"Discover"_s);
            return;
        }
        QVERIFY(!simulateCrash(file, deadPid()).isEmpty());
    }

    const QList<WorkingCopyOrphan> orphans = Document::orphans();
    QCOMPARE(orphans.size(), 1);
    std::unique_ptr<Document> back = Document::recover(orphans[0], &error);
    QVERIFY2(back, qPrintable(error.message + error.detail));
    QCOMPARE(back->project().maps[0].stages[0].name == u"Discover"_s, recovered);
}

void tst_ProjectFile::recoversChangesAfterACrash()
{
    const QString file = writeFull(u"crash.waymark"_s);
    StorageError error;
    {
        std::unique_ptr<Document> doc = Document::open(file, &error);
        QVERIFY(doc);
        doc->push(Commands::renameStage(doc.get(), fixedId(11), u"Discover"_s).release());
        QVERIFY(!simulateCrash(file, deadPid()).isEmpty());
    }

    const QList<WorkingCopyOrphan> orphans = Document::orphans();
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans[0].sourcePath, QFileInfo(file).absoluteFilePath());
    QVERIFY(orphans[0].modified);

    std::unique_ptr<Document> recovered = Document::recover(orphans[0], &error);
    QVERIFY2(recovered, qPrintable(error.message + error.detail));
    QCOMPARE(recovered->project().maps[0].stages[0].name, u"Discover"_s);
    QCOMPARE(recovered->filePath(), QFileInfo(file).absoluteFilePath());
    QVERIFY(recovered->isModified());
    QVERIFY(Document::orphans().isEmpty());

    QVERIFY(recovered->save(&error));
    QVERIFY(!recovered->isModified());
    QCOMPARE(ProjectFile::read(file, &error)->maps[0].stages[0].name, u"Discover"_s);
}

void tst_ProjectFile::leavesOrphansOfRunningWaymarksAlone()
{
    const QString file = writeFull(u"running.waymark"_s);
    StorageError error;
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY(doc);
    // This process's own working copy is not an orphan, nor one whose process still runs.
    QVERIFY(Document::orphans().isEmpty());
    const QString copy = simulateCrash(file, QCoreApplication::applicationPid());
    QVERIFY(!copy.isEmpty());
    QVERIFY(Document::orphans().isEmpty());
    QFile::remove(copy);
    QFile::remove(copy + u"-wal"_s);
    QFile::remove(copy + u".json"_s);
}

void tst_ProjectFile::regenerateFixtures()
{
    // A fixture shows what files of its format look like, so it is written only while its
    // format is current: on request, last thing before a change makes the format old. Only
    // the current format's file is ever written; tests/data/format-1.waymark, written by
    // format 1, is never rewritten.
    if (!qEnvironmentVariableIsSet("WAYMARK_REGENERATE_FIXTURES"))
        QSKIP("set WAYMARK_REGENERATE_FIXTURES=1 to write the fixture of the current format");
    const int version = ProjectFile::currentFormatVersion();
    const QString target = QStringLiteral(WAYMARK_TEST_DATA "/format-%1.waymark").arg(version);
    StorageError error;
    QVERIFY2(ProjectFile::write(fullProject(), target, &error), qPrintable(error.message));
}

QTEST_GUILESS_MAIN(tst_ProjectFile)
#include "tst_projectfile.moc"
