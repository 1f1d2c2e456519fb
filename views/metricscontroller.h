// Keeps a document's metrics current without holding up the window: after a burst of changes
// that can alter them (datasets, attachments, cards, maps, stages, persona steps, headlines)
// it waits a moment, then runs the metrics engine over the working copy on a worker thread.
// A newer change cancels the run in progress; only the newest run's figures are published.
// Figures for inputs met before come from the project's metrics cache without a scan, and new
// ones are stored there.
#pragma once

#include "metrics/metricsengine.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QTimer;

namespace Waymark {

struct ChangeEvent;
class Document;

class MetricsController : public QObject
{
    Q_OBJECT

public:
    explicit MetricsController(QObject *parent = nullptr);
    ~MetricsController() override;

    void setDocument(Document *document); // nullptr: none
    Document *document() const { return mDocument; }
    std::shared_ptr<const Metrics::Result>
    result() const; // the latest figures; null before the first
    bool isComputing() const;
    void recompute(); // now, without waiting for the debounce

    // How long the controller waits after the last change before it computes.
    static constexpr int DebounceMs = 300;

signals:
    void resultChanged(); // result() holds new figures
    void computingChanged(bool computing);

private:
    struct Run;

    void onDocumentChanged(const ChangeEvent &event);
    void onDocumentReset();
    void cancelRun();
    void startRun();
    void finishRun(Run *run);
    void setComputing(bool computing);
    void publish(std::shared_ptr<const Metrics::Result> result);

    QPointer<Document> mDocument;
    QTimer *mDebounce;
    std::shared_ptr<const Metrics::Result> mResult;
    // The run whose figures will be published, if one is in flight.
    std::shared_ptr<Run> mRun;
    // Runs that a newer change cancelled but that have not stopped yet: a new run waits for
    // them, so that at most one pass reads the data at a time.
    QList<std::shared_ptr<Run>> mStale;
    bool mStartWhenIdle = false;
    bool mComputing = false;
};

} // namespace Waymark
