// The metrics cache: a Result computed from the format-3 fixture survives encoding and
// decoding whole, its key follows every input the engine reads and nothing else, hostile
// payloads are refused with a message, and a stored payload is saved with the file without
// making the document modified.
#include "commands.h"
#include "document.h"
#include "lookup.h"
#include "metrics/metricscache.h"
#include "storage/projectfile.h"
#include "storage/sqlite.h"
#include "storage/workingcopy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QtEndian>

#include <functional>
#include <memory>

using namespace Waymark;
using namespace Waymark::Metrics;
using namespace Qt::StringLiterals;

namespace {

const QString Fixture = QStringLiteral(WAYMARK_TEST_DATA "/format-3.waymark");

using Change = std::function<void(Project &, Options &)>;

// A payload around body as encode() frames it: the header (magic, versions, sizes, the
// SHA-256 of the compressed body), then body compressed by zlib (qCompress without its own
// four-byte size prefix). The fields can be falsified one by one.
struct Frame
{
    QByteArray magic = "WMKMETRC";
    quint32 version = CacheFormatVersion;
    quint32 engine = quint32(EngineVersion);
    std::optional<quint64> bodySize; // the body's real size unless set
    std::optional<quint64> length;   // the compressed body's real size unless set
    bool breakChecksum = false;

    QByteArray wrap(const QByteArray &body) const
    {
        const QByteArray compressed = qCompress(body).mid(4);
        QByteArray header(64, '\0');
        char *h = header.data();
        std::memcpy(h, magic.constData(), 8);
        qToBigEndian<quint32>(version, h + 8);
        qToBigEndian<quint32>(engine, h + 12);
        qToBigEndian<quint64>(bodySize.value_or(quint64(body.size())), h + 16);
        qToBigEndian<quint64>(length.value_or(quint64(compressed.size())), h + 24);
        QByteArray hash = QCryptographicHash::hash(compressed, QCryptographicHash::Sha256);
        if (breakChecksum)
            hash[0] = char(hash[0] ^ 0x55);
        std::memcpy(h + 32, hash.constData(), 32);
        return header + compressed;
    }
};

// The body of a Result as the encoding lays it out, written by hand: ok, cancelled, an error
// text, then the counts of its four lists.
QByteArray resultBody(quint32 touchpoints, const QByteArray &rest = {})
{
    QByteArray body;
    QDataStream out(&body, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::BigEndian);
    out << quint8(1) << quint8(0) << quint32(0) << touchpoints;
    body += rest;
    return body;
}

const TouchpointResult *find(const Result &result, const QString &title)
{
    for (const TouchpointResult &tp : result.touchpoints) {
        if (tp.title == title)
            return &tp;
    }
    return nullptr;
}

} // namespace

class tst_MetricsCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void roundTripOfARealResult();
    void resultPastTheBoundsIsNotCached();
    void keyFollowsTheInputs_data();
    void keyFollowsTheInputs();
    void keyIsStableAcrossSaveAndReopen();
    void hostilePayloadsAreRefused_data();
    void hostilePayloadsAreRefused();
    void storeSurvivesSaveAndReopen();
    void storingDoesNotMarkTheDocumentModified();
    void staleRowsAreReplaced();
    void damagedCacheInAFileIsRefused();

    void writeFuzzCorpus();

private:
    Result compute(const Options &options = {}) const;
    qint64 cacheRows(const QString &path) const;

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<Document> mDoc;
};

void tst_MetricsCache::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo::exists(Fixture), "tests/data/format-3.waymark is missing");
}

void tst_MetricsCache::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    StorageError error;
    mDoc = Document::open(Fixture, &error);
    QVERIFY2(mDoc, qPrintable(error.message + u'\n' + error.detail));
}

Result tst_MetricsCache::compute(const Options &options) const
{
    const Engine engine(mDoc->project(), mDoc->workingCopyPath());
    return engine.compute(options);
}

qint64 tst_MetricsCache::cacheRows(const QString &path) const
{
    Sql::Database db;
    if (!db.open(path, Sql::Database::Mode::ReadOnly))
        return -1;
    return db.queryInt(u"SELECT count(*) FROM metrics_cache"_s).value_or(-1);
}

