<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
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
    <name>Waymark::AnnotationItems</name>
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
    <name>Waymark::Charts::ChartPanel</name>
    <message>
        <source>n = %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export this chart as an image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export as PNG</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export as SVG</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Charts::DataPanel</name>
    <message>
        <source>Selected touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Whole map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Map: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Charts::DistributionChart</name>
    <message>
        <source>Score distribution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Score distribution: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No answers for this touchpoint yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Charts::EmotionScoreChart</name>
    <message>
        <source>Emotion and measured score per stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No persona emotions or measured scores on this map yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emotion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Measured score</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Charts::FunnelChart</name>
    <message>
        <source>Funnel and drop-off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Funnel and drop-off: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No path or funnel data for this map yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1% reach “%2”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (−%2%)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Charts::MetricsAdapter</name>
    <message>
        <source>NPS (0–10)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Charts::NpsBreakdownChart</name>
    <message>
        <source>Net Promoter Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No NPS answers for this touchpoint yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Detractors (0–6)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NPS %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (95% interval %2 to %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (too few answers for an interval)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Charts::RevenueChart</name>
    <message>
        <source>Revenue over time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No revenue recorded for this touchpoint yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Total %1 from %n order(s)</source>
        <translation>
            <numerusform>Total %1 from %n order</numerusform>
            <numerusform>Total %1 from %n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Waymark::Charts::StageMetricChart</name>
    <message>
        <source>Metric per stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 per stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No stage of this map has answers for this measure yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>95% interval</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Charts::TrendChart</name>
    <message>
        <source>Weekly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 over time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No dated answers for this touchpoint yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>n per period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>95% interval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::ChartsDock</name>
    <message>
        <source>Charts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All responses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a map to see its charts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No data is attached to “%1”. Attach survey answers, orders or analytics to it in the Data dock to chart its scores here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No data is attached to this map yet. Import survey answers, orders or analytics (File ▸ Import Data…) and attach them to its touchpoints, or score the personas' emotions along their paths, to see charts here.</source>
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
    <message>
        <source>Nothing to export: give --personas OUT.PDF or --personas FOLDER.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown format '%1': use pdf or png.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>'%1' is a file: PNG sheets go into a folder, one per persona.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no persona '%1'. The personas are: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project has no personas to export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrote %1 (1 page)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n pages)</source>
        <translation>
            <numerusform>Wrote %1 (%n pages)</numerusform>
            <numerusform>Wrote %1 (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export persona sheets as PDF or PNG.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--personas OUT [--format pdf|png] [--persona NAME]... FILE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Writes the persona sheets of the project FILE: one A4 page per persona, with its
photo, quote, profile, goals and needs, channels, B2B facts and journeys.
OUT ending in .pdf gets one PDF of every page; any other OUT is a folder (made if
missing) that gets one PNG at 150 dpi per persona, named after it. --format says
which whatever OUT's name. --persona, repeated, picks personas by name (any case)
or id, in the order given; without it every persona is exported, in library
order. Existing files of the same name are replaced.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write the persona sheets to OUT.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pdf or png; by default from OUT's name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export only this persona (repeatable).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  0  the sheets were written
  1  refused: no persona of a --persona name, no personas at all, or OUT cannot be
     written
  2  a usage error, or FILE cannot be opened as a Waymark project
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown format '%1'; use one of %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown encoding '%1'; use utf-8, utf-16le, utf-16be, windows-1252 or iso-8859-1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown delimiter '%1'; use , ; | or tab.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--header-rows takes a number from 0 to 100.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>row %1 (line %2), column %3 “%4”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>row %1 (line %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>… and %1 more problems</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Imported %n row(s) of %1 into the dataset “%2” (%3, %4 columns).</source>
        <translation>
            <numerusform>Imported %n row of %1 into the dataset “%2” (%3, %4 columns).</numerusform>
            <numerusform>Imported %n rows of %1 into the dataset “%2” (%3, %4 columns).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n row(s) that had the same key.</source>
        <translation>
            <numerusform>Replaced %n row that had the same key.</numerusform>
            <numerusform>Replaced %n rows that had the same key.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n row(s):</source>
        <translation>
            <numerusform>Rejected %n row:</numerusform>
            <numerusform>Rejected %n rows:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept %n row(s) with the values below left empty:</source>
        <translation>
            <numerusform>Kept %n row with the values below left empty:</numerusform>
            <numerusform>Kept %n rows with the values below left empty:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) name no touchpoint: %1</source>
        <translation>
            <numerusform>%n row name no touchpoint: %1</numerusform>
            <numerusform>%n rows name no touchpoint: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>--attach and --touchpoint-column cannot be used together.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--on-bad-rows takes skip, keep or fail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was left as it was.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--role takes COLUMN=ROLE, ROLE one of %1; not '%2'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” has no column “%2”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no touchpoint “%1” in the project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Columns not in the dataset, left out: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import a survey, sales or analytics export as a dataset.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[options] FILE DATA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Imports the export DATA (a CSV or TSV file, or an XLSX workbook) into the project
file FILE as one dataset, and saves FILE: it then holds the whole dataset or, if
anything goes wrong, is left as it was. Exports of Qualtrics, SurveyMonkey, Google
Forms, Typeform, Shopify and GA4 funnel explorations are recognised; --format
overrides. A dataset of the same name already in FILE is updated instead: DATA is
read as it was, and rows with the key of a row already there replace it.

COLUMN is a column's name as Waymark shows it (with several header rows, the name in
the first) or its position counted from 1; TOUCHPOINT is a touchpoint's title or id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The dataset's name (default: DATA's name).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>auto, qualtrics, surveymonkey, google-forms, typeform, shopify, ga4-funnel or csv.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sheet of a workbook.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>utf-8, utf-16le, utf-16be, windows-1252 or iso-8859-1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The field delimiter: , ; | or tab.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How many rows are headers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a column a role (repeatable).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>COLUMN=ROLE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach the whole dataset to a touchpoint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TOUCHPOINT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach each row to the touchpoint its column names.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>COLUMN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>skip (the default), keep (with the bad values empty) or fail.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>POLICY</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DATA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  0  the dataset was imported and FILE saved
  1  refused: DATA cannot be read or imported, a bad row with
     --on-bad-rows fail, or no such touchpoint; FILE is unchanged
  2  a usage error, or FILE cannot be opened or saved
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Map: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 / %2: %3 rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NPS %1 (n %2, 95% %3 to %4)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSAT %1% top two (n %2, mean %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CES mean %1 (n %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rating mean %1 (n %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversion %1% (n %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revenue %1 in %2 orders (average %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Flag (%1): %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--segment takes COLUMN=VALUE, not “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a date is written YYYY-MM-DD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>waymark stats: no map “%1” in %2; its maps: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print each touchpoint's metrics and struggle flags.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[--json] [--map NAME] [--segment COLUMN=VALUE] [--from DATE] [--to DATE] FILE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only the map NAME (its name, any case, or id).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only the rows whose COLUMN holds VALUE.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>COLUMN=VALUE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only rows from DATE on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DATE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only rows up to DATE.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>  0  the metrics were printed
  1  --map names no map of FILE
  2  a usage error, or FILE cannot be opened as a Waymark project
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Funnel: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 active users, completion %3, abandonment %4%5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (no touchpoint)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Computes, for every touchpoint of FILE (or of one map), the metrics of the data
attached to it: rows, NPS, CSAT, CES, rating, conversion and revenue, each with
its number of answers and 95% interval, and the struggle flags with their reasons;
then each GA4 funnel's steps with their active users, completion and abandonment.
--segment keeps the rows whose COLUMN (its name as Waymark shows it) holds VALUE;
--from and --to (YYYY-MM-DD, both inclusive) keep the rows whose timestamp falls
between them. The definitions are in model/metrics/METRICS.md.
With --json the same as a JSON object; percentages run from 0 to 100 and a
measure without data is null. Fields are only ever added, never renamed.</source>
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
    <message>
        <source>Import Dataset “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Dataset “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename Dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Column Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Column Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach Dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnect Connector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change Headline Metric</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::DataDock</name>
    <message>
        <source>Data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next &amp;Wave…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import a newer export of the same survey: rows with a known key are updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column r&amp;ole:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column &amp;type:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 · %2 · imported %3 · %n row(s)</source>
        <translation>
            <numerusform>%1 · %2 · imported %3 · %n row</numerusform>
            <numerusform>%1 · %2 · imported %3 · %n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Attached</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>every row to “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>row by row, through “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rows where %1 = %2, to “%3”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No data yet: File › Import Data… (Ctrl+Shift+I)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename Dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a touchpoint on the map to see the data attached to it.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>“%1”: %n row(s)</source>
        <translation>
            <numerusform>“%1”: %n row</numerusform>
            <numerusform>“%1”: %n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>No data is attached to &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data attached to &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rows damaged · %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The imported rows of this dataset are damaged in the project file, so its figures are left out of the map. Import the file again, or ask for a fresh copy of the project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1”: rows damaged, left out of the figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1”: counting its rows…</source>
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
    <message>
        <source>“%1” is damaged outside the project's tables: SQLite's integrity check failed there. The map is whole; ask for a fresh copy of the file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The imported rows of %1 in “%2” are damaged: do not trust their figures. The map is whole.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::DriversDock</name>
    <message>
        <source>Key Drivers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No touchpoint can be ranked yet. The ranking needs survey answers that can be linked to each customer by a key (an email address or customer id) and that include the question how likely they are to recommend you (NPS), attached to this map's touchpoints; or orders with revenue attached to them.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::DriversModel</name>
    <message>
        <source>NPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSAT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Effort (CES)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too few respondents answered both this touchpoint's score and the recommendation question to correlate them.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 and the overall recommendation score: r = %2 over %n respondent(s), p = %3</source>
        <translation>
            <numerusform>%1 and the overall recommendation score: r = %2 over %n respondent, p = %3</numerusform>
            <numerusform>%1 and the overall recommendation score: r = %2 over %n respondents, p = %3</numerusform>
        </translation>
    </message>
    <message>
        <source>No revenue is attached to this touchpoint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>r</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>95% interval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Share of revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rank: strongest link with recommending first, then share of revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The touchpoint's score that was compared with recommending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How closely the touchpoint's score moves with how likely the same customers are to recommend you, from −1 to 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where r lies with 95% confidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Respondents who answered both</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The touchpoint's share of the map's revenue</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::EmotionCurveItem</name>
    <message>
        <source>%1, step %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(future state)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Score %1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>very negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>slightly negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>neutral</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>slightly positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>very positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Emotion:</source>
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
    <message>
        <source>The workbook is damaged or incomplete (%1). Save it again from Excel and import the new file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the end of the zip archive is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook is a ZIP64 archive, made only for files over 4 GB: more than Waymark reads. Save the sheet as CSV.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it holds %1 parts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the zip directory points outside the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the zip directory is cut short</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>part “%1” is not where the directory says</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the sizes of part “%1” disagree</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook's parts are encrypted. Save it again from Excel without a password and import the new file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook is packed with a compression method Waymark cannot read (method %1). Save it again from Excel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Part “%1” of the workbook takes %2 MB unpacked, more than the %3 MB Waymark reads from one part. Save the sheet as CSV, which Waymark reads at any size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Part “%1” of the workbook unpacks to %2 times its packed size. No spreadsheet packs that tightly: the file looks built to exhaust memory, and Waymark does not read it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook takes more than %1 MB unpacked, the most Waymark reads. Save the sheet as CSV, which Waymark reads at any size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook is protected with a password. Open it in Excel, remove the password (File, Info, Protect Workbook), save it and import it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is an Excel 97-2003 workbook (.xls) or another older Office file. Open it in Excel or LibreOffice, save it as .xlsx or CSV and import that.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sheet “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file could not be opened: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook is larger than %1 MB, the most Waymark reads. Save the sheet as CSV, which Waymark reads at any size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is not an Excel workbook (.xlsx): it is not a zip archive. If it holds text, import it as CSV.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is an OpenDocument spreadsheet (.ods), not an Excel workbook. Save it as .xlsx or CSV and import that.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is a zip archive but not an Excel workbook: it has no workbook in it. Check that it is the export you meant.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook is damaged (%1). Save it again from Excel and import the new file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook has no sheets.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook has no sheet named “%1”. Its sheets are: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 could not be read: the workbook is damaged (%2). Save it again from Excel and import the new file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has cells at addresses no sheet can have: the workbook is damaged. Save it again from Excel and import the new file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, row %2, column %3 refers to a text the workbook does not hold: the file is damaged. Save it again from Excel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, row %2, column %3: the cell is larger than %4 MB, the most Waymark reads.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, row %2, column %3 holds bytes that are not valid text: the workbook is damaged. Save it again from Excel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, row %2 has more than %3 columns, the most Waymark imports.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>part “%1” is cut short</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>part “%1” is not the size its directory says</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the checksum of part “%1” does not match</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 could not be read: the workbook is damaged (row %2 does not end). Save it again from Excel and import the new file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has a row numbered “%2”, which no sheet can have: the workbook is damaged. Save it again from Excel and import the new file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 lists row %2 after row %3. Excel writes rows in order: save the workbook again from Excel and import the new file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook's shared strings hold bytes that are not valid text: the workbook is damaged. Save it again from Excel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook's shared strings take more than %1 MB, the most Waymark holds. Save the sheet as CSV, which Waymark reads at any size.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the row after row %2 takes more than %3 MB, the most Waymark reads.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: an entry takes more than %2 MB, the most Waymark reads.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook's shared strings could not be read: the workbook is damaged (%1). Save it again from Excel and import the new file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook's shared strings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The workbook's styles</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Import::Importer</name>
    <message>
        <source>The import has no columns to read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The dataset to update is not in the project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file's columns do not match those of “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be read: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project cannot be opened for the import: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project is busy: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project cannot take imported rows: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rows of “%1” cannot be found in the project.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rows of “%1” cannot be copied: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The import was cancelled; the project is unchanged.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>the row has %n field(s), the header %1</source>
        <translation>
            <numerusform>the row has %n field, the header %1</numerusform>
            <numerusform>the row has %n fields, the header %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not a value of type %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rows could not be replaced: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row %1 could not be written: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1”: %2 Nothing was imported.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” has a header but no rows of data.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n row(s) of “%1” have problems, so nothing was imported.</source>
        <translation>
            <numerusform>%n row of “%1” have problems, so nothing was imported.</numerusform>
            <numerusform>%n rows of “%1” have problems, so nothing was imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>The rows could not be indexed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rows could not be counted: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The import failed before it was committed (as a test asked).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rows could not be written: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sheet has a header but no rows of data.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” has no column “%2”, which the dataset “%3” has: it is not the next wave of the same export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an NPS answer must be a whole number from 0 to 10</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a CSAT answer must be a whole number from 1 to 5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a %1 must be a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“converted” must be yes or no (true/false, 1/0)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be saved: no copy of it could be made beside it (is the folder writable and the disk not full?).</source>
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
    <message>
        <source>Rows %1 to %2 could not be written: %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::ImportPages</name>
    <message>
        <source>Comma ( , )</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::ImportPages::AttachmentPage</name>
    <message>
        <source>Attach the data to touchpoints</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attached rows feed the touchpoints' metrics. You can change this later in the Data dock.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Not yet: keep the dataset unattached</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Every row to one touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row by row, through a &amp;column naming the touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The rows where a column has a &amp;value, to one touchpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search touchpoints</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Touchpoint (map › stage › title):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Of the %n row(s) of the file</source>
        <translation>
            <numerusform>Of the %n row of the file</numerusform>
            <numerusform>Of the %n rows of the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Of the first %n row(s)</source>
        <translation>
            <numerusform>Of the first %n row</numerusform>
            <numerusform>Of the first %n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 name a touchpoint and %3 do not. Values that name no touchpoint:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::ImportPages::ColumnsPage</name>
    <message>
        <source>Say what each column holds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The role tells Waymark what a column means: an NPS score, a customer id, revenue… Charts and metrics use the roles. Columns set to Ignore are kept but not used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample values</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep them as they are</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace them by a hash (rows stay countable, names unreadable)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop them (not stored at all)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Personal data (emails, IP addresses, names):</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::ImportPages::FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A survey, sales or analytics export: CSV, TSV, text or an Excel workbook (.xlsx). Waymark recognises exports of Qualtrics, SurveyMonkey, Google Forms, Typeform, Shopify and GA4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Path of the file to import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new dataset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The next wave of “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import as:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dataset &amp;name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import Data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Recognised as &lt;b&gt;%1&lt;/b&gt;: %n column(s).</source>
        <translation>
            <numerusform>Recognised as &lt;b&gt;%1&lt;/b&gt;: %n column.</numerusform>
            <numerusform>Recognised as &lt;b&gt;%1&lt;/b&gt;: %n columns.</numerusform>
        </translation>
    </message>
    <message>
        <source>It has the columns of the dataset “%1”: choose “The next wave of %1” above to update its rows instead of adding a dataset.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Columns not in the dataset, left out: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::ImportPages::ReadingPage</name>
    <message>
        <source>Check how the file is read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waymark guessed how the file is written. If the preview looks wrong, change a setting: the preview follows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Numbers use a decimal &amp;comma (3,5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Month first (03/31/2024)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Day first (31/03/2024)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Header rows:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>De&amp;limiter:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reading the file again…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Detected: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Excel workbook, sheet “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>separated by %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n header row(s)</source>
        <translation>
            <numerusform>%n header row</numerusform>
            <numerusform>%n header rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Header %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::ImportPages::RunPage</name>
    <message>
        <source>Import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waymark reads every row and checks every value. Nothing is added to the project until you click Finish.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What should happen to these rows?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Leave them out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Keep them, with the faulty values left empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Abandon the import</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The import was stopped; nothing was added to the project. Go back and forth to try again, or click Cancel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(whole row)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n row(s) read and checked.</source>
        <translation>
            <numerusform>%n row read and checked.</numerusform>
            <numerusform>%n rows read and checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them replace rows with the same key.</source>
        <translation>
            <numerusform>%n of them replace rows with the same key.</numerusform>
            <numerusform>%n of them replace rows with the same key.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s) left out.</source>
        <translation>
            <numerusform>%n bad row left out.</numerusform>
            <numerusform>%n bad rows left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s) kept with empty values.</source>
        <translation>
            <numerusform>%n bad row kept with empty values.</numerusform>
            <numerusform>%n bad rows kept with empty values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) name no touchpoint: %1.</source>
        <translation>
            <numerusform>%n row name no touchpoint: %1.</numerusform>
            <numerusform>%n rows name no touchpoint: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Click Finish to add the dataset to the project.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems (%1 problems in all; the first are listed below). Nothing has been imported yet.</source>
        <translation>
            <numerusform>%n row have problems (%1 problems in all; the first are listed below). Nothing has been imported yet.</numerusform>
            <numerusform>%n rows have problems (%1 problems in all; the first are listed below). Nothing has been imported yet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was added to the project.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::ImportWizard</name>
    <message>
        <source>Import Data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import Next Wave</source>
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
    <message>
        <source>Pr&amp;eferences…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import Data…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export Persona Sheets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>As &amp;PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>As P&amp;NG Pictures…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Personas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Persona &amp;Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The project has no personas to export yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exported 1 persona sheet to “%1”</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Exported %n persona sheets to “%1”</source>
        <translation>
            <numerusform>Exported %n persona sheets to “%1”</numerusform>
            <numerusform>Exported %n persona sheets to “%1”</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 personas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export Persona Sheets as PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export Persona Sheets as PNG Pictures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export Persona Sheets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The persona sheets could not be exported: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the map “%1” with its card?</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Delete the map “%1” with its %n cards?</source>
        <translation>
            <numerusform>Delete the map “%1” with its %n cards?</numerusform>
            <numerusform>Delete the map “%1” with its %n cards?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit ▸ Undo brings it back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Map name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Key Drivers</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::MapActions</name>
    <message>
        <source>&amp;Blank Grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new map with the five standard stages and lanes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Rename Map…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>D&amp;uplicate Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the current map; Undo brings it back. A project keeps at least one map.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move Map &amp;Left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move Map Righ&amp;t</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Previous Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ne&amp;xt Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Current State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This map shows the journey as customers live it today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Future State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This map shows the journey as it is meant to become</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add &amp;Stage After</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add Lane &amp;Below</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rena&amp;me Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Renam&amp;e Lane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Sta&amp;ge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete L&amp;ane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The stage and lane are those of the selected card or cell.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From a Template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a map's name and a number that sets it apart</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The blank grid could not be made: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The template “%1” could not be read: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New Map from Template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (copy)</source>
        <comment>the name of a duplicated map</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A project keeps at least one map. Add another map before deleting this one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a card or a cell first: its stage is the one renamed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a card or a cell first: its lane is the one renamed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a card or a cell first: its stage is the one deleted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a card or a cell first: its lane is the one deleted.</source>
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
    <message>
        <source>The clipboard holds no text or touchpoints to paste.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pasted the first %1 of %2 lines as touchpoints.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a Colour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Those touchpoints are already connected.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::MapStyle</name>
    <message>
        <source>Blue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Teal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amber</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Orange</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Purple</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Slate</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Metrics::Cache</name>
    <message>
        <source>The cached figures are not in Waymark's form.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached figures are larger than Waymark accepts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached figures were written in another version of the cache (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached figures were computed by another version of Waymark's metrics (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached figures are incomplete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached figures are damaged (their checksum does not match).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached figures claim to be larger than Waymark accepts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached figures cannot be unpacked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The cached figures cannot be read.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::Metrics::Engine</name>
    <message>
        <source>NPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSAT (top two boxes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>customer effort</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>conversion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its %1 (%2, %3 answers) is significantly below the rest of the map (%4): even the top of its 95% interval is under the bottom of theirs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its %1 fell from %2 in %3 to %4 in %5, a significant fall (p = %6).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1% of the %2 who reached it did not go on to “%3” on %4's path, significantly more than the %5% lost at the path's other steps.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1% of the %2 active users at this step of the funnel “%3” abandoned it, significantly more than the %4% at the funnel's other steps.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Touchpoints higher in this list are those whose score moves most with how likely customers are to recommend you overall: r near 1 means that the customers who rated this touchpoint well were, almost always, the ones who would recommend you. The list is ranked by the low end of the interval, so a link seen in many answers comes before one seen in a few. It shows where to look first, not what causes loyalty. The share of revenue says how much of the map's revenue passes through the touchpoint.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::MetricsActions</name>
    <message>
        <source>&amp;Headline Metric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Metric &amp;Badges</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show each card's headline metric and its number of answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Heat &amp;Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Colour the cards by their headline metric, compared with the rest of the map</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::MetricsOverlay</name>
    <message>
        <source>%1k</source>
        <comment>thousands</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1M</source>
        <comment>millions</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Struggling</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop-off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSAT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CES</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversion</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1%</source>
        <comment>a percentage</comment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 · %Ln order(s)</source>
        <comment>revenue on a card</comment>
        <translation>
            <numerusform>%1 · %Ln order</numerusform>
            <numerusform>%1 · %Ln orders</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · n %2</source>
        <comment>revenue and orders on a narrow card</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conv</source>
        <comment>short for conversion</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2 · n %3</source>
        <comment>a metric on a card: name, value, answers</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2 n %3</source>
        <comment>the same on a narrow card</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · n %2</source>
        <comment>value and answers on a very narrow card</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Heat map: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Heat map: no figures on this map yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paler: fewer than %1 answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>worse %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 better</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>map %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::PersonaDock</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unnamed persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Personas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>B2B roles only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New Persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a persona to the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit Persona…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit every field of the persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>D&amp;uplicate Persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a copy of the persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete Persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the persona and its paths on every map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move the persona up in the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move the persona down in the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by name, role, goal…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Library order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Business value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The order of the cards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show only the personas that describe a role in a customer organisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value ≥ </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Any business value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show only the personas whose business value is at least this much</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::PersonaEditor</name>
    <message>
        <source>New Persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit Persona — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose Photo…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No Photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A first and last name, such as Priya Shah</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Something they would say, in their own words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quote:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Colo&amp;ur:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>34, or a range: 35–44</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Occupation:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Socioeconomic background:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>L&amp;ifestyle:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Interests:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>O&amp;pinions:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Li&amp;kes:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Dislikes:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A&amp;ttitudes:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Psychographics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Goals:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Frustrations:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>N&amp;eeds:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Goals &amp;&amp; Needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preferred channels:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preferred devices:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Channels &amp;&amp; Devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For a role within a customer organisation. The business value weights this role's results in the metrics.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CIO, manager, technical staff…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Or&amp;ganisation:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Decision power:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Business value:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>B2B</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be used: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a Photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Photos (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::PersonaOverlay</name>
    <message>
        <source>Editing the path of %1: click the touchpoints in the order taken. Backspace removes the last step; Enter or Escape ends.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The path of %1 has %n step(s).</source>
        <translation>
            <numerusform>The path of %1 has %n step.</numerusform>
            <numerusform>The path of %1 has %n steps.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is already the last step of %2's path.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Step %1 of %2's path: %3.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1's path has %n step(s) now.</source>
        <translation>
            <numerusform>%1's path has %n step now.</numerusform>
            <numerusform>%1's path has %n steps now.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, future state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add to &amp;Path of</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No Personas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Focus On</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;None</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit Path of</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show &amp;All Paths</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off: only the path of the persona in focus shows on the cards.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Compare With Future State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shows the curves of “%1” dashed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::PersonaPhoto</name>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file is larger than %1 MB. Choose a smaller picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is not a picture Waymark can read. Choose a PNG or JPEG file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 pictures cannot be used as a persona's photo. Choose a PNG or JPEG file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture is damaged: its size cannot be read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture is %1 × %2 pixels, larger than Waymark accepts (at most %3 pixels a side and %4 megapixels). Choose a smaller picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture is incomplete: the file was cut short.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture is damaged and cannot be read (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The picture could not be converted (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file cannot be opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::PersonaSheet</name>
    <message>
        <source>very negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>slightly negative</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>slightly positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>very positive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>neutral</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unnamed persona</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Business value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Socioeconomic background</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lifestyle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Psychographics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Interests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opinions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attitudes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Likes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dislikes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Goals &amp; needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Frustrations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Channels &amp; devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preferred channels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preferred devices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In the buying organisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decision power</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Journeys</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not yet placed on any map.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>and %n more maps</source>
        <translation>
            <numerusform>and %n more maps</numerusform>
            <numerusform>and %n more maps</numerusform>
        </translation>
    </message>
    <message>
        <source>1 step</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n steps</source>
        <translation>
            <numerusform>%n steps</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>average feeling %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>feelings not scored yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Persona sheet · Waymark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There are no personas to export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Personas of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The PDF could not be started.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The folder cannot be created.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“%1” cannot be written: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Persona</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::PersonaStepsWidget</name>
    <message>
        <source>No persona's path comes here. Add this card to a path from its context menu, or with View ▸ Personas ▸ Edit Path of.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, step %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Personas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Personas here (%1):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How the persona feels here, from −3 (very negative) to +3 (very positive)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How they feel: frustrated, reassured…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add to Path of</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add this card at the end of a persona's path on this map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move this step earlier in the path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move this step later in the path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove this step from the path</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Waymark::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signs the comments, pain points and opportunities you add, so that a team can tell who wrote what. Left empty, your login name signs them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New projects from:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The template File ▸ New starts from when you press %1.</source>
        <translation type="unfinished" />
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
    <message>
        <source>The built-in template “%1” is damaged in this build of Waymark. Reinstall Waymark.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no built-in template called “%1”.</source>
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
    <message>
        <source>dataset “%1” shares its table of rows with another</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an attachment of “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an attachment of dataset “%1” names a column it does not have</source>
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
    <message>
        <source>Automatic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>NPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSAT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversion</source>
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