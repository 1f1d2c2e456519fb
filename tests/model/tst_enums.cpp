// The stable keys of every vocabulary: unique, round-tripping, and unknown keys refused.
#include "enums.h"

#include <QSet>
#include <QTest>

using namespace Waymark;
using namespace Qt::StringLiterals;

class tst_Enums : public QObject
{
    Q_OBJECT

private:
    template <typename Enum> void checkVocabulary(qsizetype expectedCount)
    {
        const QList<Enum> values = allValues<Enum>();
        QCOMPARE(values.size(), expectedCount);
        QSet<QString> keys;
        for (Enum v : values) {
            const QString key = toKey(v);
            QVERIFY(!key.isEmpty());
            QVERIFY2(!keys.contains(key), qPrintable(key));
            keys.insert(key);
            QCOMPARE(fromKey<Enum>(key), std::optional<Enum>(v));
            QVERIFY(!displayName(v).isEmpty());
        }
        QVERIFY(!fromKey<Enum>(u"no-such-key"_s));
        QVERIFY(!fromKey<Enum>(u""_s));
    }

private Q_SLOTS:
    void vocabularies()
    {
        checkVocabulary<MapKind>(2);
        checkVocabulary<LaneKind>(9);
        checkVocabulary<Channel>(13);
        checkVocabulary<Device>(4);
        checkVocabulary<Evidence>(3);
        checkVocabulary<AnnotationKind>(3);
        checkVocabulary<ConnectorDirection>(4);
        checkVocabulary<ColumnRole>(15);
        checkVocabulary<ColumnType>(5);
        checkVocabulary<HeadlineMetric>(7);
    }

    void keysAreThoseOfTheFileFormat()
    {
        // FORMAT.md and the command line's JSON promise these exact spellings.
        QCOMPARE(toKey(MapKind::CurrentState), u"current"_s);
        QCOMPARE(toKey(MapKind::FutureState), u"future"_s);
        QCOMPARE(toKey(LaneKind::PainPoints), u"pain-points"_s);
        QCOMPARE(toKey(Channel::MobileApp), u"mobile-app"_s);
        QCOMPARE(toKey(Device::InPerson), u"in-person"_s);
        QCOMPARE(toKey(AnnotationKind::PainPoint), u"pain-point"_s);
        const QStringList headlines = {u"auto"_s,   u"nps"_s,        u"csat"_s,   u"ces"_s,
                                       u"rating"_s, u"conversion"_s, u"revenue"_s};
        for (qsizetype i = 0; i < headlines.size(); ++i)
            QCOMPARE(toKey(allValues<HeadlineMetric>().at(i)), headlines.at(i));
    }

    void deviceLists_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("flags");
        QTest::newRow("empty") << u""_s << true << 0;
        QTest::newRow("one") << u"mobile"_s << true << int(Device::Mobile);
        QTest::newRow("two with spaces")
            << u"desktop, in-person"_s << true << int(Device::Desktop | Device::InPerson);
        QTest::newRow("repeated") << u"tablet,tablet"_s << true << int(Device::Tablet);
        QTest::newRow("unknown") << u"desktop,fridge"_s << false << 0;
    }

    void deviceLists()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, flags);
        const std::optional<Devices> parsed = devicesFromKeys(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QCOMPARE(int(parsed->toInt()), flags);
            QCOMPARE(devicesFromKeys(devicesToKeys(*parsed)), parsed);
        }
    }

    void channelLists()
    {
        const QList<Channel> list{Channel::Email, Channel::Store};
        QCOMPARE(channelsToKeys(list), u"email,store"_s);
        QCOMPARE(channelsFromKeys(u"email,store"_s), std::optional<QList<Channel>>(list));
        QVERIFY(!channelsFromKeys(u"email,pigeon"_s));
    }
};

QTEST_GUILESS_MAIN(tst_Enums)
#include "tst_enums.moc"
