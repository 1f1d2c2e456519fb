// The command line, driven through the real waymark executable as scripts use it: exit
// codes, messages, the JSON of `info`, and the files `new` leaves behind.
#include "commandline.h"
#include "entities.h"
#include "storage/projectfile.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

struct Run
{
    bool finished = false;
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the executable with no display at all: a subcommand that created a QGuiApplication
// would abort for want of the platform plugin "none".
Run runWaymark(const QStringList &arguments, const QString &workingDirectory)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"none"_s);
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(WAYMARK_EXE), arguments);

    Run run;
    run.finished = process.waitForFinished(60000);
    if (!run.finished)
        process.kill();
    run.status = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// Runs one SQL script on a database file, creating the file if need be.
QString execSql(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return message;
    }

    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    QString result;
    if (rc != SQLITE_OK)
        result = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_free(message);
    sqlite3_close(db);
    return result;
}

// The first column of the first row of a query on a database opened read-only; nullopt
// when it fails.
std::optional<QString> queryText(const QString &path, const QString &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return std::nullopt;
    }

    std::optional<QString> result;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
        result = QString::fromUtf8(text ? text : "");
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

bool writeBytes(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    return file.write(bytes) == bytes.size();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString idText(const Id &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// A project whose every value the tests know. Its touchpoints are stored out of reading
// order on purpose, and its name is not ASCII, to see both come out right.
Project sampleProject()
{
    Project project;
    project.id = newId();
    project.name = u"Café checkout"_s;
    project.created = QDateTime::currentDateTimeUtc();

    JourneyMap current;
    current.id = newId();
    current.name = u"Current journey"_s;
    current.kind = MapKind::CurrentState;
    for (const QString &name : {u"Awareness"_s, u"Consideration"_s, u"Purchase"_s})
        current.stages.append(Stage{newId(), name, {}, 0});
    current.lanes.append(Lane{newId(), u"Touchpoints"_s, LaneKind::Touchpoints, false, {}});
    current.lanes.append(Lane{newId(), u"Pain points"_s, LaneKind::PainPoints, false, {}});

    const auto card = [&](const QString &title, int stage, int lane, int order) {
        Touchpoint touchpoint;
        touchpoint.id = newId();
        touchpoint.stageId = current.stages.at(stage).id;
        touchpoint.laneId = current.lanes.at(lane).id;
        touchpoint.order = order;
        touchpoint.title = title;
        current.touchpoints.append(touchpoint);
        return touchpoint.id;
    };
    const Id pay = card(u"Pay by card"_s, 2, 0, 0);
    card(u"Confusing advert"_s, 0, 1, 0);
    const Id search = card(u"Search result"_s, 0, 0, 1);
    const Id advert = card(u"Advert"_s, 0, 0, 0);
    current.connectors.append(Connector{newId(), advert, search, ConnectorDirection::Forward, {}});
    current.connectors.append(Connector{newId(), search, pay, ConnectorDirection::Forward, {}});

    JourneyMap future;
    future.id = newId();
    future.name = u"Future journey"_s;
    future.kind = MapKind::FutureState;
    future.headline = HeadlineMetric::Revenue;
    future.stages.append(Stage{newId(), u"Awareness"_s, {}, 0});
    future.lanes.append(Lane{newId(), u"Channels"_s, LaneKind::Channels, false, {}});

    project.maps = {current, future};

    for (const QString &name : {u"Ana Souza"_s, u"Björn Berg"_s}) {
        Persona persona;
        persona.id = newId();
        persona.name = name;
        project.personas.append(persona);
    }

    // Björn comes back to the advert; Ana has no path. Stored out of order on purpose.
    const Id bjorn = project.personas.at(1).id;
    QList<PersonaStep> &steps = project.maps[0].personaSteps;
    steps.append(PersonaStep{newId(), bjorn, advert, 2, -1, u"bored"_s});
    steps.append(PersonaStep{newId(), bjorn, advert, 0, 2, u"curious"_s});
    steps.append(PersonaStep{newId(), bjorn, pay, 1, std::nullopt, {}});
    return project;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void isCommandLine_data();
    void isCommandLine();

    void exitCodes_data();
    void exitCodes();

    void newFromTemplate_data();
    void newFromTemplate();
    void newRefusesToOverwrite_data();
    void newRefusesToOverwrite();
    void newWithBadTemplate_data();
    void newWithBadTemplate();
    void newFromProjectFile();

    void infoJson();
    void infoText();

    void damagedFile_data();
    void damagedFile();

    void importSamples_data();
    void importSamples();
    void importWithOptions();
    void importBadRows_data();
    void importBadRows();
    void importRefusesBadInput_data();
    void importRefusesBadInput();
    void importUsageErrors_data();
    void importUsageErrors();
    void importNextWave();
    void importKilledMidway();

    void exportPdf_data();
    void exportPdf();
    void exportPng();
    void exportRefused_data();
    void exportRefused();

    void statsWithoutData();
    void statsRefused_data();
    void statsRefused();

private:
    QString fixture(const QString &name) const { return mDir.filePath(name); }
    QString expand(const QString &text) const;
    bool copyFixture(const QString &from, const QString &to) const;

    QTemporaryDir mDir;
    Project mProject;
};

void TestCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(mDir.isValid());
    QVERIFY(QFileInfo::exists(QStringLiteral(WAYMARK_EXE)));

    mProject = sampleProject();
    StorageError error;
    QVERIFY2(ProjectFile::write(mProject, fixture(u"valid.waymark"_s), &error),
             qPrintable(error.message));

    // A file named like a command, to be reached as a path.
    QVERIFY(copyFixture(u"valid.waymark"_s, u"info"_s));

    QFile text(fixture(u"notes.txt"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("Ideas for the workshop: start with the pain points.\n");
    text.close();

    QFile empty(fixture(u"empty.waymark"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();

    QCOMPARE(execSql(fixture(u"contacts.sqlite"_s),
                     u"CREATE TABLE contacts(name TEXT, email TEXT);"
                     "INSERT INTO contacts VALUES ('Ana', 'ana@example.org');"_s),
             QString());

    QVERIFY(copyFixture(u"valid.waymark"_s, u"newer.waymark"_s));
    QCOMPARE(execSql(fixture(u"newer.waymark"_s), u"PRAGMA user_version = 999;"_s), QString());

    QVERIFY(copyFixture(u"valid.waymark"_s, u"versionless.waymark"_s));
    QCOMPARE(execSql(fixture(u"versionless.waymark"_s), u"PRAGMA user_version = 0;"_s), QString());

    // Objects Waymark never creates: a trigger could run code when Waymark writes a row.
    const std::optional<QString> table = queryText(
        fixture(u"valid.waymark"_s),
        u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
        "ORDER BY name LIMIT 1"_s);
    QVERIFY(table && !table->isEmpty());
    QVERIFY(copyFixture(u"valid.waymark"_s, u"trigger.waymark"_s));
    QCOMPARE(
        execSql(
            fixture(u"trigger.waymark"_s),
            u"CREATE TRIGGER intruder_trigger AFTER INSERT ON \"%1\" BEGIN SELECT 1; END;"_s.arg(
                *table)),
        QString());
    QVERIFY(copyFixture(u"valid.waymark"_s, u"table.waymark"_s));
    QCOMPARE(execSql(fixture(u"table.waymark"_s), u"CREATE TABLE intruder_table(x);"_s), QString());
    QVERIFY(copyFixture(u"valid.waymark"_s, u"view.waymark"_s));
    QCOMPARE(execSql(fixture(u"view.waymark"_s), u"CREATE VIEW intruder_view AS SELECT 1;"_s),
             QString());

    QVERIFY(QDir(mDir.path()).mkdir(u"folder"_s));
}

bool TestCli::copyFixture(const QString &from, const QString &to) const
{
    QFile::remove(fixture(to));
    return QFile::copy(fixture(from), fixture(to)) &&
           QFile::setPermissions(fixture(to), QFile::ReadOwner | QFile::WriteOwner);
}

// Replaces each @name in text by the path of that fixture.
QString TestCli::expand(const QString &text) const
{
    static const QRegularExpression placeholder(u"@([\\w.]+)"_s);
    QString result;
    qsizetype last = 0;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text)) {
        result += text.mid(last, match.capturedStart() - last);
        result += fixture(match.captured(1));
        last = match.capturedEnd();
    }
    return result + text.mid(last);
}

void TestCli::isCommandLine_data()
{
    QTest::addColumn<QByteArrayList>("arguments");
    QTest::addColumn<bool>("expected");

    QTest::newRow("no arguments") << QByteArrayList{} << false;
    QTest::newRow("a project file") << QByteArrayList{"checkout.waymark"} << false;
    QTest::newRow("a file without suffix") << QByteArrayList{"checkout"} << false;
    QTest::newRow("a file named info, as a path") << QByteArrayList{"./info"} << false;
    QTest::newRow("a file named new, in a folder") << QByteArrayList{"maps/new"} << false;
    QTest::newRow("a file named like a command with suffix")
        << QByteArrayList{"check.waymark"} << false;
    QTest::newRow("a file, then a command name") << QByteArrayList{"a.waymark", "info"} << false;
    QTest::newRow("a lone dash") << QByteArrayList{"-"} << false;
    QTest::newRow("-platform") << QByteArrayList{"-platform", "offscreen"} << false;
    QTest::newRow("--platform=") << QByteArrayList{"--platform=offscreen", "a.waymark"} << false;
    QTest::newRow("-style") << QByteArrayList{"-style", "Fusion", "a.waymark"} << false;
    QTest::newRow("-session") << QByteArrayList{"-session", "1234"} << false;
    QTest::newRow("-reverse") << QByteArrayList{"-reverse"} << false;
    QTest::newRow("new") << QByteArrayList{"new", "a.waymark"} << true;
    QTest::newRow("info") << QByteArrayList{"info", "a.waymark"} << true;
    QTest::newRow("check") << QByteArrayList{"check", "a.waymark"} << true;
    QTest::newRow("help") << QByteArrayList{"help"} << true;
    QTest::newRow("a command without its file") << QByteArrayList{"info"} << true;
    QTest::newRow("--help") << QByteArrayList{"--help"} << true;
    QTest::newRow("-h") << QByteArrayList{"-h"} << true;
    QTest::newRow("--version") << QByteArrayList{"--version"} << true;
    QTest::newRow("-v") << QByteArrayList{"-v"} << true;
    QTest::newRow("an unknown option, for a usage error") << QByteArrayList{"--frobnicate"} << true;
}

void TestCli::isCommandLine()
{
    QFETCH(QByteArrayList, arguments);
    QFETCH(bool, expected);

    QByteArrayList words = QByteArrayList{"waymark"} + arguments;
    QList<char *> argv;
    for (QByteArray &word : words)
        argv.append(word.data());
    argv.append(nullptr);

    QCOMPARE(Cli::isCommandLine(int(words.size()), argv.data()), expected);
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments"); // @name: the path of a fixture
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stream");  // "out" or "err": where pattern must match
    QTest::addColumn<QString>("pattern"); // a regular expression, case-insensitive; @name too

    const QString version = QRegularExpression::escape(QStringLiteral(WAYMARK_VERSION));

    QTest::newRow("--help") << QStringList{u"--help"_s} << 0 << u"out"_s
                            << u"commands:.*new.*info.*check.*exit status:.*0.*1.*2"_s;
    QTest::newRow("-h") << QStringList{u"-h"_s} << 0 << u"out"_s << u"usage: waymark"_s;
    QTest::newRow("help") << QStringList{u"help"_s} << 0 << u"out"_s << u"exit status"_s;
    QTest::newRow("help new") << QStringList{u"help"_s, u"new"_s} << 0 << u"out"_s
                              << u"usage: waymark new.*--template.*--force"_s;
    QTest::newRow("new --help") << QStringList{u"new"_s, u"--help"_s} << 0 << u"out"_s
                                << u"--force.*exit status:.*  1  "_s;
    QTest::newRow("info --help") << QStringList{u"info"_s, u"--help"_s} << 0 << u"out"_s
                                 << u"--json"_s;
    QTest::newRow("check -h") << QStringList{u"check"_s, u"-h"_s} << 0 << u"out"_s
                              << u"usage: waymark check"_s;
    QTest::newRow("--version") << QStringList{u"--version"_s} << 0 << u"out"_s
                               << u"^waymark %1\n$"_s.arg(version);
    QTest::newRow("-v") << QStringList{u"-v"_s} << 0 << u"out"_s
                        << u"^waymark %1\n$"_s.arg(version);

    QTest::newRow("unknown option")
        << QStringList{u"--frobnicate"_s} << 2 << u"err"_s << u"frobnicate.*waymark --help"_s;
    QTest::newRow("unknown option of a command")
        << QStringList{u"info"_s, u"--frobnicate"_s, u"@valid.waymark"_s} << 2 << u"err"_s
        << u"frobnicate.*waymark info --help"_s;
    QTest::newRow("info without FILE")
        << QStringList{u"info"_s} << 2 << u"err"_s << u"FILE.*--help"_s;
    QTest::newRow("check without FILE")
        << QStringList{u"check"_s} << 2 << u"err"_s << u"FILE.*--help"_s;
    QTest::newRow("new without FILE")
        << QStringList{u"new"_s, u"--force"_s} << 2 << u"err"_s << u"FILE.*--help"_s;
    QTest::newRow("two files") << QStringList{u"check"_s, u"@valid.waymark"_s, u"@info"_s} << 2
                               << u"err"_s << u"unexpected.*@info"_s;
    QTest::newRow("--template without its value")
        << QStringList{u"new"_s, u"--template"_s} << 2 << u"err"_s << u"template"_s;
    QTest::newRow("help for no such command")
        << QStringList{u"help"_s, u"frobnicate"_s} << 2 << u"err"_s << u"frobnicate"_s;
    QTest::newRow("--version with an argument")
        << QStringList{u"--version"_s, u"x"_s} << 2 << u"err"_s << u"--help"_s;

    QTest::newRow("info") << QStringList{u"info"_s, u"@valid.waymark"_s} << 0 << u"out"_s
                          << u"Café checkout"_s;
    QTest::newRow("info on a file named info")
        << QStringList{u"info"_s, u"info"_s} << 0 << u"out"_s << u"Café checkout"_s;
    QTest::newRow("info on a missing file")
        << QStringList{u"info"_s, u"@missing.waymark"_s} << 2 << u"err"_s
        << u"^waymark: @missing.waymark: .*no file"_s;
    QTest::newRow("info on a folder") << QStringList{u"info"_s, u"@folder"_s} << 2 << u"err"_s
                                      << u"^waymark: @folder: .*folder"_s;
    QTest::newRow("info on a text file")
        << QStringList{u"info"_s, u"@notes.txt"_s} << 2 << u"err"_s
        << u"^waymark: @notes.txt: .*not a Waymark project.*not an SQLite database"_s;
    QTest::newRow("info on an empty file")
        << QStringList{u"info"_s, u"@empty.waymark"_s} << 2 << u"err"_s
        << u"^waymark: @empty.waymark: .*not a Waymark project"_s;
    QTest::newRow("info on another program's database")
        << QStringList{u"info"_s, u"@contacts.sqlite"_s} << 2 << u"err"_s
        << u"^waymark: @contacts.sqlite: .*another program"_s;
    QTest::newRow("info on a newer format")
        << QStringList{u"info"_s, u"@newer.waymark"_s} << 2 << u"err"_s
        << u"^waymark: @newer.waymark: .*newer Waymark.*999"_s;
    QTest::newRow("info on a file with a trigger")
        << QStringList{u"info"_s, u"@trigger.waymark"_s} << 2 << u"err"_s
        << u"^waymark: @trigger.waymark: .*did not create.*intruder_trigger"_s;
    QTest::newRow("info on a file without format version")
        << QStringList{u"info"_s, u"@versionless.waymark"_s} << 2 << u"err"_s
        << u"^waymark: @versionless.waymark: .*damaged"_s;

    QTest::newRow("check") << QStringList{u"check"_s, u"@valid.waymark"_s} << 0 << u"out"_s
                           << u"^@valid.waymark: OK \\(format %1, 2 maps, 4 touchpoints\\)\n$"_s
                                  .arg(ProjectFile::currentFormatVersion());
    QTest::newRow("check on a missing file")
        << QStringList{u"check"_s, u"@missing.waymark"_s} << 2 << u"err"_s
        << u"^waymark: @missing.waymark: .*no file"_s;
    QTest::newRow("check on a text file")
        << QStringList{u"check"_s, u"@notes.txt"_s} << 2 << u"err"_s
        << u"^waymark: @notes.txt: .*not an SQLite database"_s;
    QTest::newRow("check on another program's database")
        << QStringList{u"check"_s, u"@contacts.sqlite"_s} << 2 << u"err"_s
        << u"^waymark: @contacts.sqlite: .*another program"_s;
    QTest::newRow("check on a newer format")
        << QStringList{u"check"_s, u"@newer.waymark"_s} << 2 << u"err"_s
        << u"^waymark: @newer.waymark: .*newer Waymark"_s;
    QTest::newRow("check on a file without format version")
        << QStringList{u"check"_s, u"@versionless.waymark"_s} << 1 << u"out"_s
        << u"^@versionless.waymark: file: .*damaged"_s;
    QTest::newRow("check on a file with a trigger")
        << QStringList{u"check"_s, u"@trigger.waymark"_s} << 1 << u"out"_s
        << u"^@trigger.waymark: trigger intruder_trigger: .+$"_s;
    QTest::newRow("check on a file with an extra table")
        << QStringList{u"check"_s, u"@table.waymark"_s} << 1 << u"out"_s
        << u"^@table.waymark: table intruder_table: .+$"_s;
    QTest::newRow("check on a file with a view")
        << QStringList{u"check"_s, u"@view.waymark"_s} << 1 << u"out"_s
        << u"^@view.waymark: view intruder_view: .+$"_s;
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stream);
    QFETCH(QString, pattern);

    for (QString &argument : arguments)
        argument = expand(argument);
    const Run run = runWaymark(arguments, mDir.path());

    QVERIFY(run.finished);
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, exitCode);

    const QRegularExpression expected(expand(pattern),
                                      QRegularExpression::CaseInsensitiveOption |
                                          QRegularExpression::DotMatchesEverythingOption |
                                          QRegularExpression::MultilineOption);
    QVERIFY(expected.isValid());
    const QString &text = stream == u"out"_s ? run.out : run.err;
    QVERIFY2(expected.match(text).hasMatch(),
             qPrintable(u"%1 does not match:\n%2"_s.arg(expected.pattern(), text)));

    // Errors go to stderr only, and success says nothing there.
    if (exitCode == 0)
        QCOMPARE(run.err, QString());
    else if (exitCode == 2)
        QCOMPARE(run.out, QString());
}

void TestCli::newFromTemplate_data()
{
    QTest::addColumn<QString>("templateName"); // empty: no --template
    QTest::addColumn<QStringList>("stages");   // of the first map; empty: not checked
    QTest::addColumn<bool>("hasConnectors");
    QTest::addColumn<bool>("hasPersonas");
    QTest::addColumn<int>("paths"); // persona paths on the first map

    const QStringList fiveStages = {u"Awareness"_s, u"Consideration"_s, u"Purchase"_s,
                                    u"Experience"_s, u"Loyalty"_s};
    QTest::newRow("default") << QString() << QStringList() << false << false << 0;
    QTest::newRow("blank") << u"blank"_s << QStringList() << false << false << 0;
    QTest::newRow("digital-journey") << u"digital-journey"_s << fiveStages << true << true << 2;
    QTest::newRow("b2b") << u"b2b"_s << QStringList() << true << true << 3;
}

void TestCli::newFromTemplate()
{
    QFETCH(QString, templateName);
    QFETCH(QStringList, stages);
    QFETCH(bool, hasConnectors);
    QFETCH(bool, hasPersonas);
    QFETCH(int, paths);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"workshop.waymark"_s);
    QStringList arguments = {u"new"_s};
    if (!templateName.isEmpty())
        arguments += {u"--template"_s, templateName};
    arguments.append(path);

    const Run created = runWaymark(arguments, dir.path());
    QVERIFY(created.finished);
    QCOMPARE(created.status, QProcess::NormalExit);
    QCOMPARE(created.err, QString());
    QCOMPARE(created.exitCode, 0);
    QVERIFY2(created.out.isEmpty() || created.out.count(u'\n') == 1, qPrintable(created.out));

    // One file, in the rollback journal mode, with nothing beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"workshop.waymark"_s});
    QCOMPARE(queryText(path, u"PRAGMA application_id"_s),
             QString::number(ProjectFile::ApplicationId));
    const std::optional<QString> userVersion = queryText(path, u"PRAGMA user_version"_s);
    QVERIFY(userVersion);
    QVERIFY(userVersion->toInt() >= 1);
    QCOMPARE(queryText(path, u"PRAGMA journal_mode"_s), u"delete"_s);

    const Run info = runWaymark({u"info"_s, u"--json"_s, path}, dir.path());
    QVERIFY(info.finished);
    QCOMPARE(info.exitCode, 0);
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(info.out.toUtf8(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QVERIFY(json.isObject());
    const QJsonObject project = json.object();

    QCOMPARE(project.value(u"format_version"_s).toInt(), userVersion->toInt());

    const QJsonArray maps = project.value(u"maps"_s).toArray();
    QVERIFY(!maps.isEmpty());
    QSet<QString> ids;
    const auto uniqueId = [&ids](const QJsonValue &value) {
        const QString id = value.toString();
        const bool fresh = !ids.contains(id);
        ids.insert(id);
        return !id.startsWith(u'{') && !QUuid::fromString(id).isNull() && fresh;
    };
    qint64 connectors = 0;
    for (qsizetype m = 0; m < maps.size(); ++m) {
        const QJsonObject map = maps[m].toObject();
        QVERIFY(uniqueId(map.value(u"id"_s)));
        QVERIFY(!map.value(u"name"_s).toString().isEmpty());
        QVERIFY(QStringList({u"current"_s, u"future"_s}).contains(map.value(u"kind"_s).toString()));

        QStringList stageNames;
        for (const QJsonValue &stage : map.value(u"stages"_s).toArray()) {
            QVERIFY(uniqueId(stage[u"id"_s]));
            stageNames.append(stage[u"name"_s].toString());
        }
        if (!stages.isEmpty() && m == 0)
            QCOMPARE(stageNames, stages);

        QStringList laneNames;
        for (const QJsonValue &lane : map.value(u"lanes"_s).toArray()) {
            QVERIFY(uniqueId(lane[u"id"_s]));
            laneNames.append(lane[u"name"_s].toString());
            QVERIFY2(fromKey<LaneKind>(lane[u"kind"_s].toString()),
                     qPrintable(lane[u"kind"_s].toString()));
        }

        // In reading order: a touchpoint's stage never comes before the previous one's.
        qsizetype previousStage = 0;
        for (const QJsonValue &touchpoint : map.value(u"touchpoints"_s).toArray()) {
            QVERIFY(uniqueId(touchpoint[u"id"_s]));
            QVERIFY(touchpoint[u"title"_s].isString());
            const qsizetype stage = stageNames.indexOf(touchpoint[u"stage"_s].toString());
            QVERIFY2(stage >= 0, qPrintable(touchpoint[u"stage"_s].toString()));
            QVERIFY(laneNames.contains(touchpoint[u"lane"_s].toString()));
            QVERIFY(stage >= previousStage);
            previousStage = stage;
        }

        QVERIFY(map.value(u"connectors"_s).isDouble());
        connectors += map.value(u"connectors"_s).toInteger();

        QVERIFY(map.value(u"paths"_s).isArray());
        if (m == 0)
            QCOMPARE(map.value(u"paths"_s).toArray().size(), paths);
    }
    QCOMPARE(connectors > 0, hasConnectors);

    const QJsonArray personas = project.value(u"personas"_s).toArray();
    QCOMPARE(!personas.isEmpty(), hasPersonas);
    QHash<QString, QString> personaNames; // by id
    for (const QJsonValue &persona : personas) {
        QVERIFY(uniqueId(persona[u"id"_s]));
        QVERIFY(!persona[u"name"_s].toString().isEmpty());
        personaNames.insert(persona[u"id"_s].toString(), persona[u"name"_s].toString());
    }

    // Every step names a touchpoint of its map by title and id, and a persona of the library.
    for (const QJsonValue &map : maps) {
        QHash<QString, QString> titles; // by id
        for (const QJsonValue &touchpoint : map[u"touchpoints"_s].toArray())
            titles.insert(touchpoint[u"id"_s].toString(), touchpoint[u"title"_s].toString());
        QList<QStringList> routes;
        for (const QJsonValue &pathValue : map[u"paths"_s].toArray()) {
            const QJsonObject walk = pathValue.toObject();
            QCOMPARE(walk.keys(), (QStringList{u"persona"_s, u"persona_id"_s, u"steps"_s}));
            const QString personaId = walk[u"persona_id"_s].toString();
            QVERIFY2(personaNames.contains(personaId), qPrintable(personaId));
            QCOMPARE(walk[u"persona"_s].toString(), personaNames.value(personaId));

            const QJsonArray steps = walk[u"steps"_s].toArray();
            QVERIFY(!steps.isEmpty());
            QStringList route;
            for (const QJsonValue &stepValue : steps) {
                const QJsonObject step = stepValue.toObject();
                QCOMPARE(step.keys(), (QStringList{u"emotion"_s, u"feeling"_s, u"id"_s,
                                                   u"touchpoint"_s, u"touchpoint_id"_s}));
                QVERIFY(uniqueId(step[u"id"_s]));
                const QString touchpointId = step[u"touchpoint_id"_s].toString();
                QVERIFY2(titles.contains(touchpointId), qPrintable(touchpointId));
                QCOMPARE(step[u"touchpoint"_s].toString(), titles.value(touchpointId));
                const QJsonValue emotion = step[u"emotion"_s];
                QVERIFY(emotion.isNull() || emotion.isDouble());
                if (emotion.isDouble()) {
                    QCOMPARE(emotion.toDouble(), double(emotion.toInt()));
                    QVERIFY(emotion.toInt() >= -3 && emotion.toInt() <= 3);
                }
                QVERIFY(step[u"feeling"_s].isString());
                route.append(touchpointId);
            }
            QVERIFY2(!routes.contains(route), "two personas walk the same path");
            routes.append(route);
        }
    }
    QVERIFY(project.value(u"datasets"_s).isArray());

    const Run check = runWaymark({u"check"_s, path}, dir.path());
    QCOMPARE(check.exitCode, 0);
    QVERIFY2(check.out.startsWith(path + u": OK (format "_s), qPrintable(check.out));
}

void TestCli::newRefusesToOverwrite_data()
{
    QTest::addColumn<QString>("existing");
    QTest::addColumn<int>("forcedExitCode");

    QTest::newRow("a project") << u"valid.waymark"_s << 0;
    QTest::newRow("a text file") << u"notes.txt"_s << 0;
    QTest::newRow("a folder") << u"folder"_s << 2;
}

void TestCli::newRefusesToOverwrite()
{
    QFETCH(QString, existing);
    QFETCH(int, forcedExitCode);

    const QString target = u"target-"_s + existing;
    if (QFileInfo(fixture(existing)).isDir())
        QVERIFY(QDir(mDir.path()).mkpath(target));
    else
        QVERIFY(copyFixture(existing, target));
    const QByteArray before = fileBytes(fixture(target));

    const Run refused = runWaymark({u"new"_s, fixture(target)}, mDir.path());
    QVERIFY(refused.finished);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"--force"_s), qPrintable(refused.err));
    QCOMPARE(refused.out, QString());
    QCOMPARE(fileBytes(fixture(target)), before);

    const Run forced = runWaymark({u"new"_s, u"--force"_s, fixture(target)}, mDir.path());
    QVERIFY(forced.finished);
    QCOMPARE(forced.status, QProcess::NormalExit);
    QCOMPARE(forced.exitCode, forcedExitCode);
    if (forcedExitCode == 0) {
        QCOMPARE(runWaymark({u"check"_s, fixture(target)}, mDir.path()).exitCode, 0);
    } else {
        QVERIFY2(forced.err.startsWith(u"waymark: %1: "_s.arg(fixture(target))),
                 qPrintable(forced.err));
    }
}

