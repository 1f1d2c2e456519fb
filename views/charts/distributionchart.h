#pragma once

#include "chartdata.h"
#include "chartpanel.h"

namespace Waymark::Charts {

// How often each value of a rating scale was given: one bar per value with its count, and its
// share under the value.
class DistributionChart : public ChartPanel
{
    Q_OBJECT

public:
    explicit DistributionChart(QWidget *parent = nullptr);

    void setData(const Distribution &values);
    const Distribution &values() const { return mData; }

protected:
    void rebuild() override;

private:
    Distribution mData;
};

} // namespace Waymark::Charts
