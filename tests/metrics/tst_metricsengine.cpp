// The metrics engine against figures worked out by hand: small CSVs imported with the
// importer, then every measure, filter and flag checked. The statistics themselves are
// tested in tests/model/tst_statistics.cpp; here it is what reaches them.
#include "commands.h"
#include "document.h"
#include "import/importer.h"
#include "metrics/metricsengine.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace Waymark;
using namespace Waymark::Metrics;
using namespace Qt::StringLiterals;

namespace {

Id fixedId(int n)
{
    return QUuid(u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0')));
}

const Id WebsiteId = fixedId(10);
const Id StoreId = fixedId(11);
const Id CheckoutId = fixedId(12);

// One map, one stage, three touchpoints; a persona whose path goes through all three.
Project smallProject()
{
    Project p;
    p.id = fixedId(1);
    p.name = u"Shop"_s;
    p.created = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    JourneyMap m;
    m.id = fixedId(2);
    m.name = u"Online"_s;
    m.stages = {{fixedId(3), u"Purchase"_s, {}, 0}};
    Lane lane;
    lane.id = fixedId(4);
    lane.name = u"Touchpoints"_s;
    m.lanes = {lane};
    const QList<Id> ids = {WebsiteId, StoreId, CheckoutId};
    const QStringList titles = {u"Website"_s, u"Store"_s, u"Checkout"_s};
    Persona persona;
    persona.id = fixedId(5);
    persona.name = u"Priya"_s;
    persona.segment = u"Consumers"_s;
    persona.businessValue = 2.0;
    for (int i = 0; i < titles.size(); ++i) {
        Touchpoint t;
        t.id = ids[i];
        t.stageId = m.stages[0].id;
        t.laneId = lane.id;
        t.order = i;
        t.title = titles[i];
        m.touchpoints.append(t);
        PersonaStep step;
        step.id = fixedId(20 + i);
        step.personaId = persona.id;
        step.touchpointId = t.id;
        step.order = i;
        m.personaSteps.append(step);
    }
    p.maps = {m};
    p.personas = {persona};
    return p;
}

// Columns of every test CSV, with their roles.
const QStringList Header = {u"id"_s,   u"when"_s, u"touchpoint"_s, u"segment"_s, u"nps"_s,
                            u"csat"_s, u"ces"_s,  u"stars"_s,      u"bought"_s,  u"total"_s};
const QList<ColumnRole> Roles = {ColumnRole::Key,     ColumnRole::Timestamp, ColumnRole::Touchpoint,
                                 ColumnRole::Segment, ColumnRole::Nps,       ColumnRole::Csat,
                                 ColumnRole::Ces,     ColumnRole::Rating,    ColumnRole::Converted,
                                 ColumnRole::Revenue};
const QList<ColumnType> Types = {ColumnType::Text,    ColumnType::DateTime, ColumnType::Text,
                                 ColumnType::Text,    ColumnType::Integer,  ColumnType::Integer,
                                 ColumnType::Integer, ColumnType::Decimal,  ColumnType::Boolean,
                                 ColumnType::Decimal};

// A row of the CSV: fields in Header's order, blanks where not given.
struct Row
{
    QString id, when, touchpoint, segment, nps, csat, ces, stars, bought, total;
};

QByteArray csv(const QList<Row> &rows)
{
    QByteArray bytes = Header.join(u',').toUtf8() + '\n';
    for (const Row &r : rows) {
        const QStringList fields = {r.id,   r.when, r.touchpoint, r.segment, r.nps,
                                    r.csat, r.ces,  r.stars,      r.bought,  r.total};
        bytes += fields.join(u',').toUtf8() + '\n';
    }
    return bytes;
}

// n rows for one touchpoint, each its own key, the same NPS answer.
QList<Row> answers(const QString &touchpoint, int n, const QString &nps, int firstKey,
                   const QString &when = u"2024-03-05T10:00:00Z"_s)
{
    QList<Row> rows;
    for (int i = 0; i < n; ++i) {
        Row r;
        r.id = u"k%1"_s.arg(firstKey + i);
        r.when = when;
        r.touchpoint = touchpoint;
        r.nps = nps;
        rows.append(r);
    }
    return rows;
}

const TouchpointResult *find(const Result &result, const Id &id)
{
    for (const TouchpointResult &tp : result.touchpoints) {
        if (tp.id == id)
            return &tp;
    }
    return nullptr;
}

bool hasFlag(const TouchpointResult &tp, Flag::Kind kind)
{
    for (const Flag &flag : tp.flags) {
        if (flag.kind == kind && !flag.reason.isEmpty())
            return true;
    }
    return false;
}

} // namespace

class tst_MetricsEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void noData();
    void noAnswers();
    void oneAnswer();
    void allPromoters();
    void blanksAndOutOfScale();
    void csatAndConversion();
    void revenueOncePerOrder();
    void segmentAndDates_data();
    void segmentAndDates();
    void wholeDatasetAndFilterAttachments();
    void businessValueWeighting();
    void strugglingFlag_data();
    void strugglingFlag();
    void dropOffFlag();
    void declineFlag();
    void weeklyTrends();
    void funnel_data();
    void funnel();
    void funnelSegmentAndMap();
    void twoDateRangesCompared();
    void keyDrivers();
    void driverRanking_data();
    void driverRanking();
    void sqlIsOnePassPerAttachment();
    void cancel();

private:
    // Imports rows (attached by the touchpoint column unless attachments are given) and
    // computes the metrics.
    Result importAndCompute(const QList<Row> &rows, const Options &options = {},
                            QList<DatasetAttachment> attachments = {});
    // Imports a file as the importer reads it by itself (format, roles and attachments),
    // but for the roles given by column name.
    bool importAsIs(const QByteArray &bytes, const QHash<QString, ColumnRole> &roles = {});

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<Document> mDoc;
};

