// waymark new: a project file from a built-in template or from another project file.
#include "commandline.h"
#include "storage/projectfile.h"
#include "subcommand.h"
#include "templates.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Waymark::Cli {

namespace {

const QString defaultTemplate = u"blank"_s;

int runNew(const QCommandLineParser &parser, Console &console)
{
    const QString path = parser.positionalArguments().constFirst();
    const QString templateName =
        parser.isSet(u"template"_s) ? parser.value(u"template"_s) : defaultTemplate;

    // A built-in name wins over a file of the same name in the current folder ("./b2b" reaches
    // the file); anything else that is not a file is a mistyped name, not a missing file.
    const QStringList builtIn = Templates::names();
    if (!builtIn.contains(templateName) && !looksLikePath(templateName) &&
        !QFileInfo::exists(templateName)) {
        console.err << QCoreApplication::translate("Waymark::Cli",
                                                   "waymark new: there is no template called '%1'.")
                           .arg(templateName)
                    << u'\n';
        console.err << QCoreApplication::translate("Waymark::Cli",
                                                   "The built-in templates are: %1. A project "
                                                   "file can serve as one too: give its path.")
                           .arg(builtIn.join(u", "_s))
                    << u'\n';
        return Refused;
    }

    const QFileInfo target(path);
    if ((target.exists() || target.isSymLink()) && !parser.isSet(u"force"_s)) {
        fileError(console, path,
                  QCoreApplication::translate("Waymark::Cli",
                                              "The file already exists; it was left as it was. "
                                              "Use --force to replace it."));
        return Refused;
    }

    StorageError error;
    const std::optional<Project> project = Templates::instantiate(templateName, &error);
    if (!project) {
        fileError(console, templateName, error.message);
        return UsageOrUnreadable;
    }

    if (!ProjectFile::write(*project, path, &error)) {
        fileError(console, path, error.message);
        return UsageOrUnreadable;
    }

    console.out << QCoreApplication::translate("Waymark::Cli", "Created %1 from template %2")
                       .arg(path, templateName)
                << u'\n';
    return Success;
}

} // namespace

Subcommand newCommand()
{
    Subcommand command;
    command.name = u"new"_s;
    command.summary =
        QCoreApplication::translate("Waymark::Cli", "Create a project file from a template.");
    command.synopsis =
        QCoreApplication::translate("Waymark::Cli", "[--template NAME|PATH] [--force] FILE");
    command.description =
        QCoreApplication::translate(
            "Waymark::Cli",
            "Creates the project file FILE from a template, %1 unless --template names\n"
            "another. Any project file can serve as a template too: give its path (one with\n"
            "a slash or ending in .waymark), and the new project gets new ids. An existing\n"
            "FILE is left alone unless --force is given.\n"
            "\n"
            "Built-in templates: %2")
            .arg(defaultTemplate, Templates::names().join(u", "_s));
    command.options = {
        QCommandLineOption({u"t"_s, u"template"_s},
                           QCoreApplication::translate(
                               "Waymark::Cli", "The template: a built-in name or a project file."),
                           QCoreApplication::translate("Waymark::Cli", "NAME|PATH")),
        QCommandLineOption({u"f"_s, u"force"_s}, QCoreApplication::translate(
                                                     "Waymark::Cli", "Replace FILE if it exists.")),
    };
    command.positionals = {QCoreApplication::translate("Waymark::Cli", "FILE")};
    command.exitStatus = QCoreApplication::translate(
        "Waymark::Cli",
        "  0  FILE was created\n"
        "  1  refused: FILE exists and --force was not given, or there is no built-in\n"
        "     template of that NAME\n"
        "  2  a usage error, a template PATH that cannot be opened as a project, or FILE\n"
        "     cannot be written\n");
    command.run = runNew;
    return command;
}

} // namespace Waymark::Cli
