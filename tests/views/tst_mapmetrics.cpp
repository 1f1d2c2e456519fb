// Metrics on the map: the controller that computes them off the UI thread after a burst of
// changes, and the canvas's badges, heat tints and struggle flags. A small survey and sales
// export is imported into a three-card map with the importer, as a person would.
#include "../common/damagedrows.h"
#include "annotationitems.h"
#include "commands.h"
#include "document.h"
#include "import/importer.h"
#include "mainwindow.h"
#include "mapscene.h"
#include "mapstyle.h"
#include "mapview.h"
#include "metricsactions.h"
#include "metricscontroller.h"
#include "metricsoverlay.h"
#include "touchpointcarditem.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionGraphicsItem>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Waymark;

namespace {

// Long enough for a debug build's worker on a busy machine.
constexpr int resultTimeout = 15000;

Id fixedId(int n)
{
    return QUuid(u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0')));
}

const Id MapId = fixedId(2);
const Id WebsiteId = fixedId(10);
const Id StoreId = fixedId(11);
const Id CheckoutId = fixedId(12);

// One map, one stage, three cards side by side in wide stages.
Project smallProject()
{
    Project p;
    p.id = fixedId(1);
    p.name = u"Shop"_s;
    p.created = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    JourneyMap m;
    m.id = MapId;
    m.name = u"Online"_s;
    const QList<Id> ids = {WebsiteId, StoreId, CheckoutId};
    const QStringList titles = {u"Website"_s, u"Store"_s, u"Checkout"_s};
    Lane lane;
    lane.id = fixedId(4);
    lane.name = u"Touchpoints"_s;
    m.lanes = {lane};
    for (int i = 0; i < titles.size(); ++i) {
        m.stages.append({fixedId(30 + i), u"Stage %1"_s.arg(i + 1), {}, 0});
        Touchpoint t;
        t.id = ids[i];
        t.stageId = m.stages.last().id;
        t.laneId = lane.id;
        t.title = titles[i];
        m.touchpoints.append(t);
    }
    p.maps = {m};
    return p;
}

// Forty answers each for the website (NPS +25, CSAT 75%, CES 2.0, rating 8.5, 25% bought,
// 100 an order) and the store (every figure poor), none for the checkout.
QByteArray surveyCsv()
{
    QByteArray bytes = "id,touchpoint,nps,csat,ces,stars,bought,total\n";
    for (int i = 0; i < 40; ++i) {
        const char *nps = i < 20 ? "10" : i < 30 ? "8" : "3";
        const char *csat = i < 30 ? "5" : "2";
        const char *bought = i < 10 ? "yes" : "no";
        bytes += QByteArray("w") + QByteArray::number(i) + ",Website," + nps + "," + csat +
                 ",2,8.5," + bought + ",100\n";
    }
    for (int i = 0; i < 40; ++i)
        bytes += QByteArray("s") + QByteArray::number(i) + ",Store,2,1,6,2,no,50\n";
    return bytes;
}

bool importSurvey(Document *document, const QString &folder)
{
    const QString path = folder + u"/survey.csv"_s;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(surveyCsv()) < 0)
        return false;
    file.close();

    QString error;
    std::optional<Import::ImportPlan> plan = Import::plan(path, {}, &error);
    if (!plan) {
        qWarning() << "plan:" << error;
        return false;
    }
    const QList<ColumnRole> roles = {
        ColumnRole::Key, ColumnRole::Touchpoint, ColumnRole::Nps,       ColumnRole::Csat,
        ColumnRole::Ces, ColumnRole::Rating,     ColumnRole::Converted, ColumnRole::Revenue};
    const QList<ColumnType> types = {ColumnType::Text,    ColumnType::Text,    ColumnType::Integer,
                                     ColumnType::Integer, ColumnType::Integer, ColumnType::Decimal,
                                     ColumnType::Boolean, ColumnType::Decimal};
    if (plan->columns.size() != roles.size())
        return false;
    for (qsizetype i = 0; i < roles.size(); ++i) {
        plan->columns[i].role = roles.at(i);
        plan->columns[i].type = types.at(i);
    }
    plan->attachments = {{{}, AttachmentKind::ByColumn, {}, 1, {}}};
    plan->onBadRows = Import::BadRowPolicy::Fail;
    Import::Importer importer(std::move(*plan), document->project());
    const Import::ImportResult imported = importer.run(document->workingCopyPath());
    if (!imported.ok) {
        qWarning() << "import:" << imported.error;
        return false;
    }
    document->push(Commands::importDataset(document, imported.dataset).release());
    return true;
}

const Metrics::TouchpointResult *find(const Metrics::Result &result, const Id &id)
{
    for (const Metrics::TouchpointResult &tp : result.touchpoints) {
        if (tp.id == id)
            return &tp;
    }
    return nullptr;
}

} // namespace