void tst_MetricsEngine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_MetricsEngine::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    StorageError error;
    mDoc = Document::create(smallProject(), &error);
    QVERIFY2(mDoc, qPrintable(error.message));
}

Result tst_MetricsEngine::importAndCompute(const QList<Row> &rows, const Options &options,
                                           QList<DatasetAttachment> attachments)
{
    const QString path = mDir->filePath(u"data.csv"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(csv(rows));
    file.close();

    QString error;
    std::optional<Import::ImportPlan> plan = Import::plan(path, {}, &error);
    if (!plan) {
        qWarning("plan: %s", qPrintable(error));
        return {};
    }
    for (qsizetype i = 0; i < plan->columns.size() && i < Roles.size(); ++i) {
        plan->columns[i].role = Roles.at(i);
        plan->columns[i].type = Types.at(i);
    }
    if (attachments.isEmpty())
        attachments = {{{}, AttachmentKind::ByColumn, {}, 2, {}}};
    plan->attachments = attachments;
    plan->onBadRows = Import::BadRowPolicy::Fail;

    Import::Importer importer(std::move(*plan), mDoc->project());
    const Import::ImportResult imported = importer.run(mDoc->workingCopyPath());
    if (!imported.ok) {
        qWarning("import: %s", qPrintable(imported.error));
        return {};
    }
    mDoc->push(Commands::importDataset(mDoc.get(), imported.dataset).release());

    const Engine engine(mDoc->project(), mDoc->workingCopyPath());
    return engine.compute(options);
}

bool tst_MetricsEngine::importAsIs(const QByteArray &bytes, const QHash<QString, ColumnRole> &roles)
{
    const QString path = mDir->filePath(u"export.csv"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(bytes);
    file.close();

    QString error;
    std::optional<Import::ImportPlan> plan = Import::plan(path, {}, &error);
    if (!plan) {
        qWarning("plan: %s", qPrintable(error));
        return false;
    }
    for (DatasetColumn &c : plan->columns)
        c.role = roles.value(c.name, c.role);
    plan->onBadRows = Import::BadRowPolicy::Fail;
    Import::Importer importer(std::move(*plan), mDoc->project());
    const Import::ImportResult imported = importer.run(mDoc->workingCopyPath());
    if (!imported.ok) {
        qWarning("import: %s", qPrintable(imported.error));
        return false;
    }
    mDoc->push(Commands::importDataset(mDoc.get(), imported.dataset).release());
    return true;
}

void tst_MetricsEngine::noData()
{
    const Engine engine(mDoc->project(), mDoc->workingCopyPath());
    const Result result = engine.compute({});
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.touchpoints.size(), qint64(3));
    QCOMPARE(result.touchpoints.at(0).title, u"Website"_s);
    QCOMPARE(result.touchpoints.at(0).stage, u"Purchase"_s);
    QCOMPARE(result.touchpoints.at(0).figures.rows, qint64(0));
    QVERIFY(!result.touchpoints.at(0).figures.nps);
    QVERIFY(!result.touchpoints.at(0).figures.revenue);
}

void tst_MetricsEngine::noAnswers()
{
    const Result result = importAndCompute(answers(u"Website"_s, 4, {}, 1));
    QVERIFY(result.ok);
    const TouchpointResult *website = find(result, WebsiteId);
    QVERIFY(website);
    QCOMPARE(website->figures.rows, qint64(4));
    QVERIFY(!website->figures.nps);
    QVERIFY(!website->figures.csatTop2);
    QVERIFY(!website->figures.ces);
    QVERIFY(!website->figures.conversion);
    // A revenue column is attached, with no value in it: a sum of 0 and no average.
    QVERIFY(website->figures.revenue);
    QCOMPARE(website->figures.revenue->orders, qint64(0));
    QVERIFY(!website->figures.revenue->averageOrder);
    QCOMPARE(find(result, StoreId)->figures.rows, qint64(0));
}

void tst_MetricsEngine::oneAnswer()
{
    const Result result = importAndCompute(answers(u"Website"_s, 1, u"9"_s, 1));
    const TouchpointResult *website = find(result, WebsiteId);
    QVERIFY(website && website->figures.nps);
    QCOMPARE(website->figures.nps->n, qint64(1));
    QCOMPARE(website->figures.nps->score, 100.0);
    QVERIFY(!website->figures.nps->ci);
}

void tst_MetricsEngine::allPromoters()
{
    QList<Row> rows = answers(u"Website"_s, 2, u"10"_s, 1);
    rows += answers(u"website "_s, 1, u"9"_s, 3); // matched ignoring case and spaces
    const Result result = importAndCompute(rows);
    const TouchpointResult *website = find(result, WebsiteId);
    QVERIFY(website && website->figures.nps);
    QCOMPARE(website->figures.nps->n, qint64(3));
    QCOMPARE(website->figures.nps->promoters, qint64(3));
    QCOMPARE(website->figures.nps->score, 100.0);
    // By hand: (3.75 - 0.75) / 6 = 0.5, variance 0.75 - 0.25, half 1.96 * sqrt(0.5 / 6).
    QVERIFY(website->figures.nps->ci);
    QVERIFY(std::abs(website->figures.nps->ci->low - (-6.58)) < 0.01);
    QCOMPARE(website->figures.nps->ci->high, 100.0);
    QCOMPARE(website->sums.npsCounts.at(10), qint64(2));
    QCOMPARE(website->sums.npsCounts.at(9), qint64(1));
}

void tst_MetricsEngine::blanksAndOutOfScale()
{
    QList<Row> rows = answers(u"Store"_s, 5, {}, 1);
    // Effort 2, blank, 9 (off the 1-7 scale), 4, 7; stars 4.5, 12 (off 0-10), blank, 3, 0.
    const QStringList ces = {u"2"_s, {}, u"9"_s, u"4"_s, u"7"_s};
    const QStringList stars = {u"4.5"_s, u"12"_s, {}, u"3"_s, u"0"_s};
    for (int i = 0; i < 5; ++i) {
        rows[i].ces = ces[i];
        rows[i].stars = stars[i];
    }
    const Result result = importAndCompute(rows);
    const TouchpointResult *store = find(result, StoreId);
    QVERIFY(store && store->figures.ces && store->figures.rating);
    QCOMPARE(store->figures.rows, qint64(5));
    QCOMPARE(store->figures.ces->n, qint64(3));
    QCOMPARE(store->figures.ces->mean, 13.0 / 3.0);
    QCOMPARE(store->figures.rating->n, qint64(3));
    QCOMPARE(store->figures.rating->mean, 2.5);
    QCOMPARE(store->sums.cesCounts.at(2 - CesMin), qint64(1));
    QCOMPARE(store->sums.ratingCounts.at(3), qint64(1));
}

void tst_MetricsEngine::csatAndConversion()
{
    QList<Row> rows = answers(u"Checkout"_s, 4, {}, 1);
    const QStringList csat = {u"5"_s, u"4"_s, u"2"_s, {}};
    const QStringList bought = {u"yes"_s, u"no"_s, {}, u"yes"_s};
    for (int i = 0; i < 4; ++i) {
        rows[i].csat = csat[i];
        rows[i].bought = bought[i];
    }
    const Result result = importAndCompute(rows);
    const TouchpointResult *checkout = find(result, CheckoutId);
    QVERIFY(checkout && checkout->figures.csatTop2 && checkout->figures.conversion);
    QCOMPARE(checkout->figures.csatTop2->n, qint64(3));
    QCOMPARE(checkout->figures.csatTop2->successes, qint64(2));
    QCOMPARE(checkout->figures.csatMean->mean, 11.0 / 3.0);
    QCOMPARE(checkout->figures.conversion->n, qint64(3));
    QCOMPARE(checkout->figures.conversion->successes, qint64(2));
}

void tst_MetricsEngine::revenueOncePerOrder()
{
    // Order A has two line items; its total is on the first row only, the second row's
    // value is a line-level figure the importer marks as not first of its key.
    QList<Row> rows = answers(u"Checkout"_s, 4, {}, 1);
    rows[0].id = u"A"_s;
    rows[0].total = u"10.50"_s;
    rows[1].id = u"A"_s;
    rows[1].total = u"99"_s;
    rows[2].id = u"B"_s;
    rows[2].total = u"5"_s;
    rows[3].id = u"C"_s; // no total
    const Result result = importAndCompute(rows);
    const TouchpointResult *checkout = find(result, CheckoutId);
    QVERIFY(checkout && checkout->figures.revenue);
    QCOMPARE(checkout->figures.revenue->sum, 15.5);
    QCOMPARE(checkout->figures.revenue->orders, qint64(2));
    QCOMPARE(*checkout->figures.revenue->averageOrder, 7.75);
    QCOMPARE(checkout->sums.reach, qint64(3));
}

void tst_MetricsEngine::segmentAndDates_data()
{
    QTest::addColumn<QString>("segment");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("promoters");

    QTest::newRow("everything") << QString() << QString() << QString() << 6 << 3;
    QTest::newRow("segment North") << u"north=North"_s << QString() << QString() << 3 << 2;
    QTest::newRow("unknown column") << u"region=North"_s << QString() << QString() << 0 << 0;
    QTest::newRow("from March") << QString() << u"2024-03-01"_s << QString() << 4 << 1;
    QTest::newRow("to the end of February") << QString() << QString() << u"2024-02-29"_s << 2 << 2;
    QTest::newRow("one day inclusive") << QString() << u"2024-03-10"_s << u"2024-03-10"_s << 1 << 0;
    QTest::newRow("segment and dates")
        << u"North=North"_s << u"2024-03-01"_s << QString() << 1 << 0;
}

void tst_MetricsEngine::segmentAndDates()
{
    QFETCH(QString, segment);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, rows);
    QFETCH(int, promoters);

    // The segment column is called "segment"; the rows say North or South.
    QList<Row> data = answers(u"Website"_s, 6, u"10"_s, 1);
    const QStringList when = {u"2024-02-01T00:00:00Z"_s, u"2024-02-29T23:59:59Z"_s,
                              u"2024-03-01T00:00:00Z"_s, u"2024-03-10T12:00:00Z"_s,
                              u"2024-03-11T00:00:00Z"_s, u"2024-04-01T00:00:00Z"_s};
    const QStringList region = {u"North"_s, u"North"_s, u"South"_s,
                                u"North"_s, u"South"_s, u"South"_s};
    for (int i = 0; i < 6; ++i) {
        data[i].when = when[i];
        data[i].segment = region[i];
        data[i].nps = i < 2 || i == 5 ? u"10"_s : u"3"_s;
    }
    Options options;
    if (!segment.isEmpty()) {
        options.segmentColumn = u"SEGMENT"_s; // any case
        options.segmentValue = segment.section(u'=', 1);
        if (segment.startsWith(u"region"))
            options.segmentColumn = u"region"_s;
    }
    if (!from.isEmpty())
        options.from = QDate::fromString(from, Qt::ISODate);
    if (!to.isEmpty())
        options.to = QDate::fromString(to, Qt::ISODate);
    const Result result = importAndCompute(data, options);
    QVERIFY(result.ok);
    const TouchpointResult *website = find(result, WebsiteId);
    QVERIFY(website);
    QCOMPARE(website->figures.rows, qint64(rows));
    QCOMPARE(website->figures.nps ? website->figures.nps->promoters : 0, qint64(promoters));
}

