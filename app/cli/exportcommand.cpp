// waymark export: persona sheets of a project as a PDF or as one PNG per persona, for a
// workshop's wall or a script that builds a report. Painting needs a QGuiApplication, which
// run() in commandline.cpp starts on the offscreen platform for this command.
#include "commandline.h"
#include "personasheet.h"
#include "storage/projectfile.h"
#include "subcommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Waymark::Cli {

namespace {

// The personas named on the command line, in the order given, each once: a name matches
// case-insensitively, an id (with or without braces) exactly. Names that match none are
// appended to unknown.
QList<Persona> selectPersonas(const QList<Persona> &library, const QStringList &wanted,
                              QStringList *unknown)
{
    if (wanted.isEmpty())
        return library;

    QList<Persona> selected;
    QSet<Id> seen;
    for (const QString &word : wanted) {
        const QUuid asId = QUuid::fromString(word);
        bool found = false;
        for (const Persona &persona : library) {
            const bool match = asId.isNull()
                                   ? persona.name.compare(word.trimmed(), Qt::CaseInsensitive) == 0
                                   : persona.id == asId;
            if (!match)
                continue;
            found = true;
            if (!seen.contains(persona.id)) {
                seen.insert(persona.id);
                selected.append(persona);
            }
        }
        if (!found)
            unknown->append(word);
    }
    return selected;
}

int runExport(const QCommandLineParser &parser, Console &console)
{
    const QString path = parser.positionalArguments().constFirst();
    const QString out = parser.value(u"personas"_s);
    if (out.isEmpty()) {
        return usageError(console, u"export"_s,
                          QCoreApplication::translate(
                              "Waymark::Cli",
                              "Nothing to export: give --personas OUT.PDF or --personas FOLDER."));
    }

    QString format = parser.value(u"format"_s).toLower();
    if (format.isEmpty())
        format = out.endsWith(u".pdf"_s, Qt::CaseInsensitive) ? u"pdf"_s : u"png"_s;
    if (format != u"pdf"_s && format != u"png"_s) {
        return usageError(
            console, u"export"_s,
            QCoreApplication::translate("Waymark::Cli", "Unknown format '%1': use pdf or png.")
                .arg(parser.value(u"format"_s)));
    }
    if (format == u"png"_s && QFileInfo(out).isFile()) {
        return usageError(
            console, u"export"_s,
            QCoreApplication::translate(
                "Waymark::Cli", "'%1' is a file: PNG sheets go into a folder, one per persona.")
                .arg(out));
    }

    StorageError storageError;
    const std::optional<Project> project = ProjectFile::read(path, &storageError);
    if (!project) {
        fileError(console, path, storageError.message);
        return UsageOrUnreadable;
    }

    QStringList unknown;
    const QList<Persona> personas =
        selectPersonas(project->personas, parser.values(u"persona"_s), &unknown);
    if (!unknown.isEmpty()) {
        QStringList names;
        for (const Persona &persona : project->personas)
            names.append(persona.name);
        fileError(console, path,
                  QCoreApplication::translate("Waymark::Cli",
                                              "There is no persona '%1'. The personas are: %2.")
                      .arg(unknown.constFirst(),
                           names.isEmpty() ? QCoreApplication::translate("Waymark::Cli", "none")
                                           : names.join(u", "_s)));
        return Refused;
    }
    if (personas.isEmpty()) {
        fileError(
            console, path,
            QCoreApplication::translate("Waymark::Cli", "The project has no personas to export."));
        return Refused;
    }

    QString error;
    if (format == u"pdf"_s) {
        if (!PersonaSheet::writePdf(out, *project, personas, &error)) {
            fileError(console, out, error);
            return Refused;
        }
        // Spelled out for one and for many, so that English reads right without a translation.
        const QString pages =
            personas.size() == 1
                ? QCoreApplication::translate("Waymark::Cli", "Wrote %1 (1 page)")
                : QCoreApplication::translate("Waymark::Cli", "Wrote %1 (%n pages)", nullptr,
                                              int(personas.size()));
        console.out << pages.arg(out) << u'\n';
        return Success;
    }

    QStringList written;
    const bool ok = PersonaSheet::writePngs(out, *project, personas, &written, &error);
    for (const QString &file : std::as_const(written))
        console.out << QCoreApplication::translate("Waymark::Cli", "Wrote %1").arg(file) << u'\n';
    if (!ok) {
        fileError(console, out, error);
        return Refused;
    }
    return Success;
}

} // namespace

Subcommand exportCommand()
{
    Subcommand command;
    command.name = u"export"_s;
    command.summary =
        QCoreApplication::translate("Waymark::Cli", "Export persona sheets as PDF or PNG.");
    command.synopsis = QCoreApplication::translate(
        "Waymark::Cli", "--personas OUT [--format pdf|png] [--persona NAME]... FILE");
    command.description = QCoreApplication::translate(
        "Waymark::Cli",
        "Writes the persona sheets of the project FILE: one A4 page per persona, with its\n"
        "photo, quote, profile, goals and needs, channels, B2B facts and journeys.\n"
        "OUT ending in .pdf gets one PDF of every page; any other OUT is a folder (made if\n"
        "missing) that gets one PNG at 150 dpi per persona, named after it. --format says\n"
        "which whatever OUT's name. --persona, repeated, picks personas by name (any case)\n"
        "or id, in the order given; without it every persona is exported, in library\n"
        "order. Existing files of the same name are replaced.");
    command.options = {
        QCommandLineOption(
            u"personas"_s,
            QCoreApplication::translate("Waymark::Cli", "Write the persona sheets to OUT."),
            u"OUT"_s),
        QCommandLineOption(
            u"format"_s,
            QCoreApplication::translate("Waymark::Cli", "pdf or png; by default from OUT's name."),
            u"FORMAT"_s),
        QCommandLineOption(
            u"persona"_s,
            QCoreApplication::translate("Waymark::Cli", "Export only this persona (repeatable)."),
            u"NAME"_s),
    };
    command.positionals = {QCoreApplication::translate("Waymark::Cli", "FILE")};
    command.exitStatus = QCoreApplication::translate(
        "Waymark::Cli",
        "  0  the sheets were written\n"
        "  1  refused: no persona of a --persona name, no personas at all, or OUT cannot be\n"
        "     written\n"
        "  2  a usage error, or FILE cannot be opened as a Waymark project\n");
    command.run = runExport;
    return command;
}

} // namespace Waymark::Cli