void tst_MetricsCache::roundTripOfARealResult()
{
    Result result = compute();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.touchpoints.size(), 37);
    const TouchpointResult *checkout = find(result, u"Checkout"_s);
    QVERIFY(checkout);
    QVERIFY(checkout->figures.nps);
    QVERIFY(checkout->figures.revenue);
    QVERIFY(!checkout->months.isEmpty());
    QVERIFY(!checkout->weeks.isEmpty());
    QVERIFY(!result.maps.isEmpty());
    QVERIFY(!result.maps[0].paths.isEmpty());

    // The fixture has no funnel export, no linked keys and too few answers for a flag: give
    // the result one of each, so that every struct of metricsengine.h goes through.
    Funnel funnel;
    funnel.datasetId = mDoc->project().datasets[0].id;
    funnel.dataset = u"Checkout funnel — GA4"_s;
    funnel.mapId = result.maps[0].id;
    funnel.steps = {{u"View cart"_s, checkout->id, 1200, 1.0, 0.0},
                    {u"Pay"_s, {}, 300, 0.25, std::nullopt}};
    result.funnels.append(funnel);
    Driver driver;
    driver.touchpointId = checkout->id;
    driver.mapId = checkout->mapId;
    driver.title = checkout->title;
    driver.score = Measure::Ces;
    driver.correlation = Stats::Correlation{42, 0.61, 0.0001, Stats::Interval{0.38, 0.77}};
    driver.revenueShare = 0.4;
    result.drivers.append(driver);
    result.touchpoints[0].flags.append({Flag::Kind::DropOff, u"Half of them leave here."_s});

    const QByteArray bytes = encode(result);
    QVERIFY(!bytes.isEmpty());
    QString error;
    const std::optional<Result> decoded = decode(bytes, &error);
    QVERIFY2(decoded, qPrintable(error));
    QVERIFY(error.isEmpty());

    // Encoding is deterministic, so decoding everything it wrote gives the same bytes back;
    // the values below show it wrote the fields themselves.
    QCOMPARE(encode(*decoded), bytes);
    QCOMPARE(decoded->ok, true);
    QCOMPARE(decoded->touchpoints.size(), result.touchpoints.size());
    const TouchpointResult *back = find(*decoded, u"Checkout"_s);
    QVERIFY(back);
    QCOMPARE(back->id, checkout->id);
    QCOMPARE(back->stage, checkout->stage);
    QCOMPARE(back->map, checkout->map);
    QCOMPARE(back->sums.npsCounts, checkout->sums.npsCounts);
    QCOMPARE(back->sums.revenue, checkout->sums.revenue);
    QCOMPARE(back->figures.nps->score, checkout->figures.nps->score);
    QCOMPARE(back->figures.nps->ci.has_value(), checkout->figures.nps->ci.has_value());
    QCOMPARE(back->figures.csatTop2->rate, checkout->figures.csatTop2->rate);
    QCOMPARE(back->figures.revenue->orders, checkout->figures.revenue->orders);
    QCOMPARE(back->figures.revenue->averageOrder, checkout->figures.revenue->averageOrder);
    QCOMPARE(back->months.size(), checkout->months.size());
    QCOMPARE(back->months[0].month, checkout->months[0].month);
    QCOMPARE(back->weeks.size(), checkout->weeks.size());
    QCOMPARE(back->weeks[0].week, checkout->weeks[0].week);
    QCOMPARE(back->weeks[0].sums.rows, checkout->weeks[0].sums.rows);
    QCOMPARE(decoded->touchpoints[0].flags.size(), result.touchpoints[0].flags.size());
    QCOMPARE(decoded->touchpoints[0].flags.last().kind, Flag::Kind::DropOff);
    QCOMPARE(decoded->touchpoints[0].flags.last().reason, u"Half of them leave here."_s);
    QCOMPARE(decoded->maps[0].headline, result.maps[0].headline);
    QCOMPARE(decoded->maps[0].paths[0].persona, result.maps[0].paths[0].persona);
    QCOMPARE(decoded->maps[0].paths[0].steps.size(), result.maps[0].paths[0].steps.size());
    QCOMPARE(decoded->drivers.last().score, Measure::Ces);
    QCOMPARE(decoded->drivers.last().correlation->r, 0.61);
    QCOMPARE(decoded->drivers.last().correlation->ci->high, 0.77);
    QCOMPARE(decoded->drivers.last().revenueShare, std::optional<double>(0.4));
    QCOMPARE(decoded->funnels.size(), 1);
    QCOMPARE(decoded->funnels[0].dataset, funnel.dataset);
    QCOMPARE(decoded->funnels[0].steps[0].touchpointId, checkout->id);
    QVERIFY(decoded->funnels[0].steps[1].touchpointId.isNull());
    QCOMPARE(decoded->funnels[0].steps[1].completion, std::optional<double>(0.25));
    QCOMPARE(decoded->funnels[0].steps[1].abandonment, std::optional<double>());
}