void tst_MetricsEngine::wholeDatasetAndFilterAttachments()
{
    QList<Row> rows = answers(u"x"_s, 3, u"10"_s, 1);
    rows[0].segment = u"VIP"_s;
    rows[1].segment = u"VIP"_s;
    rows[2].nps = u"0"_s;
    const Result result = importAndCompute(rows, {},
                                           {{{}, AttachmentKind::WholeDataset, StoreId, 0, {}},
                                            {{}, AttachmentKind::Filter, CheckoutId, 3, u"VIP"_s}});
    QVERIFY(result.ok);
    QCOMPARE(find(result, StoreId)->figures.rows, qint64(3));
    QCOMPARE(find(result, StoreId)->figures.nps->score, 100.0 / 3.0);
    QCOMPARE(find(result, CheckoutId)->figures.rows, qint64(2));
    QCOMPARE(find(result, CheckoutId)->figures.nps->score, 100.0);
    QCOMPARE(find(result, WebsiteId)->figures.rows, qint64(0));
}

void tst_MetricsEngine::businessValueWeighting()
{
    // Rows of the persona's segment weigh 2; rows of no persona are left out of the figure.
    QList<Row> rows = answers(u"Website"_s, 3, u"10"_s, 1);
    rows[0].segment = u"consumers"_s;
    rows[0].total = u"100"_s;
    rows[1].segment = u"Priya"_s;
    rows[1].nps = u"0"_s;
    rows[2].segment = u"Someone else"_s;
    const Result result = importAndCompute(rows);
    const TouchpointResult *website = find(result, WebsiteId);
    QVERIFY(website && website->figures.weightedNps);
    QCOMPARE(*website->figures.weightedNps, 0.0); // (2 - 2) / 4
    QCOMPARE(website->figures.nps->score, 100.0 / 3.0);
    QCOMPARE(*website->figures.weightedRevenue, 200.0);
}

