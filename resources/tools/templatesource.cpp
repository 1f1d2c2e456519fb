#include "templatesource.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

namespace Waymark::TemplateSource {

namespace {

// The version of the source format this parser reads; see the README beside the sources.
constexpr int SourceFormat = 1;

// Thrown on the first problem; parse() turns it into its error message. A source is fixed by
// its author and compiled again, so there is nothing to gain from collecting more than one.
struct SourceError
{
    QString message;
};

[[noreturn]] void fail(const QString &where, const QString &what)
{
    throw SourceError{where.isEmpty() ? what : where + u": "_s + what};
}

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

QString element(const QString &where, qsizetype index)
{
    return where + u'[' + QString::number(index) + u']';
}

template <typename Enum> QString knownKeys()
{
    QStringList keys;
    for (Enum value : allValues<Enum>())
        keys.append(toKey(value));
    return keys.join(u", "_s);
}

// One JSON object of the source. Every key read is remembered, so that finish() can reject
// the keys nobody read: a misspelt "devcies" must not silently leave a card without devices.
class ObjectReader
{
public:
    ObjectReader(const QJsonValue &value, const QString &where)
        : mWhere(where)
    {
        if (!value.isObject())
            fail(where, u"expected an object, found %1"_s.arg(typeName(value)));
        mObject = value.toObject();
    }

    const QString &where() const { return mWhere; }

    // Adds the entity's name to the location, for messages a person can match to the source.
    void setLabel(const QString &label) { mWhere += u" ("_s + quoted(label) + u')'; }

    QString field(const QString &key) const { return mWhere + u'.' + key; }

    bool has(const QString &key) const { return mObject.contains(key); }

    QJsonValue value(const QString &key)
    {
        mUsed.insert(key);
        return mObject.value(key);
    }

    QJsonValue required(const QString &key)
    {
        if (!has(key))
            fail(mWhere, u"missing %1"_s.arg(quoted(key)));
        return value(key);
    }

    QString text(const QString &key)
    {
        if (!has(key))
            return {};
        const QJsonValue v = value(key);
        if (!v.isString())
            fail(field(key), u"expected a string, found %1"_s.arg(typeName(v)));
        return v.toString();
    }

    // A name other entries refer to: present, not empty, without surrounding spaces.
    QString name(const QString &key)
    {
        const QJsonValue v = required(key);
        if (!v.isString())
            fail(field(key), u"expected a string, found %1"_s.arg(typeName(v)));
        const QString result = v.toString();
        if (result.trimmed().isEmpty())
            fail(field(key), u"must not be empty"_s);
        if (result.trimmed() != result)
            fail(field(key), u"%1 has spaces at its start or end"_s.arg(quoted(result)));
        return result;
    }

    QStringList texts(const QString &key)
    {
        QStringList result;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString())
                fail(element(field(key), i),
                     u"expected a string, found %1"_s.arg(typeName(items.at(i))));
            result.append(items.at(i).toString());
        }
        return result;
    }

    QJsonArray array(const QString &key)
    {
        if (!has(key))
            return {};
        const QJsonValue v = value(key);
        if (!v.isArray())
            fail(field(key), u"expected an array, found %1"_s.arg(typeName(v)));
        return v.toArray();
    }

