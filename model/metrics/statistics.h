// The statistics behind touchpoint metrics: scores with their 95% intervals, and tests of
// the difference between two periods. Pure functions over counts and sums, so that the
// rows themselves stay in SQLite: the metrics engine aggregates there and hands the totals
// here. The definitions, for users, are in model/metrics/METRICS.md.
#pragma once

#include <QtGlobal>

#include <optional>

namespace Waymark::Stats {

// The confidence level of every interval and the significance level of every test.
inline constexpr double Confidence = 0.95;
inline constexpr double Alpha = 1.0 - Confidence;

struct Interval
{
    double low = 0;
    double high = 0;

    bool operator==(const Interval &) const = default;
};

// Net Promoter Score from the answers 0 to 10: promoters 9-10, passives 7-8, detractors
// 0-6. The score runs from -100 to 100; its interval treats the answer as a variable
// worth +1, 0 or -1 (normal approximation), clipped to [-100, 100].
struct Nps
{
    qint64 n = 0;
    qint64 promoters = 0;
    qint64 passives = 0;
    qint64 detractors = 0;
    double score = 0;
    std::optional<Interval> ci; // none below two answers
};
Nps nps(qint64 promoters, qint64 passives, qint64 detractors);

// A share of n with a Wilson score interval, all as fractions from 0 to 1. Used for
// CSAT's top two boxes and for conversion. Empty (n == 0) gives rate 0 and no interval.
struct Proportion
{
    qint64 n = 0;
    qint64 successes = 0;
    double rate = 0;
    std::optional<Interval> ci;
};
Proportion proportion(qint64 successes, qint64 n);

// The mean of a rating scale with a Student-t interval, from the count, the sum and the
// sum of squares (what SQL's COUNT, SUM and SUM(x*x) give).
struct Mean
{
    qint64 n = 0;
    double mean = 0;
    double sd = 0;              // the sample standard deviation; 0 below two answers
    std::optional<Interval> ci; // none below two answers
};
Mean mean(qint64 n, double sum, double sumOfSquares);

// The two-sided critical value of Student's t for the confidence level, with df degrees of
// freedom (df >= 1), and of the standard normal distribution.
double tCritical(double degreesOfFreedom);
double zCritical();

// A test of the difference between two periods: second minus first.
struct Comparison
{
    double difference = 0;
    double statistic = 0; // z or t
    double pValue = 1;
    bool significant = false; // pValue < Alpha
};
// Two NPS values (z test on the +1/0/-1 variables); the difference is in NPS points.
std::optional<Comparison> compare(const Nps &first, const Nps &second);
// Two proportions (pooled two-proportion z test); the difference is a fraction.
std::optional<Comparison> compare(const Proportion &first, const Proportion &second);
// Two means (Welch's t test, Welch-Satterthwaite degrees of freedom).
std::optional<Comparison> compare(const Mean &first, const Mean &second);

// Pearson's correlation of paired values from their sums, with the p-value of the t test
// of r = 0 (n - 2 degrees of freedom). Used to rank touchpoints as drivers of loyalty.
struct Correlation
{
    qint64 n = 0;
    double r = 0;
    double pValue = 1;
    std::optional<Interval> ci; // Fisher z interval; none below four pairs
};
std::optional<Correlation> correlation(qint64 n, double sumX, double sumY, double sumXX,
                                       double sumYY, double sumXY);

} // namespace Waymark::Stats
