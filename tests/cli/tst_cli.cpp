// The command line, driven through the real waymark executable as scripts use it: exit
// codes, messages, the JSON of `info`, and the files `new` leaves behind.
#include "commandline.h"
#include "entities.h"
#include "storage/projectfile.h"

#include <QDir>
#include <QFile>
#include <QHash>
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

QTEST_GUILESS_MAIN(TestCli)

#include "tst_cli.moc"