void tst_MetricsEngine::strugglingFlag_data()
{
    QTest::addColumn<int>("checkoutAnswers");
    QTest::addColumn<bool>("flagged");

    QTest::newRow("forty detractors") << 40 << true;
    QTest::newRow("a handful of detractors") << 5 << false;
    QTest::newRow("one short of the minimum") << int(MinimumFlagN) - 1 << false;
}

void tst_MetricsEngine::strugglingFlag()
{
    QFETCH(int, checkoutAnswers);
    QFETCH(bool, flagged);

    QList<Row> rows = answers(u"Website"_s, 40, u"10"_s, 1);
    rows += answers(u"Store"_s, 40, u"9"_s, 100);
    rows += answers(u"Checkout"_s, checkoutAnswers, u"2"_s, 200);
    const Result result = importAndCompute(rows);
    QVERIFY(result.ok);
    const TouchpointResult *checkout = find(result, CheckoutId);
    QCOMPARE(hasFlag(*checkout, Flag::Kind::Struggling), flagged);
    QVERIFY(!hasFlag(*find(result, WebsiteId), Flag::Kind::Struggling));
    QVERIFY(!hasFlag(*find(result, StoreId), Flag::Kind::Struggling));
}

void tst_MetricsEngine::dropOffFlag()
{
    // 100 reach the website, 95 the store, 40 the checkout: the store loses 58%, the
    // website 5%.
    QList<Row> rows = answers(u"Website"_s, 100, u"8"_s, 1);
    rows += answers(u"Store"_s, 95, u"8"_s, 1);
    rows += answers(u"Checkout"_s, 40, u"8"_s, 1);
    const Result result = importAndCompute(rows);
    QVERIFY(result.ok);
    QCOMPARE(result.maps.size(), qint64(1));
    QCOMPARE(result.maps.at(0).paths.size(), qint64(1));
    const PersonaPath &path = result.maps.at(0).paths.at(0);
    QCOMPARE(path.persona, u"Priya"_s);
    QCOMPARE(path.steps.size(), qint64(3));
    QCOMPARE(path.steps.at(0).reached, qint64(100));
    QVERIFY(!path.steps.at(0).dropOff);
    QCOMPARE(*path.steps.at(1).dropOff, 0.05);
    QCOMPARE(*path.steps.at(2).dropOff, 55.0 / 95.0);
    QVERIFY(hasFlag(*find(result, StoreId), Flag::Kind::DropOff));
    QVERIFY(!hasFlag(*find(result, WebsiteId), Flag::Kind::DropOff));
    QVERIFY(!hasFlag(*find(result, CheckoutId), Flag::Kind::DropOff));
}

