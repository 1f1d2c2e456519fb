// What the subcommands of the command line share: where they write, how each one describes
// itself for parsing and for its --help, and the messages for a usage error.
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace Waymark::Cli {

// The message context of every command's texts: Text::tr("…").
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Cli)
};

// Standard output and standard error, both UTF-8. Commands take it as a parameter rather
// than writing to globals, so that one run's output is flushed when run() returns.
struct Console
{
    Console();

    QTextStream out;
    QTextStream err;
};

// One subcommand: its name, the text of its --help, its options besides --help, and what
// it does once the arguments parsed.
struct Subcommand
{
    QString name;
    QString summary;     // one line in the list of commands
    QString synopsis;    // what follows "waymark NAME" in the usage line
    QString description; // a paragraph or two for its --help
    QList<QCommandLineOption> options;
    QStringList positionals; // every one required: {"FILE"}
    QString exitStatus;      // lines for its --help, one per code
    std::function<int(const QCommandLineParser &parser, Console &console)> run;
};

// Every subcommand, in the order the help lists them.
QList<Subcommand> subcommands();

Subcommand newCommand();
Subcommand infoCommand();
Subcommand checkCommand();
Subcommand exportCommand();
Subcommand importCommand();
Subcommand statsCommand();

// Parses args (the words after the command's name) and runs the command, printing its
// help for --help and a usage error for anything it does not take.
int runSubcommand(const Subcommand &command, const QStringList &args, Console &console);

QString helpText(const Subcommand &command);

// Prints "waymark CONTEXT: message" and the way to the help on stderr; returns the exit code
// of a usage error. context is a command's name, or empty for the top level.
int usageError(Console &console, const QString &context, const QString &message);

// Prints "waymark: FILE: message" on stderr: a file that could not be read or written.
void fileError(Console &console, const QString &path, const QString &message);

// Whether an argument names a file rather than a template or a command: it holds a slash or
// ends in .waymark ("./info", "maps/checkout.waymark").
bool looksLikePath(const QString &argument);

} // namespace Waymark::Cli