void tst_MetricsCache::resultPastTheBoundsIsNotCached()
{
    // What decode() would refuse is never written: a title longer than a text may be.
    Result result;
    result.ok = true;
    TouchpointResult tp;
    tp.title = QString(qsizetype(MaxTextBytes) + 1, u'x');
    result.touchpoints = {tp};
    QVERIFY(encode(result).isEmpty());

    result.touchpoints[0].title.chop(1);
    QString error;
    QVERIFY2(decode(encode(result), &error), qPrintable(error));
}

void tst_MetricsCache::keyFollowsTheInputs_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("changesKey");

    const auto map = [](Project &p) -> JourneyMap & {
        return p.maps[0];
    };
    const auto card = [](Project &p, const QString &title) -> Touchpoint & {
        for (Touchpoint &t : p.maps[0].touchpoints) {
            if (t.title == title)
                return t;
        }
        return p.maps[0].touchpoints[0];
    };

    // What the engine reads.
    QTest::newRow("a dataset's row count")
        << Change([](Project &p, Options &) { p.datasets[0].rowCount += 1; }) << true;
    QTest::newRow("a dataset's table of rows (a new wave)")
        << Change([](Project &p, Options &) { p.datasets[0].rowsTable += 10; }) << true;
    QTest::newRow("a dataset's import time") << Change([](Project &p, Options &) {
        p.datasets[1].imported = p.datasets[1].imported.addSecs(1);
    }) << true;
    QTest::newRow("a column's role")
        << Change([](Project &p, Options &) { p.datasets[0].columns[4].role = ColumnRole::Rating; })
        << true;
    QTest::newRow("a column's type") << Change([](Project &p, Options &) {
        p.datasets[1].columns[3].type = ColumnType::Integer;
    }) << true;
    QTest::newRow("an attachment") << Change([](Project &p, Options &) {
        p.datasets[1].attachments[0].touchpointId = newId();
    }) << true;
    QTest::newRow("a dataset's name")
        << Change([](Project &p, Options &) { p.datasets[0].name = u"Autumn"_s; }) << true;
    QTest::newRow("a map's headline")
        << Change([map](Project &p, Options &) { map(p).headline = HeadlineMetric::Revenue; })
        << true;
    QTest::newRow("a map's name") << Change([map](Project &p, Options &) {
        map(p).name = u"Renamed"_s;
    }) << true;
    QTest::newRow("a stage's name")
        << Change([map](Project &p, Options &) { map(p).stages[1].name = u"Think"_s; }) << true;
    QTest::newRow("the order of stages")
        << Change([map](Project &p, Options &) { map(p).stages.move(0, 1); }) << true;
    QTest::newRow("the order of lanes")
        << Change([map](Project &p, Options &) { map(p).lanes.move(0, 2); }) << true;
    QTest::newRow("a card's title")
        << Change([card](Project &p, Options &) { card(p, u"Checkout"_s).title = u"Pay"_s; })
        << true;
    QTest::newRow("a card's cell") << Change([card, map](Project &p, Options &) {
        card(p, u"Checkout"_s).stageId = map(p).stages[0].id;
    }) << true;
    QTest::newRow("a card's order in its cell")
        << Change([card](Project &p, Options &) { card(p, u"Checkout"_s).order += 1; }) << true;
    QTest::newRow("a card added") << Change([map](Project &p, Options &) {
        Touchpoint t = map(p).touchpoints[0];
        t.id = newId();
        t.order = 99;
        map(p).touchpoints.append(t);
    }) << true;
    QTest::newRow("a persona step's order")
        << Change([map](Project &p, Options &) { map(p).personaSteps[0].order = 40; }) << true;
    QTest::newRow("a persona step's card")
        << Change([map](Project &p, Options &) { map(p).personaSteps[0].touchpointId = newId(); })
        << true;
    QTest::newRow("a persona's business value")
        << Change([](Project &p, Options &) { p.personas[0].businessValue = 0.5; }) << true;
    QTest::newRow("a persona's segment")
        << Change([](Project &p, Options &) { p.personas[1].segment = u"Retail"_s; }) << true;
    QTest::newRow("the order of personas")
        << Change([](Project &p, Options &) { p.personas.move(0, 1); }) << true;
    QTest::newRow("the options' segment") << Change([](Project &, Options &o) {
        o.segmentColumn = u"Region"_s;
        o.segmentValue = u"North"_s;
    }) << true;
    QTest::newRow("the options' dates")
        << Change([](Project &, Options &o) { o.from = QDate(2024, 3, 1); }) << true;
    QTest::newRow("the options' map")
        << Change([map](Project &p, Options &o) { o.mapId = map(p).id; }) << true;
    QTest::newRow("the options' headline")
        << Change([map](Project &p, Options &o) { o.headline.insert(map(p).id, Measure::Csat); })
        << true;

    // What it does not.
    QTest::newRow("nothing") << Change([](Project &, Options &) {}) << false;
    QTest::newRow("a connector's label")
        << Change([map](Project &p, Options &) { map(p).connectors[0].label = u"then"_s; })
        << false;
    QTest::newRow("a persona's quote")
        << Change([](Project &p, Options &) { p.personas[0].quote = u"Just let me pay."_s; })
        << false;
    QTest::newRow("a card's description and notes") << Change([card](Project &p, Options &) {
        card(p, u"Checkout"_s).description = u"Three pages"_s;
        card(p, u"Checkout"_s).notes = u"Ask the payments team"_s;
    }) << false;
    QTest::newRow("a card's colour")
        << Change([card](Project &p, Options &) { card(p, u"Checkout"_s).color = QColor(Qt::red); })
        << false;
    QTest::newRow("an emotion score")
        << Change([map](Project &p, Options &) { map(p).personaSteps[0].emotion = -2; }) << false;
    QTest::newRow("the cards listed in another order") << Change([map](Project &p, Options &) {
        std::reverse(map(p).touchpoints.begin(), map(p).touchpoints.end());
    }) << false;
    QTest::newRow("the project's name")
        << Change([](Project &p, Options &) { p.name = u"Other"_s; }) << false;
    QTest::newRow("the cancel flag") << Change([](Project &, Options &o) {
        static const std::atomic_bool cancel{false};
        o.cancel = &cancel;
    }) << false;
}

