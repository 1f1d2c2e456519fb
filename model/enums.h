// The closed vocabularies of a journey map, with the stable keys under which they are stored
// in the project file and printed by the command line. Keys never change once released;
// display names are translated.
#pragma once

#include <QFlags>
#include <QList>
#include <QString>

#include <optional>

namespace Waymark {

enum class MapKind
{
    CurrentState,
    FutureState
};

enum class LaneKind
{
    Touchpoints,
    CustomerActions,
    Thoughts,
    Feelings,
    PainPoints,
    Opportunities,
    Channels,
    Backstage,
    Metrics,
};

enum class Channel
{
    SocialMedia,
    Search,
    Advertising,
    Email,
    Sms,
    Website,
    MobileApp,
    Chatbot,
    Phone,
    Store,
    Post,
    Marketplace,
    Other,
};

enum class Device
{
    Desktop = 0x1,
    Mobile = 0x2,
    Tablet = 0x4,
    InPerson = 0x8,
};
Q_DECLARE_FLAGS(Devices, Device)
Q_DECLARE_OPERATORS_FOR_FLAGS(Devices)

enum class Evidence
{
    Observed,
    Assumed,
    Proposed
};

enum class AnnotationKind
{
    PainPoint,
    Opportunity,
    Comment
};

enum class ConnectorDirection
{
    Forward,
    Backward,
    Both,
    None
};

enum class ColumnRole
{
    Key,
    Timestamp,
    Touchpoint,
    Segment,
    Nps,
    Csat,
    Ces,
    Rating,
    Converted,
    Revenue,
    Quantity,
    Category,
    Text,
    Personal,
    Ignore,
};

enum class ColumnType
{
    Integer,
    Decimal,
    DateTime,
    Boolean,
    Text
};

// The figure a map's cards show as their badge and colour by in heat mode. Automatic lets
// each card show the first measure its data has, in the order of the values below.
enum class HeadlineMetric
{
    Automatic,
    Nps,
    Csat,
    Ces,
    Rating,
    Conversion,
    Revenue,
};

// Every enumeration above has the same four functions: the list of its values in a stable
// order, its stable key, the value for a key (nullopt for an unknown key, as read from an
// untrusted file), and a translated name for people.
template <typename Enum> QList<Enum> allValues();
template <typename Enum> QString toKey(Enum value);
template <typename Enum> std::optional<Enum> fromKey(QStringView key);
template <typename Enum> QString displayName(Enum value);

#define WAYMARK_DECLARE_ENUM(Enum)                                                                 \
    template <> QList<Enum> allValues<Enum>();                                                     \
    template <> QString toKey<Enum>(Enum value);                                                   \
    template <> std::optional<Enum> fromKey<Enum>(QStringView key);                                \
    template <> QString displayName<Enum>(Enum value);

WAYMARK_DECLARE_ENUM(MapKind)
WAYMARK_DECLARE_ENUM(LaneKind)
WAYMARK_DECLARE_ENUM(Channel)
WAYMARK_DECLARE_ENUM(Device)
WAYMARK_DECLARE_ENUM(Evidence)
WAYMARK_DECLARE_ENUM(AnnotationKind)
WAYMARK_DECLARE_ENUM(ConnectorDirection)
WAYMARK_DECLARE_ENUM(ColumnRole)
WAYMARK_DECLARE_ENUM(ColumnType)
WAYMARK_DECLARE_ENUM(HeadlineMetric)

#undef WAYMARK_DECLARE_ENUM

// Devices are stored as a comma-separated list of keys ("desktop,mobile"), readable in
// any SQLite tool. Unknown keys make the parse fail rather than vanish.
QString devicesToKeys(Devices devices);
std::optional<Devices> devicesFromKeys(QStringView keys);

// A list of channels, the same way (a persona's preferred channels).
QString channelsToKeys(const QList<Channel> &channels);
std::optional<QList<Channel>> channelsFromKeys(QStringView keys);

} // namespace Waymark
