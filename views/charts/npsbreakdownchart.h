#pragma once

#include "chartdata.h"
#include "chartpanel.h"

namespace Waymark::Charts {

// Detractors, passives and promoters as one stacked bar, with the score and its interval.
class NpsBreakdownChart : public ChartPanel
{
    Q_OBJECT

public:
    explicit NpsBreakdownChart(QWidget *parent = nullptr);

    void setData(const NpsBreakdown &values);
    const NpsBreakdown &values() const { return mData; }

protected:
    void rebuild() override;

private:
    NpsBreakdown mData;
};

} // namespace Waymark::Charts
