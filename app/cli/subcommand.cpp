#include "subcommand.h"
#include "commandline.h"
#include "storage/projectfile.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Waymark::Cli {

namespace {

QCommandLineOption helpOption()
{
    return QCommandLineOption({u"h"_s, u"help"_s},
                              QCoreApplication::translate("Waymark::Cli", "Show this help."));
}

QString optionSyntax(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names.append(name.size() == 1 ? u"-"_s + name : u"--"_s + name);

    QString syntax = names.join(u", "_s);
    if (!option.valueName().isEmpty())
        syntax += u" <"_s + option.valueName() + u'>';
    return syntax;
}

} // namespace

Console::Console()
    : out(stdout, QIODevice::WriteOnly)
    , err(stderr, QIODevice::WriteOnly)
{
    // QTextStream writes UTF-8 by default in Qt 6; said here because scripts depend on it.
    out.setEncoding(QStringConverter::Utf8);
    err.setEncoding(QStringConverter::Utf8);
}

QList<Subcommand> subcommands()
{
    return {newCommand(),    infoCommand(),   checkCommand(),
            importCommand(), exportCommand(), statsCommand()};
}

int runSubcommand(const Subcommand &command, const QStringList &args, Console &console)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help = helpOption();
    parser.addOption(help);
    for (const QCommandLineOption &option : command.options)
        parser.addOption(option);

    // parse() skips the first word as the program's name.
    if (!parser.parse(QStringList{u"waymark"_s} + args))
        return usageError(console, command.name, parser.errorText());

    if (parser.isSet(help)) {
        console.out << helpText(command);
        return Success;
    }

    const QStringList positionals = parser.positionalArguments();
    if (positionals.size() < command.positionals.size()) {
        const QString missing = command.positionals.at(positionals.size());
        return usageError(
            console, command.name,
            QCoreApplication::translate("Waymark::Cli", "%1 is missing.").arg(missing));
    }
    if (positionals.size() > command.positionals.size()) {
        const QString extra = positionals.at(command.positionals.size());
        return usageError(
            console, command.name,
            QCoreApplication::translate("Waymark::Cli", "Unexpected argument '%1'.").arg(extra));
    }

    return command.run(parser, console);
}

QString helpText(const Subcommand &command)
{
    QString text = QCoreApplication::translate("Waymark::Cli", "Usage: waymark %1 %2")
                       .arg(command.name, command.synopsis);
    text += u"\n\n"_s + command.description + u"\n\n"_s;

    QList<QCommandLineOption> options = command.options;
    options.append(helpOption());
    qsizetype width = 0;
    for (const QCommandLineOption &option : options)
        width = std::max(width, optionSyntax(option).size());

    text += QCoreApplication::translate("Waymark::Cli", "Options:") + u'\n';
    for (const QCommandLineOption &option : options) {
        text += u"  "_s + optionSyntax(option).leftJustified(width) + u"  "_s +
                option.description() + u'\n';
    }

    text += u'\n' + QCoreApplication::translate("Waymark::Cli", "Exit status:") + u'\n';
    text += command.exitStatus;
    return text;
}

int usageError(Console &console, const QString &context, const QString &message)
{
    const QString prefix = context.isEmpty() ? u"waymark"_s : u"waymark "_s + context;
    console.err << prefix << u": "_s << message << u'\n';
    console.err
        << QCoreApplication::translate("Waymark::Cli", "Try '%1 --help' for more.").arg(prefix)
        << u'\n';
    return UsageOrUnreadable;
}

void fileError(Console &console, const QString &path, const QString &message)
{
    console.err << u"waymark: "_s << path << u": "_s << message << u'\n';
}

bool looksLikePath(const QString &argument)
{
    const QString suffix = u'.' + QString::fromUtf16(ProjectFile::Suffix);
    return argument.contains(u'/') || argument.endsWith(suffix, Qt::CaseInsensitive);
}

} // namespace Waymark::Cli
