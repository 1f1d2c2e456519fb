#pragma once

#include "chartdata.h"
#include "chartpanel.h"

namespace Waymark::Charts {

// The steps of a path or funnel as decreasing bars, with the share lost between steps.
class FunnelChart : public ChartPanel
{
    Q_OBJECT

public:
    explicit FunnelChart(QWidget *parent = nullptr);

    void setData(const Funnel &values);
    const Funnel &values() const { return mData; }

protected:
    void rebuild() override;

private:
    Funnel mData;
};

} // namespace Waymark::Charts