void TestCli::newWithBadTemplate_data()
{
    QTest::addColumn<QString>("templateName"); // @name: the path of a fixture
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("no such built-in name") << u"frobnicate"_s << 1 << u"blank"_s;
    QTest::newRow("a missing file") << u"@missing.waymark"_s << 2 << u"no project file"_s;
    QTest::newRow("a missing file without suffix") << u"./missing"_s << 2 << u"no project file"_s;
    QTest::newRow("a text file") << u"@notes.txt"_s << 2 << u"not a Waymark project"_s;
    QTest::newRow("a newer project") << u"@newer.waymark"_s << 2 << u"newer Waymark"_s;
}

void TestCli::newWithBadTemplate()
{
    QFETCH(QString, templateName);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    const QString target = fixture(u"never.waymark"_s);
    const Run run =
        runWaymark({u"new"_s, u"--template"_s, expand(templateName), target}, mDir.path());
    QVERIFY(run.finished);
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message, Qt::CaseInsensitive), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(target));
}

void TestCli::newFromProjectFile()
{
    const QString target = fixture(u"copy.waymark"_s);
    const Run created =
        runWaymark({u"new"_s, u"--template"_s, fixture(u"valid.waymark"_s), target}, mDir.path());
    QCOMPARE(created.exitCode, 0);

    const Run info = runWaymark({u"info"_s, u"--json"_s, target}, mDir.path());
    QCOMPARE(info.exitCode, 0);
    const QJsonObject project = QJsonDocument::fromJson(info.out.toUtf8()).object();
    const QJsonArray maps = project[u"maps"_s].toArray();
    QCOMPARE(maps.size(), mProject.maps.size());

    // Same structure, new ids.
    const QJsonObject map = maps.first().toObject();
    QCOMPARE(map[u"name"_s].toString(), mProject.maps.first().name);
    QVERIFY(map[u"id"_s].toString() != idText(mProject.maps.first().id));
    const QJsonArray stages = map[u"stages"_s].toArray();
    QCOMPARE(stages.size(), mProject.maps.first().stages.size());
    for (qsizetype i = 0; i < stages.size(); ++i) {
        QCOMPARE(stages[i][u"name"_s].toString(), mProject.maps.first().stages.at(i).name);
        QVERIFY(stages[i][u"id"_s].toString() != idText(mProject.maps.first().stages.at(i).id));
    }
}