class TestMapMetrics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void computesOffTheUiThread();
    void burstOfChangesComputesOnce_data();
    void burstOfChangesComputesOnce();
    void newerChangeCancelsOlderRun();
    void changesThatCannotMatterAreIgnored();
    void cachedFiguresNeedNoScan();
    void damagedRowsGiveNoFigures_data();
    void damagedRowsGiveNoFigures();
    void badgeText_data();
    void badgeText();
    void narrowCardGetsShorterBadge_data();
    void narrowCardGetsShorterBadge();
    void heatTintFollowsScore();
    void flaggedCardExplainsWhy();
    void cardWithoutDataShowsNothing();
    void farZoomDropsBadgesAndMarks();
    void undoRestoresBadges();
    void windowMenusDriveTheCanvas();
    void sampleProjectOnCanvas();

private:
    // Recomputes now and waits for the figures.
    bool computed();

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<Document> mDoc;
    std::unique_ptr<MetricsController> mController;
};

void TestMapMetrics::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Numbers in badges follow the locale: one with a group separator, to see it used.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestMapMetrics::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    StorageError error;
    mDoc = Document::create(smallProject(), &error);
    QVERIFY2(mDoc, qPrintable(error.message));
    QVERIFY(importSurvey(mDoc.get(), mDir->path()));
    mController = std::make_unique<MetricsController>();
}

void TestMapMetrics::cleanup()
{
    mController.reset();
    mDoc.reset();
    // Cancelled workers finish before the next test's files appear.
    QThreadPool::globalInstance()->waitForDone();
}

bool TestMapMetrics::computed()
{
    QSignalSpy spy(mController.get(), &MetricsController::resultChanged);
    mController->recompute();
    return spy.wait(resultTimeout) && mController->result();
}

void TestMapMetrics::computesOffTheUiThread()
{
    QSignalSpy results(mController.get(), &MetricsController::resultChanged);
    QSignalSpy computing(mController.get(), &MetricsController::computingChanged);
    mController->setDocument(mDoc.get());

    // setDocument() starts at once and returns before the figures are in: the engine runs
    // on another thread and the result arrives through the event loop.
    QVERIFY(mController->isComputing());
    QCOMPARE(computing.count(), 1);
    QCOMPARE(computing.at(0).at(0).toBool(), true);
    QVERIFY(!mController->result());
    QCOMPARE(results.count(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, resultTimeout);
    QVERIFY(!mController->isComputing());
    QCOMPARE(computing.last().at(0).toBool(), false);
    const std::shared_ptr<const Metrics::Result> result = mController->result();
    QVERIFY(result);
    QVERIFY(result->ok);
    const Metrics::TouchpointResult *website = find(*result, WebsiteId);
    QVERIFY(website);
    QVERIFY(website->figures.nps);
    QCOMPARE(website->figures.nps->n, qint64(40));
}

void TestMapMetrics::burstOfChangesComputesOnce_data()
{
    QTest::addColumn<int>("changes");
    QTest::addColumn<int>("pauseMs");
    QTest::newRow("one change") << 1 << 0;
    QTest::newRow("five at once") << 5 << 0;
    QTest::newRow("typing, shorter pauses than the debounce") << 6 << 60;
}

void TestMapMetrics::burstOfChangesComputesOnce()
{
    QFETCH(int, changes);
    QFETCH(int, pauseMs);
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);

    QSignalSpy results(mController.get(), &MetricsController::resultChanged);
    QString title = u"Website"_s;
    for (int i = 0; i < changes; ++i) {
        title = u"Web site %1"_s.arg(i);
        mDoc->push(Commands::setTouchpointTitle(mDoc.get(), WebsiteId, title).release());
        if (pauseMs > 0)
            QTest::qWait(pauseMs);
    }
    QCOMPARE(results.count(), 0); // nothing before the debounce has passed
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, resultTimeout);
    // And nothing more comes of that burst.
    QTest::qWait(MetricsController::DebounceMs * 2);
    QCOMPARE(results.count(), 1);
    const Metrics::TouchpointResult *website = find(*mController->result(), WebsiteId);
    QVERIFY(website);
    QCOMPARE(website->title, title);
}

