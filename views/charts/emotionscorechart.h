#pragma once

#include "chartdata.h"
#include "chartpanel.h"

namespace Waymark::Charts {

// Per stage, each persona's emotion curve (-3 to +3, left axis) beside the score measured at
// that stage (bars, right axis): where feeling and measurement disagree is worth a look.
class EmotionScoreChart : public ChartPanel
{
    Q_OBJECT

public:
    explicit EmotionScoreChart(QWidget *parent = nullptr);

    void setData(const EmotionScore &values);
    const EmotionScore &values() const { return mData; }

protected:
    void rebuild() override;

private:
    EmotionScore mData;
};

} // namespace Waymark::Charts
