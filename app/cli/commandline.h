// Waymark's command line: the subcommands (new, info, check, ...) and --help, --version.
// They run without a display, write errors to stderr and exit with the codes below.
#pragma once

namespace Waymark::Cli {

enum ExitCode
{
    Success = 0,
    Refused = 1,           // the work was refused, or problems were found
    UsageOrUnreadable = 2, // a usage error, or a file that cannot be opened
};

// True when argv asks for a subcommand, --help or --version rather than the window.
bool isCommandLine(int argc, char *argv[]);

// Runs the command line on its own QCoreApplication (a QGuiApplication on the offscreen
// platform for export, which paints) and returns the exit code.
int run(int argc, char *argv[]);

} // namespace Waymark::Cli