void TestMapMetrics::newerChangeCancelsOlderRun()
{
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);
    QSignalSpy results(mController.get(), &MetricsController::resultChanged);

    // A run starts on inputs never computed (no cache hit), and a change comes while it is on
    // its way: its figures are never shown, only those of the newer inputs.
    mDoc->push(Commands::setTouchpointTitle(mDoc.get(), StoreId, u"Shop"_s).release());
    mController->recompute();
    QVERIFY(mController->isComputing());
    mDoc->push(Commands::setTouchpointTitle(mDoc.get(), StoreId, u"Shop floor"_s).release());
    QVERIFY(mController->isComputing());

    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, resultTimeout);
    QTest::qWait(MetricsController::DebounceMs * 2);
    QCOMPARE(results.count(), 1);
    const Metrics::TouchpointResult *store = find(*mController->result(), StoreId);
    QVERIFY(store);
    QCOMPARE(store->title, u"Shop floor"_s);
}

void TestMapMetrics::changesThatCannotMatterAreIgnored()
{
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);
    QSignalSpy results(mController.get(), &MetricsController::resultChanged);
    mDoc->push(Commands::setTouchpointColor(mDoc.get(), WebsiteId, QColor(Qt::darkCyan)).release());
    QVERIFY(!mController->isComputing());
    QTest::qWait(MetricsController::DebounceMs * 2);
    QCOMPARE(results.count(), 0);
}

void TestMapMetrics::cachedFiguresNeedNoScan()
{
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);

    // Another controller on the same inputs finds the figures in the project's cache at once.
    MetricsController second;
    QSignalSpy results(&second, &MetricsController::resultChanged);
    second.setDocument(mDoc.get());
    QVERIFY(!second.isComputing());
    QCOMPARE(results.count(), 1);
    QVERIFY(second.result());
    const Metrics::TouchpointResult *website = find(*second.result(), WebsiteId);
    QVERIFY(website);
    QCOMPARE(website->figures.nps->n, qint64(40));

    // A change of inputs is no hit: the figures are computed again.
    mDoc->push(Commands::setTouchpointTitle(mDoc.get(), StoreId, u"Shop"_s).release());
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 2, resultTimeout);
    QCOMPARE(find(*second.result(), StoreId)->title, u"Shop"_s);
}

void TestMapMetrics::damagedRowsGiveNoFigures_data()
{
    QTest::addColumn<bool>("damage");
    QTest::newRow("whole file") << false;
    QTest::newRow("survey rows damaged") << true;
}

void TestMapMetrics::damagedRowsGiveNoFigures()
{
    QFETCH(bool, damage);
    // The fixture's survey holds every NPS answer, its orders every revenue figure.
    const QString file = mDir->filePath(u"fixture.waymark"_s);
    QVERIFY(QFile::copy(QStringLiteral(WAYMARK_TEST_DATA "/format-3.waymark"), file));
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
    QString why;
    if (damage)
        QVERIFY2(TestSupport::damageRowsOf(file, u"Spring survey"_s, &why), qPrintable(why));

    StorageError error;
    std::unique_ptr<Document> doc = Document::open(file, &error);
    QVERIFY2(doc, qPrintable(error.message + u'\n' + error.detail));
    QSignalSpy results(mController.get(), &MetricsController::resultChanged);
    mController->setDocument(doc.get());
    // Nothing is computed from rows before the check after opening has vouched for them.
    QVERIFY(mController->isComputing());
    QVERIFY(!mController->result());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);
    QVERIFY(doc->rowsChecked());
    QCOMPARE(doc->damagedDatasets().size(), damage ? 1 : 0);

    const Metrics::Result &result = *mController->result();
    QVERIFY2(result.ok, qPrintable(result.error));
    qint64 npsAnswers = 0;
    double revenue = 0;
    for (const Metrics::TouchpointResult &t : result.touchpoints) {
        npsAnswers += t.figures.nps ? t.figures.nps->n : 0;
        revenue += t.figures.revenue ? t.figures.revenue->sum : 0;
    }
    QCOMPARE(npsAnswers > 0, !damage);
    QVERIFY(revenue > 0);
    mController->setDocument(nullptr);
}

