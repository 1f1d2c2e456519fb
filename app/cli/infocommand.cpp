// waymark info: what a project file holds, for people or (with --json) for scripts.
#include "commandline.h"
#include "projectjson.h"
#include "storage/projectfile.h"
#include "subcommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Waymark::Cli {

namespace {

// The format version of the file as it is on disk. SQLite keeps PRAGMA user_version as a
// big-endian 32-bit number at offset 60 of the database header; reading it there spares a
// second pass of ProjectFile::check() over a file that read() has just examined.
int formatVersionOnDisk(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray header = file.read(64);
    if (header.size() < 64)
        return 0;
    return qFromBigEndian<qint32>(header.constData() + 60);
}

QString laneText(const Lane &lane)
{
    // Most lanes are named after their kind; the kind is only worth saying when it is not.
    const QString kind = displayName(lane.kind);
    if (lane.name.compare(kind, Qt::CaseInsensitive) == 0)
        return lane.name;
    return QCoreApplication::translate("Waymark::Cli", "%1 (%2)").arg(lane.name, kind);
}

// "Priya Shah (11), George Whitfield (9)": the number of steps of each persona's path.
QString pathLengths(const JourneyMap &map, const QList<Persona> &personas)
{
    QStringList lengths;
    for (const PersonaPathView &path : personaPaths(map, personas)) {
        const QString name = path.personaName.isEmpty()
                                 ? QCoreApplication::translate("Waymark::Cli", "unknown persona")
                                 : path.personaName;
        lengths.append(QCoreApplication::translate("Waymark::Cli", "%1 (%2)")
                           .arg(name)
                           .arg(path.steps.size()));
    }
    if (lengths.isEmpty())
        return QCoreApplication::translate("Waymark::Cli", "none");
    return lengths.join(u", "_s);
}

void printSummary(const Project &project, int formatVersion, QTextStream &out)
{
    out << QCoreApplication::translate("Waymark::Cli", "Project: %1").arg(project.name) << u'\n';
    out << QCoreApplication::translate("Waymark::Cli", "Format version: %1").arg(formatVersion)
        << u'\n';
    out << QCoreApplication::translate("Waymark::Cli", "Maps: %1").arg(project.maps.size())
        << u'\n';

    for (const JourneyMap &map : project.maps) {
        QStringList stages;
        for (const Stage &stage : map.stages)
            stages.append(stage.name);
        QStringList lanes;
        for (const Lane &lane : map.lanes)
            lanes.append(laneText(lane));

        out << u'\n'
            << QCoreApplication::translate("Waymark::Cli", "Map: %1 (%2)")
                   .arg(map.name, displayName(map.kind))
            << u'\n';
        out << u"  "_s
            << QCoreApplication::translate("Waymark::Cli", "Stages: %1").arg(stages.join(u", "_s))
            << u'\n';
        out << u"  "_s
            << QCoreApplication::translate("Waymark::Cli", "Lanes: %1").arg(lanes.join(u", "_s))
            << u'\n';
        out << u"  "_s
            << QCoreApplication::translate("Waymark::Cli", "Touchpoints: %1")
                   .arg(map.touchpoints.size())
            << u'\n';
        out << u"  "_s
            << QCoreApplication::translate("Waymark::Cli", "Connectors: %1")
                   .arg(map.connectors.size())
            << u'\n';
        out << u"  "_s
            << QCoreApplication::translate("Waymark::Cli", "Path lengths: %1")
                   .arg(pathLengths(map, project.personas))
            << u'\n';
    }

    out << u'\n'
        << QCoreApplication::translate("Waymark::Cli", "Personas: %1").arg(project.personas.size())
        << u'\n';
    for (const Persona &persona : project.personas)
        out << u"  "_s << persona.name << u'\n';

    out << u'\n'
        << QCoreApplication::translate("Waymark::Cli", "Datasets: %1").arg(project.datasets.size())
        << u'\n';
    for (const Dataset &dataset : project.datasets) {
        out << u"  "_s
            << QCoreApplication::translate("Waymark::Cli", "%1 (%2): %3 rows, %4 columns")
                   .arg(dataset.name, dataset.format)
                   .arg(dataset.rowCount)
                   .arg(dataset.columns.size())
            << u'\n';
    }
}

int runInfo(const QCommandLineParser &parser, Console &console)
{
    const QString path = parser.positionalArguments().constFirst();

    StorageError error;
    const std::optional<Project> project = ProjectFile::read(path, &error);
    if (!project) {
        fileError(console, path, error.message);
        return UsageOrUnreadable;
    }

    const int formatVersion = formatVersionOnDisk(path);
    if (parser.isSet(u"json"_s)) {
        const QJsonDocument json(projectToJson(*project, formatVersion));
        const auto format =
            parser.isSet(u"compact"_s) ? QJsonDocument::Compact : QJsonDocument::Indented;
        console.out << QString::fromUtf8(json.toJson(format));
        if (format == QJsonDocument::Compact)
            console.out << u'\n';
    } else {
        printSummary(*project, formatVersion, console.out);
    }
    return Success;
}

} // namespace

Subcommand infoCommand()
{
    Subcommand command;
    command.name = u"info"_s;
    command.summary = QCoreApplication::translate(
        "Waymark::Cli", "Describe the maps, personas and data of a project.");
    command.synopsis = QCoreApplication::translate("Waymark::Cli", "[--json [--compact]] FILE");
    command.description = QCoreApplication::translate(
        "Waymark::Cli",
        "Prints what the project FILE holds: its format version, each map with its kind,\n"
        "stages, lanes, touchpoints, connectors and the length of each persona's path,\n"
        "its personas and its datasets.\n"
        "With --json the same as a JSON object for scripts, whose fields are only ever\n"
        "added to in later versions, never renamed or removed.");
    command.options = {
        QCommandLineOption(
            u"json"_s, QCoreApplication::translate("Waymark::Cli", "Print JSON instead of text.")),
        QCommandLineOption(u"compact"_s, QCoreApplication::translate(
                                             "Waymark::Cli", "With --json: print it on one line.")),
    };
    command.positionals = {QCoreApplication::translate("Waymark::Cli", "FILE")};
    command.exitStatus = QCoreApplication::translate(
        "Waymark::Cli",
        "  0  the project was described\n"
        "  2  a usage error, or FILE cannot be opened as a Waymark project (missing, not a\n"
        "     project, made by a newer Waymark, damaged, or holding foreign objects)\n");
    command.run = runInfo;
    return command;
}

} // namespace Waymark::Cli
