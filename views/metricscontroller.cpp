#include "metricscontroller.h"

#include "canvaslogging.h"
#include "changeevent.h"
#include "document.h"
#include "metrics/metricscache.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Waymark {

namespace {

bool only(Fields fields, Fields allowed)
{
    return (fields & ~allowed).toInt() == 0;
}

// Whether a change can alter any figure, flag or the order of the results. A card's colour,
// a connector or a note cannot.
bool affectsMetrics(const ChangeEvent &event)
{
    const bool modified = event.change == ChangeKind::Modified;
    switch (event.entity) {
    case EntityKind::Project:
    case EntityKind::Dataset:
    case EntityKind::Stage:
        return true;
    case EntityKind::Map:
        return !modified || (event.fields & (Field::Name | Field::Headline | Field::Order)).toInt();
    case EntityKind::Lane:
        return !modified || event.fields.testFlag(Field::Order);
    case EntityKind::Touchpoint:
        // The title matters: rows name their touchpoint by it.
        return !modified ||
               !only(event.fields, Field::Description | Field::Color | Field::TouchpointChannel |
                                       Field::TouchpointDevices | Field::Owner | Field::Tags |
                                       Field::TouchpointEvidence | Field::Notes);
    case EntityKind::PersonaStep:
        return !modified || !only(event.fields, Field::Emotion | Field::Feeling);
    case EntityKind::Persona:
        // The name and the profile decide which rows weigh a persona's business value.
        return !modified || !only(event.fields, Field::Color | Field::Photo);
    case EntityKind::Connector:
    case EntityKind::Annotation:
        return false;
    }
    return true;
}

std::optional<Metrics::Measure> measureOf(HeadlineMetric headline)
{
    switch (headline) {
    case HeadlineMetric::Automatic:
        return std::nullopt;
    case HeadlineMetric::Nps:
        return Metrics::Measure::Nps;
    case HeadlineMetric::Csat:
        return Metrics::Measure::Csat;
    case HeadlineMetric::Ces:
        return Metrics::Measure::Ces;
    case HeadlineMetric::Rating:
        return Metrics::Measure::Rating;
    case HeadlineMetric::Conversion:
        return Metrics::Measure::Conversion;
    case HeadlineMetric::Revenue:
        return Metrics::Measure::Revenue;
    }
    return std::nullopt;
}

} // namespace

// One computation: its cancel flag and the watcher that brings its result back to this
// thread. The flag is shared with the worker, which may outlive the controller.
struct MetricsController::Run
{
    // What the worker brings back: the figures, and their encoding for the project's cache.
    struct Outcome
    {
        Metrics::Result result;
        QByteArray encoded;
    };

    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    QByteArray key; // of the cache
    QFutureWatcher<Outcome> watcher;
    QElapsedTimer timer;
};

MetricsController::MetricsController(QObject *parent)
    : QObject(parent)
    , mDebounce(new QTimer(this))
{
    mDebounce->setSingleShot(true);
    mDebounce->setInterval(DebounceMs);
    connect(mDebounce, &QTimer::timeout, this, &MetricsController::startRun);
}

MetricsController::~MetricsController()
{
    // A worker still running finds its flag set and stops at its next step; nothing waits
    // for it here, and its result goes nowhere.
    cancelRun();
}

void MetricsController::setDocument(Document *document)
{
    if (document == mDocument)
        return;
    if (mDocument)
        disconnect(mDocument, nullptr, this, nullptr);
    cancelRun();
    mDebounce->stop();
    mDocument = document;
    setComputing(false);
    publish(nullptr);
    if (!mDocument)
        return;
    connect(mDocument, &Document::changed, this, &MetricsController::onDocumentChanged);
    connect(mDocument, &Document::reset, this, &MetricsController::onDocumentReset);
    // Figures wait for the check of the rows after opening, and leave out what it found
    // damaged (see startRun()).
    connect(mDocument, &Document::rowsCheckFinished, this, &MetricsController::recompute);
    // A document that is gone takes its figures along (mDocument is already null by then).
    connect(mDocument, &QObject::destroyed, this, [this] {
        cancelRun();
        mDebounce->stop();
        setComputing(false);
        publish(nullptr);
    });
    recompute();
}

std::shared_ptr<const Metrics::Result> MetricsController::result() const
{
    return mResult;
}

bool MetricsController::isComputing() const
{
    return mComputing;
}

void MetricsController::recompute()
{
    mDebounce->stop();
    startRun();
}

void MetricsController::onDocumentChanged(const ChangeEvent &event)
{
    if (!affectsMetrics(event))
        return;
    // Figures of the project as it was are of no use once it changed.
    cancelRun();
    mDebounce->start();
}

void MetricsController::onDocumentReset()
{
    cancelRun();
    mDebounce->start();
}

