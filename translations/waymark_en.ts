<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Waymark</name>
    <message>
        <source>severity %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>priority %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::AnnotationDialog</name>
    <message>
        <source>Pain Point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Severity (1–5):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Priority (1–5):</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::BackgroundSave</name>
    <message>
        <source>Saving “%1”…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Cli</name>
    <message>
        <source>file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: OK (format %2, %3 maps, %4 touchpoints)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check a project file and list every problem found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checks the project FILE without changing it: SQLite's integrity and foreign key
checks, the schema (tables, views, triggers or indexes Waymark did not create),
values out of range, and references between entities that do not resolve.
Prints "FILE: OK (format N, M maps, T touchpoints)" when it is clean, and
otherwise one line "FILE: where: what" per problem on standard output.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  0  no problem found
  1  problems were found (listed on standard output)
  2  a usage error, or FILE cannot be examined at all: it is missing or
     unreadable, not an SQLite database, another program's database, or made by a
     newer Waymark
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: waymark [FILE]
       waymark COMMAND [OPTIONS] FILE
       waymark help [COMMAND]

Waymark draws customer journey maps. Without a command it opens its window, and FILE
if one is given. The commands run without a display.
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the help of a command.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>
Options:
  -h, --help     Show this help.
  -v, --version  Show Waymark's version.

Exit status:
  0  success
  1  the work was refused (an existing FILE without --force, no template of that
     name) or check found problems
  2  a usage error, or a file that cannot be opened: missing, unreadable, not a
     Waymark project, made by a newer Waymark, damaged, or one that cannot be
     written

A project whose name is that of a command needs a path: waymark ./info
Run 'waymark help COMMAND' for the options of a command.
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected argument '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no command '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No command given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown option '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Project: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Format version: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Maps: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Map: %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stages: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lanes: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Touchpoints: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connectors: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Personas: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Datasets: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2): %3 rows, %4 columns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Describe the maps, personas and data of a project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[--json [--compact]] FILE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --json: print it on one line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  0  the project was described
  2  a usage error, or FILE cannot be opened as a Waymark project (missing, not a
     project, made by a newer Waymark, damaged, or holding foreign objects)
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>waymark new: there is no template called '%1'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The built-in templates are: %1. A project file can serve as one too: give its path.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file already exists; it was left as it was. Use --force to replace it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created %1 from template %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a project file from a template.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[--template NAME|PATH] [--force] FILE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Creates the project file FILE from a template, %1 unless --template names
another. Any project file can serve as a template too: give its path (one with
a slash or ending in .waymark), and the new project gets new ids. An existing
FILE is left alone unless --force is given.