void tst_MetricsEngine::declineFlag()
{
    // February all promoters, March all detractors, 40 each; the store falls only a little
    // on a handful of answers.
    QList<Row> rows = answers(u"Website"_s, 40, u"10"_s, 1, u"2024-02-10T09:00:00Z"_s);
    rows += answers(u"Website"_s, 40, u"3"_s, 100, u"2024-03-10T09:00:00Z"_s);
    rows += answers(u"Store"_s, 5, u"10"_s, 200, u"2024-02-10T09:00:00Z"_s);
    rows += answers(u"Store"_s, 5, u"3"_s, 300, u"2024-03-10T09:00:00Z"_s);
    const Result result = importAndCompute(rows);
    QVERIFY(result.ok);
    const TouchpointResult *website = find(result, WebsiteId);
    QCOMPARE(website->months.size(), qint64(2));
    QCOMPARE(website->months.at(0).month, u"2024-02"_s);
    QCOMPARE(website->months.at(1).sums.rows, qint64(40));
    QVERIFY(hasFlag(*website, Flag::Kind::Decline));
    QVERIFY(!hasFlag(*find(result, StoreId), Flag::Kind::Decline));
}

void tst_MetricsEngine::weeklyTrends()
{
    // ISO weeks start on Monday and belong to the year of their Thursday: 2024-12-30 and
    // 2024-12-31 are in 2025-W01 with 2025-01-05, and 2021-01-03 is in 2020-W53.
    const QList<std::pair<QString, QString>> answered = {
        {u"2024-02-26T09:00:00Z"_s, u"10"_s}, // Monday of 2024-W09
        {u"2024-03-03T21:00:00Z"_s, u"7"_s},  // its Sunday, in another month
        {u"2024-12-29T12:00:00Z"_s, u"10"_s}, // 2024-W52's Sunday
        {u"2024-12-30T08:00:00Z"_s, u"0"_s},
        {u"2024-12-31T23:59:59Z"_s, u"9"_s},
        {u"2025-01-05T10:00:00Z"_s, u"5"_s},
        {u"2025-01-06T00:00:00Z"_s, u"8"_s}, // Monday of 2025-W02
        {u"2021-01-03T10:00:00Z"_s, u"10"_s},
        {QString(), u"10"_s}, // no timestamp: in no week and no month
    };
    QList<Row> rows = answers(u"Website"_s, int(answered.size()), {}, 1);
    for (qsizetype i = 0; i < answered.size(); ++i) {
        rows[i].when = answered.at(i).first;
        rows[i].nps = answered.at(i).second;
    }
    const Result result = importAndCompute(rows);
    QVERIFY(result.ok);
    const TouchpointResult *website = find(result, WebsiteId);
    QVERIFY(website);
    QCOMPARE(website->sums.rows, qint64(9));

    QStringList weeks;
    QList<qint64> weekRows;
    for (const WeekTrend &week : website->weeks) {
        weeks << week.week;
        weekRows << week.sums.rows;
    }
    QCOMPARE(weeks, (QStringList{u"2020-W53"_s, u"2024-W09"_s, u"2024-W52"_s, u"2025-W01"_s,
                                 u"2025-W02"_s}));
    QCOMPARE(weekRows, (QList<qint64>{1, 2, 1, 3, 1}));
    // 2025-W01, across the turn of the year: 9 is a promoter, 0 and 5 detractors.
    const Figures turn = figures(website->weeks.at(3).sums, false);
    QVERIFY(turn.nps);
    QCOMPARE(turn.nps->promoters, qint64(1));
    QCOMPARE(turn.nps->detractors, qint64(2));
    QCOMPARE(turn.nps->score, -100.0 / 3.0);

    QStringList months;
    QList<qint64> monthRows;
    for (const MonthTrend &month : website->months) {
        months << month.month;
        monthRows << month.sums.rows;
    }
    QCOMPARE(months,
             (QStringList{u"2021-01"_s, u"2024-02"_s, u"2024-03"_s, u"2024-12"_s, u"2025-01"_s}));
    QCOMPARE(monthRows, (QList<qint64>{1, 1, 1, 3, 2}));
}