void TestMapMetrics::badgeText_data()
{
    QTest::addColumn<HeadlineMetric>("headline");
    QTest::addColumn<QString>("website");
    QTest::addColumn<QString>("store");
    QTest::newRow("automatic picks NPS")
        << HeadlineMetric::Automatic << u"NPS +25 · n 40"_s << u"NPS -100 · n 40"_s;
    QTest::newRow("NPS") << HeadlineMetric::Nps << u"NPS +25 · n 40"_s << u"NPS -100 · n 40"_s;
    QTest::newRow("CSAT") << HeadlineMetric::Csat << u"CSAT 75% · n 40"_s << u"CSAT 0% · n 40"_s;
    QTest::newRow("CES") << HeadlineMetric::Ces << u"CES 2.0 · n 40"_s << u"CES 6.0 · n 40"_s;
    QTest::newRow("rating") << HeadlineMetric::Rating << u"Rating 8.5 · n 40"_s
                            << u"Rating 2.0 · n 40"_s;
    QTest::newRow("conversion") << HeadlineMetric::Conversion << u"Conv 25% · n 40"_s
                                << u"Conv 0% · n 40"_s;
    QTest::newRow("revenue, grouped by the locale")
        << HeadlineMetric::Revenue << u"4,000 · 40 order(s)"_s << u"2,000 · 40 order(s)"_s;
}

void TestMapMetrics::badgeText()
{
    QFETCH(HeadlineMetric, headline);
    QFETCH(QString, website);
    QFETCH(QString, store);

    if (auto command = Commands::setMapHeadline(mDoc.get(), MapId, headline))
        mDoc->push(command.release());
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);

    MapScene scene(mDoc.get(), MapId);
    scene.metrics()->setResult(mController->result());
    QVERIFY(scene.card(WebsiteId));
    QCOMPARE(scene.card(WebsiteId)->metricBadgeText(), website);
    QCOMPARE(scene.card(StoreId)->metricBadgeText(), store);
    // The better card reads blue, the worse orange.
    const QColor good = scene.card(WebsiteId)->metricBadgeColor();
    const QColor bad = scene.card(StoreId)->metricBadgeColor();
    QVERIFY2(good.blue() > good.red(), qPrintable(good.name()));
    if (headline != HeadlineMetric::Revenue)
        QVERIFY2(bad.red() > bad.blue(), qPrintable(bad.name()));

    // The badge is drawn inside its card.
    const QRectF badge = scene.card(WebsiteId)->metricBadgeRect();
    QVERIFY(!badge.isEmpty());
    QVERIFY(scene.card(WebsiteId)->sceneBoundingRect().contains(badge));
}

void TestMapMetrics::narrowCardGetsShorterBadge_data()
{
    QTest::addColumn<int>("annotations");
    QTest::addColumn<bool>("shortened");
    QTest::newRow("one marker beside it") << 1 << false;
    QTest::newRow("two markers beside it") << 2 << true;
}