    double number(const QString &key, double min, double max, double fallback)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = value(key);
        if (!v.isDouble())
            fail(field(key), u"expected a number, found %1"_s.arg(typeName(v)));
        const double result = v.toDouble();
        if (result < min || result > max)
            fail(field(key), u"%1 is outside %2 to %3"_s.arg(result).arg(min).arg(max));
        return result;
    }

    int integer(const QString &key, int min, int max, int fallback)
    {
        const double result = number(key, min, max, fallback);
        if (result != double(int(result)))
            fail(field(key), u"expected a whole number, found %1"_s.arg(result));
        return int(result);
    }

    // A whole number from min to max; absent or null means none, as for an unscored step.
    std::optional<int> optionalInteger(const QString &key, int min, int max)
    {
        if (!has(key) || mObject.value(key).isNull()) {
            mUsed.insert(key);
            return std::nullopt;
        }
        return integer(key, min, max, 0);
    }

    bool boolean(const QString &key, bool fallback)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = value(key);
        if (!v.isBool())
            fail(field(key), u"expected true or false, found %1"_s.arg(typeName(v)));
        return v.toBool();
    }

    // "#rrggbb" or an SVG colour name; absent means the theme's default (an invalid colour).
    QColor color(const QString &key)
    {
        const QString spelling = text(key);
        if (spelling.isEmpty())
            return {};
        const QColor result = QColor::fromString(spelling);
        if (!result.isValid())
            fail(field(key),
                 u"%1 is not a colour; write it as \"#rrggbb\""_s.arg(quoted(spelling)));
        return result;
    }

    // An ISO 8601 time with its offset, so that the compiled file does not depend on the time
    // zone of the machine that built it.
    QDateTime time(const QString &key, const QDateTime &fallback)
    {
        if (!has(key)) {
            if (!fallback.isValid())
                fail(mWhere, u"missing %1"_s.arg(quoted(key)));
            return fallback;
        }
        const QString spelling = text(key);
        const QDateTime result = QDateTime::fromString(spelling, Qt::ISODate);
        if (!result.isValid())
            fail(field(key), u"%1 is not an ISO 8601 time such as \"2024-03-05T09:30:00Z\""_s.arg(
                                 quoted(spelling)));
        if (result.timeSpec() == Qt::LocalTime)
            fail(field(key),
                 u"%1 has no time zone; end it with \"Z\" or an offset"_s.arg(quoted(spelling)));
        return result.toUTC();
    }

    template <typename Enum> Enum enumeration(const QString &key, Enum fallback)
    {
        if (!has(key))
            return fallback;
        return enumFrom<Enum>(value(key), field(key));
    }

    template <typename Enum> QList<Enum> enumerations(const QString &key)
    {
        QList<Enum> result;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const Enum v = enumFrom<Enum>(items.at(i), element(field(key), i));
            if (result.contains(v))
                fail(element(field(key), i), u"%1 is listed twice"_s.arg(quoted(toKey(v))));
            result.append(v);
        }
        return result;
    }

    Devices devices(const QString &key)
    {
        Devices result;
        for (Device device : enumerations<Device>(key))
            result |= device;
        return result;
    }

    void finish() const
    {
        QStringList unknown;
        for (auto it = mObject.constBegin(); it != mObject.constEnd(); ++it) {
            if (!mUsed.contains(it.key()))
                unknown.append(quoted(it.key()));
        }
        if (!unknown.isEmpty())
            fail(mWhere, u"unknown key(s) %1"_s.arg(unknown.join(u", "_s)));
    }

private:
    template <typename Enum> static Enum enumFrom(const QJsonValue &v, const QString &where)
    {
        if (!v.isString())
            fail(where, u"expected a string, found %1"_s.arg(typeName(v)));
        const std::optional<Enum> result = fromKey<Enum>(v.toString());
        if (!result)
            fail(where, u"unknown key %1; expected one of: %2"_s.arg(quoted(v.toString()),
                                                                     knownKeys<Enum>()));
        return *result;
    }

    QJsonObject mObject;
    QString mWhere;
    QSet<QString> mUsed;
};

struct StandardLane
{
    const char16_t *name;
    LaneKind kind;
};

// The lanes a new map starts with, top to bottom.
// clang-format off
constexpr StandardLane StandardLanes[] = {
    {u"Touchpoints", LaneKind::Touchpoints},
    {u"Customer actions", LaneKind::CustomerActions},
    {u"Thoughts", LaneKind::Thoughts},
    {u"Feelings", LaneKind::Feelings},
    {u"Pain points", LaneKind::PainPoints},
    {u"Opportunities", LaneKind::Opportunities},
    {u"Backstage", LaneKind::Backstage},
};
// clang-format on

// Builds one project; every id path starts with the template's name.
class ProjectBuilder
{
public:
    explicit ProjectBuilder(const QString &templateName)
        : mTemplateName(templateName)
    {}