void tst_MetricsEngine::funnel_data()
{
    QTest::addColumn<QByteArray>("table");
    QTest::addColumn<QList<qint64>>("users");
    QTest::addColumn<QList<double>>("completion"); // -1: none
    QTest::addColumn<QList<double>>("abandonment");
    QTest::addColumn<bool>("storeFlagged");
    QTest::addColumn<bool>("textRates"); // rates imported as text, as they are written

    // The rates are the file's; the last step has none.
    QTest::newRow("rates in the file")
        << QByteArray("Step,Active users,Completion rate,Abandonments,Abandonment rate\n"
                      "1. Website,1000,0.8,200,0.2\n"
                      "2. Store,800,0.25,600,0.75\n"
                      "3. checkout ,200,0.9,20,0.1\n"
                      "4. Purchase,180,,,\n")
        << QList<qint64>{1000, 800, 200, 180} << QList<double>{0.8, 0.25, 0.9, -1}
        << QList<double>{0.2, 0.75, 0.1, -1} << true << false;
    QTest::newRow("rates as percentages")
        << QByteArray("Step,Active users,Completion rate,Abandonments,Abandonment rate\n"
                      "Website,1000,80%,200,20%\n"
                      "Store,800,25%,600,75%\n"
                      "Checkout,200,,,\n")
        << QList<qint64>{1000, 800, 200} << QList<double>{0.8, 0.25, -1}
        << QList<double>{0.2, 0.75, -1} << true << true;
    // From consecutive users: 90 of 100 go on (10% abandon), 30 of 90 (two thirds abandon).
    QTest::newRow("rates from the users")
        << QByteArray("Step,Active users\n"
                      "Website,100\n"
                      "Store,90\n"
                      "Checkout,30\n")
        << QList<qint64>{100, 90, 30} << QList<double>{0.9, 1.0 / 3.0, -1}
        << QList<double>{0.1, 2.0 / 3.0, -1} << true << false;
    QTest::newRow("too few users to flag")
        << QByteArray("Step,Active users\n"
                      "Website,40\n"
                      "Store,29\n"
                      "Checkout,3\n")
        << QList<qint64>{40, 29, 3} << QList<double>{29.0 / 40.0, 3.0 / 29.0, -1}
        << QList<double>{11.0 / 40.0, 26.0 / 29.0, -1} << false << false;
    // Evenly lost: no step stands out.
    QTest::newRow("no step above the others")
        << QByteArray("Step,Active users\n"
                      "Website,1000\n"
                      "Store,500\n"
                      "Checkout,250\n"
                      "Thanks,125\n")
        << QList<qint64>{1000, 500, 250, 125} << QList<double>{0.5, 0.5, 0.5, -1}
        << QList<double>{0.5, 0.5, 0.5, -1} << false << false;
}

void tst_MetricsEngine::funnel()
{
    QFETCH(QByteArray, table);
    QFETCH(QList<qint64>, users);
    QFETCH(QList<double>, completion);
    QFETCH(QList<double>, abandonment);
    QFETCH(bool, storeFlagged);
    QFETCH(bool, textRates);

    QHash<QString, ColumnRole> roles;
    if (textRates)
        roles = {{u"Completion rate"_s, ColumnRole::Text},
                 {u"Abandonment rate"_s, ColumnRole::Text}};
    QVERIFY(importAsIs("# ----------------------------------------\n"
                       "# Funnel exploration\n"
                       "# 20240301-20240331\n"
                       "# ----------------------------------------\n"
                       "\n" +
                           table,
                       roles));
    QCOMPARE(mDoc->project().datasets.constFirst().format, u"ga4-funnel"_s);
    const Engine engine(mDoc->project(), mDoc->workingCopyPath());
    const Result result = engine.compute({});
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.funnels.size(), qint64(1));
    const Funnel &funnel = result.funnels.constFirst();
    QCOMPARE(funnel.datasetId, mDoc->project().datasets.constFirst().id);
    QCOMPARE(funnel.mapId, fixedId(2));
    QCOMPARE(funnel.steps.size(), users.size());
    const QList<Id> touchpoints = {WebsiteId, StoreId, CheckoutId};
    for (qsizetype i = 0; i < funnel.steps.size(); ++i) {
        const FunnelStep &step = funnel.steps.at(i);
        QCOMPARE(step.touchpointId, touchpoints.value(i));
        QCOMPARE(step.activeUsers, users.at(i));
        QCOMPARE(step.completion.has_value(), completion.at(i) >= 0);
        if (step.completion)
            QVERIFY2(std::abs(*step.completion - completion.at(i)) < 1e-12, qPrintable(step.name));
        QCOMPARE(step.abandonment.has_value(), abandonment.at(i) >= 0);
        if (step.abandonment)
            QVERIFY2(std::abs(*step.abandonment - abandonment.at(i)) < 1e-12,
                     qPrintable(step.name));
    }
    QCOMPARE(hasFlag(*find(result, StoreId), Flag::Kind::DropOff), storeFlagged);
    QVERIFY(!hasFlag(*find(result, WebsiteId), Flag::Kind::DropOff));
    QVERIFY(!hasFlag(*find(result, CheckoutId), Flag::Kind::DropOff));
    // A funnel's rates are not the touchpoints' ratings, nor its steps their rows.
    QCOMPARE(find(result, StoreId)->sums.rows, qint64(0));
    QVERIFY(!find(result, StoreId)->figures.rating);
    QVERIFY(engine.sql({}).contains(u"ORDER BY row_number"_s));
}

