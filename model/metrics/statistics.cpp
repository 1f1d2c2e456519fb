#include "statistics.h"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>

namespace Waymark::Stats {

namespace {

// The pseudo-answers added to an NPS before its interval and its test: three in all, a
// quarter promoter, a quarter detractor and half passive each. Without them an interval
// collapses to a point whenever every answer is the same (three promoters: "100 to 100").
constexpr double NpsPseudoAnswers = 3.0;
constexpr double NpsPseudoPromoters = 0.75;
constexpr double NpsPseudoDetractors = 0.75;

// The variance of one answer's +1/0/-1 value, and the answers it stands for, adjusted.
struct NpsSpread
{
    double variance = 0;
    double n = 0;
    double mean = 0;
};

NpsSpread adjustedSpread(const Nps &value)
{
    NpsSpread spread;
    spread.n = double(value.n) + NpsPseudoAnswers;
    const double promoters = (double(value.promoters) + NpsPseudoPromoters) / spread.n;
    const double detractors = (double(value.detractors) + NpsPseudoDetractors) / spread.n;
    spread.mean = promoters - detractors;
    spread.variance = std::max(0.0, promoters + detractors - spread.mean * spread.mean);
    return spread;
}

double twoSidedNormalP(double z)
{
    const boost::math::normal standard;
    return 2.0 * boost::math::cdf(boost::math::complement(standard, std::fabs(z)));
}

double twoSidedStudentP(double t, double degreesOfFreedom)
{
    const boost::math::students_t distribution(degreesOfFreedom);
    return 2.0 * boost::math::cdf(boost::math::complement(distribution, std::fabs(t)));
}

Comparison comparison(double difference, double statistic, double pValue)
{
    Comparison result;
    result.difference = difference;
    result.statistic = statistic;
    result.pValue = std::clamp(pValue, 0.0, 1.0);
    result.significant = result.pValue < Alpha;
    return result;
}

} // namespace

double zCritical()
{
    const boost::math::normal standard;
    return boost::math::quantile(standard, 1.0 - Alpha / 2.0);
}

double tCritical(double degreesOfFreedom)
{
    const boost::math::students_t distribution(std::max(1.0, degreesOfFreedom));
    return boost::math::quantile(distribution, 1.0 - Alpha / 2.0);
}

Nps nps(qint64 promoters, qint64 passives, qint64 detractors)
{
    Nps result;
    result.promoters = std::max<qint64>(0, promoters);
    result.passives = std::max<qint64>(0, passives);
    result.detractors = std::max<qint64>(0, detractors);
    result.n = result.promoters + result.passives + result.detractors;
    if (result.n == 0)
        return result;

    const double n = double(result.n);
    result.score = 100.0 * (double(result.promoters) - double(result.detractors)) / n;
    if (result.n < 2)
        return result;

    const NpsSpread spread = adjustedSpread(result);
    const double half = zCritical() * std::sqrt(spread.variance / spread.n);
    result.ci = Interval{std::max(-100.0, 100.0 * (spread.mean - half)),
                         std::min(100.0, 100.0 * (spread.mean + half))};
    return result;
}

Proportion proportion(qint64 successes, qint64 n)
{
    Proportion result;
    result.n = std::max<qint64>(0, n);
    result.successes = std::clamp<qint64>(successes, 0, result.n);
    if (result.n == 0)
        return result;

    const double count = double(result.n);
    const double p = double(result.successes) / count;
    result.rate = p;

    // Wilson's score interval: unlike p ± z·se it stays inside [0, 1] and keeps a width
    // when every answer is the same.
    const double z = zCritical();
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / count;
    const double centre = (p + z2 / (2.0 * count)) / denominator;
    const double half =
        z * std::sqrt(p * (1.0 - p) / count + z2 / (4.0 * count * count)) / denominator;
    result.ci = Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
    return result;
}

Mean mean(qint64 n, double sum, double sumOfSquares)
{
    Mean result;
    result.n = std::max<qint64>(0, n);
    if (result.n == 0)
        return result;

    const double count = double(result.n);
    result.mean = sum / count;
    if (result.n < 2)
        return result;

    // Rounding can take the variance of equal values a hair below zero.
    const double variance = std::max(0.0, (sumOfSquares - sum * sum / count) / (count - 1.0));
    result.sd = std::sqrt(variance);
    const double half = tCritical(count - 1.0) * result.sd / std::sqrt(count);
    result.ci = Interval{result.mean - half, result.mean + half};
    return result;
}

std::optional<Comparison> compare(const Nps &first, const Nps &second)
{
    if (first.n < 2 || second.n < 2)
        return std::nullopt;

    const NpsSpread a = adjustedSpread(first);
    const NpsSpread b = adjustedSpread(second);
    const double standardError = std::sqrt(a.variance / a.n + b.variance / b.n);
    const double difference = second.score - first.score;
    if (standardError <= 0)
        return std::nullopt;
    const double z = (b.mean - a.mean) / standardError;
    return comparison(difference, z, twoSidedNormalP(z));
}

std::optional<Comparison> compare(const Proportion &first, const Proportion &second)
{
    if (first.n < 1 || second.n < 1)
        return std::nullopt;

    const double difference = second.rate - first.rate;
    const double pooled = double(first.successes + second.successes) / double(first.n + second.n);
    const double standardError =
        std::sqrt(pooled * (1.0 - pooled) * (1.0 / double(first.n) + 1.0 / double(second.n)));
    // Both periods all successes or all failures: the same rate, nothing to test.
    if (standardError <= 0)
        return comparison(difference, 0, 1);
    const double z = difference / standardError;
    return comparison(difference, z, twoSidedNormalP(z));
}

std::optional<Comparison> compare(const Mean &first, const Mean &second)
{
    if (first.n < 2 || second.n < 2)
        return std::nullopt;

    const double a = first.sd * first.sd / double(first.n);
    const double b = second.sd * second.sd / double(second.n);
    const double difference = second.mean - first.mean;
    // No variation in either period: a t test has nothing to weigh the difference by.
    if (a + b <= 0)
        return std::nullopt;

    const double t = difference / std::sqrt(a + b);
    const double degreesOfFreedom =
        (a + b) * (a + b) / (a * a / double(first.n - 1) + b * b / double(second.n - 1));
    return comparison(difference, t, twoSidedStudentP(t, degreesOfFreedom));
}

std::optional<Correlation> correlation(qint64 n, double sumX, double sumY, double sumXX,
                                       double sumYY, double sumXY)
{
    if (n < 3)
        return std::nullopt;

    const double count = double(n);
    const double covariance = count * sumXY - sumX * sumY;
    const double spreadX = count * sumXX - sumX * sumX;
    const double spreadY = count * sumYY - sumY * sumY;
    if (spreadX <= 0 || spreadY <= 0)
        return std::nullopt;

    Correlation result;
    result.n = n;
    result.r = std::clamp(covariance / std::sqrt(spreadX * spreadY), -1.0, 1.0);
    const double rest = 1.0 - result.r * result.r;
    if (rest <= 0) {
        result.pValue = 0;
    } else {
        const double t = result.r * std::sqrt((count - 2.0) / rest);
        result.pValue = std::clamp(twoSidedStudentP(t, count - 2.0), 0.0, 1.0);
    }

    if (n >= 4 && rest > 0) {
        const double z = std::atanh(result.r);
        const double half = zCritical() / std::sqrt(count - 3.0);
        result.ci = Interval{std::tanh(z - half), std::tanh(z + half)};
    }
    return result;
}

} // namespace Waymark::Stats