    Project build(const QJsonValue &root)
    {
        ObjectReader source(root, u"the source"_s);

        const int format = source.integer(u"format"_s, 0, std::numeric_limits<int>::max(), 0);
        if (!source.has(u"format"_s))
            fail(source.where(),
                 u"missing \"format\" (this compiler reads format %1)"_s.arg(SourceFormat));
        if (format != SourceFormat)
            fail(source.field(u"format"_s),
                 u"format %1 is not the %2 this compiler reads"_s.arg(format).arg(SourceFormat));

        Project project;
        project.id = id(u"project"_s);
        project.name = source.name(u"name"_s);
        mCreated = source.time(u"created"_s, QDateTime());
        project.created = mCreated;

        const QJsonArray personas = source.array(u"personas"_s);
        QSet<QString> personaNames;
        for (qsizetype i = 0; i < personas.size(); ++i) {
            Persona persona = readPersona(personas.at(i), element(u"personas"_s, i));
            if (personaNames.contains(persona.name))
                fail(element(u"personas"_s, i),
                     u"a second persona called %1"_s.arg(quoted(persona.name)));
            personaNames.insert(persona.name);
            mPersonas.insert(persona.name, persona.id);
            project.personas.append(persona);
        }

        const QJsonArray maps = source.array(u"maps"_s);
        if (maps.isEmpty())
            fail(source.where(), u"\"maps\" must list at least one map"_s);
        QSet<QString> mapNames;
        for (qsizetype i = 0; i < maps.size(); ++i) {
            JourneyMap map = readMap(maps.at(i), element(u"maps"_s, i));
            if (mapNames.contains(map.name))
                fail(element(u"maps"_s, i), u"a second map called %1"_s.arg(quoted(map.name)));
            mapNames.insert(map.name);
            project.maps.append(map);
        }

        source.finish();
        return project;
    }

private:
    Id id(const QString &path) const { return idFor(mTemplateName + u'/' + path); }

    Persona readPersona(const QJsonValue &value, const QString &where)
    {
        ObjectReader in(value, where);
        Persona persona;
        persona.name = in.name(u"name"_s);
        in.setLabel(persona.name);
        persona.id = id(u"persona/"_s + persona.name);
        persona.quote = in.text(u"quote"_s);
        persona.age = in.text(u"age"_s);
        persona.gender = in.text(u"gender"_s);
        persona.location = in.text(u"location"_s);
        persona.occupation = in.text(u"occupation"_s);
        persona.socioeconomic = in.text(u"socioeconomic"_s);
        persona.lifestyle = in.text(u"lifestyle"_s);
        persona.interests = in.text(u"interests"_s);
        persona.opinions = in.text(u"opinions"_s);
        persona.likes = in.text(u"likes"_s);
        persona.dislikes = in.text(u"dislikes"_s);
        persona.attitudes = in.text(u"attitudes"_s);
        persona.goals = in.text(u"goals"_s);
        persona.frustrations = in.text(u"frustrations"_s);
        persona.needs = in.text(u"needs"_s);
        persona.preferredChannels = in.enumerations<Channel>(u"preferredChannels"_s);
        persona.preferredDevices = in.devices(u"preferredDevices"_s);
        persona.role = in.text(u"role"_s);
        persona.organisation = in.text(u"organisation"_s);
        persona.segment = in.text(u"segment"_s);
        persona.decisionPower = in.text(u"decisionPower"_s);
        persona.businessValue = in.number(u"businessValue"_s, 0.0, 1.0, 1.0);
        persona.color = in.color(u"color"_s);
        in.finish();
        return persona;
    }

