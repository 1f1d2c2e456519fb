#include "chartdata.h"

namespace Waymark::Charts {

qint64 Distribution::total() const
{
    qint64 sum = 0;
    for (const Bin &bin : bins)
        sum += bin.count;
    return sum;
}

} // namespace Waymark::Charts