void tst_MetricsEngine::funnelSegmentAndMap()
{
    // Rows of a step broken down by device are added, their rates worked out from the sums;
    // a segment keeps one device's rows and the file's rates.
    QVERIFY(importAsIs("# Funnel exploration\n"
                       "\n"
                       "Step,Device category,Active users,Completion rate,Abandonments,"
                       "Abandonment rate\n"
                       "1. Website,desktop,600,0.9,60,0.1\n"
                       "1. Website,mobile,400,0.5,200,0.5\n"
                       "2. Store,desktop,540,0.5,270,0.5\n"
                       "2. Store,mobile,200,0.3,140,0.7\n"
                       "3. Checkout,desktop,270,,,\n"
                       "3. Checkout,mobile,60,,,\n"));
    const Engine engine(mDoc->project(), mDoc->workingCopyPath());

    const Result all = engine.compute({});
    QVERIFY(all.ok);
    QCOMPARE(all.funnels.size(), qint64(1));
    const QList<FunnelStep> steps = all.funnels.constFirst().steps;
    QCOMPARE(steps.size(), qint64(3));
    QCOMPARE(steps.at(0).name, u"1. Website"_s);
    QCOMPARE(steps.at(0).activeUsers, qint64(1000));
    QCOMPARE(*steps.at(0).completion, 0.74);  // 740 of 1000 reach the store
    QCOMPARE(*steps.at(0).abandonment, 0.26); // 260 abandonments of 1000
    QCOMPARE(steps.at(1).activeUsers, qint64(740));
    QCOMPARE(*steps.at(1).abandonment, 410.0 / 740.0);
    QVERIFY(!steps.at(2).abandonment);
    // 41/74 = 55% against 26%: the store is flagged.
    QVERIFY(hasFlag(*find(all, StoreId), Flag::Kind::DropOff));

    Options mobile;
    mobile.segmentColumn = u"device category"_s;
    mobile.segmentValue = u"mobile"_s;
    const Result segment = engine.compute(mobile);
    QCOMPARE(segment.funnels.size(), qint64(1));
    QCOMPARE(segment.funnels.constFirst().steps.at(1).activeUsers, qint64(200));
    QCOMPARE(*segment.funnels.constFirst().steps.at(1).abandonment, 0.7);

    Options otherSegment;
    otherSegment.segmentColumn = u"Region"_s;
    otherSegment.segmentValue = u"North"_s;
    QVERIFY(engine.compute(otherSegment).funnels.isEmpty());

    Options thisMap;
    thisMap.mapId = fixedId(2);
    QCOMPARE(engine.compute(thisMap).funnels.size(), qint64(1));
    Options noMap;
    noMap.mapId = fixedId(99);
    QVERIFY(engine.compute(noMap).funnels.isEmpty());
}

void tst_MetricsEngine::twoDateRangesCompared()
{
    // Effort 2 and 3 in the first fortnight of March, 5 and 6 in the second: more effort, so
    // a fall; CSAT 5 in both, so no test.
    QList<Row> rows = answers(u"Store"_s, 40, {}, 1, u"2024-03-02T08:00:00Z"_s);
    rows += answers(u"Store"_s, 40, {}, 100, u"2024-03-20T08:00:00Z"_s);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        rows[i].ces = QString::number((i < 40 ? 2 : 5) + int(i % 2));
        rows[i].csat = u"5"_s;
    }
    QVERIFY(importAndCompute(rows).ok);
    const Engine engine(mDoc->project(), mDoc->workingCopyPath());
    Options first, second;
    first.from = QDate(2024, 3, 1);
    first.to = QDate(2024, 3, 15);
    second.from = QDate(2024, 3, 16);
    second.to = QDate(2024, 3, 31);
    const Figures a = find(engine.compute(first), StoreId)->figures;
    const Figures b = find(engine.compute(second), StoreId)->figures;
    QCOMPARE(a.ces->mean, 2.5);
    QCOMPARE(b.ces->mean, 5.5);
    const std::optional<Stats::Comparison> effort = compare(a, b, Measure::Ces);
    QVERIFY(effort);
    QCOMPARE(effort->difference, -3.0);
    QVERIFY(effort->significant);
    const std::optional<Stats::Comparison> csat = compare(a, b, Measure::Csat);
    QVERIFY(csat);
    QVERIFY(!csat->significant);
}

