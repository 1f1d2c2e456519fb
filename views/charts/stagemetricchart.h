#pragma once

#include "chartdata.h"
#include "chartpanel.h"

namespace Waymark::Charts {

// One value per stage with its interval as a whisker, so that stages can be compared.
class StageMetricChart : public ChartPanel
{
    Q_OBJECT

public:
    explicit StageMetricChart(QWidget *parent = nullptr);

    void setData(const StageMetric &values);
    const StageMetric &values() const { return mData; }

protected:
    void rebuild() override;

private:
    StageMetric mData;
};

} // namespace Waymark::Charts
