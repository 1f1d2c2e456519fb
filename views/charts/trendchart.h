#pragma once

#include "chartdata.h"
#include "chartpanel.h"

class QToolButton;

namespace Waymark::Charts {

// A measure over time, weekly or monthly by a toggle: the value as a line inside its interval
// band, n per period as light bars on a second axis, and gaps where a period has no answers.
class TrendChart : public ChartPanel
{
    Q_OBJECT

public:
    explicit TrendChart(QWidget *parent = nullptr);

    void setData(const TimeSeries &weekly, const TimeSeries &monthly);
    Period period() const { return mPeriod; }
    void setPeriod(Period period);
    const TimeSeries &current() const;

protected:
    void rebuild() override;
    void retranslate() override;

private:
    TimeSeries mWeekly;
    TimeSeries mMonthly;
    Period mPeriod = Period::Month;
    QToolButton *mWeek;
    QToolButton *mMonth;
};

} // namespace Waymark::Charts
