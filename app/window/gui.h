// The graphical application: a QApplication with the main window, opening the file named
// on the command line, if any.
#pragma once

namespace Waymark::Gui {

int run(int argc, char *argv[]);

} // namespace Waymark::Gui