void tst_MetricsCache::keyFollowsTheInputs()
{
    QFETCH(Change, change);
    QFETCH(bool, changesKey);

    Project project = mDoc->project();
    Options options;
    const QByteArray before = inputsKey(project, options);
    QCOMPARE(before.size(), 2 * OptionsKeyLength);
    QCOMPARE(QByteArray::fromHex(before).toHex(), before);
    QCOMPARE(inputsKey(project, options), before);

    const Options unchangedOptions = options;
    change(project, options);
    const QByteArray after = inputsKey(project, options);
    QCOMPARE(after != before, changesKey);

    // The first half names the options alone.
    const bool sameOptions = inputsKey({}, options).left(OptionsKeyLength) ==
                             inputsKey({}, unchangedOptions).left(OptionsKeyLength);
    QCOMPARE(after.left(OptionsKeyLength) == before.left(OptionsKeyLength), sameOptions);
}

void tst_MetricsCache::keyIsStableAcrossSaveAndReopen()
{
    const QByteArray key = inputsKey(mDoc->project(), {});
    const QString saved = mDir->filePath(u"saved.waymark"_s);
    StorageError error;
    QVERIFY2(mDoc->saveAs(saved, &error), qPrintable(error.message + error.detail));
    const std::unique_ptr<Document> reopened = Document::open(saved, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    QCOMPARE(inputsKey(reopened->project(), {}), key);
}

void tst_MetricsCache::hostilePayloadsAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("words"); // what the message must say

    Result small;
    small.ok = true;
    TouchpointResult tp;
    tp.id = newId();
    tp.title = u"Checkout"_s;
    tp.months = {{u"2024-03"_s, {}}};
    small.touchpoints = {tp};
    const QByteArray good = encode(small);

    QTest::newRow("empty") << QByteArray() << u"not in Waymark's form"_s;
    QTest::newRow("random bytes") << [] {
        QByteArray bytes(4096, '\0');
        QRandomGenerator generator(20261203);
        for (char &c : bytes)
            c = char(generator.bounded(256));
        return bytes;
    }() << u"not in Waymark's form"_s;
    QTest::newRow("wrong magic") << QByteArray("WYMKFRAG") + good.mid(8)
                                 << u"not in Waymark's form"_s;
    QTest::newRow("header only") << good.left(64) << u"incomplete"_s;
    QTest::newRow("truncated") << good.left(good.size() - 5) << u"incomplete"_s;
    QTest::newRow("a byte too many") << good + 'x' << u"incomplete"_s;
    QTest::newRow("bad checksum") << [good] {
        QByteArray bytes = good;
        bytes[bytes.size() - 3] = char(bytes[bytes.size() - 3] ^ 0x20);
        return bytes;
    }() << u"checksum"_s;
    QTest::newRow("checksum itself damaged") << [] {
        Frame f;
        f.breakChecksum = true;
        return f.wrap(resultBody(0, QByteArray(12, '\0')));
    }() << u"checksum"_s;
    QTest::newRow("newer encoding") << [] {
        Frame f;
        f.version = CacheFormatVersion + 1;
        return f.wrap(resultBody(0, QByteArray(12, '\0')));
    }() << u"another version of the cache"_s;
    QTest::newRow("another engine") << [] {
        Frame f;
        f.engine = quint32(EngineVersion) + 1;
        return f.wrap(resultBody(0, QByteArray(12, '\0')));
    }() << u"another version of Waymark's metrics"_s;
    QTest::newRow("huge length") << [] {
        Frame f;
        f.length = quint64(1) << 62;
        return f.wrap(resultBody(0, QByteArray(12, '\0')));
    }() << u"incomplete"_s;
    QTest::newRow("huge body claimed") << [] {
        Frame f;
        f.bodySize = quint64(1) << 40;
        return f.wrap(resultBody(0, QByteArray(12, '\0')));
    }() << u"claim to be larger"_s;
    QTest::newRow("body larger than claimed (a bomb)") << [] {
        Frame f;
        f.bodySize = 100;
        return f.wrap(QByteArray(20 * 1024 * 1024, '\0'));
    }() << u"cannot be unpacked"_s;
    QTest::newRow("body smaller than claimed") << [] {
        Frame f;
        f.bodySize = 40;
        return f.wrap(resultBody(0, QByteArray(12, '\0')));
    }() << u"cannot be unpacked"_s;
    QTest::newRow("not zlib") << [] {
        QByteArray bytes = Frame().wrap(resultBody(0, QByteArray(12, '\0')));
        const QByteArray junk(bytes.size() - 64, 'j');
        bytes.replace(64, junk.size(), junk);
        const QByteArray hash = QCryptographicHash::hash(junk, QCryptographicHash::Sha256);
        bytes.replace(32, 32, hash);
        return bytes;
    }() << u"cannot be unpacked"_s;
    QTest::newRow("a list counting more items than bytes")
        << Frame().wrap(resultBody(0xFFFFFFF0u)) << u"cannot be read"_s;
    QTest::newRow("a list just past the bounds")
        << Frame().wrap(resultBody(MaxItems + 1)) << u"cannot be read"_s;
    QTest::newRow("a list counting more items than there are")
        << Frame().wrap(resultBody(5)) << u"cannot be read"_s;
    QTest::newRow("a text longer than its bytes") << [] {
        QByteArray body;
        QDataStream out(&body, QIODevice::WriteOnly);
        out.setByteOrder(QDataStream::BigEndian);
        out << quint8(1) << quint8(0) << quint32(1u << 30);
        return Frame().wrap(body + "short");
    }() << u"cannot be read"_s;
    QTest::newRow("a yes-or-no that is neither") << [] {
        QByteArray body;
        QDataStream out(&body, QIODevice::WriteOnly);
        out.setByteOrder(QDataStream::BigEndian);
        out << quint8(7) << quint8(0) << quint32(0) << quint32(0) << quint32(0) << quint32(0)
            << quint32(0);
        return Frame().wrap(body);
    }() << u"cannot be read"_s;
    QTest::newRow("cut short inside a touchpoint")
        << Frame().wrap(resultBody(1, QByteArray(300, '\0'))) << u"cannot be read"_s;
    QTest::newRow("bytes after the figures")
        << Frame().wrap(resultBody(0, QByteArray(12, '\0') + "extra")) << u"cannot be read"_s;
    QTest::newRow("a distribution of the wrong size") << [] {
        // A touchpoint whose NPS distribution has 3 points instead of 11.
        QByteArray tpBytes;
        QDataStream out(&tpBytes, QIODevice::WriteOnly);
        out.setByteOrder(QDataStream::BigEndian);
        out.writeRawData(QByteArray(32, '\0').constData(), 32); // two null ids
        out << quint32(0) << quint32(0) << quint32(0);          // map, stage, title
        out << qint64(1) << qint64(1);                          // rows, reach
        out << quint32(3) << qint64(0) << qint64(0) << qint64(0);
        return Frame().wrap(resultBody(1, tpBytes + QByteArray(2000, '\0')));
    }() << u"cannot be read"_s;
}

