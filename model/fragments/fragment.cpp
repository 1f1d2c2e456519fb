#include "fragment.h"

#include "../logging.h"
#include "../lookup.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QtEndian>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/version.hpp>

#include <cstring>
#include <sstream>
#include <stdexcept>

// What the archive holds, in this order, for version 1: five counted lists (stages, lanes,
// touchpoints, connectors, annotations). Texts are counted UTF-16 code units and enum values
// are their stable keys, so that every count can be checked against the bounds before
// anything is allocated for it (Boost's own std::string loading trusts its length field).
BOOST_CLASS_VERSION(Waymark::Fragment, 1)

namespace Waymark::Fragments {

namespace {

// The translation context of this file's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Fragments)
};

// Thrown by the loaders for input that parses but is not acceptable.
struct Refused : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

constexpr char magic[8] = {'W', 'Y', 'M', 'K', 'F', 'R', 'A', 'G'};
constexpr int headerSize = 8 + 4 + 4 + 8 + 8; // magic, version, flags, length, checksum

quint64 checksum(const QByteArray &payload)
{
    const QByteArray hash = QCryptographicHash::hash(payload, QCryptographicHash::Sha256);
    return qFromBigEndian<quint64>(hash.constData());
}

template <typename Ar> void count(Ar &ar, quint32 &n, quint32 most)
{
    ar &n;
    if constexpr (Ar::is_loading::value) {
        if (n > most)
            throw Refused("a list or text is longer than Waymark accepts");
    }
}

template <typename Ar> void text(Ar &ar, QString &s)
{
    quint32 n = quint32(s.size());
    count(ar, n, MaxTextLength);
    if constexpr (Ar::is_saving::value) {
        for (QChar c : std::as_const(s)) {
            unsigned short u = c.unicode();
            ar &u;
        }
    } else {
        s.resize(qsizetype(n));
        for (quint32 i = 0; i < n; ++i) {
            unsigned short u = 0;
            ar &u;
            s[qsizetype(i)] = QChar(u);
        }
    }
}

template <typename Ar> void id(Ar &ar, Id &value)
{
    QString s = value.isNull() ? QString() : value.toString(QUuid::WithoutBraces);
    text(ar, s);
    if constexpr (Ar::is_loading::value) {
        value = s.isEmpty() ? Id() : QUuid::fromString(s);
        if (!s.isEmpty() && value.isNull())
            throw Refused("an id is not valid");
    }
}

template <typename Enum, typename Ar> void key(Ar &ar, Enum &value)
{
    QString s = toKey(value);
    text(ar, s);
    if constexpr (Ar::is_loading::value) {
        const std::optional<Enum> parsed = fromKey<Enum>(s);
        if (!parsed)
            throw Refused("a value is not one this Waymark knows");
        value = *parsed;
    }
}

template <typename Ar> void color(Ar &ar, QColor &c)
{
    bool valid = c.isValid();
    quint32 argb = valid ? c.rgba() : 0;
    ar &valid &argb;
    if constexpr (Ar::is_loading::value)
        c = valid ? QColor::fromRgba(argb) : QColor();
}

template <typename Ar> void time(Ar &ar, QDateTime &t)
{
    QString s = t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
    text(ar, s);
    if constexpr (Ar::is_loading::value)
        t = s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}

template <typename Ar> void number(Ar &ar, int &value, int low, int high)
{
    ar &value;
    if constexpr (Ar::is_loading::value) {
        if (value < low || value > high)
            throw Refused("a number is out of range");
    }
}

template <typename Ar> void item(Ar &ar, Stage &s)
{
    id(ar, s.id);
    text(ar, s.name);
    color(ar, s.color);
    number(ar, s.width, 0, 100000);
}

template <typename Ar> void item(Ar &ar, Lane &l)
{
    id(ar, l.id);
    text(ar, l.name);
    key(ar, l.kind);
    ar &l.hidden;
    color(ar, l.color);
}

template <typename Ar> void item(Ar &ar, Touchpoint &t)
{
    id(ar, t.id);
    id(ar, t.stageId);
    id(ar, t.laneId);
    number(ar, t.order, 0, 1000000);
    text(ar, t.title);
    text(ar, t.description);
    key(ar, t.channel);
    int devices = int(t.devices.toInt());
    number(ar, devices, 0, 0xF);
    t.devices = Devices::fromInt(devices);
    text(ar, t.owner);
    quint32 tags = quint32(t.tags.size());
    count(ar, tags, MaxItems);
    if constexpr (Ar::is_loading::value)
        t.tags = QStringList(qsizetype(tags));
    for (QString &tag : t.tags)
        text(ar, tag);
    key(ar, t.evidence);
    color(ar, t.color);
    text(ar, t.notes);
}

template <typename Ar> void item(Ar &ar, Connector &c)
{
    id(ar, c.id);
    id(ar, c.fromId);
    id(ar, c.toId);
    key(ar, c.direction);
    text(ar, c.label);
}

template <typename Ar> void item(Ar &ar, Annotation &a)
{
    id(ar, a.id);
    key(ar, a.kind);
    id(ar, a.touchpointId);
    id(ar, a.stageId);
    id(ar, a.laneId);
    text(ar, a.text);
    number(ar, a.severity, 0, 5);
    text(ar, a.author);
    time(ar, a.created);
}

template <typename Ar, typename T> void list(Ar &ar, QList<T> &items)
{
    quint32 n = quint32(items.size());
    count(ar, n, MaxItems);
    if constexpr (Ar::is_loading::value) {
        items.clear();
        for (quint32 i = 0; i < n; ++i) {
            T value;
            item(ar, value);
            items.append(std::move(value));
        }
    } else {
        for (T &value : items)
            item(ar, value);
    }
}

} // namespace

} // namespace Waymark::Fragments

