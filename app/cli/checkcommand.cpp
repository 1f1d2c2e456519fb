// waymark check: every problem of a project file, one per line, for people and scripts.
#include "commandline.h"
#include "storage/projectfile.h"
#include "subcommand.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Waymark::Cli {

namespace {

// Codes for which the file could not be examined at all, as opposed to one with problems.
bool isUnopenable(StorageErrorCode code)
{
    switch (code) {
    case StorageErrorCode::CannotRead:
    case StorageErrorCode::NotSqlite:
    case StorageErrorCode::NotWaymark:
    case StorageErrorCode::NewerFormat:
        return true;
    default:
        return false;
    }
}

int runCheck(const QCommandLineParser &parser, Console &console)
{
    const QString path = parser.positionalArguments().constFirst();

    const ProjectFile::CheckReport report = ProjectFile::check(path);
    if (isUnopenable(report.fatal.code)) {
        fileError(console, path, report.fatal.message);
        return UsageOrUnreadable;
    }

    const auto printProblem = [&](const QString &where, const QString &what) {
        console.out << path << u": "_s << where << u": "_s << what << u'\n';
    };
    for (const ProjectFile::Problem &problem : report.problems)
        printProblem(problem.where, problem.what);

    // A fatal error stopped the check early: say so, since the list may be incomplete.
    if (report.fatal) {
        printProblem(QCoreApplication::translate("Waymark::Cli", "file"), report.fatal.message);
        return Refused;
    }
    if (!report.problems.isEmpty())
        return Refused;

    // The counts come from reading the project, which check() does not hand back.
    StorageError error;
    const std::optional<Project> project = ProjectFile::read(path, &error);
    if (!project) {
        printProblem(QCoreApplication::translate("Waymark::Cli", "file"), error.message);
        return Refused;
    }

    qsizetype touchpoints = 0;
    for (const JourneyMap &map : project->maps)
        touchpoints += map.touchpoints.size();
    console.out << QCoreApplication::translate("Waymark::Cli",
                                               "%1: OK (format %2, %3 maps, %4 touchpoints)")
                       .arg(path)
                       .arg(report.formatVersion)
                       .arg(project->maps.size())
                       .arg(touchpoints)
                << u'\n';
    return Success;
}

} // namespace

Subcommand checkCommand()
{
    Subcommand command;
    command.name = u"check"_s;
    command.summary = QCoreApplication::translate(
        "Waymark::Cli", "Check a project file and list every problem found.");
    command.synopsis = QCoreApplication::translate("Waymark::Cli", "FILE");
    command.description = QCoreApplication::translate(
        "Waymark::Cli",
        "Checks the project FILE without changing it: SQLite's integrity and foreign key\n"
        "checks, the schema (tables, views, triggers or indexes Waymark did not create),\n"
        "values out of range, and references between entities that do not resolve.\n"
        "Prints \"FILE: OK (format N, M maps, T touchpoints)\" when it is clean, and\n"
        "otherwise one line \"FILE: where: what\" per problem on standard output.");
    command.positionals = {QCoreApplication::translate("Waymark::Cli", "FILE")};
    command.exitStatus = QCoreApplication::translate(
        "Waymark::Cli",
        "  0  no problem found\n"
        "  1  problems were found (listed on standard output)\n"
        "  2  a usage error, or FILE cannot be examined at all: it is missing or\n"
        "     unreadable, not an SQLite database, another program's database, or made by a\n"
        "     newer Waymark\n");
    command.run = runCheck;
    return command;
}

} // namespace Waymark::Cli
