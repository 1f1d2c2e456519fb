// waymark import: a survey, sales or analytics export into a project file, as one dataset,
// saved as atomically as the window's Save.
#include "commandline.h"
#include "document.h"
#include "import/dialect.h"
#include "import/fileimport.h"
#include "import/importer.h"
#include "import/touchpointmatcher.h"
#include "subcommand.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Waymark::Cli {

namespace {

constexpr qsizetype listedBadValues = 20;

int usage(Console &console, const QString &message)
{
    return usageError(console, u"import"_s, message);
}

// Reads the options that change how the file is read; a usage error returns its exit code.
std::optional<int> readOptions(const QCommandLineParser &parser, Console &console,
                               Import::PlanOptions *options)
{
    if (parser.isSet(u"format"_s) && parser.value(u"format"_s) != u"auto"_s) {
        options->format = Import::sourceFormatFromKey(parser.value(u"format"_s));
        if (!options->format) {
            QStringList keys = {u"auto"_s};
            for (Import::SourceFormat f : Import::allSourceFormats())
                keys.append(Import::sourceFormatKey(f));
            return usage(console, Text::tr("Unknown format '%1'; use one of %2.")
                                      .arg(parser.value(u"format"_s), keys.join(u", "_s)));
        }
    }
    if (parser.isSet(u"encoding"_s)) {
        options->encoding = Import::encodingFromName(parser.value(u"encoding"_s));
        if (!options->encoding)
            return usage(console, Text::tr("Unknown encoding '%1'; use utf-8, utf-16le, utf-16be, "
                                           "windows-1252 or iso-8859-1.")
                                      .arg(parser.value(u"encoding"_s)));
    }
    if (parser.isSet(u"delimiter"_s)) {
        options->delimiter = Import::delimiterFromName(parser.value(u"delimiter"_s));
        if (!options->delimiter)
            return usage(console, Text::tr("Unknown delimiter '%1'; use , ; | or tab.")
                                      .arg(parser.value(u"delimiter"_s)));
    }
    if (parser.isSet(u"header-rows"_s)) {
        bool ok = false;
        const int rows = parser.value(u"header-rows"_s).toInt(&ok);
        if (!ok || rows < 0 || rows > 100)
            return usage(console, Text::tr("--header-rows takes a number from 0 to 100."));
        options->headerRows = rows;
    }
    options->sheet = parser.value(u"sheet"_s);
    return std::nullopt;
}

void printBadValues(const Import::ImportResult &result, QTextStream &out)
{
    for (qsizetype i = 0; i < result.badValues.size() && i < listedBadValues; ++i) {
        const Import::BadValue &b = result.badValues[i];
        const QString where = b.column > 0 ? Text::tr("row %1 (line %2), column %3 “%4”")
                                                 .arg(b.record)
                                                 .arg(b.line)
                                                 .arg(b.column)
                                                 .arg(b.columnName)
                                           : Text::tr("row %1 (line %2)").arg(b.record).arg(b.line);
        out << u"  "_s << where;
        if (b.column > 0)
            out << u": “"_s << b.value << u'”';
        out << u": "_s << b.reason << u'\n';
    }
    if (result.badValueCount > listedBadValues)
        out << u"  "_s
            << Text::tr("… and %1 more problems").arg(result.badValueCount - listedBadValues)
            << u'\n';
}

void printSummary(const Import::ImportResult &result, QTextStream &out)
{
    const Dataset &d = result.dataset;
    out << Text::tr("Imported %n row(s) of %1 into the dataset “%2” (%3, %4 columns).", nullptr,
                    int(result.rowsImported))
               .arg(d.sourceFile, d.name, d.format)
               .arg(d.columns.size())
        << u'\n';
    if (result.rowsReplaced > 0)
        out << Text::tr("Replaced %n row(s) that had the same key.", nullptr,
                        int(result.rowsReplaced))
            << u'\n';
    if (result.rowsSkipped > 0)
        out << Text::tr("Rejected %n row(s):", nullptr, int(result.rowsSkipped)) << u'\n';
    if (result.rowsKept > 0)
        out << Text::tr("Kept %n row(s) with the values below left empty:", nullptr,
                        int(result.rowsKept))
            << u'\n';
    printBadValues(result, out);
    if (result.unmatchedRows > 0)
        out << Text::tr("%n row(s) name no touchpoint: %1", nullptr, int(result.unmatchedRows))
                   .arg(result.unmatchedTouchpoints.join(u", "_s))
            << u'\n';
}

int runImport(const QCommandLineParser &parser, Console &console)
{
    const QString projectPath = parser.positionalArguments().at(0);
    const QString exportPath = parser.positionalArguments().at(1);

    Import::PlanOptions options;
    if (const std::optional<int> code = readOptions(parser, console, &options))
        return *code;
    if (parser.isSet(u"attach"_s) && parser.isSet(u"touchpoint-column"_s))
        return usage(console,
                     Text::tr("--attach and --touchpoint-column cannot be used together."));
    Import::BadRowPolicy policy = Import::BadRowPolicy::Skip;
    if (parser.isSet(u"on-bad-rows"_s)) {
        const std::optional<Import::BadRowPolicy> p =
            Import::badRowPolicyFromKey(parser.value(u"on-bad-rows"_s));
        if (!p)
            return usage(console, Text::tr("--on-bad-rows takes skip, keep or fail."));
        policy = *p;
    }

    StorageError storageError;
    std::unique_ptr<Document> doc = Document::open(projectPath, &storageError);
    if (!doc) {
        fileError(console, projectPath, storageError.message);
        return UsageOrUnreadable;
    }

    // A dataset of the same name is updated: this exportPath is its next wave.
    const QString name = parser.isSet(u"name"_s) ? parser.value(u"name"_s)
                                                 : QFileInfo(exportPath).completeBaseName();
    const Dataset *existing = nullptr;
    for (const Dataset &d : doc->project().datasets) {
        if (d.name == name)
            existing = &d;
    }
    QString error;
    std::optional<Import::ImportPlan> plan =
        existing ? Import::planNextWave(exportPath, *existing, &error)
                 : Import::plan(exportPath, options, &error);
    if (!plan) {
        console.err << u"waymark: "_s << error << u'\n';
        console.err << Text::tr("%1 was left as it was.").arg(projectPath) << u'\n';
        return Refused;
    }
    plan->datasetName = name;
    plan->onBadRows = policy;

    for (const QString &assignment : parser.values(u"role"_s)) {
        const qsizetype equals = assignment.lastIndexOf(u'=');
        const std::optional<ColumnRole> role =
            equals > 0 ? fromKey<ColumnRole>(assignment.mid(equals + 1)) : std::nullopt;
        if (!role) {
            QStringList keys;
            for (ColumnRole r : allValues<ColumnRole>())
                keys.append(toKey(r));
            return usage(console, Text::tr("--role takes COLUMN=ROLE, ROLE one of %1; not '%2'.")
                                      .arg(keys.join(u", "_s), assignment));
        }
        const qsizetype column = Import::findColumn(*plan, assignment.left(equals));
        if (column < 0)
            return usage(console,
                         Text::tr("“%1” has no column “%2”.")
                             .arg(QFileInfo(exportPath).fileName(), assignment.left(equals)));
        plan->columns[column].role = *role;
    }

    if (parser.isSet(u"attach"_s)) {
        const Import::TouchpointMatcher matcher(doc->project());
        const std::optional<Id> touchpoint = matcher.match(parser.value(u"attach"_s));
        if (!touchpoint) {
            fileError(console, projectPath,
                      Text::tr("There is no touchpoint “%1” in the project.")
                          .arg(parser.value(u"attach"_s)));
            return Refused;
        }
        DatasetAttachment a;
        a.kind = AttachmentKind::WholeDataset;
        a.touchpointId = *touchpoint;
        plan->attachments = {a};
    } else if (parser.isSet(u"touchpoint-column"_s)) {
        const qsizetype column = Import::findColumn(*plan, parser.value(u"touchpoint-column"_s));
        if (column < 0)
            return usage(console, Text::tr("“%1” has no column “%2”.")
                                      .arg(QFileInfo(exportPath).fileName(),
                                           parser.value(u"touchpoint-column"_s)));
        Import::attachByColumn(*plan, column);
    }

    // Straight into the file rather than through the working copy and a save: each page of
    // the rows is written once (see import/fileimport.h).
    Import::Importer importer(*plan, doc->project());
    Import::ImportResult result;
    if (!Import::importIntoFile(*doc, importer, projectPath, &result, &storageError)) {
        if (storageError) {
            fileError(console, projectPath, storageError.message);
            return UsageOrUnreadable;
        }
        console.err << u"waymark: "_s << result.error << u'\n';
        printBadValues(result, console.err);
        console.err << Text::tr("%1 was left as it was.").arg(projectPath) << u'\n';
        return Refused;
    }
    printSummary(result, console.out);
    if (!plan->ignoredFields.isEmpty())
        console.out << Text::tr("Columns not in the dataset, left out: %1")
                           .arg(plan->ignoredFields.join(u", "_s))
                    << u'\n';
    return Success;
}

} // namespace

