// Waymark's entry point: subcommands run headless on a QCoreApplication; anything else opens
// the main window.
#include "cli/commandline.h"
#include "window/gui.h"

int main(int argc, char *argv[])
{
    if (Waymark::Cli::isCommandLine(argc, argv))
        return Waymark::Cli::run(argc, argv);
    return Waymark::Gui::run(argc, argv);
}
