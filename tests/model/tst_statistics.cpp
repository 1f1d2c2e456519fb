// The statistics of touchpoint metrics against figures computed by hand (with a pocket
// calculator's worth of Python: the formulas in model/metrics/METRICS.md, and p-values by
// numerical integration of the distributions' densities).
#include "metrics/statistics.h"

#include <QTest>

#include <cmath>

using namespace Waymark;

namespace {

bool near(double actual, double expected, double tolerance = 1e-6)
{
    return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private slots:
    void criticalValues_data();
    void criticalValues();
    void nps_data();
    void nps();
    void npsWithoutInterval();
    void proportion_data();
    void proportion();
    void mean_data();
    void mean();
    void compareProportions();
    void compareMeans();
    void compareNps();
    void comparisonsNeedData();
    void correlation();
    void correlationNeedsSpread();
};

void TestStatistics::criticalValues_data()
{
    QTest::addColumn<double>("df");
    QTest::addColumn<double>("expected");

    // The two-sided 95% column of any table of Student's t.
    QTest::newRow("df 1") << 1.0 << 12.706205;
    QTest::newRow("df 4") << 4.0 << 2.776445;
    QTest::newRow("df 9") << 9.0 << 2.262157;
    QTest::newRow("df 29") << 29.0 << 2.045230;
}

void TestStatistics::criticalValues()
{
    QFETCH(double, df);
    QFETCH(double, expected);

    QVERIFY2(near(Stats::tCritical(df), expected, 1e-6),
             qPrintable(QString::number(Stats::tCritical(df), 'g', 10)));
    QVERIFY(near(Stats::zCritical(), 1.959964, 1e-6));
}

void TestStatistics::nps_data()
{
    QTest::addColumn<qint64>("promoters");
    QTest::addColumn<qint64>("passives");
    QTest::addColumn<qint64>("detractors");
    QTest::addColumn<double>("score");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");

    QTest::newRow("mixed") << qint64(5) << qint64(3) << qint64(2) << 30.0 << -19.050615
                           << 65.204462;
    // Without the pseudo-answers this interval would be "100 to 100".
    QTest::newRow("all promoters")
        << qint64(3) << qint64(0) << qint64(0) << 100.0 << -6.579287 << 100.0;
    QTest::newRow("all detractors")
        << qint64(0) << qint64(0) << qint64(4) << -100.0 << -100.0 << -6.944178;
}

void TestStatistics::nps()
{
    QFETCH(qint64, promoters);
    QFETCH(qint64, passives);
    QFETCH(qint64, detractors);
    QFETCH(double, score);
    QFETCH(double, low);
    QFETCH(double, high);

    const Stats::Nps result = Stats::nps(promoters, passives, detractors);
    QCOMPARE(result.n, promoters + passives + detractors);
    QVERIFY(near(result.score, score));
    QVERIFY(result.ci.has_value());
    QVERIFY2(near(result.ci->low, low, 1e-5), qPrintable(QString::number(result.ci->low)));
    QVERIFY2(near(result.ci->high, high, 1e-5), qPrintable(QString::number(result.ci->high)));
    QVERIFY(result.ci->low <= result.score && result.score <= result.ci->high);
}

void TestStatistics::npsWithoutInterval()
{
    const Stats::Nps none = Stats::nps(0, 0, 0);
    QCOMPARE(none.n, 0);
    QCOMPARE(none.score, 0.0);
    QVERIFY(!none.ci);

    const Stats::Nps one = Stats::nps(0, 0, 1);
    QCOMPARE(one.n, 1);
    QCOMPARE(one.score, -100.0);
    QVERIFY(!one.ci);

    // Negative counts are no answers, not fewer.
    QCOMPARE(Stats::nps(-4, 1, 0).n, 1);
}

void TestStatistics::proportion_data()
{
    QTest::addColumn<qint64>("successes");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");

    QTest::newRow("8 of 10") << qint64(8) << qint64(10) << 0.8 << 0.490162 << 0.943318;
    QTest::newRow("none of 5") << qint64(0) << qint64(5) << 0.0 << 0.0 << 0.434482;
    QTest::newRow("1 of 1") << qint64(1) << qint64(1) << 1.0 << 0.206549 << 1.0;
    // More successes than answers is a caller's mistake, read as all of them.
    QTest::newRow("clamped") << qint64(7) << qint64(5) << 1.0 << 0.565518 << 1.0;
}

void TestStatistics::proportion()
{
    QFETCH(qint64, successes);
    QFETCH(qint64, n);
    QFETCH(double, rate);
    QFETCH(double, low);
    QFETCH(double, high);

    const Stats::Proportion result = Stats::proportion(successes, n);
    QCOMPARE(result.n, n);
    QVERIFY(near(result.rate, rate));
    QVERIFY(result.ci.has_value());
    QVERIFY2(near(result.ci->low, low, 1e-5), qPrintable(QString::number(result.ci->low)));
    QVERIFY2(near(result.ci->high, high, 1e-5), qPrintable(QString::number(result.ci->high)));
}

void TestStatistics::mean_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("sd");
    QTest::addColumn<bool>("hasInterval");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");

