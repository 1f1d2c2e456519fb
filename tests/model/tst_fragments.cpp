// The fragment format of the clipboard: round trip, selection, new ids on paste, and the
// refusal of every kind of hostile input with a message rather than a crash.
#include "../common/fullproject.h"

#include "fragments/fragment.h"
#include "lookup.h"

#include <QCryptographicHash>
#include <QTest>
#include <QtEndian>

using namespace Waymark;
using namespace Waymark::Testing;
using namespace Qt::StringLiterals;

namespace {

// Rewrites the header's checksum so that a changed payload passes that check and reaches
// the archive decoder.
QByteArray resealed(QByteArray bytes)
{
    const QByteArray payload = bytes.mid(32);
    const QByteArray hash = QCryptographicHash::hash(payload, QCryptographicHash::Sha256);
    qToBigEndian<quint64>(qFromBigEndian<quint64>(hash.constData()), bytes.data() + 24);
    qToBigEndian<quint64>(quint64(payload.size()), bytes.data() + 16);
    return bytes;
}

QByteArray withPayload(const QByteArray &valid, const QByteArray &payload)
{
    return resealed(valid.left(32) + payload);
}

} // namespace

class tst_Fragments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEverything()
    {
        const JourneyMap map = fullProject().maps[0];
        Fragment f;
        f.stages = map.stages;
        f.lanes = map.lanes;
        f.touchpoints = map.touchpoints;
        f.connectors = map.connectors;
        f.annotations = map.annotations;

        const QByteArray bytes = Fragments::encode(f);
        QVERIFY(bytes.startsWith("WYMKFRAG"));
        QString error;
        const std::optional<Fragment> back = Fragments::decode(bytes, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->touchpoints == f.touchpoints);
        QVERIFY(back->annotations == f.annotations);
        QVERIFY(*back == f);
    }

    void emptyFragmentRoundTrips()
    {
        QString error;
        const std::optional<Fragment> back = Fragments::decode(Fragments::encode({}), &error);
        QVERIFY(back);
        QVERIFY(back->isEmpty());
    }

    void selectTakesWhatBelongsToTheSelection()
    {
        const JourneyMap map = fullProject().maps[0];
        // Checkout and Payment provider: the connector between them comes along, the one
        // from Search engine does not; the pain point on Checkout comes along.
        Fragment f = Fragments::select(map, {fixedId(32), fixedId(33)});
        QCOMPARE(f.touchpoints.size(), 2);
        QCOMPARE(f.connectors.size(), 1);
        QCOMPARE(f.connectors[0].id, fixedId(42));
        QCOMPARE(f.annotations.size(), 1);
        QCOMPARE(f.annotations[0].id, fixedId(51));

        // A whole stage takes its cards and the annotations on its cells.
        f = Fragments::select(map, {}, {fixedId(11)});
        QCOMPARE(f.stages.size(), 1);
        QCOMPARE(f.touchpoints.size(), 1);
        QCOMPARE(f.annotations.size(), 1);
        QCOMPARE(f.annotations[0].id, fixedId(52));
    }

    void newIdsFollowInsideAndKeepOutside()
    {
        const JourneyMap map = fullProject().maps[0];
        const Fragment f = Fragments::select(map, {fixedId(32), fixedId(33)});
        const Fragment pasted = Fragments::withNewIds(f);

        QCOMPARE(pasted.touchpoints.size(), 2);
        for (const Touchpoint &t : pasted.touchpoints) {
            QVERIFY(indexOfId(map.touchpoints, t.id) < 0);
            QCOMPARE(t.stageId, fixedId(12)); // outside the fragment: kept for the paste to place
        }
        QCOMPARE(pasted.connectors[0].fromId, pasted.touchpoints[0].id);
        QCOMPARE(pasted.connectors[0].toId, pasted.touchpoints[1].id);
        QCOMPARE(pasted.annotations[0].touchpointId, pasted.touchpoints[0].id);
        QVERIFY(pasted.connectors[0].id != fixedId(42));

        // Pasting twice gives two sets of ids.
        QVERIFY(Fragments::withNewIds(f).touchpoints[0].id != pasted.touchpoints[0].id);
    }

    void refusesHostileInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("words");

        const QByteArray valid =
            Fragments::encode(Fragments::select(fullProject().maps[0], {fixedId(31), fixedId(32)}));
        QByteArray wrongMagic = valid;
        wrongMagic[0] = 'X';
        QByteArray newer = valid;
        qToBigEndian<quint32>(Fragments::FormatVersion + 1, newer.data() + 8);
        QByteArray versionZero = valid;
        qToBigEndian<quint32>(0, versionZero.data() + 8);
        QByteArray absurdLength = valid;
        qToBigEndian<quint64>(Q_UINT64_C(0x7fffffffffffffff), absurdLength.data() + 16);
        QByteArray flipped = valid;
        flipped[valid.size() / 2] = char(flipped[valid.size() / 2] ^ 0x20);

        // Hand-made archives: Boost's own header ("22 serialization::archive 18"), the
        // fragment's class version (0 1 after the tracking flag), then the first list count
        // and, inside it, the first text's length.
        QTest::newRow("empty") << QByteArray() << u"does not hold Waymark"_s;
        QTest::newRow("plain text")
            << QByteArray("Search engine\nCheckout\n") << u"does not hold Waymark"_s;
        QTest::newRow("wrong magic") << wrongMagic << u"does not hold Waymark"_s;
        QTest::newRow("header only") << valid.left(32) << u"incomplete"_s;
        QTest::newRow("truncated") << valid.left(valid.size() - 10) << u"incomplete"_s;
        QTest::newRow("absurd length") << absurdLength << u"incomplete"_s;
        QTest::newRow("newer version") << newer << u"newer Waymark"_s;
        QTest::newRow("version zero") << versionZero << u"does not know"_s;
        QTest::newRow("flipped bit") << flipped << u"damaged"_s;
        QTest::newRow("garbage payload")
            << withPayload(valid, QByteArray(500, '\x7f')) << u"cannot be read"_s;
        QTest::newRow("huge list count")
            << withPayload(valid, QByteArray("22 serialization::archive 18 0 1 4000000000 "))
            << u"cannot be used"_s;
        QTest::newRow("huge text length")
            << withPayload(valid, QByteArray("22 serialization::archive 18 0 1 1 4000000000 "))
            << u"cannot be used"_s;
        QTest::newRow("text cut short")
            << withPayload(valid, QByteArray("22 serialization::archive 18 0 1 1 36 48 48"))
            << u"cannot be read"_s;
        QTest::newRow("invalid id")
            << withPayload(valid, QByteArray("22 serialization::archive 18 0 1 1 3 65 66 67 "))
            << u"cannot be used"_s;
        QTest::newRow("too large")
            << QByteArray("WYMKFRAG") + QByteArray(Fragments::MaxEncodedBytes, '0')
            << u"more Waymark data"_s;
    }

    void refusesHostileInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, words);
        QString error;
        QVERIFY(!Fragments::decode(bytes, &error));
        QVERIFY2(error.contains(words), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_Fragments)
#include "tst_fragments.moc"