void TestMapMetrics::narrowCardGetsShorterBadge()
{
    QFETCH(int, annotations);
    QFETCH(bool, shortened);
    // Annotation markers on the card leave less room beside the evidence badge.
    for (int i = 0; i < annotations; ++i) {
        Annotation a;
        a.id = newId();
        a.kind = allValues<AnnotationKind>().at(i);
        a.touchpointId = WebsiteId;
        a.text = u"Note %1"_s.arg(i);
        mDoc->push(Commands::addAnnotation(mDoc.get(), MapId, a).release());
    }
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);
    MapScene scene(mDoc.get(), MapId);
    scene.metrics()->setResult(mController->result());
    TouchpointCardItem *card = scene.card(WebsiteId);
    QVERIFY(card);
    const QString text = card->metricBadgeText();
    QVERIFY2(text.contains(u"+25"_s), qPrintable(text));
    QCOMPARE(text != u"NPS +25 · n 40"_s, shortened);
    QVERIFY(QFontMetricsF(MapStyle::badgeFont()).horizontalAdvance(text) <=
            card->metricBadgeRoom());
    // The badge keeps clear of the markers.
    for (const AnnotationMarkerItem *marker : card->markers())
        QVERIFY(!marker->sceneBoundingRect().intersects(card->metricBadgeRect()));
}

void TestMapMetrics::heatTintFollowsScore()
{
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);
    MapView view(mDoc.get(), MapId);
    MetricsOverlay *metrics = view.mapScene()->metrics();
    metrics->setResult(mController->result());
    QVERIFY(!view.mapScene()->card(WebsiteId)->heatTint().isValid());

    metrics->setHeatMode(true);
    const QColor high = view.mapScene()->card(WebsiteId)->heatTint();
    const QColor low = view.mapScene()->card(StoreId)->heatTint();
    QVERIFY(high.isValid());
    QVERIFY(low.isValid());
    QVERIFY(high != low);
    QVERIFY2(high.blue() > high.red(), qPrintable(high.name()));
    QVERIFY2(low.red() > low.blue(), qPrintable(low.name()));
    QCOMPARE(view.mapScene()->card(CheckoutId)->heatTint().alpha(), 0);
    // The scale is the map's: the website above it, the store below.
    QVERIFY(metrics->scale());
    QCOMPARE(metrics->scale()->measure, Metrics::Measure::Nps);
    QVERIFY(metrics->scale()->position(25) > 0);
    QVERIFY(metrics->scale()->position(-100) < 0);

    // Painted, the bodies differ too.
    const auto bodyColour = [&](const Id &id) {
        TouchpointCardItem *card = view.mapScene()->card(id);
        QImage image(card->boundingRect().size().toSize() * 2, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        view.mapScene()->render(&painter, QRectF(QPointF(0, 0), image.size()),
                                card->sceneBoundingRect());
        painter.end();
        return image.pixelColor(image.width() / 2, image.height() / 2 - 4);
    };
    QVERIFY(bodyColour(WebsiteId) != bodyColour(StoreId));

    // The legend shows while heat mode is on, and names the measure.
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    metrics->setHeatMode(false);
    metrics->setHeatMode(true);
    MetricsLegend *legend = MetricsOverlay::legend(&view);
    QVERIFY(legend);
    QVERIFY(legend->isVisible());
    QVERIFY(legend->title().contains(u"NPS"_s));
    QVERIFY(view.viewport()->geometry().contains(legend->geometry()));
    metrics->setHeatMode(false);
    QVERIFY(!MetricsOverlay::legend(&view));
    QVERIFY(!view.mapScene()->card(StoreId)->heatTint().isValid());
}

void TestMapMetrics::flaggedCardExplainsWhy()
{
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);
    const Metrics::TouchpointResult *store = find(*mController->result(), StoreId);
    QVERIFY(store);
    QVERIFY(!store->flags.isEmpty());

    MapScene scene(mDoc.get(), MapId);
    scene.metrics()->setResult(mController->result());
    MetricsFlagItem *marker = MetricsOverlay::flagItem(scene.card(StoreId));
    QVERIFY(marker);
    QCOMPARE(marker->flags().size(), store->flags.size());
    for (const Metrics::Flag &flag : store->flags)
        QVERIFY2(marker->toolTip().contains(flag.reason.toHtmlEscaped()),
                 qPrintable(marker->toolTip()));
    QVERIFY(!MetricsOverlay::flagItem(scene.card(WebsiteId)));

    // The marker sits on the card's top edge, clear of the connector handle.
    const QRectF mark = marker->sceneBoundingRect();
    const QRectF card = scene.card(StoreId)->sceneBoundingRect();
    QVERIFY(mark.intersects(card));
    QVERIFY(!mark.intersects(scene.card(StoreId)->handleRect()));
}