    QTest::newRow("one to five") << QList<double>{1, 2, 3, 4, 5} << 3.0 << 1.581139 << true
                                 << 1.036757 << 4.963243;
    QTest::newRow("all the same") << QList<double>{4, 4, 4} << 4.0 << 0.0 << true << 4.0 << 4.0;
    QTest::newRow("one answer") << QList<double>{2} << 2.0 << 0.0 << false << 0.0 << 0.0;
    QTest::newRow("no answers") << QList<double>{} << 0.0 << 0.0 << false << 0.0 << 0.0;
}

void TestStatistics::mean()
{
    QFETCH(QList<double>, values);
    QFETCH(double, mean);
    QFETCH(double, sd);
    QFETCH(bool, hasInterval);
    QFETCH(double, low);
    QFETCH(double, high);

    double sum = 0;
    double squares = 0;
    for (double value : values) {
        sum += value;
        squares += value * value;
    }
    const Stats::Mean result = Stats::mean(values.size(), sum, squares);
    QCOMPARE(result.n, values.size());
    QVERIFY(near(result.mean, mean));
    QVERIFY(near(result.sd, sd));
    QCOMPARE(result.ci.has_value(), hasInterval);
    if (hasInterval) {
        QVERIFY(near(result.ci->low, low, 1e-5));
        QVERIFY(near(result.ci->high, high, 1e-5));
    }
}

void TestStatistics::compareProportions()
{
    const auto result = Stats::compare(Stats::proportion(40, 100), Stats::proportion(60, 100));
    QVERIFY(result);
    QVERIFY(near(result->difference, 0.2));
    QVERIFY(near(result->statistic, 2.828427));
    QVERIFY(near(result->pValue, 0.004678, 1e-3));
    QVERIFY(result->significant);

    const auto same = Stats::compare(Stats::proportion(10, 10), Stats::proportion(20, 20));
    QVERIFY(same);
    QCOMPARE(same->pValue, 1.0);
    QVERIFY(!same->significant);
}

void TestStatistics::compareMeans()
{
    // 1..5 against 3..7: the same spread, means 2 apart; t = 2 with 8 degrees of freedom.
    const Stats::Mean first = Stats::mean(5, 15, 55);
    const Stats::Mean second = Stats::mean(5, 25, 135);
    const auto result = Stats::compare(first, second);
    QVERIFY(result);
    QVERIFY(near(result->difference, 2.0));
    QVERIFY(near(result->statistic, 2.0));
    QVERIFY2(near(result->pValue, 0.080516, 1e-4), qPrintable(QString::number(result->pValue)));
    QVERIFY(!result->significant);
}

void TestStatistics::compareNps()
{
    // 20/10/10 (NPS 25) against 10/10/20 (NPS -25), forty answers each.
    const auto result = Stats::compare(Stats::nps(20, 10, 10), Stats::nps(10, 10, 20));
    QVERIFY(result);
    QVERIFY(near(result->difference, -50.0));
    QVERIFY2(near(result->statistic, -2.618267, 1e-5),
             qPrintable(QString::number(result->statistic)));
    QVERIFY(near(result->pValue, 0.008838, 1e-3));
    QVERIFY(result->significant);
}

void TestStatistics::comparisonsNeedData()
{
    QVERIFY(!Stats::compare(Stats::nps(1, 0, 0), Stats::nps(5, 5, 5)));
    QVERIFY(!Stats::compare(Stats::proportion(0, 0), Stats::proportion(1, 3)));
    QVERIFY(!Stats::compare(Stats::mean(1, 3, 9), Stats::mean(5, 15, 55)));
    // No variation in either period: nothing to weigh a difference by.
    QVERIFY(!Stats::compare(Stats::mean(3, 12, 48), Stats::mean(3, 15, 75)));
}

void TestStatistics::correlation()
{
    const QList<double> x{1, 2, 3, 4, 5};
    const QList<double> y{2, 4, 5, 4, 5};
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (qsizetype i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        syy += y[i] * y[i];
        sxy += x[i] * y[i];
    }
    const auto result = Stats::correlation(x.size(), sx, sy, sxx, syy, sxy);
    QVERIFY(result);
    QVERIFY(near(result->r, 0.774597));
    QVERIFY2(near(result->pValue, 0.124027, 1e-4), qPrintable(QString::number(result->pValue)));
    QVERIFY(result->ci);
    QVERIFY(near(result->ci->low, -0.340082, 1e-5));
    QVERIFY(near(result->ci->high, 0.984236, 1e-5));
}

void TestStatistics::correlationNeedsSpread()
{
    // Every x the same: no correlation can be measured.
    QVERIFY(!Stats::correlation(4, 8, 10, 16, 30, 20));
    QVERIFY(!Stats::correlation(2, 1, 1, 1, 1, 1));

    // A perfect line: r = 1, p = 0, and no interval (Fisher's z is infinite there).
    const auto line = Stats::correlation(3, 6, 12, 14, 56, 28);
    QVERIFY(line);
    QCOMPARE(line->r, 1.0);
    QCOMPARE(line->pValue, 0.0);
    QVERIFY(!line->ci);
}

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