namespace boost::serialization {

template <typename Ar> void serialize(Ar &ar, Waymark::Fragment &f, const unsigned int version)
{
    using namespace Waymark::Fragments;
    if (version < 1)
        throw Refused("the archive version is unknown");
    list(ar, f.stages);
    list(ar, f.lanes);
    list(ar, f.touchpoints);
    list(ar, f.connectors);
    list(ar, f.annotations);
}

} // namespace boost::serialization

namespace Waymark::Fragments {

Fragment select(const JourneyMap &map, const QList<Id> &touchpointIds, const QList<Id> &stageIds,
                const QList<Id> &laneIds)
{
    Fragment f;
    for (const Stage &s : map.stages) {
        if (stageIds.contains(s.id))
            f.stages.append(s);
    }
    for (const Lane &l : map.lanes) {
        if (laneIds.contains(l.id))
            f.lanes.append(l);
    }

    QSet<Id> cards;
    for (const Touchpoint &t : map.touchpoints) {
        if (touchpointIds.contains(t.id) || stageIds.contains(t.stageId) ||
            laneIds.contains(t.laneId)) {
            f.touchpoints.append(t);
            cards.insert(t.id);
        }
    }
    for (const Connector &c : map.connectors) {
        if (cards.contains(c.fromId) && cards.contains(c.toId))
            f.connectors.append(c);
    }
    for (const Annotation &a : map.annotations) {
        const bool onCard = !a.touchpointId.isNull() && cards.contains(a.touchpointId);
        const bool onCell =
            a.touchpointId.isNull() && (stageIds.contains(a.stageId) || laneIds.contains(a.laneId));
        if (onCard || onCell)
            f.annotations.append(a);
    }
    return f;
}

QByteArray encode(const Fragment &fragment)
{
    std::ostringstream stream;
    {
        boost::archive::text_oarchive archive(stream);
        archive << fragment;
    }
    const std::string text = stream.str();
    const QByteArray payload(text.data(), qsizetype(text.size()));

    QByteArray out(headerSize, '\0');
    char *h = out.data();
    std::memcpy(h, magic, sizeof magic);
    qToBigEndian<quint32>(FormatVersion, h + 8);
    qToBigEndian<quint32>(0, h + 12);
    qToBigEndian<quint64>(quint64(payload.size()), h + 16);
    qToBigEndian<quint64>(checksum(payload), h + 24);
    return out + payload;
}

std::optional<Fragment> decode(const QByteArray &bytes, QString *error)
{
    auto refuse = [&](const QString &message, const char *detail = "") {
        qCInfo(lcModel) << "refused a fragment:" << message << detail;
        if (error)
            *error = message;
        return std::nullopt;
    };

    if (bytes.size() < headerSize || std::memcmp(bytes.constData(), magic, sizeof magic) != 0)
        return refuse(Text::tr("The clipboard does not hold Waymark cards."));
    if (bytes.size() > MaxEncodedBytes)
        return refuse(
            Text::tr("The clipboard holds more Waymark data than can be pasted at once."));

    const char *h = bytes.constData();
    const quint32 version = qFromBigEndian<quint32>(h + 8);
    const quint64 length = qFromBigEndian<quint64>(h + 16);
    if (version > FormatVersion)
        return refuse(Text::tr("The clipboard holds cards from a newer Waymark. Update Waymark to "
                               "paste them."));
    if (version < 1)
        return refuse(
            Text::tr("The clipboard holds Waymark data in a form this Waymark does not know."));
    if (length != quint64(bytes.size() - headerSize))
        return refuse(Text::tr("The Waymark data on the clipboard is incomplete."));
    const QByteArray payload = bytes.mid(headerSize);
    if (checksum(payload) != qFromBigEndian<quint64>(h + 24))
        return refuse(Text::tr("The Waymark data on the clipboard is damaged."));

    Fragment fragment;
    try {
        std::istringstream stream(std::string(payload.constData(), std::size_t(payload.size())));
        boost::archive::text_iarchive archive(stream);
        archive >> fragment;
    } catch (const Refused &e) {
        return refuse(Text::tr("The Waymark data on the clipboard cannot be used."), e.what());
    } catch (const boost::archive::archive_exception &e) {
        return refuse(Text::tr("The Waymark data on the clipboard cannot be read."), e.what());
    } catch (const std::exception &e) {
        return refuse(Text::tr("The Waymark data on the clipboard cannot be read."), e.what());
    }
    return fragment;
}

Fragment withNewIds(const Fragment &source)
{
    QHash<Id, Id> fresh;
    auto mint = [&](const Id &old) {
        Id &mapped = fresh[old];
        if (mapped.isNull())
            mapped = newId();
        return mapped;
    };
    // Only ids of entities inside the fragment are replaced; a reference to something
    // outside it (the stage a pasted card sat in) is kept for the caller to resolve.
    auto follow = [&](const Id &old) {
        return fresh.value(old, old);
    };

    Fragment f = source;
    for (Stage &s : f.stages)
        s.id = mint(s.id);
    for (Lane &l : f.lanes)
        l.id = mint(l.id);
    for (Touchpoint &t : f.touchpoints)
        t.id = mint(t.id);
    for (Connector &c : f.connectors)
        c.id = mint(c.id);
    for (Annotation &a : f.annotations)
        a.id = mint(a.id);

    for (Touchpoint &t : f.touchpoints) {
        t.stageId = follow(t.stageId);
        t.laneId = follow(t.laneId);
    }
    for (Connector &c : f.connectors) {
        c.fromId = follow(c.fromId);
        c.toId = follow(c.toId);
    }
    for (Annotation &a : f.annotations) {
        a.touchpointId = follow(a.touchpointId);
        a.stageId = follow(a.stageId);
        a.laneId = follow(a.laneId);
    }
    return f;
}

} // namespace Waymark::Fragments
