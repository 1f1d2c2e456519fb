#include "enums.h"

#include <QCoreApplication>

#include <array>

namespace Waymark {

namespace {

template <typename Enum> struct Entry
{
    Enum value;
    const char16_t *key;
    const char *name; // translated in the "Waymark::Vocabulary" context
};

template <typename Enum, std::size_t N> struct Vocabulary
{
    std::array<Entry<Enum>, N> entries;

    QList<Enum> values() const
    {
        QList<Enum> result;
        result.reserve(qsizetype(N));
        for (const Entry<Enum> &e : entries)
            result.append(e.value);
        return result;
    }

    QString key(Enum value) const
    {
        for (const Entry<Enum> &e : entries) {
            if (e.value == value)
                return QString::fromUtf16(e.key);
        }
        return {};
    }

    std::optional<Enum> find(QStringView key) const
    {
        for (const Entry<Enum> &e : entries) {
            if (key == QStringView(e.key))
                return e.value;
        }
        return std::nullopt;
    }

    QString name(Enum value) const
    {
        for (const Entry<Enum> &e : entries) {
            if (e.value == value)
                return QCoreApplication::translate("Waymark::Vocabulary", e.name);
        }
        return {};
    }
};

template <typename Enum, typename... E> constexpr auto vocabulary(E... entries)
{
    return Vocabulary<Enum, sizeof...(E)>{{entries...}};
}

const auto mapKinds =
    vocabulary<MapKind>(Entry<MapKind>{MapKind::CurrentState, u"current",
                                       QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Current state")},
                        Entry<MapKind>{MapKind::FutureState, u"future",
                                       QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Future state")});

const auto laneKinds = vocabulary<LaneKind>(
    Entry<LaneKind>{LaneKind::Touchpoints, u"touchpoints",
                    QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Touchpoints")},
    Entry<LaneKind>{LaneKind::CustomerActions, u"actions",
                    QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Customer actions")},
    Entry<LaneKind>{LaneKind::Thoughts, u"thoughts",
                    QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Thoughts")},
    Entry<LaneKind>{LaneKind::Feelings, u"feelings",
                    QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Feelings")},
    Entry<LaneKind>{LaneKind::PainPoints, u"pain-points",
                    QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Pain points")},
    Entry<LaneKind>{LaneKind::Opportunities, u"opportunities",
                    QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Opportunities")},
    Entry<LaneKind>{LaneKind::Channels, u"channels",
                    QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Channels")},
    Entry<LaneKind>{LaneKind::Backstage, u"backstage",
                    QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Backstage")},
    Entry<LaneKind>{LaneKind::Metrics, u"metrics",
                    QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Metrics")});

const auto channels = vocabulary<Channel>(
    Entry<Channel>{Channel::SocialMedia, u"social-media",
                   QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Social media")},
    Entry<Channel>{Channel::Search, u"search", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Search")},
    Entry<Channel>{Channel::Advertising, u"advertising",
                   QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Advertising")},
    Entry<Channel>{Channel::Email, u"email", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Email")},
    Entry<Channel>{Channel::Sms, u"sms", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "SMS")},
    Entry<Channel>{Channel::Website, u"website",
                   QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Website")},
    Entry<Channel>{Channel::MobileApp, u"mobile-app",
                   QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Mobile app")},
    Entry<Channel>{Channel::Chatbot, u"chatbot",
                   QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Chatbot")},
    Entry<Channel>{Channel::Phone, u"phone", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Phone")},
    Entry<Channel>{Channel::Store, u"store", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Store")},
    Entry<Channel>{Channel::Post, u"post", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Post")},
    Entry<Channel>{Channel::Marketplace, u"marketplace",
                   QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Marketplace")},
    Entry<Channel>{Channel::Other, u"other", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Other")});

const auto devices = vocabulary<Device>(
    Entry<Device>{Device::Desktop, u"desktop", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Desktop")},
    Entry<Device>{Device::Mobile, u"mobile", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Mobile")},
    Entry<Device>{Device::Tablet, u"tablet", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Tablet")},
    Entry<Device>{Device::InPerson, u"in-person",
                  QT_TRANSLATE_NOOP("Waymark::Vocabulary", "In person")});

const auto evidence =
    vocabulary<Evidence>(Entry<Evidence>{Evidence::Observed, u"observed",
                                         QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Observed")},
                         Entry<Evidence>{Evidence::Assumed, u"assumed",
                                         QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Assumed")},
                         Entry<Evidence>{Evidence::Proposed, u"proposed",
                                         QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Proposed")});

const auto annotationKinds = vocabulary<AnnotationKind>(
    Entry<AnnotationKind>{AnnotationKind::PainPoint, u"pain-point",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Pain point")},
    Entry<AnnotationKind>{AnnotationKind::Opportunity, u"opportunity",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Opportunity")},
    Entry<AnnotationKind>{AnnotationKind::Comment, u"comment",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Comment")});

const auto directions = vocabulary<ConnectorDirection>(
    Entry<ConnectorDirection>{ConnectorDirection::Forward, u"forward",
                              QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Forward")},
    Entry<ConnectorDirection>{ConnectorDirection::Backward, u"backward",
                              QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Backward")},
    Entry<ConnectorDirection>{ConnectorDirection::Both, u"both",
                              QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Both ways")},
    Entry<ConnectorDirection>{ConnectorDirection::None, u"none",
                              QT_TRANSLATE_NOOP("Waymark::Vocabulary", "No direction")});

const auto columnRoles = vocabulary<ColumnRole>(
    Entry<ColumnRole>{ColumnRole::Key, u"key", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Key")},
    Entry<ColumnRole>{ColumnRole::Timestamp, u"timestamp",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Timestamp")},
    Entry<ColumnRole>{ColumnRole::Touchpoint, u"touchpoint",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Touchpoint")},
    Entry<ColumnRole>{ColumnRole::Segment, u"segment",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Segment")},
    Entry<ColumnRole>{ColumnRole::Nps, u"nps",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "NPS (0–10)")},
    Entry<ColumnRole>{ColumnRole::Csat, u"csat",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "CSAT (1–5)")},
    Entry<ColumnRole>{ColumnRole::Ces, u"ces",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Customer effort")},
    Entry<ColumnRole>{ColumnRole::Rating, u"rating",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Rating")},
    Entry<ColumnRole>{ColumnRole::Converted, u"converted",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Converted")},
    Entry<ColumnRole>{ColumnRole::Revenue, u"revenue",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Revenue")},
    Entry<ColumnRole>{ColumnRole::Quantity, u"quantity",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Quantity")},
    Entry<ColumnRole>{ColumnRole::Category, u"category",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Category")},
    Entry<ColumnRole>{ColumnRole::Text, u"text", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Text")},
    Entry<ColumnRole>{ColumnRole::Personal, u"personal",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Personal data")},
    Entry<ColumnRole>{ColumnRole::Ignore, u"ignore",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Ignore")});

const auto columnTypes = vocabulary<ColumnType>(
    Entry<ColumnType>{ColumnType::Integer, u"integer",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Integer")},
    Entry<ColumnType>{ColumnType::Decimal, u"decimal",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Decimal")},
    Entry<ColumnType>{ColumnType::DateTime, u"datetime",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Date and time")},
    Entry<ColumnType>{ColumnType::Boolean, u"boolean",
                      QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Yes or no")},
    Entry<ColumnType>{ColumnType::Text, u"text", QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Text")});

const auto headlineMetrics = vocabulary<HeadlineMetric>(
    Entry<HeadlineMetric>{HeadlineMetric::Automatic, u"auto",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Automatic")},
    Entry<HeadlineMetric>{HeadlineMetric::Nps, u"nps",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "NPS")},
    Entry<HeadlineMetric>{HeadlineMetric::Csat, u"csat",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "CSAT")},
    Entry<HeadlineMetric>{HeadlineMetric::Ces, u"ces",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Customer effort")},
    Entry<HeadlineMetric>{HeadlineMetric::Rating, u"rating",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Rating")},
    Entry<HeadlineMetric>{HeadlineMetric::Conversion, u"conversion",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Conversion")},
    Entry<HeadlineMetric>{HeadlineMetric::Revenue, u"revenue",
                          QT_TRANSLATE_NOOP("Waymark::Vocabulary", "Revenue")});

template <typename Enum> QString joinKeys(const QList<Enum> &values)
{
    QStringList keys;
    for (Enum v : values)
        keys.append(toKey(v));
    return keys.join(u',');
}

template <typename Enum> std::optional<QList<Enum>> splitKeys(QStringView text)
{
    QList<Enum> result;
    if (text.trimmed().isEmpty())
        return result;
    for (QStringView part : text.split(u',')) {
        const std::optional<Enum> value = fromKey<Enum>(part.trimmed());
        if (!value)
            return std::nullopt;
        if (!result.contains(*value))
            result.append(*value);
    }
    return result;
}

} // namespace

#define WAYMARK_DEFINE_ENUM(Enum, table)                                                           \
    template <> QList<Enum> allValues<Enum>()                                                      \
    {                                                                                              \
        return table.values();                                                                     \
    }                                                                                              \
    template <> QString toKey<Enum>(Enum value)                                                    \
    {                                                                                              \
        return table.key(value);                                                                   \
    }                                                                                              \
    template <> std::optional<Enum> fromKey<Enum>(QStringView key)                                 \
    {                                                                                              \
        return table.find(key);                                                                    \
    }                                                                                              \
    template <> QString displayName<Enum>(Enum value)                                              \
    {                                                                                              \
        return table.name(value);                                                                  \
    }

WAYMARK_DEFINE_ENUM(MapKind, mapKinds)
WAYMARK_DEFINE_ENUM(LaneKind, laneKinds)
WAYMARK_DEFINE_ENUM(Channel, channels)
WAYMARK_DEFINE_ENUM(Device, devices)
WAYMARK_DEFINE_ENUM(Evidence, evidence)
WAYMARK_DEFINE_ENUM(AnnotationKind, annotationKinds)
WAYMARK_DEFINE_ENUM(ConnectorDirection, directions)
WAYMARK_DEFINE_ENUM(ColumnRole, columnRoles)
WAYMARK_DEFINE_ENUM(ColumnType, columnTypes)
WAYMARK_DEFINE_ENUM(HeadlineMetric, headlineMetrics)

#undef WAYMARK_DEFINE_ENUM

QString devicesToKeys(Devices set)
{
    QList<Device> list;
    for (Device d : allValues<Device>()) {
        if (set.testFlag(d))
            list.append(d);
    }
    return joinKeys(list);
}

std::optional<Devices> devicesFromKeys(QStringView keys)
{
    const std::optional<QList<Device>> list = splitKeys<Device>(keys);
    if (!list)
        return std::nullopt;
    Devices set;
    for (Device d : *list)
        set |= d;
    return set;
}

QString channelsToKeys(const QList<Channel> &list)
{
    return joinKeys(list);
}

std::optional<QList<Channel>> channelsFromKeys(QStringView keys)
{
    return splitKeys<Channel>(keys);
}

} // namespace Waymark