    JourneyMap readMap(const QJsonValue &value, const QString &where)
    {
        ObjectReader in(value, where);
        JourneyMap map;
        map.name = in.name(u"name"_s);
        in.setLabel(map.name);
        const QString mapPath = u"map/"_s + map.name + u'/';
        map.id = id(u"map/"_s + map.name);
        map.kind = in.enumeration<MapKind>(u"kind"_s, MapKind::CurrentState);
        map.headline = in.enumeration<HeadlineMetric>(u"headline"_s, HeadlineMetric::Automatic);
        map.description = in.text(u"description"_s);

        QHash<QString, Id> stages;
        const QJsonArray stageList = in.array(u"stages"_s);
        if (stageList.isEmpty())
            fail(in.where(), u"\"stages\" must list at least one stage"_s);
        for (qsizetype i = 0; i < stageList.size(); ++i) {
            ObjectReader s(stageList.at(i), element(in.field(u"stages"_s), i));
            Stage stage;
            stage.name = s.name(u"name"_s);
            if (stages.contains(stage.name))
                fail(s.where(), u"a second stage called %1"_s.arg(quoted(stage.name)));
            stage.id = id(mapPath + u"stage/"_s + stage.name);
            stage.color = s.color(u"color"_s);
            stage.width = s.integer(u"width"_s, 0, 100000, 0);
            s.finish();
            stages.insert(stage.name, stage.id);
            map.stages.append(stage);
        }

        const QHash<QString, Id> lanes = readLanes(in, mapPath, &map);

        QHash<QString, Id> cards;
        QHash<QString, QString> cardPlaces; // where each title first appears, for messages
        QSet<QPair<Id, Id>> cells;
        const QJsonArray cellList = in.array(u"cells"_s);
        for (qsizetype i = 0; i < cellList.size(); ++i) {
            ObjectReader c(cellList.at(i), element(in.field(u"cells"_s), i));
            const Id stageId = lookUp(stages, c, u"stage"_s);
            const Id laneId = lookUp(lanes, c, u"lane"_s);
            if (cells.contains({stageId, laneId}))
                fail(c.where(), u"this cell is listed twice; put all its cards in one entry"_s);
            cells.insert({stageId, laneId});

            const QJsonArray cardList = c.array(u"cards"_s);
            for (qsizetype order = 0; order < cardList.size(); ++order) {
                const QString cardWhere = element(c.field(u"cards"_s), order);
                Touchpoint card = readCard(cardList.at(order), cardWhere);
                if (cards.contains(card.title))
                    fail(cardWhere, u"a second card titled %1 (the first is %2); titles must be "
                                    u"unique within a map"_s.arg(quoted(card.title),
                                                                 cardPlaces.value(card.title)));
                cardPlaces.insert(card.title, cardWhere);
                card.id = id(mapPath + u"touchpoint/"_s + card.title);
                card.stageId = stageId;
                card.laneId = laneId;
                card.order = int(order);
                cards.insert(card.title, card.id);
                map.touchpoints.append(card);
            }
            c.finish();
        }

        const QJsonArray connectorList = in.array(u"connectors"_s);
        QSet<QString> connectorPaths;
        for (qsizetype i = 0; i < connectorList.size(); ++i) {
            ObjectReader c(connectorList.at(i), element(in.field(u"connectors"_s), i));
            Connector connector;
            const QString from = c.name(u"from"_s);
            const QString to = c.name(u"to"_s);
            connector.fromId = lookUp(cards, c, u"from"_s, from);
            connector.toId = lookUp(cards, c, u"to"_s, to);
            if (connector.fromId == connector.toId)
                fail(c.where(), u"a connector from %1 to itself"_s.arg(quoted(from)));
            const QString path = mapPath + u"connector/"_s + from + u" -> "_s + to;
            if (connectorPaths.contains(path))
                fail(c.where(),
                     u"a second connector from %1 to %2"_s.arg(quoted(from), quoted(to)));
            connectorPaths.insert(path);
            connector.id = id(path);
            connector.direction =
                c.enumeration<ConnectorDirection>(u"direction"_s, ConnectorDirection::Forward);
            connector.label = c.text(u"label"_s);
            c.finish();
            map.connectors.append(connector);
        }

        const QJsonArray annotationList = in.array(u"annotations"_s);
        for (qsizetype i = 0; i < annotationList.size(); ++i) {
            ObjectReader a(annotationList.at(i), element(in.field(u"annotations"_s), i));
            Annotation annotation;
            annotation.id = id(mapPath + u"annotation/"_s + QString::number(i));
            annotation.kind = a.enumeration<AnnotationKind>(u"kind"_s, AnnotationKind::Comment);
            if (a.has(u"touchpoint"_s)) {
                if (a.has(u"stage"_s) || a.has(u"lane"_s))
                    fail(a.where(), u"give either \"touchpoint\" or \"stage\" and \"lane\", "
                                    u"not both"_s);
                annotation.touchpointId = lookUp(cards, a, u"touchpoint"_s);
            } else {
                if (!a.has(u"stage"_s) || !a.has(u"lane"_s))
                    fail(a.where(), u"attach it to a \"touchpoint\", or to a cell with "
                                    u"\"stage\" and \"lane\""_s);
                annotation.stageId = lookUp(stages, a, u"stage"_s);
                annotation.laneId = lookUp(lanes, a, u"lane"_s);
            }
            annotation.text = a.name(u"text"_s);
            annotation.severity = a.integer(u"severity"_s, 0, 5, 0);
            annotation.author = a.text(u"author"_s);
            annotation.created = a.time(u"created"_s, mCreated);
            a.finish();
            map.annotations.append(annotation);
        }

        readPaths(in, mapPath, cards, &map);

        in.finish();
        return map;
    }