void TestCli::infoJson()
{
    for (const bool compact : {false, true}) {
        QStringList arguments = {u"info"_s, u"--json"_s, fixture(u"valid.waymark"_s)};
        if (compact)
            arguments.insert(2, u"--compact"_s);
        const Run run = runWaymark(arguments, mDir.path());
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.count(u'\n') == 1, compact);

        QJsonParseError error;
        const QJsonObject project = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);

        QCOMPARE(project[u"format_version"_s].toInt(), ProjectFile::currentFormatVersion());
        QCOMPARE(project[u"name"_s].toString(), mProject.name);
        QCOMPARE(project[u"id"_s].toString(), idText(mProject.id));

        const QJsonArray maps = project[u"maps"_s].toArray();
        QCOMPARE(maps.size(), 2);
        const JourneyMap &current = mProject.maps.at(0);
        const QJsonObject first = maps[0].toObject();
        QCOMPARE(first[u"id"_s].toString(), idText(current.id));
        QCOMPARE(first[u"name"_s].toString(), u"Current journey"_s);
        QCOMPARE(first[u"kind"_s].toString(), u"current"_s);
        QCOMPARE(first[u"headline"_s].toString(), u"auto"_s);

        const QJsonArray stages = first[u"stages"_s].toArray();
        QCOMPARE(stages.size(), 3);
        for (qsizetype i = 0; i < stages.size(); ++i) {
            QCOMPARE(stages[i].toObject(), QJsonObject({{u"id"_s, idText(current.stages.at(i).id)},
                                                        {u"name"_s, current.stages.at(i).name}}));
        }

        const QJsonArray lanes = first[u"lanes"_s].toArray();
        QCOMPARE(lanes.size(), 2);
        QCOMPARE(lanes[0][u"id"_s].toString(), idText(current.lanes.at(0).id));
        QCOMPARE(lanes[0][u"name"_s].toString(), u"Touchpoints"_s);
        QCOMPARE(lanes[0][u"kind"_s].toString(), u"touchpoints"_s);
        QCOMPARE(lanes[1][u"name"_s].toString(), u"Pain points"_s);
        QCOMPARE(lanes[1][u"kind"_s].toString(), u"pain-points"_s);

        // Stage order, then lane order, then the order within the cell.
        const QJsonArray touchpoints = first[u"touchpoints"_s].toArray();
        QStringList cards;
        for (const QJsonValue &touchpoint : touchpoints) {
            cards.append(touchpoint[u"title"_s].toString() + u" @ "_s +
                         touchpoint[u"stage"_s].toString() + u" / "_s +
                         touchpoint[u"lane"_s].toString());
        }
        QCOMPARE(cards, QStringList({u"Advert @ Awareness / Touchpoints"_s,
                                     u"Search result @ Awareness / Touchpoints"_s,
                                     u"Confusing advert @ Awareness / Pain points"_s,
                                     u"Pay by card @ Purchase / Touchpoints"_s}));
        QCOMPARE(touchpoints[0][u"id"_s].toString(), idText(current.touchpoints.at(3).id));
        QCOMPARE(first[u"connectors"_s].toInt(), 2);

        // Björn's path in its order, his unscored step as null; Ana has none on this map.
        const JourneyMap &map = mProject.maps.first();
        const Id bjorn = mProject.personas.at(1).id;
        const auto stepJson = [&](int order, const QString &title, const QJsonValue &emotion,
                                  const QString &feeling) {
            const auto step = std::find_if(
                map.personaSteps.cbegin(), map.personaSteps.cend(),
                [&](const PersonaStep &s) { return s.personaId == bjorn && s.order == order; });
            return QJsonObject{{u"id"_s, idText(step->id)},
                               {u"touchpoint"_s, title},
                               {u"touchpoint_id"_s, idText(step->touchpointId)},
                               {u"emotion"_s, emotion},
                               {u"feeling"_s, feeling}};
        };
        const QJsonArray expectedSteps = {stepJson(0, u"Advert"_s, 2, u"curious"_s),
                                          stepJson(1, u"Pay by card"_s, QJsonValue(), QString()),
                                          stepJson(2, u"Advert"_s, -1, u"bored"_s)};
        QCOMPARE(first[u"paths"_s].toArray(),
                 QJsonArray({QJsonObject{{u"persona"_s, u"Björn Berg"_s},
                                         {u"persona_id"_s, idText(bjorn)},
                                         {u"steps"_s, expectedSteps}}}));

        const QJsonObject second = maps[1].toObject();
        QCOMPARE(second[u"kind"_s].toString(), u"future"_s);
        QCOMPARE(second[u"headline"_s].toString(), u"revenue"_s);
        QCOMPARE(second[u"lanes"_s][0][u"kind"_s].toString(), u"channels"_s);
        QVERIFY(second[u"touchpoints"_s].isArray());
        QVERIFY(second[u"touchpoints"_s].toArray().isEmpty());
        QCOMPARE(second[u"connectors"_s].toInt(-1), 0);
        QVERIFY(second[u"paths"_s].isArray());
        QVERIFY(second[u"paths"_s].toArray().isEmpty());

        const QJsonArray personas = project[u"personas"_s].toArray();
        QCOMPARE(personas.size(), 2);
        QCOMPARE(personas[1].toObject(), QJsonObject({{u"id"_s, idText(mProject.personas.at(1).id)},
                                                      {u"name"_s, u"Björn Berg"_s}}));
        QVERIFY(project[u"datasets"_s].isArray());
        QVERIFY(project[u"datasets"_s].toArray().isEmpty());
    }
}