void MetricsController::cancelRun()
{
    mStartWhenIdle = false;
    if (!mRun)
        return;
    mRun->cancel->store(true);
    // Kept until its worker is done: the result it brings is dropped.
    mStale.append(std::move(mRun));
    mRun.reset();
}

void MetricsController::startRun()
{
    cancelRun();
    if (!mDocument) {
        setComputing(false);
        return;
    }
    setComputing(true);
    // One pass at a time reads the data; a cancelled run stops within one attachment's pass.
    if (!mStale.isEmpty()) {
        mStartWhenIdle = true;
        return;
    }
    // Rows that the check after opening has not yet vouched for give no figures, and nor do
    // cached figures of a file that may since have been damaged: rowsCheckFinished() starts
    // the run again.
    if (!mDocument->rowsChecked())
        return;

    // A dataset whose rows are damaged is left out, as if it had not been imported: its
    // figures cannot be trusted (the window's status bar has said why).
    Project project = mDocument->project();
    const QList<Id> damaged = mDocument->damagedDatasets();
    if (!damaged.isEmpty()) {
        project.datasets.removeIf([&](const Dataset &d) { return damaged.contains(d.id); });
        qCInfo(lcCanvas) << "metrics leave out" << damaged.size() << "damaged dataset(s)";
    }
    Metrics::Options options;
    for (const JourneyMap &map : project.maps) {
        if (const std::optional<Metrics::Measure> measure = measureOf(map.headline))
            options.headline.insert(map.id, *measure);
    }

    // Figures computed before for these very inputs (kept in the project file) need no scan.
    const QByteArray key = Metrics::inputsKey(project, options);
    if (const std::optional<QByteArray> cached = mDocument->cachedMetrics(key)) {
        QString error;
        if (std::optional<Metrics::Result> result = Metrics::decode(*cached, &error)) {
            setComputing(false);
            publish(std::make_shared<const Metrics::Result>(std::move(*result)));
            return;
        }
        qCWarning(lcCanvas) << "the cached metrics are unreadable, computing them again:" << error;
    }

    mRun = std::make_shared<Run>();
    Run *run = mRun.get();
    run->key = key;
    connect(&run->watcher, &QFutureWatcherBase::finished, this, [this, run] { finishRun(run); });
    run->timer.start();
    // The engine copies the project, so the worker never touches the document. It reads the
    // working copy on a read-only connection of its own: the working copy is in WAL mode
    // (storage/workingcopy.cpp), where a reader sees the last committed transaction and
    // neither blocks the document's writes nor waits for them, so no busy timeout is needed.
    auto engine = std::make_shared<const Metrics::Engine>(project, mDocument->workingCopyPath());
    const std::shared_ptr<std::atomic_bool> cancel = run->cancel;
    run->watcher.setFuture(QtConcurrent::run([engine, options, cancel] {
        Metrics::Options own = options;
        own.cancel = cancel.get();
        Run::Outcome outcome{engine->compute(own), {}};
        if (outcome.result.ok && !outcome.result.cancelled && !cancel->load())
            outcome.encoded = Metrics::encode(outcome.result);
        return outcome;
    }));
}

void MetricsController::finishRun(Run *run)
{
    // The run's watcher is the sender of the signal being handled: it goes on the next turn.
    std::shared_ptr<Run> done;
    if (mRun.get() == run) {
        done = std::move(mRun);
        mRun.reset();
    } else {
        const auto stale = std::find_if(mStale.begin(), mStale.end(),
                                        [run](const auto &r) { return r.get() == run; });
        if (stale == mStale.end())
            return;
        done = std::move(*stale);
        mStale.erase(stale);
    }
    QTimer::singleShot(0, this, [done] {});

    if (done->cancel->load()) {
        if (mStale.isEmpty() && mStartWhenIdle) {
            mStartWhenIdle = false;
            startRun();
        }
        return;
    }
    setComputing(false);
    Run::Outcome outcome = done->watcher.result();
    Metrics::Result &result = outcome.result;
    if (result.cancelled)
        return;
    if (!result.ok) {
        // The figures shown stay as they were; the next change tries again.
        qCWarning(lcCanvas) << "metrics could not be computed:" << result.error;
        return;
    }
    qCDebug(lcCanvas) << "metrics of" << result.touchpoints.size() << "touchpoints in"
                      << done->timer.elapsed() << "ms";
    if (mDocument && !outcome.encoded.isEmpty())
        mDocument->storeCachedMetrics(done->key, outcome.encoded);
    publish(std::make_shared<const Metrics::Result>(std::move(result)));
}

void MetricsController::setComputing(bool computing)
{
    if (computing == mComputing)
        return;
    mComputing = computing;
    emit computingChanged(computing);
}

void MetricsController::publish(std::shared_ptr<const Metrics::Result> result)
{
    if (!result && !mResult)
        return;
    mResult = std::move(result);
    emit resultChanged();
}

} // namespace Waymark
