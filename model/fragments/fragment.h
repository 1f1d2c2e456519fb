// A fragment is a selection of a map (cards, stages, lanes, connectors, annotations) as a
// self-contained value: what the clipboard, drag and drop between maps and templates carry.
// Its encoded form is a header (magic, version, length, checksum) followed by a versioned
// Boost.Serialization text archive. The decoder treats its input as hostile: any program
// can put bytes on the clipboard under Waymark's MIME type.
#pragma once

#include "../entities.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Waymark {

struct Fragment
{
    QList<Stage> stages;
    QList<Lane> lanes;
    QList<Touchpoint> touchpoints; // their stage and lane ids may name stages and lanes outside
    QList<Connector> connectors;   // between touchpoints of the fragment
    QList<Annotation> annotations; // on touchpoints of the fragment, or on its cells

    bool isEmpty() const
    {
        return stages.isEmpty() && lanes.isEmpty() && touchpoints.isEmpty() &&
               connectors.isEmpty() && annotations.isEmpty();
    }
    bool operator==(const Fragment &) const = default;
};

namespace Fragments {

// The MIME type under which Waymark puts fragments on the clipboard.
inline constexpr char MimeType[] = "application/vnd.waymark.fragment";

// The archive version this build writes; decode() reads this and every older one.
inline constexpr quint32 FormatVersion = 1;

// Bounds on what decode() accepts: far beyond a real selection, small enough that a hostile
// clipboard cannot exhaust memory.
inline constexpr qint64 MaxEncodedBytes = 16 * 1024 * 1024;
inline constexpr quint32 MaxItems = 100000;       // in any one list
inline constexpr quint32 MaxTextLength = 1000000; // characters in any one text

// The selection of map: the given touchpoints with the connectors between them and the
// annotations on them, and the given stages and lanes with everything in them.
Fragment select(const JourneyMap &map, const QList<Id> &touchpointIds,
                const QList<Id> &stageIds = {}, const QList<Id> &laneIds = {});

QByteArray encode(const Fragment &fragment);

// Decodes bytes from anywhere. On failure returns nullopt with a plain sentence in *error
// ("The clipboard holds Waymark data from a newer version."), never throws or crashes.
std::optional<Fragment> decode(const QByteArray &bytes, QString *error);

// A copy with new ids for every entity, references inside the fragment following along and
// references outside it (a card's stage in the source map) left as they were.
Fragment withNewIds(const Fragment &fragment);

} // namespace Fragments

} // namespace Waymark