void TestCli::infoText()
{
    const Run run = runWaymark({u"info"_s, fixture(u"valid.waymark"_s)}, mDir.path());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);

    const QStringList expected = {
        u"Project: Café checkout"_s,
        u"Format version: %1"_s.arg(ProjectFile::currentFormatVersion()),
        u"Map: Current journey"_s,
        u"Stages: Awareness, Consideration, Purchase"_s,
        u"Touchpoints: 4"_s,
        u"Connectors: 2"_s,
        u"Path lengths: Björn Berg (3)"_s,
        u"Map: Future journey"_s,
        u"Path lengths: none"_s,
        u"Personas: 2"_s,
        u"Ana Souza"_s,
        u"Björn Berg"_s,
        u"Datasets: 0"_s,
    };
    qsizetype from = 0;
    for (const QString &line : expected) {
        const qsizetype at = run.out.indexOf(line, from);
        QVERIFY2(at >= 0,
                 qPrintable(u"\"%1\" missing or out of order in:\n%2"_s.arg(line, run.out)));
        from = at + line.size();
    }
}

void TestCli::damagedFile_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<bool>("mustBeFound"); // false: the bytes may land where nothing is read

    QTest::newRow("the SQLite magic overwritten") << u"magic"_s << true;
    QTest::newRow("the middle page overwritten") << u"middle page"_s << true;
    QTest::newRow("the last page overwritten") << u"last page"_s << true;
    QTest::newRow("bytes in the middle overwritten") << u"middle bytes"_s << false;
}