Subcommand importCommand()
{
    Subcommand command;
    command.name = u"import"_s;
    command.summary = Text::tr("Import a survey, sales or analytics export as a dataset.");
    command.synopsis = Text::tr("[options] FILE DATA");
    command.description = Text::tr(
        "Imports the export DATA (a CSV or TSV file, or an XLSX workbook) into the project\n"
        "file FILE as one dataset, and saves FILE: it then holds the whole dataset or, if\n"
        "anything goes wrong, is left as it was. Exports of Qualtrics, SurveyMonkey, Google\n"
        "Forms, Typeform, Shopify and GA4 funnel explorations are recognised; --format\n"
        "overrides. A dataset of the same name already in FILE is updated instead: DATA is\n"
        "read as it was, and rows with the key of a row already there replace it.\n"
        "\n"
        "COLUMN is a column's name as Waymark shows it (with several header rows, the name in\n"
        "the first) or its position counted from 1; TOUCHPOINT is a touchpoint's title or id.");
    command.options = {
        QCommandLineOption(u"name"_s, Text::tr("The dataset's name (default: DATA's name)."),
                           Text::tr("NAME")),
        QCommandLineOption(
            u"format"_s,
            Text::tr("auto, qualtrics, surveymonkey, google-forms, typeform, shopify, "
                     "ga4-funnel or csv."),
            Text::tr("FORMAT")),
        QCommandLineOption(u"sheet"_s, Text::tr("The sheet of a workbook."), Text::tr("NAME")),
        QCommandLineOption(u"encoding"_s,
                           Text::tr("utf-8, utf-16le, utf-16be, windows-1252 or iso-8859-1."),
                           Text::tr("NAME")),
        QCommandLineOption(u"delimiter"_s, Text::tr("The field delimiter: , ; | or tab."),
                           Text::tr("C")),
        QCommandLineOption(u"header-rows"_s, Text::tr("How many rows are headers."), Text::tr("N")),
        QCommandLineOption(u"role"_s, Text::tr("Give a column a role (repeatable)."),
                           Text::tr("COLUMN=ROLE")),
        QCommandLineOption(u"attach"_s, Text::tr("Attach the whole dataset to a touchpoint."),
                           Text::tr("TOUCHPOINT")),
        QCommandLineOption(u"touchpoint-column"_s,
                           Text::tr("Attach each row to the touchpoint its column names."),
                           Text::tr("COLUMN")),
        QCommandLineOption(
            u"on-bad-rows"_s,
            Text::tr("skip (the default), keep (with the bad values empty) or fail."),
            Text::tr("POLICY")),
    };
    command.positionals = {Text::tr("FILE"), Text::tr("DATA")};
    command.exitStatus =
        Text::tr("  0  the dataset was imported and FILE saved\n"
                 "  1  refused: DATA cannot be read or imported, a bad row with\n"
                 "     --on-bad-rows fail, or no such touchpoint; FILE is unchanged\n"
                 "  2  a usage error, or FILE cannot be opened or saved\n");
    command.run = runImport;
    return command;
}

} // namespace Waymark::Cli