void TestMapMetrics::cardWithoutDataShowsNothing()
{
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);
    MapScene scene(mDoc.get(), MapId);
    scene.metrics()->setResult(mController->result());
    scene.metrics()->setHeatMode(true);
    TouchpointCardItem *checkout = scene.card(CheckoutId);
    QVERIFY(checkout);
    QVERIFY(checkout->metricBadgeText().isEmpty());
    QVERIFY(checkout->metricBadgeRect().isEmpty());
    // Its body keeps its colour (a tint of no strength), its far tile goes grey.
    QCOMPARE(checkout->heatTint().alpha(), 0);
    QVERIFY(!MetricsOverlay::flagItem(checkout));

    // Badges off: no card shows one, flags stay.
    scene.metrics()->setBadgesShown(false);
    QVERIFY(scene.card(WebsiteId)->metricBadgeText().isEmpty());
    QVERIFY(MetricsOverlay::flagItem(scene.card(StoreId)));
    // No figures at all: nothing anywhere.
    scene.metrics()->setBadgesShown(true);
    scene.metrics()->setResult(nullptr);
    QVERIFY(scene.card(WebsiteId)->metricBadgeText().isEmpty());
    QVERIFY(!MetricsOverlay::flagItem(scene.card(StoreId)));
    QCOMPARE(scene.card(StoreId)->heatTint().alpha(), 0);
}

void TestMapMetrics::farZoomDropsBadgesAndMarks()
{
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);
    MapScene scene(mDoc.get(), MapId);
    scene.metrics()->setResult(mController->result());
    TouchpointCardItem *store = scene.card(StoreId);
    MetricsFlagItem *marker = MetricsOverlay::flagItem(store);
    QVERIFY(marker);

    // Far out, the marker paints nothing; at 100 % it paints its marks.
    const auto inked = [&](qreal scale) {
        QImage image(64, 32, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.scale(scale, scale);
        QStyleOptionGraphicsItem option;
        marker->paint(&painter, &option, nullptr);
        painter.end();
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (image.pixelColor(x, y).alpha() > 0)
                    return true;
        return false;
    };
    QVERIFY(inked(1.0));
    QVERIFY(!inked(TouchpointCardItem::SimpleDetail / 2));
}

void TestMapMetrics::undoRestoresBadges()
{
    if (auto command = Commands::setMapHeadline(mDoc.get(), MapId, HeadlineMetric::Nps))
        mDoc->push(command.release());
    mController->setDocument(mDoc.get());
    QTRY_VERIFY_WITH_TIMEOUT(mController->result(), resultTimeout);
    MapScene scene(mDoc.get(), MapId);
    connect(mController.get(), &MetricsController::resultChanged, &scene,
            [&] { scene.metrics()->setResult(mController->result()); });
    scene.metrics()->setResult(mController->result());
    QCOMPARE(scene.card(WebsiteId)->metricBadgeText(), u"NPS +25 · n 40"_s);

    auto command = Commands::setMapHeadline(mDoc.get(), MapId, HeadlineMetric::Csat);
    QVERIFY(command);
    QCOMPARE(command->text(), u"Change Headline Metric"_s);
    const int steps = mDoc->undoStack()->count();
    mDoc->push(command.release());
    QCOMPARE(mDoc->undoStack()->count(), steps + 1);
    QTRY_COMPARE_WITH_TIMEOUT(scene.card(WebsiteId)->metricBadgeText(), u"CSAT 75% · n 40"_s,
                              resultTimeout);

    mDoc->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(scene.card(WebsiteId)->metricBadgeText(), u"NPS +25 · n 40"_s,
                              resultTimeout);
    QCOMPARE(scene.card(StoreId)->metricBadgeText(), u"NPS -100 · n 40"_s);
}