    // "paths": the way each persona takes through this map, one entry per persona. Steps are
    // identified by their place in the path, since a path may come back to a touchpoint.
    void readPaths(ObjectReader &in, const QString &mapPath, const QHash<QString, Id> &cards,
                   JourneyMap *map)
    {
        const QJsonArray pathList = in.array(u"paths"_s);
        QHash<QString, QString> pathPlaces; // where each persona's path is, for messages
        for (qsizetype i = 0; i < pathList.size(); ++i) {
            const QString pathWhere = element(in.field(u"paths"_s), i);
            ObjectReader p(pathList.at(i), pathWhere);
            const QString personaName = p.name(u"persona"_s);
            const Id personaId =
                lookUp(mPersonas, p, u"persona"_s, personaName, u"in this project"_s);
            if (pathPlaces.contains(personaName))
                fail(pathWhere, u"a second path for %1 (the first is %2); list all of a "
                                u"persona's steps on a map in one path"_s.arg(
                                    quoted(personaName), pathPlaces.value(personaName)));
            pathPlaces.insert(personaName, pathWhere);
            p.setLabel(personaName);

            const QJsonArray stepList = p.array(u"steps"_s);
            if (stepList.isEmpty())
                fail(p.where(), u"\"steps\" must list at least one step"_s);
            const QString stepPath = mapPath + u"persona/"_s + personaName + u"/step/"_s;
            for (qsizetype order = 0; order < stepList.size(); ++order) {
                ObjectReader s(stepList.at(order), element(p.field(u"steps"_s), order));
                PersonaStep step;
                const QString title = s.name(u"touchpoint"_s);
                step.touchpointId = lookUp(cards, s, u"touchpoint"_s, title);
                s.setLabel(title);
                step.id = id(stepPath + QString::number(order));
                step.personaId = personaId;
                step.order = int(order);
                step.emotion = s.optionalInteger(u"emotion"_s, PersonaStep::MinEmotion,
                                                 PersonaStep::MaxEmotion);
                step.feeling = s.text(u"feeling"_s);
                s.finish();
                map->personaSteps.append(step);
            }
            p.finish();
        }
    }