Built-in templates: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The template: a built-in name or a project file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NAME|PATH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace FILE if it exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  0  FILE was created
  1  refused: FILE exists and --force was not given, or there is no built-in
     template of that NAME
  2  a usage error, a template PATH that cannot be opened as a project, or FILE
     cannot be written
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: waymark %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exit status:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try '%1 --help' for more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Path lengths: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prints what the project FILE holds: its format version, each map with its kind,
stages, lanes, touchpoints, connectors and the length of each persona's path,
its personas and its datasets.
With --json the same as a JSON object for scripts, whose fields are only ever
added to in later versions, never renamed or removed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::ColorButton</name>
    <message>
        <source>Choose a colour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use the colour of the lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a Colour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Commands</name>
    <message>
        <source>Add Path Step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Path Step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move Path Step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Emotion Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Feeling Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit Persona Path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Map Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Map Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recolour Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resize Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Lane Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recolour Lane</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Paste %n Touchpoint(s)</source>
        <translation>
            <numerusform>Paste %n Touchpoint</numerusform>
            <numerusform>Paste %n Touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n Stage(s)</source>
        <translation>
            <numerusform>Paste %n Stage</numerusform>
            <numerusform>Paste %n Stages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n Lane(s)</source>
        <translation>
            <numerusform>Paste %n Lane</numerusform>
            <numerusform>Paste %n Lanes</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move Persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit Persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Delete %n Touchpoint(s)</source>
        <translation>
            <numerusform>Delete %n Touchpoint</numerusform>
            <numerusform>Delete %n Touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n Touchpoint(s)</source>
        <translation>
            <numerusform>Move %n Touchpoint</numerusform>
            <numerusform>Move %n Touchpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename Touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recolour Touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Connector Label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Connector Direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Pain Point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Opportunity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Annotation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit Annotation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Severity</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Document</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The unsaved changes could not be read back: the working copy is damaged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project has no file yet: choose where to save it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Fragments</name>
    <message>
        <source>The clipboard does not hold Waymark cards.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The clipboard holds more Waymark data than can be pasted at once.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The clipboard holds cards from a newer Waymark. Update Waymark to paste them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The clipboard holds Waymark data in a form this Waymark does not know.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Waymark data on the clipboard is incomplete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Waymark data on the clipboard is damaged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Waymark data on the clipboard cannot be used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The Waymark data on the clipboard cannot be read.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Gui</name>
    <message>
        <source>Journey-mapping editor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project to open.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Import</name>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is UTF-32 text, which Waymark does not read. Save it as UTF-8 or UTF-16 and import it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file holds binary data (NUL bytes), not text. If it is UTF-16 text without a byte-order mark, choose its encoding.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The file holds binary data, not text: %n control character(s) in its first bytes. Export it again as CSV.</source>
        <translation>
            <numerusform>The file holds binary data, not text: %n control character in its first bytes. Export it again as CSV.</numerusform>
            <numerusform>The file holds binary data, not text: %n control characters in its first bytes. Export it again as CSV.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file has a header but no rows of data.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Qualtrics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SurveyMonkey</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Google Forms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Typeform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shopify orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>GA4 funnel exploration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Plain table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Out of memory while starting to read the file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is not valid %1 near row %2. Choose the encoding it was saved in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1, column %2: a quote mark inside a field that is not quoted, or text after a closing quote. Quote the whole field and double the quote marks inside it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file could not be read: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1, column %2: the field is larger than %3 MB, the most Waymark reads. If the field begins with a quote mark, check that the quote is closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file ends in the middle of a character: it is not complete %1 text. Choose the encoding it was saved in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1 (line %2), column %3: a quoted field is never closed. Add the missing quote mark.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file holds no rows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1 has more than %2 columns, the most Waymark imports.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1, column %2: the field is larger than %3 MB, the most Waymark reads.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1 is larger than %2 MB, the most Waymark reads in one row.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1, column %2 holds a NUL byte: the file is binary data or damaged, not text.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1, column %2 is not valid UTF-8. Choose the encoding the file was saved in (for example Windows-1252).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::InspectorDock</name>
    <message>
        <source>priority %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>severity %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No map is open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Journey Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a card to edit it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Change Channel of %n Touchpoint(s)</source>
        <translation>
            <numerusform>Change Channel of %n Touchpoint</numerusform>
            <numerusform>Change Channel of %n Touchpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Change Evidence of %n Touchpoint(s)</source>
        <translation>
            <numerusform>Change Evidence of %n Touchpoint</numerusform>
            <numerusform>Change Evidence of %n Touchpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Recolour %n Touchpoint(s)</source>
        <translation>
            <numerusform>Recolour %n Touchpoint</numerusform>
            <numerusform>Recolour %n Touchpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stage:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lane:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n Touchpoints Selected</source>
        <translation>
            <numerusform>%n Touchpoints Selected</numerusform>
            <numerusform>%n Touchpoints Selected</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No annotations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Annotations (%1):</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Rename %n Touchpoint(s)</source>
        <translation>
            <numerusform>Rename %n Touchpoint</numerusform>
            <numerusform>Rename %n Touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change Description of %n Touchpoint(s)</source>
        <translation>
            <numerusform>Change Description of %n Touchpoint</numerusform>
            <numerusform>Change Description of %n Touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change Owner of %n Touchpoint(s)</source>
        <translation>
            <numerusform>Change Owner of %n Touchpoint</numerusform>
            <numerusform>Change Owner of %n Touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change Tags of %n Touchpoint(s)</source>
        <translation>
            <numerusform>Change Tags of %n Touchpoint</numerusform>
            <numerusform>Change Tags of %n Touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change Notes of %n Touchpoint(s)</source>
        <translation>
            <numerusform>Change Notes of %n Touchpoint</numerusform>
            <numerusform>Change Notes of %n Touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change Devices of %n Touchpoint(s)</source>
        <translation>
            <numerusform>Change Devices of %n Touchpoint</numerusform>
            <numerusform>Change Devices of %n Touchpoints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Waymark::MainWindow</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Revert to Saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About Waymark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;Opened project&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo &amp;History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No Recent Projects</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your latest changes could not be written to disk yet: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (future)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1[*] — Waymark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 stage</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n stages</source>
        <translation>
            <numerusform>%n stages</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
    <message>
        <source>1 lane</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n lanes</source>
        <translation>
            <numerusform>%n lanes</numerusform>
            <numerusform>%n lanes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n hidden)</source>
        <translation>
            <numerusform>(%n hidden)</numerusform>
            <numerusform>(%n hidden)</numerusform>
        </translation>
    </message>
    <message>
        <source>1 touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n touchpoints</source>
        <translation>
            <numerusform>%n touchpoints</numerusform>
            <numerusform>%n touchpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not start a project from the template “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not start a new project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New project from the template “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not open “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” was made by an older Waymark. Saving it updates it to this version's format.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opened “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The unsaved changes could not be recovered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recovered the unsaved changes to “%1”. Save to keep them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving was cancelled; “%1” was not changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not go back to the saved “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Went back to the saved “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save Changes?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an untitled project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recover Unsaved Changes?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waymark did not close properly last time. Your unsaved changes to %1, last made %2, were kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recover them now, or throw them away?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ask Again Later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revert to Saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Throw away every change made since “%1” was last saved? This cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waymark projects (*.waymark);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save Project As</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waymark projects (*.waymark)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waymark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About Waymark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;Waymark %1&lt;/h3&gt;&lt;p&gt;A journey-mapping editor for customer-experience teams: stages, lanes and touchpoints, the personas who live through them, and the data that shows how they went.&lt;/p&gt;&lt;p&gt;Waymark is free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Fit Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit &amp;Selection</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::MapScene</name>
    <message>
        <source>New touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New lane</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Cut %n Touchpoint(s)</source>
        <translation>
            <numerusform>Cut %n Touchpoint</numerusform>
            <numerusform>Cut %n Touchpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no Waymark touchpoints to paste.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was pasted: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Duplicate %n Touchpoint(s)</source>
        <translation>
            <numerusform>Duplicate %n Touchpoint</numerusform>
            <numerusform>Duplicate %n Touchpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>There was nothing to paste into this map.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New Touchpoint Here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste Here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Stage Before</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Stage After</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Lane Below</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show Hidden Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cut</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Delete %n Touchpoints</source>
        <translation>
            <numerusform>Delete %n Touchpoints</numerusform>
            <numerusform>Delete %n Touchpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Pain Point…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Opportunity…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Comment…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit Label…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reverse Direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit Annotation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connector Label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Delete %n Connector(s)</source>
        <translation>
            <numerusform>Delete %n Connector</numerusform>
            <numerusform>Delete %n Connectors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Item(s)</source>
        <translation>
            <numerusform>Delete %n Item</numerusform>
            <numerusform>Delete %n Items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Waymark::ProjectFile</name>
    <message>
        <source>“%1” cannot be written: the project could not be stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no file “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is a folder, not a Waymark project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be read: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is empty: it is not a Waymark project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is not a Waymark project: it is not an SQLite database at all (perhaps a text, image or office file).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is an SQLite database of another program, not a Waymark project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” was made by a newer Waymark (format %2; this Waymark reads formats up to %3). Update Waymark to open it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is marked as a Waymark project but has no format version: it is damaged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is still open in another program (its changes are in “%1-wal”). Close that program and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” was left half-written by a program that stopped, or is being written now. Open it once in the program that wrote it, or ask for a fresh copy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is damaged: SQLite's integrity check failed. Ask for a fresh copy of the file, or open a backup.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is not one Waymark creates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>differs from format %1 of Waymark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” holds objects Waymark did not create (%2). It may have been tampered with, so Waymark does not open it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” is damaged: its tables are not those of a Waymark project of format %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>row %1 refers to a missing row of table %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>“%1” is damaged: %n of its rows refer to things that are not in the file.</source>
        <translation>
            <numerusform>“%1” is damaged: %n of its rows refer to things that are not in the file.</numerusform>
            <numerusform>“%1” is damaged: %n of its rows refer to things that are not in the file.</numerusform>
        </translation>
    </message>
    <message>
        <source>The project could not be copied for editing.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project could not be brought up to date from format %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project is larger than Waymark can open.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project's tables cannot be read.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The project is damaged: %n of its values are invalid or inconsistent.</source>
        <translation>
            <numerusform>The project is damaged: %n of its values are invalid or inconsistent.</numerusform>
            <numerusform>The project is damaged: %n of its values are invalid or inconsistent.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” cannot be saved: its folder does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be saved: a folder of that name is in the way.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be saved: the folder is not writable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving “%1” was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be saved: writing the new file failed (is the disk full?).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be saved: the new file did not pass its check.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be saved: the new file could not be written to disk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be saved: the old file could not be replaced.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::SearchBar</name>
    <message>
        <source>Find in titles, descriptions and notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous Match (Shift+Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next Match (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Templates</name>
    <message>
        <source>Blank map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Digital customer journey</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>B2B buyer journey</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The built-in template “%1” is missing from this build of Waymark. Reinstall Waymark.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not unpack the template “%1”: the temporary folder is full or not writable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no template called “%1”, and no project file at that path. The built-in templates are: %2.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Validation</name>
    <message>
        <source>%1 has no id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has the id %2 of another entity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>map “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stage “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>lane “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>touchpoint “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is in a stage that is not in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is in a lane that is not in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 shares its place in its cell with another card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connector %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 joins a touchpoint that is not in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>annotation %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is attached to a touchpoint that is not in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is attached to a cell that is not in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has a severity outside 0 to 5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>persona step %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 belongs to a persona that is not in the project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is on a touchpoint that is not in %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has an emotion score outside −3 to +3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 shares its place in its path with another step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>persona “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>persona “%1” has a negative business value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dataset “%1”</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Vocabulary</name>
    <message>
        <source>Current state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Future state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Touchpoints</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer actions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thoughts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feelings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pain points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opportunities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Backstage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Social media</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advertising</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mobile app</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chatbot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Marketplace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Desktop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tablet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assumed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proposed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pain point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Backward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Both ways</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Timestamp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NPS (0–10)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSAT (1–5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer effort</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Converted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Personal data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Integer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decimal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yes or no</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::WorkingCopy</name>
    <message>
        <source>Waymark cannot create its working folder “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waymark cannot create its working copy of the project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waymark cannot write its working copy of the project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waymark could not write your latest change to its working copy (is the disk full?). The change is kept and will be written when you save.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>