// The small project that the importer's tests attach rows to, shared by tst_importer and
// tst_fileimport so that both import into the same map.
#pragma once

#include "entities.h"

#include <QStringList>

namespace Waymark::ImportFixtures {

using namespace Qt::StringLiterals;

inline Id fixedId(int n)
{
    return QUuid(u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0')));
}

// A map with three touchpoints to attach rows to: Website, Store and Checkout.
inline Project smallProject()
{
    Project p;
    p.id = fixedId(1);
    p.name = u"Shop"_s;
    p.created = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    JourneyMap m;
    m.id = fixedId(2);
    m.name = u"Online"_s;
    m.stages = {{fixedId(3), u"Purchase"_s, {}, 0}};
    Lane lane;
    lane.id = fixedId(4);
    lane.name = u"Touchpoints"_s;
    m.lanes = {lane};
    const QStringList titles = {u"Website"_s, u"Store"_s, u"Checkout"_s};
    for (int i = 0; i < titles.size(); ++i) {
        Touchpoint t;
        t.id = fixedId(10 + i);
        t.stageId = m.stages[0].id;
        t.laneId = lane.id;
        t.order = i;
        t.title = titles[i];
        m.touchpoints.append(t);
    }
    p.maps = {m};
    return p;
}

} // namespace Waymark::ImportFixtures