void TestCli::damagedFile()
{
    QFETCH(QString, damage);
    QFETCH(bool, mustBeFound);

    const QString name = u"damaged.waymark"_s;
    QVERIFY(copyFixture(u"valid.waymark"_s, name));
    const QString path = fixture(name);
    const QByteArray bytes = fileBytes(path);

    // The page size is a big-endian 16-bit number at offset 16 of the header; 1 means 65536.
    const int rawPageSize = (uchar(bytes.at(16)) << 8) | uchar(bytes.at(17));
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const qint64 pages = bytes.size() / pageSize;
    QVERIFY(pages >= 3);

    if (damage == u"magic"_s)
        QVERIFY(writeBytes(path, 0, QByteArray(16, 'x')));
    else if (damage == u"middle page"_s)
        QVERIFY(writeBytes(path, pages / 2 * pageSize, QByteArray(pageSize, '\xa5')));
    else if (damage == u"last page"_s)
        QVERIFY(writeBytes(path, (pages - 1) * pageSize, QByteArray(pageSize, '\x5a')));
    else
        QVERIFY(writeBytes(path, bytes.size() / 2, QByteArray(64, '\xff')));

    const Run check = runWaymark({u"check"_s, path}, mDir.path());
    QVERIFY(check.finished);
    QCOMPARE(check.status, QProcess::NormalExit);
    if (mustBeFound) {
        QVERIFY2(check.exitCode == 1 || check.exitCode == 2, qPrintable(check.out + check.err));
        QVERIFY(!(check.out + check.err).contains(u": OK ("_s));
    }
    QVERIFY(check.exitCode >= 0 && check.exitCode <= 2);
    QVERIFY(!(check.out + check.err).isEmpty());

    const Run info = runWaymark({u"info"_s, u"--json"_s, path}, mDir.path());
    QVERIFY(info.finished);
    QCOMPARE(info.status, QProcess::NormalExit);
    QCOMPARE(info.exitCode == 0, check.exitCode == 0);
    if (info.exitCode != 0) {
        QCOMPARE(info.exitCode, 2);
        QVERIFY2(info.err.startsWith(u"waymark: %1: "_s.arg(path)), qPrintable(info.err));
    }
}