void TestMapMetrics::windowMenusDriveTheCanvas()
{
    MainWindow window;
    QVERIFY(window.metricsController());
    QCOMPARE(window.metricsController()->document(), window.document());
    MetricsActions *actions = window.metricsActions();
    QVERIFY(actions->heatMapAction()->isCheckable());
    QVERIFY(actions->badgesAction()->isChecked());
    const QList<QAction *> headlines = actions->headlineMenu()->actions();
    QCOMPARE(headlines.size(), qsizetype(allValues<HeadlineMetric>().size()));

    // The View menu holds them.
    auto *viewMenu = window.findChild<QMenu *>(u"viewMenu"_s);
    QVERIFY(viewMenu);
    QVERIFY(viewMenu->actions().contains(actions->heatMapAction()));
    QVERIFY(viewMenu->actions().contains(actions->badgesAction()));
    QVERIFY(viewMenu->actions().contains(actions->headlineMenu()->menuAction()));

    MapView *view = window.currentMapView();
    QVERIFY(view);
    actions->heatMapAction()->setChecked(true);
    QVERIFY(view->mapScene()->metrics()->heatMode());
    actions->badgesAction()->setChecked(false);
    QVERIFY(!view->mapScene()->metrics()->badgesShown());

    // Choosing a headline is one undo step on the current map.
    const int steps = window.document()->undoStack()->count();
    QAction *csat = window.findChild<QAction *>(u"headline_csat"_s);
    QVERIFY(csat);
    csat->trigger();
    QCOMPARE(window.document()->undoStack()->count(), steps + 1);
    QCOMPARE(view->mapScene()->map()->headline, HeadlineMetric::Csat);
    emit actions->headlineMenu()->aboutToShow();
    QVERIFY(csat->isChecked());
    window.document()->undoStack()->undo();
    emit actions->headlineMenu()->aboutToShow();
    QVERIFY(window.findChild<QAction *>(u"headline_auto"_s)->isChecked());
}

void TestMapMetrics::sampleProjectOnCanvas()
{
    MainWindow window;
    QVERIFY(window.openFile(QStringLiteral(WAYMARK_SAMPLE_FILE)));
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.metricsController()->result(), resultTimeout);
    MapView *view = window.currentMapView();
    QVERIFY(view);
    window.metricsActions()->heatMapAction()->setChecked(true);

    // The sample's data reaches the cards: badges with their n, the checkout flagged.
    qsizetype badges = 0;
    qsizetype withN = 0;
    qsizetype flagged = 0;
    for (TouchpointCardItem *card : view->mapScene()->cards()) {
        if (!card->metricBadgeText().isEmpty())
            ++badges;
        // Where the room allows, the badge says how many answers it stands on.
        if (card->metricBadgeText().contains(u" n "_s))
            ++withN;
        if (MetricsFlagItem *marker = MetricsOverlay::flagItem(card)) {
            ++flagged;
            QVERIFY(!marker->toolTip().isEmpty());
        }
    }
    QVERIFY(badges >= 10);
    QVERIFY(withN >= badges / 2);
    QVERIFY(flagged >= 1);
    QVERIFY(MetricsOverlay::legend(view));

    // WAYMARK_SCREENSHOTS=folder keeps pictures of the canvas to look at.
    const QString folder = qEnvironmentVariable("WAYMARK_SCREENSHOTS");
    if (!folder.isEmpty()) {
        QTest::qWait(200);
        window.grab().save(folder + u"/h1-heatmap.png"_s);
        // The sample's flagged checkout, in the middle of the view.
        for (TouchpointCardItem *card : view->mapScene()->cards()) {
            if (MetricsOverlay::flagItem(card) && card->title() == u"Checkout"_s)
                view->centerOn(card);
        }
        QTest::qWait(100);
        window.grab().save(folder + u"/h1-flags.png"_s);
        window.metricsActions()->heatMapAction()->setChecked(false);
        QTest::qWait(100);
        window.grab().save(folder + u"/h1-badges.png"_s);
        view->setZoom(0.3);
        window.metricsActions()->heatMapAction()->setChecked(true);
        QTest::qWait(100);
        window.grab().save(folder + u"/h1-farzoom.png"_s);
    }
}

QTEST_MAIN(TestMapMetrics)
#include "tst_mapmetrics.moc"