void tst_MetricsEngine::keyDrivers()
{
    // Each respondent rates the website and the store (CSAT) on rows of their own and gives
    // one overall NPS answer on a third row: the website's rating follows the NPS, the
    // store's does not.
    const QList<int> overall = {10, 9, 3, 8, 0, 6, 10, 2, 7, 5};
    const QList<int> website = {5, 5, 2, 4, 1, 3, 5, 1, 4, 3};
    const QList<int> store = {3, 4, 4, 2, 5, 3, 1, 4, 2, 5};
    QList<Row> rows;
    for (int i = 0; i < overall.size(); ++i) {
        const QString key = u"r%1"_s.arg(i);
        rows.append({key,
                     u"2024-03-01T00:00:00Z"_s,
                     u"Checkout"_s,
                     {},
                     QString::number(overall[i]),
                     {},
                     {},
                     {},
                     {},
                     {}});
        rows.append({key,
                     u"2024-03-01T00:00:00Z"_s,
                     u"Website"_s,
                     {},
                     {},
                     QString::number(website[i]),
                     {},
                     {},
                     {},
                     {}});
        rows.append({key,
                     u"2024-03-01T00:00:00Z"_s,
                     u"Store"_s,
                     {},
                     {},
                     QString::number(store[i]),
                     {},
                     {},
                     {},
                     {}});
    }
    rows[0].total = u"30"_s; // the first row of r0, on the checkout
    rows[3].total = u"10"_s; // the first row of r1

    // Pearson's r the textbook way, from deviations about the means.
    const auto pearson = [&overall](const QList<int> &x) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.size(); ++i) {
            mx += x[i];
            my += overall[i];
        }
        mx /= double(x.size());
        my /= double(x.size());
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.size(); ++i) {
            sxy += (x[i] - mx) * (overall[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (overall[i] - my) * (overall[i] - my);
        }
        return sxy / std::sqrt(sxx * syy);
    };

    const Result result = importAndCompute(rows);
    QVERIFY(result.ok);
    QCOMPARE(result.drivers.size(), qint64(3));
    QCOMPARE(result.drivers.at(0).touchpointId, WebsiteId);
    QVERIFY(result.drivers.at(0).correlation);
    QCOMPARE(result.drivers.at(0).correlation->n, qint64(10));
    QVERIFY(std::abs(result.drivers.at(0).correlation->r - pearson(website)) < 1e-9);
    QVERIFY(result.drivers.at(0).correlation->pValue < 0.05);
    QCOMPARE(result.drivers.at(1).touchpointId, StoreId);
    QVERIFY(std::abs(result.drivers.at(1).correlation->r - pearson(store)) < 1e-9);
    // The checkout has no score of its own, only all of the revenue.
    QCOMPARE(result.drivers.at(2).touchpointId, CheckoutId);
    QVERIFY(!result.drivers.at(2).correlation);
    QCOMPARE(*result.drivers.at(2).revenueShare, 1.0);
    QVERIFY(!Engine::driversExplanation().isEmpty());
}

void tst_MetricsEngine::driverRanking_data()
{
    // Each driver: r, n, the interval's low end (NaN: no interval), share of revenue (NaN:
    // none). The expected order names them by their index.
    QTest::addColumn<QList<QList<double>>>("drivers");
    QTest::addColumn<QList<int>>("order");
    const double none = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("a strong link in few answers after a firm one in many")
        << QList<QList<double>>{{0.95, 5, 0.40, none}, {0.70, 300, 0.64, none}} << QList<int>{1, 0};
    QTest::newRow("by the low end, highest first") << QList<QList<double>>{{0.30, 50, 0.02, none},
                                                                           {0.50, 80, 0.31, none},
                                                                           {0.40, 400, 0.32, none}}
                                                   << QList<int>{2, 1, 0};
    QTest::newRow("too few for an interval after those with one, by r")
        << QList<QList<double>>{{0.99, 3, none, none},
                                {0.10, 60, -0.15, none},
                                {0.50, 3, none, none}}
        << QList<int>{1, 0, 2};
    QTest::newRow("revenue alone last, by its share")
        << QList<QList<double>>{{none, 0, none, 0.2}, {none, 0, none, 0.7}, {-0.5, 40, -0.7, none}}
        << QList<int>{2, 1, 0};
}

void tst_MetricsEngine::driverRanking()
{
    QFETCH(QList<QList<double>>, drivers);
    QFETCH(QList<int>, order);

    QList<Driver> list;
    for (const QList<double> &d : std::as_const(drivers)) {
        Driver driver;
        driver.title = QString::number(list.size());
        if (!std::isnan(d[0])) {
            Stats::Correlation c;
            c.r = d[0];
            c.n = qint64(d[1]);
            if (!std::isnan(d[2]))
                c.ci = Stats::Interval{d[2], 0.99};
            driver.correlation = c;
        }
        if (!std::isnan(d[3]))
            driver.revenueShare = d[3];
        list.append(driver);
    }
    std::stable_sort(list.begin(), list.end(), ranksBefore);
    QList<int> ranked;
    for (const Driver &d : std::as_const(list))
        ranked.append(d.title.toInt());
    QCOMPARE(ranked, order);
}

void tst_MetricsEngine::sqlIsOnePassPerAttachment()
{
    QVERIFY(importAndCompute(answers(u"Website"_s, 2, u"10"_s, 1)).ok);
    const Engine engine(mDoc->project(), mDoc->workingCopyPath());
    const QStringList passes = engine.sql({}).split(u";\n"_s, Qt::SkipEmptyParts);
    // The metrics, and the pairs for the drivers (the dataset has a key, NPS and CSAT).
    QCOMPARE(passes.size(), qint64(2));
    QVERIFY(passes.at(0).contains(u"GROUP BY 1, 2"_s));
    QVERIFY(passes.at(1).contains(u" JOIN "_s));
}

void tst_MetricsEngine::cancel()
{
    QVERIFY(importAndCompute(answers(u"Website"_s, 2, u"10"_s, 1)).ok);
    const std::atomic_bool cancelled = true;
    Options options;
    options.cancel = &cancelled;
    const Engine engine(mDoc->project(), mDoc->workingCopyPath());
    const Result result = engine.compute(options);
    QVERIFY(result.cancelled);
    QVERIFY(!result.ok);
}

QTEST_GUILESS_MAIN(tst_MetricsEngine)
#include "tst_metricsengine.moc"
