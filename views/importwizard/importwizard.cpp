#include "importwizard.h"

#include "commands.h"
#include "document.h"
#include "importpages.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

// Runs on a worker: plan() reads the start of the file, sniff() gives the records that the
// preview shows, read the way the plan says.
ImportProbe probeFile(const QString &path, const Import::PlanOptions &options,
                      const std::optional<Dataset> &wave, quint64 generation)
{
    ImportProbe probe;
    probe.generation = generation;
    QString error;
    probe.plan =
        wave ? Import::planNextWave(path, *wave, &error) : Import::plan(path, options, &error);
    probe.error = error;

    Import::SniffOptions sniffOptions;
    if (probe.plan) {
        if (!probe.plan->workbook) {
            sniffOptions.encoding = probe.plan->encoding;
            sniffOptions.delimiter = probe.plan->delimiter;
        }
        sniffOptions.format = probe.plan->format;
        sniffOptions.headerRows = probe.plan->headerRows;
        sniffOptions.decimalComma = probe.plan->decimalComma;
        sniffOptions.sheet = probe.plan->sheet;
    } else {
        sniffOptions.encoding = options.encoding;
        sniffOptions.delimiter = options.delimiter;
        sniffOptions.format = options.format;
        sniffOptions.headerRows = options.headerRows;
        sniffOptions.sheet = options.sheet;
    }
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        probe.sniff = Import::sniff(&file, sniffOptions);
    return probe;
}

} // namespace

ImportWizard::ImportWizard(Document *document, QWidget *parent, const Id &nextWaveOf)
    : QWizard(parent)
    , mDocument(document)
    , mNextWaveOf(nextWaveOf)
{
    setObjectName(u"importWizard"_s);
    setWindowTitle(nextWaveOf.isNull() ? tr("Import Data") : tr("Import Next Wave"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setOption(QWizard::HaveHelpButton, false);
    setMinimumSize(900, 620);

    setPage(FilePageId, new ImportPages::FilePage(this));
    setPage(ReadingPageId, new ImportPages::ReadingPage(this));
    setPage(ColumnsPageId, new ImportPages::ColumnsPage(this));
    setPage(AttachmentPageId, new ImportPages::AttachmentPage(this));
    setPage(ImportPageId, new ImportPages::RunPage(this));

    connect(&mPlanWatcher, &QFutureWatcher<ImportProbe>::finished, this,
            &ImportWizard::planFinished);
    connect(&mImportWatcher, &QFutureWatcher<Import::ImportResult>::finished, this, [this] {
        mImporting = false;
        mDocument->releaseWrites();
        mResult = mImportWatcher.result();
        if (mRejectWhenStopped) {
            QWizard::reject();
            return;
        }
        emit importFinished();
    });
}

ImportWizard::~ImportWizard()
{
    // The workers hold references to this wizard's members.
    mCancel = true;
    mImportWatcher.waitForFinished();
    mPlanWatcher.waitForFinished();
    if (mImporting)
        mDocument->releaseWrites(); // the finished handler will not run now
}

void ImportWizard::setFilePath(const QString &path)
{
    if (path == mFilePath)
        return;
    mFilePath = path;
    mOptions = {};
    decimalCommaOverride.reset();
    dateOrderOverride.reset();
    replan();
}

void ImportWizard::setNextWaveOf(const Id &datasetId)
{
    if (datasetId == mNextWaveOf)
        return;
    mNextWaveOf = datasetId;
    replan();
}

void ImportWizard::replan()
{
    ++mGeneration;
    mPlan.reset();
    mPlanError.clear();
    if (mFilePath.isEmpty()) {
        mPlanning = false;
        emit planReady();
        return;
    }

    std::optional<Dataset> wave;
    for (const Dataset &d : mDocument->project().datasets) {
        if (d.id == mNextWaveOf)
            wave = d;
    }
    mPlanning = true;
    // A newer request makes the running one stale; its answer is dropped in planFinished().
    const QString path = mFilePath;
    const Import::PlanOptions options = mOptions;
    const quint64 generation = mGeneration;
    if (mPlanWatcher.isRunning()) {
        mPendingPlan = true;
        return;
    }
    mPlanWatcher.setFuture(QtConcurrent::run(probeFile, path, options, wave, generation));
}

void ImportWizard::planFinished()
{
    if (mPendingPlan) {
        mPendingPlan = false;
        mPlanning = false;
        replan();
        return;
    }
    ImportProbe probe = mPlanWatcher.result();
    if (probe.generation != mGeneration)
        return;
    mPlanning = false;
    mPlan = std::move(probe.plan);
    mSniff = std::move(probe.sniff);
    mPlanError = probe.error;
    if (mPlan) {
        if (decimalCommaOverride)
            mPlan->decimalComma = *decimalCommaOverride;
        if (dateOrderOverride)
            mPlan->dateOrder = *dateOrderOverride;
    }
    emit planReady();
}

void ImportWizard::startImport(Import::BadRowPolicy policy)
{
    if (!mPlan || mImporting)
        return;
    mResult.reset();
    mCancel = false;
    mImporting = true;

    Import::ImportPlan plan = *mPlan;
    plan.onBadRows = policy;
    auto importer = std::make_shared<Import::Importer>(plan, mDocument->project());
    importer->cancel = &mCancel;
    // The callback runs on the worker; the wizard hears of it on its own thread, and not at
    // all once it is gone.
    importer->progress = [this](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            this, [this, done, total] { emit importProgress(done, total); }, Qt::QueuedConnection);
    };
    // The import holds the working copy's write lock until it commits (minutes, for a large
    // file): the document's own writes meanwhile would fail as busy, so they wait in memory
    // and are written when it ends, as a drag's are.
    mDocument->holdWrites();
    const QString database = mDocument->workingCopyPath();
    mImportWatcher.setFuture(
        QtConcurrent::run([importer, database] { return importer->run(database); }));
}

void ImportWizard::cancelImport()
{
    mCancel = true;
}

int ImportWizard::nextId() const
{
    if (currentId() == FilePageId && !mNextWaveOf.isNull())
        return ImportPageId;
    return QWizard::nextId();
}

void ImportWizard::accept()
{
    if (!mResult || !mResult->ok)
        return;
    if (auto command = Commands::importDataset(mDocument, mResult->dataset))
        mDocument->push(command.release());
    QWizard::accept();
}

void ImportWizard::reject()
{
    // The import stops between two batches and rolls back; the wizard closes then.
    if (mImporting) {
        mRejectWhenStopped = true;
        mCancel = true;
        return;
    }
    QWizard::reject();
}

} // namespace Waymark
