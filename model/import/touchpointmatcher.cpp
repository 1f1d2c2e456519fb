#include "touchpointmatcher.h"

namespace Waymark::Import {

namespace {

QString titleKey(QStringView text)
{
    return text.trimmed().toString().toCaseFolded();
}

} // namespace

TouchpointMatcher::TouchpointMatcher(const Project &project)
{
    for (const JourneyMap &map : project.maps) {
        for (const Touchpoint &t : map.touchpoints) {
            mIds.insert(t.id);
            const QString key = titleKey(t.title);
            if (key.isEmpty())
                continue;
            if (mByTitle.contains(key)) {
                if (!mAmbiguous.contains(t.title.trimmed()))
                    mAmbiguous.append(t.title.trimmed());
                continue;
            }
            mByTitle.insert(key, t.id);
        }
    }
}

std::optional<Id> TouchpointMatcher::match(QStringView value) const
{
    const QString key = titleKey(value);
    if (key.isEmpty())
        return std::nullopt;
    const auto it = mByTitle.constFind(key);
    if (it != mByTitle.constEnd())
        return *it;
    // An id with or without braces, in any case.
    if (key.size() == 36 || key.size() == 38) {
        const Id id = QUuid::fromString(key);
        if (!id.isNull() && mIds.contains(id))
            return id;
    }
    return std::nullopt;
}

} // namespace Waymark::Import
