#pragma once

#include "chartdata.h"
#include "chartpanel.h"

namespace Waymark::Charts {

// Revenue per period as bars with their sums, and the total over all periods.
class RevenueChart : public ChartPanel
{
    Q_OBJECT

public:
    explicit RevenueChart(QWidget *parent = nullptr);

    void setData(const TimeSeries &values);
    const TimeSeries &values() const { return mData; }

protected:
    void rebuild() override;

private:
    TimeSeries mData;
};

} // namespace Waymark::Charts