// waymark import. Each run gets a data folder of its own for the working copy.

namespace {

Run runImport(const QStringList &arguments, const QString &workingDirectory)
{
    QTemporaryDir data;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"none"_s);
    environment.insert(u"XDG_DATA_HOME"_s, data.path());
    environment.remove(u"DISPLAY"_s);

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(WAYMARK_EXE), QStringList{u"import"_s} + arguments);
    Run run;
    run.finished = process.waitForFinished(120000);
    if (!run.finished)
        process.kill();
    run.status = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString importSample(const QString &name)
{
    return QStringLiteral(WAYMARK_TEST_DATA "/import/") + name;
}

QJsonObject infoOf(const QString &path, const QString &workingDirectory)
{
    const Run info = runWaymark({u"info"_s, u"--json"_s, path}, workingDirectory);
    return QJsonDocument::fromJson(info.out.toUtf8()).object();
}

QJsonObject columnOf(const QJsonObject &dataset, const QString &name)
{
    for (const QJsonValue &c : dataset.value(u"columns"_s).toArray()) {
        if (c.toObject().value(u"name"_s).toString() == name)
            return c.toObject();
    }
    return {};
}

} // namespace

void TestCli::importSamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("type");

    QTest::newRow("qualtrics") << u"qualtrics.csv"_s << u"qualtrics"_s << 3 << u"Q1"_s << u"nps"_s
                               << u"integer"_s;
    QTest::newRow("surveymonkey") << u"surveymonkey.csv"_s << u"surveymonkey"_s << 2
                                  << u"Respondent ID"_s << u"key"_s << u"integer"_s;
    QTest::newRow("google forms") << u"google-forms.csv"_s << u"google-forms"_s << 3
                                  << u"Timestamp"_s << u"timestamp"_s << u"datetime"_s;
    QTest::newRow("typeform") << u"typeform.csv"_s << u"typeform"_s << 2 << u"#"_s << u"key"_s
                              << u"text"_s;
    QTest::newRow("shopify") << u"shopify-orders.csv"_s << u"shopify"_s << 3 << u"Total"_s
                             << u"revenue"_s << u"decimal"_s;
    QTest::newRow("ga4 funnel") << u"ga4-funnel.csv"_s << u"ga4-funnel"_s << 4 << u"Step"_s
                                << u"touchpoint"_s << u"text"_s;
    QTest::newRow("plain csv") << u"european.csv"_s << u"csv"_s << 2 << u"Score"_s << u"rating"_s
                               << u"decimal"_s;
    QTest::newRow("qualtrics workbook")
        << u"qualtrics.xlsx"_s << u"qualtrics"_s << 3 << u"Q1"_s << u"nps"_s << u"integer"_s;
}

void TestCli::importSamples()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, rows);
    QFETCH(QString, column);
    QFETCH(QString, role);
    QFETCH(QString, type);

    QVERIFY(copyFixture(u"valid.waymark"_s, u"import.waymark"_s));
    const QString data = fixture(u"import.waymark"_s);
    const Run run = runImport({data, importSample(file)}, mDir.path());
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Imported %1 row"_s.arg(rows)), qPrintable(run.out));

    const QJsonArray datasets = infoOf(data, mDir.path()).value(u"datasets"_s).toArray();
    QCOMPARE(datasets.size(), 1);
    const QJsonObject dataset = datasets[0].toObject();
    QCOMPARE(dataset.value(u"format"_s).toString(), format);
    QCOMPARE(dataset.value(u"rows"_s).toInt(), rows);
    QCOMPARE(dataset.value(u"name"_s).toString(), QFileInfo(file).completeBaseName());
    const QJsonObject c = columnOf(dataset, column);
    QCOMPARE(c.value(u"role"_s).toString(), role);
    QCOMPARE(c.value(u"type"_s).toString(), type);

    const Run check = runWaymark({u"check"_s, data}, mDir.path());
    QVERIFY2(check.exitCode == 0, qPrintable(check.out));
}

void TestCli::importWithOptions()
{
    QVERIFY(copyFixture(u"valid.waymark"_s, u"options.waymark"_s));
    const QString data = fixture(u"options.waymark"_s);
    const Run run =
        runImport({u"--name"_s, u"Checkout survey"_s, u"--format"_s, u"qualtrics"_s, u"--role"_s,
                   u"Q2=csat"_s, u"--role"_s, u"20=category"_s, u"--attach"_s, u"  pay BY card"_s,
                   data, importSample(u"qualtrics.csv"_s)},
                  mDir.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject dataset =
        infoOf(data, mDir.path()).value(u"datasets"_s).toArray().at(0).toObject();
    QCOMPARE(dataset.value(u"name"_s).toString(), u"Checkout survey"_s);
    QCOMPARE(columnOf(dataset, u"Q2"_s).value(u"role"_s).toString(), u"csat"_s);
    QCOMPARE(columnOf(dataset, u"Q3"_s).value(u"role"_s).toString(), u"category"_s);
    const QJsonArray attachments = dataset.value(u"attachments"_s).toArray();
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments[0].toObject().value(u"kind"_s).toString(), u"dataset"_s);
    QCOMPARE(attachments[0].toObject().value(u"touchpoint"_s).toString(), u"Pay by card"_s);

    // Row by row: the steps name no card of this project, and the summary says which.
    QVERIFY(copyFixture(u"valid.waymark"_s, u"steps.waymark"_s));
    QFile steps(fixture(u"steps.csv"_s));
    QVERIFY(steps.open(QIODevice::WriteOnly));
    steps.write("Where,Visitors\nAdvert,120\nsearch result ,80\nNewsletter,5\n");
    steps.close();
    const Run byColumn =
        runImport({u"--touchpoint-column"_s, u"1"_s, fixture(u"steps.waymark"_s), steps.fileName()},
                  mDir.path());
    QVERIFY2(byColumn.exitCode == 0, qPrintable(byColumn.err));
    QVERIFY2(byColumn.out.contains(u"name no touchpoint: Newsletter"_s), qPrintable(byColumn.out));
    const QJsonObject stepsSet = infoOf(fixture(u"steps.waymark"_s), mDir.path())
                                     .value(u"datasets"_s)
                                     .toArray()
                                     .at(0)
                                     .toObject();
    QCOMPARE(columnOf(stepsSet, u"Where"_s).value(u"role"_s).toString(), u"touchpoint"_s);
    QCOMPARE(stepsSet.value(u"attachments"_s).toArray().at(0).toObject().value(u"column"_s),
             QJsonValue(u"Where"_s));
}

void TestCli::importBadRows_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("words");

    QTest::newRow("skip") << u"skip"_s << 0 << u"Rejected 2 row"_s;
    QTest::newRow("keep") << u"keep"_s << 0 << u"Kept 2 row"_s;
    QTest::newRow("fail") << u"fail"_s << 1 << u"nothing was imported"_s;
}

void TestCli::importBadRows()
{
    QFETCH(QString, policy);
    QFETCH(int, exitCode);
    QFETCH(QString, words);

    QVERIFY(copyFixture(u"valid.waymark"_s, u"badrows.waymark"_s));
    const QString data = fixture(u"badrows.waymark"_s);
    const QByteArray before = fileBytes(data);
    const Run run =
        runImport({u"--on-bad-rows"_s, policy, data, importSample(u"bad/wrong-field-counts.csv"_s)},
                  mDir.path());
    QCOMPARE(run.exitCode, exitCode);
    const QString output = run.out + run.err;
    QVERIFY2(output.contains(words), qPrintable(output));
    // Every bad row is listed with its place, whatever the policy.
    QVERIFY2(output.contains(u"row 3 (line 3)"_s), qPrintable(output));
    QVERIFY2(output.contains(u"row 4 (line 4)"_s), qPrintable(output));
    if (exitCode != 0)
        QCOMPARE(fileBytes(data), before);
}

