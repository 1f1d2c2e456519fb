#include "chartsdock.h"

#include "changeevent.h"
#include "charts/chartpanel.h"
#include "charts/datapanel.h"
#include "charts/metricsadapter.h"
#include "dockfirstsight.h"
#include "document.h"
#include "lookup.h"
#include "metrics/metricsengine.h"

#include <QEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

QFont atLeast(QFont font, qreal points, bool bold = false)
{
    font.setPointSizeF(std::max(points, font.pointSizeF()));
    font.setBold(bold);
    return font;
}

const Metrics::TouchpointResult *touchpointResult(const Metrics::Result &result, const Id &id)
{
    for (const Metrics::TouchpointResult &touchpoint : result.touchpoints) {
        if (touchpoint.id == id)
            return &touchpoint;
    }
    return nullptr;
}

const Metrics::MapResult *mapResult(const Metrics::Result &result, const Id &id)
{
    for (const Metrics::MapResult &map : result.maps) {
        if (map.id == id)
            return &map;
    }
    return nullptr;
}

bool hasAnswers(const Charts::MapCharts &charts)
{
    if (!charts.funnel.steps.isEmpty() && charts.funnel.steps.first().count > 0)
        return true;
    for (const Charts::StageMetric::Stage &stage : charts.stageMetric.stages) {
        if (stage.value)
            return true;
    }
    for (const Charts::EmotionScore::Curve &curve : charts.emotions.personas) {
        for (const std::optional<double> &emotion : curve.emotions) {
            if (emotion)
                return true;
        }
    }
    return false;
}

} // namespace

ChartsDock::ChartsDock(QWidget *parent)
    : QDockWidget(parent)
    , mBanner(new QLabel)
    , mStack(new QStackedWidget)
    , mMessage(new QLabel)
{
    setObjectName(u"chartsDock"_s);

    mBanner->setObjectName(u"chartsComputing"_s);
    mBanner->setFont(atLeast(font(), Charts::ChartPanel::LabelPointSize, true));
    mBanner->setMargin(4);
    mBanner->hide();

    // Its large font and its sentence are given with the panels (buildPanel()): laid out
    // behind the inspector's tab, they would load a font of their own, and a fallback font
    // for the sentence's arrow, before the window could paint.
    mMessage->setObjectName(u"chartsMessage"_s);
    mMessage->setWordWrap(true);
    mMessage->setAlignment(Qt::AlignCenter);
    mMessage->setMargin(24);
    mStack->addWidget(mMessage);
    // Narrower than this, the axis labels of a five-stage map are cut short on a projector.
    // On the stack, so that the dock asks for the same room before its panels are built.
    mStack->setMinimumWidth(480);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(mBanner);
    layout->addWidget(mStack, 1);
    setWidget(content);
    refresh();
    // What a person sees of the dock is built when they first see it.
    DockFirstSight::watch(this, [this] { buildPanel(); });
}

ChartsDock::~ChartsDock() = default;

void ChartsDock::setDocument(Document *document)
{
    if (mDocument == document)
        return;
    if (mDocument)
        disconnect(mDocument, nullptr, this, nullptr);
    mDocument = document;
    if (mDocument) {
        connect(mDocument, &Document::changed, this, &ChartsDock::documentChanged);
        connect(mDocument, &Document::reset, this, &ChartsDock::scheduleRefresh);
        connect(mDocument, &QObject::destroyed, this, [this] {
            mDocument = nullptr;
            refresh();
        });
    }
    refresh();
}

void ChartsDock::setResult(std::shared_ptr<const Metrics::Result> result)
{
    mResult = std::move(result);
    refresh();
}

void ChartsDock::setComputing(bool computing)
{
    if (mComputing == computing)
        return;
    mComputing = computing;
    refresh();
}

void ChartsDock::setSelection(const Id &mapId, const QList<Id> &touchpoints)
{
    const Id touchpoint = touchpoints.size() == 1 ? touchpoints.first() : Id();
    if (mapId == mMapId && touchpoint == mTouchpointId)
        return;
    mMapId = mapId;
    mTouchpointId = touchpoint;
    refresh();
}

void ChartsDock::setFilterText(const QString &filter)
{
    mFilter = filter;
    refresh();
}

Charts::DataPanel *ChartsDock::dataPanel() const
{
    buildPanel();
    return mPanel;
}