    // "lanes" is either the word "standard" or a list of lanes.
    QHash<QString, Id> readLanes(ObjectReader &in, const QString &mapPath, JourneyMap *map)
    {
        QList<Lane> lanes;
        const QJsonValue spec = in.required(u"lanes"_s);
        if (spec.isString()) {
            if (spec.toString() != u"standard"_s)
                fail(in.field(u"lanes"_s), u"expected \"standard\" or a list of lanes, found "
                                           u"%1"_s.arg(quoted(spec.toString())));
            for (const StandardLane &standard : StandardLanes) {
                Lane lane;
                lane.name = QString::fromUtf16(standard.name);
                lane.kind = standard.kind;
                lanes.append(lane);
            }
        } else if (spec.isArray()) {
            const QJsonArray list = spec.toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                ObjectReader l(list.at(i), element(in.field(u"lanes"_s), i));
                Lane lane;
                lane.name = l.name(u"name"_s);
                l.required(u"kind"_s);
                lane.kind = l.enumeration<LaneKind>(u"kind"_s, LaneKind::Touchpoints);
                lane.hidden = l.boolean(u"hidden"_s, false);
                lane.color = l.color(u"color"_s);
                l.finish();
                lanes.append(lane);
            }
        } else {
            fail(in.field(u"lanes"_s),
                 u"expected \"standard\" or a list of lanes, found %1"_s.arg(typeName(spec)));
        }
        if (lanes.isEmpty())
            fail(in.field(u"lanes"_s), u"a map needs at least one lane"_s);

        QHash<QString, Id> byName;
        for (qsizetype i = 0; i < lanes.size(); ++i) {
            Lane &lane = lanes[i];
            if (byName.contains(lane.name))
                fail(element(in.field(u"lanes"_s), i),
                     u"a second lane called %1"_s.arg(quoted(lane.name)));
            lane.id = id(mapPath + u"lane/"_s + lane.name);
            byName.insert(lane.name, lane.id);
            map->lanes.append(lane);
        }
        return byName;
    }

    Touchpoint readCard(const QJsonValue &value, const QString &where)
    {
        ObjectReader in(value, where);
        Touchpoint card;
        card.title = in.name(u"title"_s);
        in.setLabel(card.title);
        card.description = in.text(u"description"_s);
        card.channel = in.enumeration<Channel>(u"channel"_s, Channel::Other);
        card.devices = in.devices(u"devices"_s);
        card.owner = in.text(u"owner"_s);
        card.tags = in.texts(u"tags"_s);
        card.evidence = in.enumeration<Evidence>(u"evidence"_s, Evidence::Assumed);
        card.color = in.color(u"color"_s);
        card.notes = in.text(u"notes"_s);
        in.finish();
        return card;
    }

    // The id of the entity named by in[key] (or by name, when the caller already read it);
    // scope says where the names were looked for.
    static Id lookUp(const QHash<QString, Id> &known, ObjectReader &in, const QString &key,
                     const QString &name = {}, const QString &scope = u"in this map"_s)
    {
        const QString wanted = name.isEmpty() ? in.name(key) : name;
        const auto it = known.constFind(wanted);
        if (it == known.constEnd()) {
            QStringList names = known.keys();
            names.sort();
            fail(in.field(key), u"nothing called %1 %2 (known: %3)"_s.arg(quoted(wanted), scope,
                                                                          names.join(u", "_s)));
        }
        return *it;
    }

    QString mTemplateName;
    QDateTime mCreated;
    QHash<QString, Id> mPersonas; // by name, read before the maps that refer to them
};

// "line 12, column 5" for a parse error's byte offset.
QString position(const QByteArray &json, qsizetype offset)
{
    const QByteArray before = json.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return u"line %1, column %2"_s.arg(line).arg(column);
}

} // namespace

QUuid idNamespace()
{
    // A fixed random UUID: changing it would change every id of every built-in template.
    return QUuid(u"d68e38fb-c598-439c-81b9-4fbc10aaab0e"_s);
}

Id idFor(const QString &path)
{
    return QUuid::createUuidV5(idNamespace(), path);
}

std::optional<Project> parse(const QByteArray &json, const QString &templateName, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = u"%1: not valid JSON: %2"_s.arg(position(json, parseError.offset),
                                                     parseError.errorString());
        return std::nullopt;
    }

    try {
        ProjectBuilder builder(templateName);
        return builder.build(document.isObject() ? QJsonValue(document.object())
                                                 : QJsonValue(document.array()));
    } catch (const SourceError &e) {
        if (error)
            *error = e.message;
        return std::nullopt;
    }
}

} // namespace Waymark::TemplateSource