void TestCli::importRefusesBadInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("words");

    QTest::newRow("empty") << u"empty.csv"_s << u"empty"_s;
    QTest::newRow("blank lines") << u"bom-and-blank-lines.csv"_s << u"no rows"_s;
    QTest::newRow("header only") << u"header-only.csv"_s << u"no rows of data"_s;
    QTest::newRow("binary") << u"binary.png"_s << u"binary"_s;
    QTest::newRow("nul bytes") << u"nul-bytes.csv"_s << u"binary"_s;
    QTest::newRow("invalid utf-8 chosen") << u"invalid-utf8.csv"_s << u"utf-8"_s;
    QTest::newRow("stray quote") << u"stray-quote.csv"_s << u"quote mark"_s;
    QTest::newRow("unterminated quote") << u"unterminated-quote.csv"_s << u"never closed"_s;
    QTest::newRow("100,000 columns") << u"too-many-columns.csv"_s << u"columns"_s;
    QTest::newRow("a 10 MB field") << u"<huge field>"_s << u"larger than"_s;
    QTest::newRow("missing") << u"no-such-file.csv"_s << u"cannot be read"_s;
}

void TestCli::importRefusesBadInput()
{
    QFETCH(QString, file);
    QFETCH(QString, words);

    QVERIFY(copyFixture(u"valid.waymark"_s, u"refuse.waymark"_s));
    const QString data = fixture(u"refuse.waymark"_s);
    const QByteArray before = fileBytes(data);
    // Bytes that are not UTF-8 are read as Windows-1252, unless UTF-8 is chosen.
    const QStringList encoding =
        file == u"invalid-utf8.csv"_s ? QStringList{u"--encoding"_s, u"utf-8"_s} : QStringList();
    QString source = importSample(u"bad/"_s + file);
    if (file == u"<huge field>"_s) {
        QFile huge(fixture(u"huge.csv"_s));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        huge.write("id,comment\n1," + QByteArray(10 * 1024 * 1024, 'x') + "\n");
        source = huge.fileName();
    }
    const Run run = runImport(encoding + QStringList{data, source}, mDir.path());
    QVERIFY(run.finished);
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(u"waymark: "_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(words, Qt::CaseInsensitive), qPrintable(run.err));
    QCOMPARE(fileBytes(data), before);
    QVERIFY(QDir(mDir.path()).entryList({u"*.saving"_s}, QDir::Files | QDir::Hidden).isEmpty());
}

void TestCli::importUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments"); // before FILE DATA
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("words");

    QTest::newRow("unknown format")
        << QStringList{u"--format"_s, u"excel"_s} << 2 << u"Unknown format 'excel'"_s;
    QTest::newRow("unknown encoding")
        << QStringList{u"--encoding"_s, u"ebcdic"_s} << 2 << u"Unknown encoding"_s;
    QTest::newRow("unknown delimiter")
        << QStringList{u"--delimiter"_s, u"::"_s} << 2 << u"Unknown delimiter"_s;
    QTest::newRow("bad header rows")
        << QStringList{u"--header-rows"_s, u"two"_s} << 2 << u"--header-rows"_s;
    QTest::newRow("unknown role") << QStringList{u"--role"_s, u"Q1=score"_s} << 2
                                  << u"COLUMN=ROLE"_s;
    QTest::newRow("unknown column")
        << QStringList{u"--role"_s, u"Q9=nps"_s} << 2 << u"no column “Q9”"_s;
    QTest::newRow("both attachments")
        << QStringList{u"--attach"_s, u"Advert"_s, u"--touchpoint-column"_s, u"Q1"_s} << 2
        << u"cannot be used together"_s;
    QTest::newRow("bad policy") << QStringList{u"--on-bad-rows"_s, u"ignore"_s} << 2
                                << u"skip, keep or fail"_s;
    QTest::newRow("no such touchpoint")
        << QStringList{u"--attach"_s, u"Nowhere"_s} << 1 << u"no touchpoint “Nowhere”"_s;
    QTest::newRow("a sheet of a text file")
        << QStringList{u"--sheet"_s, u"Responses"_s} << 1 << u"not an Excel workbook"_s;
}

void TestCli::importUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, words);

    QVERIFY(copyFixture(u"valid.waymark"_s, u"usage.waymark"_s));
    const QString data = fixture(u"usage.waymark"_s);
    const QByteArray before = fileBytes(data);
    const Run run =
        runImport(arguments + QStringList{data, importSample(u"qualtrics.csv"_s)}, mDir.path());
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(words), qPrintable(run.err));
    QCOMPARE(fileBytes(data), before);
}

void TestCli::importNextWave()
{
    QVERIFY(copyFixture(u"valid.waymark"_s, u"waves.waymark"_s));
    const QString data = fixture(u"waves.waymark"_s);
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(fixture(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return f.fileName();
    };
    const QString first = write(u"wave1.csv"_s, "id,score\n1,5\n2,6\n");
    const QString second = write(u"wave2.csv"_s, "id,score\n2,9\n3,7\n");
    QCOMPARE(
        runImport({u"--name"_s, u"Pulse"_s, u"--role"_s, u"id=key"_s, data, first}, mDir.path())
            .exitCode,
        0);
    const Run run = runImport({u"--name"_s, u"Pulse"_s, data, second}, mDir.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Replaced 1 row"_s), qPrintable(run.out));
    const QJsonArray datasets = infoOf(data, mDir.path()).value(u"datasets"_s).toArray();
    QCOMPARE(datasets.size(), 1);
    QCOMPARE(datasets[0].toObject().value(u"rows"_s).toInt(), 3);
}

void TestCli::importKilledMidway()
{
    // A file large enough for the import to take a while; killed at any moment, the project
    // holds the whole dataset or none of it.
    QFile csv(fixture(u"large.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("id,score,comment\n");
    QByteArray chunk;
    constexpr int rows = 150000;
    for (int i = 1; i <= rows; ++i) {
        chunk += QByteArray::number(i) + ',' + QByteArray::number(i % 11) + ",fine\n";
        if (chunk.size() > 1 << 20) {
            csv.write(chunk);
            chunk.clear();
        }
    }
    csv.write(chunk);
    csv.close();

    QVERIFY(copyFixture(u"valid.waymark"_s, u"killed.waymark"_s));
    const QString data = fixture(u"killed.waymark"_s);
    const QByteArray before = fileBytes(data);
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"none"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home.path());

    int untouched = 0;
    int complete = 0;
    for (int delay : {0, 30, 100, 250, 500, 900, 1500, 2500, 4000}) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(WAYMARK_EXE),
                      {u"import"_s, u"--name"_s, u"Large"_s, data, csv.fileName()});
        QVERIFY(process.waitForStarted());
        QTest::qWait(delay);
        process.kill();
        process.waitForFinished();

        const QByteArray after = fileBytes(data);
        if (after == before) {
            ++untouched;
            continue;
        }
        const QJsonArray datasets = infoOf(data, mDir.path()).value(u"datasets"_s).toArray();
        QCOMPARE(datasets.size(), 1);
        QCOMPARE(datasets[0].toObject().value(u"rows"_s).toInt(), rows);
        QCOMPARE(runWaymark({u"check"_s, data}, mDir.path()).exitCode, 0);
        ++complete;
        // Start again from the old file, so that each kill meets the same work.
        QVERIFY(copyFixture(u"valid.waymark"_s, u"killed.waymark"_s));
    }
    qInfo() << "killed imports:" << untouched << "left the file as it was," << complete
            << "had finished";
    QVERIFY(untouched > 0);

    // Left to finish, the same import writes every row.
    const Run whole = runImport({u"--name"_s, u"Large"_s, data, csv.fileName()}, mDir.path());
    QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
    const QJsonArray datasets = infoOf(data, mDir.path()).value(u"datasets"_s).toArray();
    QCOMPARE(datasets.size(), 1);
    QCOMPARE(datasets[0].toObject().value(u"rows"_s).toInt(), rows);
}

namespace {

// The number of pages of a PDF as Qt writes it: one uncompressed page object each.
qsizetype pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(u"/Type\\s*/Page(?![a-zA-Z])"_s);
    qsizetype count = 0;
    auto it = page.globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

} // namespace

void TestCli::exportPdf_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("pages");

    QTest::newRow("every persona") << QStringList() << u"all.pdf"_s << 2;
    QTest::newRow("one, by name in another case")
        << QStringList{u"--persona"_s, u"björn BERG"_s} << u"bjorn.pdf"_s << 1;
    QTest::newRow("both, named twice")
        << QStringList{u"--persona"_s, u"Björn Berg"_s, u"--persona"_s,
                       u"Ana Souza"_s, u"--persona"_s,  u"ana souza"_s}
        << u"named.pdf"_s << 2;
    QTest::newRow("--format pdf whatever the name")
        << QStringList{u"--format"_s, u"pdf"_s} << u"sheets.out"_s << 2;
}

