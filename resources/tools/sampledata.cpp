// waymark-sampledata: attaches the sample survey and the sample orders (resources/data) to the
// sample project that waymark-templatec compiled, through the same importer and undo command
// as `waymark import`, so that the sample shows what an import gives. Any problem stops the
// build with a message naming the file and the problem.
//
//   waymark-sampledata SAMPLE.waymark SURVEY.csv ORDERS.csv OUTPUT.waymark
#include "commands.h"
#include "document.h"
#include "import/importer.h"
#include "import/touchpointmatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>
#include <utility>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

void complain(const QString &message)
{
    std::fprintf(stderr, "waymark-sampledata: %s\n", qUtf8Printable(message));
}

// Imports path into doc; roles gives columns (by their first header's name) a role, and the
// rows attach by touchpointColumn, or, when that is empty, all to the touchpoint wholeTo.
bool importInto(Document *doc, const QString &path, const QString &name,
                const QList<std::pair<QString, ColumnRole>> &roles, const QString &touchpointColumn,
                const QString &wholeTo)
{
    QString error;
    std::optional<Import::ImportPlan> plan = Import::plan(path, {}, &error);
    if (!plan) {
        complain(error);
        return false;
    }
    plan->datasetName = name;
    plan->onBadRows = Import::BadRowPolicy::Fail;
    for (const auto &[column, role] : roles) {
        const qsizetype index = Import::findColumn(*plan, column);
        if (index < 0) {
            complain(u"%1: no column “%2”"_s.arg(path, column));
            return false;
        }
        plan->columns[index].role = role;
    }

    DatasetAttachment attachment;
    if (!touchpointColumn.isEmpty()) {
        attachment.kind = AttachmentKind::ByColumn;
        attachment.column = Import::findColumn(*plan, touchpointColumn);
        if (attachment.column < 0) {
            complain(u"%1: no column “%2”"_s.arg(path, touchpointColumn));
            return false;
        }
        plan->columns[attachment.column].role = ColumnRole::Touchpoint;
    } else {
        const std::optional<Id> touchpoint =
            Import::TouchpointMatcher(doc->project()).match(wholeTo);
        if (!touchpoint) {
            complain(u"the sample has no touchpoint “%1”"_s.arg(wholeTo));
            return false;
        }
        attachment.kind = AttachmentKind::WholeDataset;
        attachment.touchpointId = *touchpoint;
    }
    plan->attachments = {attachment};

    Import::Importer importer(*plan, doc->project());
    const Import::ImportResult result = importer.run(doc->workingCopyPath());
    if (!result.ok) {
        complain(u"%1: %2"_s.arg(path, result.error));
        return false;
    }
    // The sample's data is written for the sample's map: a value the map does not know is a
    // mistake in resources/data, not something to ship.
    if (result.rowsSkipped > 0 || result.unmatchedRows > 0) {
        complain(u"%1: %2 rows skipped, %3 rows name no touchpoint of the sample (%4)"_s.arg(path)
                     .arg(result.rowsSkipped)
                     .arg(result.unmatchedRows)
                     .arg(result.unmatchedTouchpoints.join(u", "_s)));
        return false;
    }
    Commands::Command command = Commands::importDataset(doc, result.dataset);
    if (!command) {
        complain(u"%1: the dataset could not be added"_s.arg(path));
        return false;
    }
    doc->push(command.release());
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // The documents' working copies go to a folder of this run, never the user's data folder.
    QTemporaryDir work;
    if (!work.isValid()) {
        complain(u"cannot make a temporary folder"_s);
        return 1;
    }
    qputenv("XDG_DATA_HOME", QFile::encodeName(work.path()));
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"waymark.*.info=false"_s);

    const QStringList arguments = app.arguments();
    if (arguments.size() != 5) {
        complain(u"usage: waymark-sampledata SAMPLE.waymark SURVEY.csv ORDERS.csv OUTPUT"_s);
        return 2;
    }

    StorageError storageError;
    std::unique_ptr<Document> doc = Document::open(arguments.at(1), &storageError);
    if (!doc) {
        complain(u"%1: %2 %3"_s.arg(arguments.at(1), storageError.message, storageError.detail));
        return 1;
    }
    const QList<std::pair<QString, ColumnRole>> surveyRoles = {
        {u"Q1"_s, ColumnRole::Nps},     {u"Q2"_s, ColumnRole::Csat},    {u"Q3"_s, ColumnRole::Ces},
        {u"Q5"_s, ColumnRole::Segment}, {u"Q6"_s, ColumnRole::Segment}, {u"Q7"_s, ColumnRole::Text},
    };
    if (!importInto(doc.get(), arguments.at(2), u"Spring survey"_s, surveyRoles, u"Q4"_s, {}))
        return 1;
    // Orders are placed at the checkout: the whole export belongs to that card.
    if (!importInto(doc.get(), arguments.at(3), u"Spring orders"_s, {}, {}, u"Checkout"_s))
        return 1;

    QFile::remove(arguments.at(4));
    if (!doc->saveAs(arguments.at(4), &storageError)) {
        complain(u"%1: %2 %3"_s.arg(arguments.at(4), storageError.message, storageError.detail));
        return 1;
    }
    return 0;
}