void tst_MetricsCache::hostilePayloadsAreRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, words);

    QString error;
    const std::optional<Result> result = decode(bytes, &error);
    QVERIFY(!result);
    QVERIFY2(error.contains(words, Qt::CaseInsensitive), qPrintable(error));
}

void tst_MetricsCache::storeSurvivesSaveAndReopen()
{
    const Result result = compute();
    QVERIFY(result.ok);
    const QByteArray key = inputsKey(mDoc->project(), {});
    const QByteArray payload = encode(result);
    QVERIFY(!mDoc->cachedMetrics(key));

    mDoc->storeCachedMetrics(key, payload);
    QCOMPARE(mDoc->cachedMetrics(key), std::optional<QByteArray>(payload));
    Options other;
    other.segmentColumn = u"Region"_s;
    QVERIFY(!mDoc->cachedMetrics(inputsKey(mDoc->project(), other)));

    const QString saved = mDir->filePath(u"saved.waymark"_s);
    StorageError error;
    QVERIFY2(mDoc->saveAs(saved, &error), qPrintable(error.message + error.detail));
    QCOMPARE(cacheRows(saved), qint64(1));
    QVERIFY(ProjectFile::check(saved).problems.isEmpty());

    const std::unique_ptr<Document> reopened = Document::open(saved, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    const std::optional<QByteArray> cached = reopened->cachedMetrics(key);
    QVERIFY(cached);
    QString decodeError;
    const std::optional<Result> decoded = decode(*cached, &decodeError);
    QVERIFY2(decoded, qPrintable(decodeError));
    QCOMPARE(decoded->touchpoints.size(), result.touchpoints.size());
    QCOMPARE(encode(*decoded), payload);
}

void tst_MetricsCache::storingDoesNotMarkTheDocumentModified()
{
    QSignalSpy changes(mDoc.get(), &Document::changed);
    QSignalSpy modified(mDoc.get(), &Document::modifiedChanged);
    QVERIFY(!mDoc->isModified());

    mDoc->storeCachedMetrics(inputsKey(mDoc->project(), {}), encode(compute()));
    QVERIFY(!mDoc->isModified());
    QCOMPARE(mDoc->undoStack()->count(), 0);
    QCOMPARE(changes.size(), 0);
    QCOMPARE(modified.size(), 0);

    // An edit afterwards is an ordinary edit, and undoing it makes the document clean again.
    const JourneyMap &map = mDoc->project().maps[0];
    mDoc->push(Commands::setMapHeadline(mDoc.get(), map.id, HeadlineMetric::Nps).release());
    QVERIFY(mDoc->isModified());
    mDoc->undoStack()->undo();
    QVERIFY(!mDoc->isModified());
}

void tst_MetricsCache::staleRowsAreReplaced()
{
    const QByteArray payload = encode(compute());
    const QByteArray first = inputsKey(mDoc->project(), {});
    mDoc->storeCachedMetrics(first, payload);

    // An edit changes the key; storing under the new key replaces the stale row.
    const Id mapId = mDoc->project().maps[0].id;
    mDoc->push(Commands::setMapHeadline(mDoc.get(), mapId, HeadlineMetric::Csat).release());
    const QByteArray second = inputsKey(mDoc->project(), {});
    QVERIFY(second != first);
    mDoc->storeCachedMetrics(second, payload);
    QVERIFY(!mDoc->cachedMetrics(first));
    QVERIFY(mDoc->cachedMetrics(second));

    // Other options keep rows of their own, up to a handful in all, the newest kept.
    QList<QByteArray> keys;
    for (int day = 1; day <= 12; ++day) {
        Options options;
        options.from = QDate(2024, 3, day);
        keys.append(inputsKey(mDoc->project(), options));
        mDoc->storeCachedMetrics(keys.last(), payload);
    }
    QVERIFY(mDoc->cachedMetrics(keys.last()));
    QVERIFY(!mDoc->cachedMetrics(keys.first()));
    QVERIFY(!mDoc->cachedMetrics(second));

    const QString saved = mDir->filePath(u"saved.waymark"_s);
    StorageError error;
    QVERIFY2(mDoc->saveAs(saved, &error), qPrintable(error.message + error.detail));
    QCOMPARE(cacheRows(saved), qint64(WorkingCopy::MaxCachedMetrics));
}

void tst_MetricsCache::damagedCacheInAFileIsRefused()
{
    // A file from someone else whose cache row holds anything: it opens, and the row is
    // refused when decoded, with a message; the figures are then computed again.
    const QByteArray key = inputsKey(mDoc->project(), {});
    mDoc->storeCachedMetrics(key, encode(compute()));
    const QString saved = mDir->filePath(u"saved.waymark"_s);
    StorageError error;
    QVERIFY2(mDoc->saveAs(saved, &error), qPrintable(error.message + error.detail));
    {
        Sql::Database db;
        QVERIFY(db.open(saved, Sql::Database::Mode::ReadWrite));
        QVERIFY(db.exec(u"UPDATE metrics_cache SET payload = randomblob(5000)"_s));
    }

    const std::unique_ptr<Document> reopened = Document::open(saved, &error);
    QVERIFY2(reopened, qPrintable(error.message));
    const std::optional<QByteArray> cached = reopened->cachedMetrics(key);
    QVERIFY(cached);
    QString decodeError;
    QVERIFY(!decode(*cached, &decodeError));
    QVERIFY(!decodeError.isEmpty());
}

void tst_MetricsCache::writeFuzzCorpus()
{
    // The seeds of tests/fuzz/corpus/fuzz_metricscache: real encodings, which the fuzzer
    // mutates. Written on request, since they change whenever the encoding does.
    if (!qEnvironmentVariableIsSet("WAYMARK_WRITE_FUZZ_CORPUS"))
        QSKIP("set WAYMARK_WRITE_FUZZ_CORPUS=1 to write the fuzz corpus of the cache");
    const QString folder = QStringLiteral(WAYMARK_TEST_DATA "/../fuzz/corpus/fuzz_metricscache");
    QVERIFY(QDir().mkpath(folder));
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(folder + u'/' + name);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    };
    write(u"good-format3-fixture.bin"_s, encode(compute()));
    write(u"good-empty-result.bin"_s, encode(Result{}));
    Options segment;
    segment.segmentColumn = u"Region"_s;
    segment.segmentValue = u"North"_s;
    write(u"good-segment.bin"_s, encode(compute(segment)));
    write(u"bad-list-count.bin"_s, Frame().wrap(resultBody(0xFFFFFFF0u)));
    write(u"bad-maps-count.bin"_s, Frame().wrap(resultBody(0, QByteArray("\x7f\xff\xff\xff"))));
}

QTEST_GUILESS_MAIN(tst_MetricsCache)
#include "tst_metricscache.moc"
