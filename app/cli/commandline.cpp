#include "commandline.h"
#include "subcommand.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Waymark::Cli {

namespace {

constexpr std::array<std::string_view, 7> commandNames = {"new",    "info",  "check", "import",
                                                          "export", "stats", "help"};
constexpr std::array<std::string_view, 4> ownOptions = {"--help", "-h", "--version", "-v"};

// The options QGuiApplication and QApplication take for themselves (Qt accepts each with one
// dash or two, and with its value after '=' or as the next word). A window session restored by
// the session manager starts with -session, so these must reach the GUI untouched.
constexpr std::array<std::string_view, 21> guiOptions = {
    "-platform",      "-platformpluginpath",
    "-platformtheme", "-plugin",
    "-qmljsdebugger", "-qwindowgeometry",
    "-qwindowicon",   "-qwindowtitle",
    "-reverse",       "-session",
    "-display",       "-geometry",
    "-title",         "-name",
    "-visual",        "-nograb",
    "-dograb",        "-style",
    "-stylesheet",    "-widgetcount",
    "-testability",
};

template <std::size_t N>
bool isOneOf(std::string_view word, const std::array<std::string_view, N> &words)
{
    return std::find(words.cbegin(), words.cend(), word) != words.cend();
}

bool isGuiOption(std::string_view argument)
{
    if (argument.starts_with("--"))
        argument.remove_prefix(1);
    argument = argument.substr(0, argument.find('='));
    return isOneOf(argument, guiOptions);
}

QString generalHelp()
{
    QString text = QCoreApplication::translate("Waymark::Cli",
                                               "Usage: waymark [FILE]\n"
                                               "       waymark COMMAND [OPTIONS] FILE\n"
                                               "       waymark help [COMMAND]\n"
                                               "\n"
                                               "Waymark draws customer journey maps. Without a "
                                               "command it opens its window, and FILE\n"
                                               "if one is given. The commands run without a "
                                               "display.\n");

    const QList<Subcommand> commands = subcommands();
    qsizetype width = 4;
    for (const Subcommand &command : commands)
        width = std::max(width, command.name.size());

    text += u'\n' + QCoreApplication::translate("Waymark::Cli", "Commands:") + u'\n';
    for (const Subcommand &command : commands)
        text += u"  "_s + command.name.leftJustified(width) + u"  "_s + command.summary + u'\n';
    text += u"  "_s + u"help"_s.leftJustified(width) + u"  "_s +
            QCoreApplication::translate("Waymark::Cli", "Show the help of a command.") + u'\n';

    text += QCoreApplication::translate(
        "Waymark::Cli",
        "\n"
        "Options:\n"
        "  -h, --help     Show this help.\n"
        "  -v, --version  Show Waymark's version.\n"
        "\n"
        "Exit status:\n"
        "  0  success\n"
        "  1  the work was refused (an existing FILE without --force, no template of that\n"
        "     name) or check found problems\n"
        "  2  a usage error, or a file that cannot be opened: missing, unreadable, not a\n"
        "     Waymark project, made by a newer Waymark, damaged, or one that cannot be\n"
        "     written\n"
        "\n"
        "A project whose name is that of a command needs a path: waymark ./info\n"
        "Run 'waymark help COMMAND' for the options of a command.\n");
    return text;
}

int runHelp(const QStringList &args, Console &console)
{
    if (args.isEmpty() || args == QStringList{u"--help"_s} || args == QStringList{u"-h"_s}) {
        console.out << generalHelp();
        return Success;
    }
    if (args.size() > 1) {
        return usageError(console, u"help"_s,
                          QCoreApplication::translate("Waymark::Cli", "Unexpected argument '%1'.")
                              .arg(args.at(1)));
    }

    for (const Subcommand &command : subcommands()) {
        if (command.name == args.constFirst()) {
            console.out << helpText(command);
            return Success;
        }
    }
    return usageError(console, u"help"_s,
                      QCoreApplication::translate("Waymark::Cli", "There is no command '%1'.")
                          .arg(args.constFirst()));
}

int dispatch(const QStringList &args, Console &console)
{
    if (args.isEmpty())
        return usageError(console, {},
                          QCoreApplication::translate("Waymark::Cli", "No command given."));

    const QString first = args.constFirst();
    const QStringList rest = args.mid(1);

    if (first == u"help"_s || first == u"--help"_s || first == u"-h"_s)
        return runHelp(rest, console);

    if (first == u"--version"_s || first == u"-v"_s) {
        if (!rest.isEmpty()) {
            return usageError(
                console, {},
                QCoreApplication::translate("Waymark::Cli", "Unexpected argument '%1'.")
                    .arg(rest.constFirst()));
        }
        console.out << u"waymark "_s << QCoreApplication::applicationVersion() << u'\n';
        return Success;
    }

    for (const Subcommand &command : subcommands()) {
        if (command.name == first)
            return runSubcommand(command, rest, console);
    }

    if (first.startsWith(u'-')) {
        return usageError(
            console, {},
            QCoreApplication::translate("Waymark::Cli", "Unknown option '%1'.").arg(first));
    }
    return usageError(
        console, {},
        QCoreApplication::translate("Waymark::Cli", "There is no command '%1'.").arg(first));
}

QtMessageHandler previousMessageHandler = nullptr;

// Where XDG_RUNTIME_DIR is unset (cron, CI, SSH), the offscreen platform makes Qt warn on
// stderr that it uses a runtime folder of its own instead; for a script that is only noise.
void withoutRuntimeDirWarning(QtMsgType type, const QMessageLogContext &context,
                              const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(u"QStandardPaths: XDG_RUNTIME_DIR not set"_s))
        return;
    if (previousMessageHandler)
        previousMessageHandler(type, context, message);
}

} // namespace

bool isCommandLine(int argc, char *argv[])
{
    if (argc < 2)
        return false;

    // Only the first word decides: a file to open ("./info", "maps/checkout.waymark") is never
    // spelled exactly like a command, and the window's own options are left to it.
    const std::string_view first = argv[1];
    if (isOneOf(first, commandNames) || isOneOf(first, ownOptions))
        return true;
    if (isGuiOption(first))
        return false;

    // Any other option is the command line's to reject with a usage error; "-" alone is not
    // an option.
    return first.size() > 1 && first.front() == '-';
}

int run(int argc, char *argv[])
{
    // export paints persona sheets, which needs fonts and so a QGuiApplication. It never
    // shows a window: the offscreen platform works without a display, whatever
    // QT_QPA_PLATFORM the caller has set.
    const bool paints = std::string_view(argv[1]) == "export";
    if (paints) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        previousMessageHandler = qInstallMessageHandler(withoutRuntimeDirWarning);
    }
    const std::unique_ptr<QCoreApplication> application =
        paints ? std::make_unique<QGuiApplication>(argc, argv)
               : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"waymark"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(WAYMARK_VERSION));

    // The storage layer logs each file it loads or saves and each failure at info level,
    // which a command reports itself; on stderr they would only say it twice. Warnings stay:
    // they mean a bug. QT_LOGGING_RULES takes precedence, so it can still turn them on.
    QLoggingCategory::setFilterRules(u"waymark.*.info=false"_s);

    Console console;
    const int code = dispatch(QCoreApplication::arguments().mid(1), console);
    console.out.flush();
    console.err.flush();
    return code;
}

} // namespace Waymark::Cli