void TestCli::exportPdf()
{
    QFETCH(QStringList, options);
    QFETCH(QString, output);
    QFETCH(int, pages);

    const QString out = fixture(output);
    const Run run = runWaymark(QStringList{u"export"_s, u"--personas"_s, out} + options +
                                   QStringList{fixture(u"valid.waymark"_s)},
                               mDir.path());
    QVERIFY(run.finished);
    QCOMPARE(run.status, QProcess::NormalExit);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(out), qPrintable(run.out));

    const QByteArray pdf = fileBytes(out);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QCOMPARE(pdfPageCount(pdf), qsizetype(pages));
    // Nothing is left beside it from the atomic write.
    QCOMPARE(QDir(mDir.path()).entryList({output + u".*"_s}, QDir::Files), QStringList());
}

void TestCli::exportPng()
{
    const QString folder = fixture(u"sheets"_s); // made by the command
    const Run run = runWaymark({u"export"_s, fixture(u"valid.waymark"_s), u"--personas"_s, folder},
                               mDir.path());
    QVERIFY(run.finished);
    QCOMPARE(run.status, QProcess::NormalExit);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    const QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{u"Ana Souza.png"_s, u"Björn Berg.png"_s}));
    for (const QString &name : files) {
        const QImage image(QDir(folder).filePath(name));
        QVERIFY2(!image.isNull(), qPrintable(name));
        // A4 at 150 dpi.
        QCOMPARE(image.size(), QSize(1240, 1754));
        QVERIFY(qAbs(image.dotsPerMeterX() - 5906) <= 1);
        // A page, not a blank: the band at the top is in colour, the page below it white.
        QVERIFY(image.pixelColor(20, 20) != QColor(Qt::white));
        QCOMPARE(image.pixelColor(20, 1200), QColor(Qt::white));
        QVERIFY2(run.out.contains(name), qPrintable(run.out));
    }

    // Exported again, the files are replaced rather than numbered.
    const Run again = runWaymark({u"export"_s, fixture(u"valid.waymark"_s), u"--personas"_s, folder,
                                  u"--format"_s, u"PNG"_s},
                                 mDir.path());
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 2);
}

void TestCli::exportRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown persona")
        << QStringList{u"export"_s,    u"--personas"_s,  u"%DIR%/x.pdf"_s,
                       u"--persona"_s, u"Nobody Here"_s, u"%DIR%/valid.waymark"_s}
        << 1 << u"There is no persona 'Nobody Here'. The personas are: Ana Souza, Björn Berg."_s;
    QTest::newRow("output cannot be written")
        << QStringList{u"export"_s, u"--personas"_s, u"%DIR%/missing/folder/x.pdf"_s,
                       u"%DIR%/valid.waymark"_s}
        << 1 << u"waymark: %DIR%/missing/folder/x.pdf: "_s;
    QTest::newRow("no --personas")
        << QStringList{u"export"_s, u"%DIR%/valid.waymark"_s} << 2 << u"Nothing to export"_s;
    QTest::newRow("unknown format")
        << QStringList{u"export"_s,   u"--personas"_s, u"%DIR%/x"_s,
                       u"--format"_s, u"svg"_s,        u"%DIR%/valid.waymark"_s}
        << 2 << u"Unknown format 'svg'"_s;
    QTest::newRow("PNG into a file")
        << QStringList{u"export"_s, u"--personas"_s, u"%DIR%/notes.txt"_s, u"%DIR%/valid.waymark"_s}
        << 2 << u"is a file"_s;
    QTest::newRow("no FILE") << QStringList{u"export"_s, u"--personas"_s, u"%DIR%/x.pdf"_s} << 2
                             << u"FILE is missing"_s;
    QTest::newRow("two FILEs") << QStringList{u"export"_s, u"--personas"_s, u"%DIR%/x.pdf"_s,
                                              u"%DIR%/valid.waymark"_s, u"%DIR%/valid.waymark"_s}
                               << 2 << u"Unexpected argument"_s;
    QTest::newRow("unknown option")
        << QStringList{u"export"_s, u"--map"_s, u"%DIR%/valid.waymark"_s} << 2
        << u"Unknown option 'map'"_s;
    QTest::newRow("not a project")
        << QStringList{u"export"_s, u"--personas"_s, u"%DIR%/x.pdf"_s, u"%DIR%/notes.txt"_s} << 2
        << u"waymark: %DIR%/notes.txt: "_s;
}

void TestCli::exportRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    for (QString &argument : arguments)
        argument.replace(u"%DIR%"_s, mDir.path());
    const Run run = runWaymark(arguments, mDir.path());
    QVERIFY(run.finished);
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message.replace(u"%DIR%"_s, mDir.path())), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFileInfo::exists(fixture(u"x.pdf"_s)));
}

// stats on a project without datasets: every touchpoint, with no measure.
void TestCli::statsWithoutData()
{
    const Run run = runWaymark({u"stats"_s, u"--json"_s, fixture(u"valid.waymark"_s)}, mDir.path());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const QJsonArray touchpoints = json.value(u"touchpoints"_s).toArray();
    qsizetype cards = 0;
    for (const JourneyMap &map : std::as_const(mProject.maps))
        cards += map.touchpoints.size();
    QCOMPARE(touchpoints.size(), cards);
    QVERIFY(cards > 0);
    const QJsonObject first = touchpoints.first().toObject();
    for (const QString &key : {u"id"_s, u"map"_s, u"stage"_s, u"title"_s, u"rows"_s, u"flags"_s})
        QVERIFY2(first.contains(key), qPrintable(key));
    QCOMPARE(first.value(u"rows"_s).toInt(), 0);
    for (const QString &key :
         {u"nps"_s, u"csat"_s, u"ces"_s, u"rating"_s, u"conversion"_s, u"revenue"_s})
        QVERIFY2(first.value(key).isNull(), qPrintable(key));

    const Run text = runWaymark({u"stats"_s, fixture(u"valid.waymark"_s)}, mDir.path());
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(u"0 rows"_s), qPrintable(text.out));
}

void TestCli::statsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("no map of that name")
        << QStringList{u"stats"_s, u"--map"_s, u"Nowhere"_s, u"%DIR%/valid.waymark"_s} << 1
        << u"no map “Nowhere”"_s;
    QTest::newRow("segment without =")
        << QStringList{u"stats"_s, u"--segment"_s, u"Region"_s, u"%DIR%/valid.waymark"_s} << 2
        << u"COLUMN=VALUE"_s;
    QTest::newRow("bad date") << QStringList{u"stats"_s, u"--from"_s, u"1 March"_s,
                                             u"%DIR%/valid.waymark"_s}
                              << 2 << u"YYYY-MM-DD"_s;
    QTest::newRow("not a project")
        << QStringList{u"stats"_s, u"%DIR%/notes.txt"_s} << 2 << u"waymark: %DIR%/notes.txt: "_s;
    QTest::newRow("no FILE") << QStringList{u"stats"_s, u"--json"_s} << 2 << u"FILE is missing"_s;
}

void TestCli::statsRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    for (QString &argument : arguments)
        argument.replace(u"%DIR%"_s, mDir.path());
    const Run run = runWaymark(arguments, mDir.path());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message.replace(u"%DIR%"_s, mDir.path())), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)

#include "tst_cli.moc"
