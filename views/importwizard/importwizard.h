// The import wizard: a survey, sales or analytics export read into the project as one
// dataset, page by page (the file, how it is read, its columns, its attachment to
// touchpoints, the import itself). Reading the start of the file and importing it both run
// off the UI thread; the dataset reaches the document as one undo step only on Finish, so
// Cancel at any point leaves the project as it was.
#pragma once

#include "entities.h"
#include "import/importer.h"
#include "import/sniffer.h"

#include <QFutureWatcher>
#include <QWizard>

#include <atomic>
#include <memory>
#include <optional>

namespace Waymark {

class Document;

namespace ImportPages {
class FilePage;
class ReadingPage;
class ColumnsPage;
class AttachmentPage;
class RunPage;
} // namespace ImportPages

// What a worker found out about the file: the plan, and the records for the preview.
struct ImportProbe
{
    std::optional<Import::ImportPlan> plan;
    Import::SniffResult sniff;
    QString error;
    quint64 generation = 0;
};

class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        FilePageId,
        ReadingPageId,
        ColumnsPageId,
        AttachmentPageId,
        ImportPageId
    };

    // With nextWaveOf, the file is read as that dataset's mapping says and updates it.
    explicit ImportWizard(Document *document, QWidget *parent = nullptr, const Id &nextWaveOf = {});
    ~ImportWizard() override;

    Document *document() const { return mDocument; }

    // The file to read; re-plans on a worker (planReady() follows).
    void setFilePath(const QString &path);
    QString filePath() const { return mFilePath; }

    // The overrides of the Reading page; each re-plans.
    Import::PlanOptions &options() { return mOptions; }
    // Not in PlanOptions: applied to each new plan.
    std::optional<bool> decimalCommaOverride;
    std::optional<Import::DateOrder> dateOrderOverride;
    void replan();
    bool isPlanning() const { return mPlanning; }
    const std::optional<Import::ImportPlan> &plan() const { return mPlan; }
    Import::ImportPlan *mutablePlan() { return mPlan ? &*mPlan : nullptr; }
    const Import::SniffResult &sniff() const { return mSniff; }
    QString planError() const { return mPlanError; }

    // The dataset this import updates (a next wave), or null.
    Id nextWaveOf() const { return mNextWaveOf; }
    void setNextWaveOf(const Id &datasetId);

    // The import on a worker thread with the plan's bad-row policy; importFinished() follows.
    void startImport(Import::BadRowPolicy policy);
    void cancelImport();
    bool isImporting() const { return mImporting; }
    const std::optional<Import::ImportResult> &result() const { return mResult; }

    // A next wave reads the file as its dataset's mapping says: from the file straight to
    // the import.
    int nextId() const override;
    void accept() override;
    void reject() override;

signals:
    void planReady();
    void importProgress(qint64 done, qint64 total);
    void importFinished();

private:
    void planFinished();

    Document *mDocument;
    QString mFilePath;
    Import::PlanOptions mOptions;
    Id mNextWaveOf;

    std::optional<Import::ImportPlan> mPlan;
    Import::SniffResult mSniff;
    QString mPlanError;
    bool mPlanning = false;
    quint64 mGeneration = 0;
    bool mPendingPlan = false; // a request came while a worker was busy
    QFutureWatcher<ImportProbe> mPlanWatcher;

    bool mImporting = false;
    bool mRejectWhenStopped = false;
    std::atomic_bool mCancel = false;
    std::optional<Import::ImportResult> mResult;
    QFutureWatcher<Import::ImportResult> mImportWatcher;
};

} // namespace Waymark