void ChartsDock::buildPanel() const
{
    if (mPanel)
        return;
    mMessage->setFont(atLeast(font(), 14));
    mMessage->setText(mMessageText);
    mPanel = new Charts::DataPanel;
    mStack->addWidget(mPanel);
    // What refresh() would have given it so far: the map's data, then the card's.
    if (mMapCharts)
        mPanel->setMapData(*mMapCharts);
    if (mState == State::Touchpoint && mTouchpointCharts)
        mPanel->setTouchpointData(*mTouchpointCharts);
    if (mState == State::Touchpoint || mState == State::Map)
        mStack->setCurrentWidget(mPanel);
}

bool ChartsDock::isComputingShown() const
{
    return mState == State::Computing || !mBanner->isHidden();
}

QString ChartsDock::message() const
{
    const bool panels = mState == State::Touchpoint || mState == State::Map;
    return panels ? QString() : mMessageText;
}

void ChartsDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refresh();
}

void ChartsDock::documentChanged(const ChangeEvent &event)
{
    // Names, stages, personas and their steps are drawn from the document; the figures come
    // with the next result.
    switch (event.entity) {
    case EntityKind::Project:
    case EntityKind::Map:
    case EntityKind::Stage:
    case EntityKind::Touchpoint:
    case EntityKind::Persona:
    case EntityKind::PersonaStep:
        scheduleRefresh();
        break;
    case EntityKind::Lane:
    case EntityKind::Connector:
    case EntityKind::Annotation:
    case EntityKind::Dataset:
        break;
    }
}

void ChartsDock::scheduleRefresh()
{
    if (mRefreshPending)
        return;
    mRefreshPending = true;
    QMetaObject::invokeMethod(this, &ChartsDock::refresh, Qt::QueuedConnection);
}

void ChartsDock::showMessage(State state, const QString &text)
{
    mState = state;
    mMessageText = text;
    if (mPanel)
        mMessage->setText(text);
    mStack->setCurrentWidget(mMessage);
    mBanner->hide();
}

void ChartsDock::refresh()
{
    mRefreshPending = false;
    setWindowTitle(tr("Charts"));
    mBanner->setText(tr("Computing…"));
    const QString filter = mFilter.isEmpty() ? tr("All responses") : mFilter;

    const JourneyMap *map = mDocument ? findById(mDocument->project().maps, mMapId) : nullptr;
    if (!map) {
        showMessage(State::NoMap, tr("Open a map to see its charts."));
        return;
    }
    if (!mResult && mComputing) {
        showMessage(State::Computing, tr("Computing…"));
        return;
    }
    if (mResult && !mResult->ok && !mResult->cancelled) {
        showMessage(State::Message,
                    tr("The figures could not be computed: %1").arg(mResult->error));
        return;
    }
    // Before the first figures, and after a cancelled computation, there are no figures; the
    // personas' emotions can still be drawn.
    static const Metrics::Result noFigures;
    const Metrics::Result &result = mResult && mResult->ok ? *mResult : noFigures;

    const Touchpoint *touchpoint =
        mTouchpointId.isNull() ? nullptr : findById(map->touchpoints, mTouchpointId);
    if (touchpoint) {
        const Metrics::TouchpointResult *figures = touchpointResult(result, touchpoint->id);
        if (!figures || figures->sums.rows == 0) {
            const QString title = touchpoint->title.isEmpty() ? tr("This card") : touchpoint->title;
            showMessage(State::Message,
                        tr("No data is attached to “%1”. Attach survey answers, orders or "
                           "analytics to it in the Data dock to chart its scores here.")
                            .arg(title));
            return;
        }
        Charts::TouchpointCharts charts = Charts::touchpointCharts(*figures, filter);
        charts.title = touchpoint->title;
        if (mPanel)
            mPanel->setTouchpointData(charts);
        mTouchpointCharts = std::make_unique<Charts::TouchpointCharts>(std::move(charts));
        mState = State::Touchpoint;
    } else {
        Metrics::MapResult figures;
        if (const Metrics::MapResult *found = mapResult(result, map->id))
            figures = *found;
        figures.id = map->id;
        figures.name = map->name;
        const Charts::MapCharts charts =
            Charts::mapCharts(figures, result, *map, mDocument->project().personas, filter);
        if (!hasAnswers(charts)) {
            showMessage(State::Message,
                        tr("No data is attached to this map yet. Import survey answers, orders "
                           "or analytics (File ▸ Import Data…) and attach them to its "
                           "touchpoints, or score the personas' emotions along their paths, "
                           "to see charts here."));
            return;
        }
        if (mPanel)
            mPanel->setMapData(charts);
        mMapCharts = std::make_unique<Charts::MapCharts>(charts);
        mState = State::Map;
    }
    if (mPanel)
        mStack->setCurrentWidget(mPanel);
    mBanner->setVisible(mComputing);
}

} // namespace Waymark
