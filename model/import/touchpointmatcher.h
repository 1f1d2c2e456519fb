// Finding the touchpoint a value of an imported row names: its title, ignoring case and
// the spaces around it, or its id. Used when a dataset is attached row by row through a
// column.
#pragma once

#include "entities.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace Waymark::Import {

class TouchpointMatcher
{
public:
    // Every touchpoint of every map of the project. When two cards share a title, the
    // first in map and list order wins, and ambiguous() says so.
    explicit TouchpointMatcher(const Project &project);

    std::optional<Id> match(QStringView value) const;

    // Titles that more than one touchpoint has, as the first of them spells it.
    QStringList ambiguous() const { return mAmbiguous; }

private:
    QHash<QString, Id> mByTitle;
    QSet<Id> mIds;
    QStringList mAmbiguous;
};

} // namespace Waymark::Import
