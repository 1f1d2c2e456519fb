#include "gui.h"

#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Waymark::Gui {

namespace {

// Waymark's own strings, and Qt's (the buttons of a message box, "Undo %1"). English is
// always installed first: it holds the plural forms ("Move 3 Touchpoints") that every
// language without a translation of its own falls back to.
void installTranslators(QApplication &app, QTranslator &english, QTranslator &waymark,
                        QTranslator &qt)
{
    const QLocale locale;
    if (english.load(u"waymark_en"_s, u":/i18n"_s))
        app.installTranslator(&english);
    if (locale.language() != QLocale::English &&
        waymark.load(locale, u"waymark"_s, u"_"_s, u":/i18n"_s))
        app.installTranslator(&waymark);
    if (qt.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qt);
}

} // namespace

int run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Waymark"_s);
    QApplication::setApplicationName(u"Waymark"_s);
    QApplication::setApplicationDisplayName(u"Waymark"_s);
    QApplication::setApplicationVersion(QStringLiteral(WAYMARK_VERSION));
    QApplication::setDesktopFileName(u"org.waymark.Waymark"_s);
    QApplication::setWindowIcon(QIcon::fromTheme(u"org.waymark.Waymark"_s));

    QTranslator englishTranslator;
    QTranslator waymarkTranslator;
    QTranslator qtTranslator;
    installTranslators(app, englishTranslator, waymarkTranslator, qtTranslator);

    // QApplication has taken Qt's own options (-platform, -style) out of the arguments.
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Waymark::Gui", "Journey-mapping editor"));
    parser.addPositionalArgument(
        u"file"_s, QCoreApplication::translate("Waymark::Gui", "The project to open."),
        u"[FILE]"_s);
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "waymark: %s\n", qPrintable(parser.errorText()));
        return 2;
    }

    // With a file to open, no blank project first: its canvas would be built only to be
    // replaced before the window first paints.
    const QStringList files = parser.positionalArguments();
    MainWindow window(files.isEmpty() ? MainWindow::StartWith::BlankProject
                                      : MainWindow::StartWith::Nothing);
    window.show();
    // After show(), so that a file that cannot be opened is explained over the window; the
    // blank project then, as without a file.
    if (!window.offerRecovery() && !files.isEmpty() && !window.openFile(files.first()))
        window.startBlankProject();
    return QApplication::exec();
}

} // namespace Waymark::Gui
