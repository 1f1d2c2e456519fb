#include "projectstore.h"

#include "../import/touchpointmatcher.h"
#include "../lookup.h"
#include "datasettables.h"
#include "sqlite.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace Waymark::Store {

namespace {

// Conversions between model values and the text the file stores (see FORMAT.md).

QString idText(const Id &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

// An id that may be absent (an annotation's anchor): NULL in the file when it is.
struct OptionalId
{
    Id id;
};

void bindValue(Sql::Statement &st, int index, const OptionalId &value)
{
    if (value.id.isNull())
        st.bindNull(index);
    else
        st.bind(index, idText(value.id));
}

// A number where 0 means none: NULL in the file (a dataset's table of rows).
struct OptionalNumber
{
    qint64 value;
};

void bindValue(Sql::Statement &st, int index, const OptionalNumber &value)
{
    if (value.value == 0)
        st.bindNull(index);
    else
        st.bind(index, value.value);
}

// A persona step's score: NULL in the file when the step is not scored.
void bindValue(Sql::Statement &st, int index, const std::optional<int> &value)
{
    if (value)
        st.bind(index, *value);
    else
        st.bindNull(index);
}

template <typename Value> void bindValue(Sql::Statement &st, int index, const Value &value)
{
    st.bind(index, value);
}

QString colorText(const QColor &color)
{
    if (!color.isValid())
        return QStringLiteral("");
    return color.alpha() == 255 ? color.name(QColor::HexRgb) : color.name(QColor::HexArgb);
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QString tagsText(const QStringList &tags)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

// Prepared statements by SQL text, so that writing thousands of rows prepares each once.
class Writer
{
public:
    explicit Writer(Sql::Database &db)
        : mDb(db)
    {}

    // Runs sql with the values bound in order; false (and error set) on failure.
    template <typename... Values> bool run(const QString &sql, const Values &...values)
    {
        Sql::Statement &st = statement(sql);
        int index = 1;
        (bindValue(st, index++, values), ...);
        if (st.run())
            return true;
        mError = mDb.errorMessage();
        return false;
    }

    QString error() const { return mError; }
    Sql::Database &db() { return mDb; }
    void setError(const QString &error) { mError = error; }

private:
    // Kept from one run to the next, and from one entity to the next while the writer lives;
    // a statement that failed is prepared again, so that one failure does not stick.
    Sql::Statement &statement(const QString &sql)
    {
        std::unique_ptr<Sql::Statement> &slot = mStatements[sql];
        if (!slot || !slot->ok())
            slot = std::make_unique<Sql::Statement>(mDb, sql);
        return *slot;
    }

    Sql::Database &mDb;
    std::unordered_map<QString, std::unique_ptr<Sql::Statement>> mStatements;
    QString mError;
};

const QString upsertProject = QStringLiteral(
    "INSERT INTO project (id, name, created, generator) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, created = excluded.created, "
    "generator = excluded.generator");

const QString upsertMap = QStringLiteral(
    "INSERT INTO maps (id, position, name, kind, description, headline) "
    "VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name, "
    "kind = excluded.kind, description = excluded.description, headline = excluded.headline");

const QString upsertStage = QStringLiteral(
    "INSERT INTO stages (id, map_id, position, name, color, width) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, position = excluded.position, "
    "name = excluded.name, color = excluded.color, width = excluded.width");

const QString upsertLane = QStringLiteral(
    "INSERT INTO lanes (id, map_id, position, name, kind, hidden, color) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, position = excluded.position, "
    "name = excluded.name, kind = excluded.kind, hidden = excluded.hidden, "
    "color = excluded.color");

const QString upsertTouchpoint = QStringLiteral(
    "INSERT INTO touchpoints (id, map_id, stage_id, lane_id, position, title, description, "
    "channel, devices, owner, tags, evidence, color, notes) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, stage_id = excluded.stage_id, "
    "lane_id = excluded.lane_id, position = excluded.position, title = excluded.title, "
    "description = excluded.description, channel = excluded.channel, "
    "devices = excluded.devices, owner = excluded.owner, tags = excluded.tags, "
    "evidence = excluded.evidence, color = excluded.color, notes = excluded.notes");

const QString upsertConnector = QStringLiteral(
    "INSERT INTO connectors (id, map_id, from_id, to_id, direction, label) "
    "VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, from_id = excluded.from_id, "
    "to_id = excluded.to_id, direction = excluded.direction, label = excluded.label");

const QString upsertAnnotation = QStringLiteral(
    "INSERT INTO annotations (id, map_id, kind, touchpoint_id, stage_id, lane_id, text, "
    "severity, author, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, kind = excluded.kind, "
    "touchpoint_id = excluded.touchpoint_id, stage_id = excluded.stage_id, "
    "lane_id = excluded.lane_id, text = excluded.text, severity = excluded.severity, "
    "author = excluded.author, created = excluded.created");

const QString upsertPersona = QStringLiteral(
    "INSERT INTO personas (id, position, name, photo, quote, age, gender, location, "
    "occupation, socioeconomic, lifestyle, interests, opinions, likes, dislikes, attitudes, "
    "goals, frustrations, needs, preferred_channels, preferred_devices, role, organisation, "
    "segment, decision_power, business_value, color) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name, "
    "photo = excluded.photo, quote = excluded.quote, age = excluded.age, "
    "gender = excluded.gender, location = excluded.location, "
    "occupation = excluded.occupation, socioeconomic = excluded.socioeconomic, "
    "lifestyle = excluded.lifestyle, interests = excluded.interests, "
    "opinions = excluded.opinions, likes = excluded.likes, dislikes = excluded.dislikes, "
    "attitudes = excluded.attitudes, goals = excluded.goals, "
    "frustrations = excluded.frustrations, needs = excluded.needs, "
    "preferred_channels = excluded.preferred_channels, "
    "preferred_devices = excluded.preferred_devices, role = excluded.role, "
    "organisation = excluded.organisation, segment = excluded.segment, "
    "decision_power = excluded.decision_power, business_value = excluded.business_value, "
    "color = excluded.color");

const QString upsertDataset = QStringLiteral(
    "INSERT INTO datasets (id, position, name, format, source_file, imported, row_count) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name, "
    "format = excluded.format, source_file = excluded.source_file, "
    "imported = excluded.imported, row_count = excluded.row_count");

const QString upsertPersonaStep = QStringLiteral(
    "INSERT INTO persona_steps (id, map_id, persona_id, touchpoint_id, position, emotion, "
    "feeling) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET map_id = excluded.map_id, "
    "persona_id = excluded.persona_id, touchpoint_id = excluded.touchpoint_id, "
    "position = excluded.position, emotion = excluded.emotion, feeling = excluded.feeling");

bool writeMapRow(Writer &w, const JourneyMap &m, int position)
{
    return w.run(upsertMap, idText(m.id), position, m.name, toKey(m.kind), m.description,
                 toKey(m.headline));
}

bool writeStage(Writer &w, const Id &mapId, const Stage &s, int position)
{
    return w.run(upsertStage, idText(s.id), idText(mapId), position, s.name, colorText(s.color),
                 s.width);
}

bool writeLane(Writer &w, const Id &mapId, const Lane &l, int position)
{
    return w.run(upsertLane, idText(l.id), idText(mapId), position, l.name, toKey(l.kind),
                 int(l.hidden), colorText(l.color));
}

bool writeTouchpoint(Writer &w, const Id &mapId, const Touchpoint &t)
{
    return w.run(upsertTouchpoint, idText(t.id), idText(mapId), idText(t.stageId), idText(t.laneId),
                 t.order, t.title, t.description, toKey(t.channel), devicesToKeys(t.devices),
                 t.owner, tagsText(t.tags), toKey(t.evidence), colorText(t.color), t.notes);
}

bool writeConnector(Writer &w, const Id &mapId, const Connector &c)
{
    return w.run(upsertConnector, idText(c.id), idText(mapId), idText(c.fromId), idText(c.toId),
                 toKey(c.direction), c.label);
}

bool writeAnnotation(Writer &w, const Id &mapId, const Annotation &a)
{
    return w.run(upsertAnnotation, idText(a.id), idText(mapId), toKey(a.kind),
                 OptionalId{a.touchpointId}, OptionalId{a.stageId}, OptionalId{a.laneId}, a.text,
                 a.severity, a.author, timeText(a.created));
}

bool writePersonaStep(Writer &w, const Id &mapId, const PersonaStep &s)
{
    return w.run(upsertPersonaStep, idText(s.id), idText(mapId), idText(s.personaId),
                 idText(s.touchpointId), s.order, s.emotion, s.feeling);
}

bool writePersona(Writer &w, const Persona &p, int position)
{
    return w.run(upsertPersona, idText(p.id), position, p.name, p.photo, p.quote, p.age, p.gender,
                 p.location, p.occupation, p.socioeconomic, p.lifestyle, p.interests, p.opinions,
                 p.likes, p.dislikes, p.attitudes, p.goals, p.frustrations, p.needs,
                 channelsToKeys(p.preferredChannels), devicesToKeys(p.preferredDevices), p.role,
                 p.organisation, p.segment, p.decisionPower, p.businessValue, colorText(p.color));
}

QString attachmentKindKey(AttachmentKind kind)
{
    switch (kind) {
    case AttachmentKind::WholeDataset:
        return QStringLiteral("dataset");
    case AttachmentKind::ByColumn:
        return QStringLiteral("column");
    case AttachmentKind::Filter:
        break;
    }
    return QStringLiteral("filter");
}

std::optional<AttachmentKind> attachmentKindFromKey(QStringView key)
{
    for (AttachmentKind kind :
         {AttachmentKind::WholeDataset, AttachmentKind::ByColumn, AttachmentKind::Filter}) {
        if (attachmentKindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QString personalKey(PersonalData personal)
{
    switch (personal) {
    case PersonalData::Keep:
        return QStringLiteral("keep");
    case PersonalData::Hash:
        return QStringLiteral("hash");
    case PersonalData::Drop:
        break;
    }
    return QStringLiteral("drop");
}

std::optional<PersonalData> personalFromKey(QStringView key)
{
    for (PersonalData p : {PersonalData::Keep, PersonalData::Hash, PersonalData::Drop}) {
        if (personalKey(p) == key)
            return p;
    }
    return std::nullopt;
}

const QString upsertDatasetSource = QStringLiteral(
    "INSERT INTO dataset_sources (dataset_id, rows_table, encoding, delimiter, sheet, "
    "skip_records, header_rows, decimal_comma, day_first, personal) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (dataset_id) DO UPDATE SET rows_table = excluded.rows_table, "
    "encoding = excluded.encoding, delimiter = excluded.delimiter, sheet = excluded.sheet, "
    "skip_records = excluded.skip_records, header_rows = excluded.header_rows, "
    "decimal_comma = excluded.decimal_comma, day_first = excluded.day_first, "
    "personal = excluded.personal");

// The rows' touchpoint_id follows the dataset's column attachment: when the column changed
// since the rows were matched, every row is matched again against the touchpoints as they
// are now.
bool matchRowsToTouchpoints(Sql::Database &db, const Project &project, const Dataset &d,
                            QString *error)
{
    int column = 0;
    for (const DatasetAttachment &a : d.attachments) {
        if (a.kind == AttachmentKind::ByColumn && a.column >= 0 && a.column < d.columns.size()) {
            column = int(a.column) + 1;
            break;
        }
    }
    if (DatasetTables::touchpointsFrom(db, d.rowsTable) == column)
        return true;

    const QString table = DatasetTables::tableName(d.rowsTable);
    auto failed = [&] {
        if (error)
            *error = db.errorMessage();
        return false;
    };
    if (!db.exec(QStringLiteral("UPDATE %1 SET touchpoint_id = NULL").arg(table)))
        return failed();
    if (column > 0) {
        const QString field = DatasetTables::columnName(column - 1);
        const Import::TouchpointMatcher matcher(project);
        QList<QPair<QString, QString>> matches;
        {
            Sql::Statement st(db, QStringLiteral("SELECT DISTINCT CAST(%1 AS TEXT) FROM %2 "
                                                 "WHERE %1 IS NOT NULL")
                                      .arg(field, table));
            while (st.next()) {
                const QString value = st.text(0);
                if (const std::optional<Id> id = matcher.match(value))
                    matches.append({value, idText(*id)});
            }
            if (!st.ok())
                return failed();
        }
        Sql::Statement update(db, QStringLiteral("UPDATE %1 SET touchpoint_id = ? "
                                                 "WHERE CAST(%2 AS TEXT) = ?")
                                      .arg(table, field));
        for (const auto &[value, id] : std::as_const(matches)) {
            update.bind(1, id);
            update.bind(2, value);
            if (!update.run())
                return failed();
        }
    }
    return DatasetTables::setTouchpointsFrom(db, d.rowsTable, column, error);
}

bool writeDataset(Writer &w, const Project &project, const Dataset &d, int position)
{
    if (!w.run(upsertDataset, idText(d.id), position, d.name, d.format, d.sourceFile,
               timeText(d.imported), d.rowCount))
        return false;
    // A project written into a fresh database (a new file from a template) has no tables of
    // rows: its datasets are written as described, without rows.
    // TODO: A template or copied project that holds datasets loses their rows, since only
    // the description of a dataset travels with a Project value.
    const bool hasRows = d.rowsTable > 0 && DatasetTables::shapeOf(w.db(), d.rowsTable).has_value();
    const DatasetMapping &m = d.mapping;
    if (!w.run(upsertDatasetSource, idText(d.id), OptionalNumber{hasRows ? d.rowsTable : 0},
               m.encoding, m.delimiter, m.sheet, m.skipRecords, m.headerRows, int(m.decimalComma),
               int(m.dayFirst), personalKey(m.personal)))
        return false;
    if (!w.run(QStringLiteral("DELETE FROM dataset_attachments WHERE dataset_id = ?"),
               idText(d.id)))
        return false;
    for (qsizetype i = 0; i < d.attachments.size(); ++i) {
        const DatasetAttachment &a = d.attachments[i];
        if (!w.run(QStringLiteral("INSERT INTO dataset_attachments (id, dataset_id, position, "
                                  "kind, touchpoint_id, column_position, value) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                   idText(a.id), idText(d.id), int(i), attachmentKindKey(a.kind),
                   OptionalId{a.touchpointId}, qint64(a.column), a.value))
            return false;
    }
    if (hasRows) {
        QString error;
        if (!matchRowsToTouchpoints(w.db(), project, d, &error)) {
            w.setError(error);
            return false;
        }
    }
    if (!w.run(QStringLiteral("DELETE FROM dataset_columns WHERE dataset_id = ?"), idText(d.id)))
        return false;
    for (qsizetype i = 0; i < d.columns.size(); ++i) {
        const DatasetColumn &c = d.columns[i];
        if (!w.run(QStringLiteral("INSERT INTO dataset_columns (dataset_id, position, name, "
                                  "role, type) VALUES (?, ?, ?, ?, ?)"),
                   idText(d.id), int(i), c.name, toKey(c.role), toKey(c.type)))
            return false;
    }
    return true;
}

bool writeMapDeep(Writer &w, const JourneyMap &m, int position)
{
    if (!writeMapRow(w, m, position))
        return false;
    for (qsizetype i = 0; i < m.stages.size(); ++i) {
        if (!writeStage(w, m.id, m.stages[i], int(i)))
            return false;
    }
    for (qsizetype i = 0; i < m.lanes.size(); ++i) {
        if (!writeLane(w, m.id, m.lanes[i], int(i)))
            return false;
    }
    for (const Touchpoint &t : m.touchpoints) {
        if (!writeTouchpoint(w, m.id, t))
            return false;
    }
    for (const Connector &c : m.connectors) {
        if (!writeConnector(w, m.id, c))
            return false;
    }
    for (const Annotation &a : m.annotations) {
        if (!writeAnnotation(w, m.id, a))
            return false;
    }
    // The steps' personas may be written later in the same transaction: their key is
    // checked at commit (see the migration to format 2).
    for (const PersonaStep &s : m.personaSteps) {
        if (!writePersonaStep(w, m.id, s))
            return false;
    }
    return true;
}

bool deleteRow(Writer &w, const QString &table, const Id &id)
{
    return w.run(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), idText(id));
}

template <typename T> bool writePositions(Writer &w, const QString &table, const QList<T> &siblings)
{
    for (qsizetype i = 0; i < siblings.size(); ++i) {
        if (!w.run(QStringLiteral("UPDATE %1 SET position = ? WHERE id = ?").arg(table), int(i),
                   idText(siblings[i].id)))
            return false;
    }
    return true;
}

// Reading

// Where a problem lies ("stage {…}", "table stages"), put into words only when there is a
// problem: formatting it for every row cost more than reading the row.
struct Where
{
    QStringView what;
    const Id *id = nullptr;

    QString text() const
    {
        return id ? QStringLiteral("%1 %2").arg(what, idText(*id)) : what.toString();
    }
};

// A short text of SQLite's seen as UTF-16 on the stack, without a QString. Only ASCII is
// taken (there UTF-8 and UTF-16 hold the same characters); anything else does not fit, and
// the caller decodes it the ordinary way.
class ShortText
{
public:
    explicit ShortText(QByteArrayView utf8)
    {
        if (utf8.size() > Capacity)
            return;
        for (qsizetype i = 0; i < utf8.size(); ++i) {
            const auto c = static_cast<unsigned char>(utf8[i]);
            if (c >= 0x80)
                return;
            mData[i] = char16_t(c);
        }
        mSize = utf8.size();
    }

    bool fits() const { return mSize >= 0; }
    QStringView view() const { return QStringView(mData, mSize); }

private:
    static constexpr qsizetype Capacity = 64;
    char16_t mData[Capacity] = {};
    qsizetype mSize = -1;
};

// The value of each hex digit, -1 for every other byte.
constexpr std::array<signed char, 256> hexDigits = [] {
    std::array<signed char, 256> digits{};
    for (signed char &d : digits)
        d = -1;
    for (int i = 0; i < 10; ++i)
        digits[size_t('0' + i)] = static_cast<signed char>(i);
    for (int i = 0; i < 6; ++i) {
        digits[size_t('a' + i)] = static_cast<signed char>(10 + i);
        digits[size_t('A' + i)] = static_cast<signed char>(10 + i);
    }
    return digits;
}();

int hexDigit(char c)
{
    return hexDigits[static_cast<unsigned char>(c)];
}

// Parses the form Waymark writes, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", straight from the
// bytes. Anything else (braces, wrong length, a stray character) returns nullopt and is left
// to QUuid::fromString, so that what is accepted and refused stays exactly as before.
std::optional<Id> canonicalId(QByteArrayView text)
{
    if (text.size() != 36)
        return std::nullopt;
    uchar bytes[16];
    int count = 0;
    for (qsizetype i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-')
                return std::nullopt;
            ++i;
            continue;
        }
        const int high = hexDigit(text[i]);
        const int low = hexDigit(text[i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        bytes[count++] = uchar(high << 4 | low);
        i += 2;
    }
    const auto word = [&](int at) {
        return ushort(bytes[at] << 8 | bytes[at + 1]);
    };
    const uint first = uint(bytes[0]) << 24 | uint(bytes[1]) << 16 | uint(bytes[2]) << 8 | bytes[3];
    return Id(first, word(4), word(6), bytes[8], bytes[9], bytes[10], bytes[11], bytes[12],
              bytes[13], bytes[14], bytes[15]);
}

// Parses the compact JSON list of plain ASCII texts that Waymark writes (["a","b"]), or
// returns nullopt for anything else (spaces, escapes, other characters, other JSON), which
// the JSON parser then reads as before.
std::optional<QStringList> simpleTags(QByteArrayView json)
{
    if (json.size() < 2 || json.front() != '[' || json.back() != ']')
        return std::nullopt;
    QStringList result;
    qsizetype i = 1;
    const qsizetype end = json.size() - 1;
    while (i < end) {
        if (!result.isEmpty()) {
            if (json[i] != ',')
                return std::nullopt;
            ++i;
        }
        if (i >= end || json[i] != '"')
            return std::nullopt;
        const qsizetype start = ++i;
        while (i < end && json[i] != '"') {
            const auto c = static_cast<unsigned char>(json[i]);
            if (c < 0x20 || c >= 0x80 || c == '\\')
                return std::nullopt;
            ++i;
        }
        if (i >= end)
            return std::nullopt;
        result.append(QString::fromLatin1(json.sliced(start, i - start)));
        ++i;
    }
    return result;
}

// One column of an ORDER BY: a text (an id) or an integer.
struct KeyPart
{
    int column;
    bool integer = false;
};

// A row's keys, for sorting the rows here as SQLite's ORDER BY would. Taken only when every
// key is a text of at most TextCapacity bytes or an integer, as in every file Waymark
// writes; those SQLite orders by comparing the bytes (BINARY collation, a prefix first)
// and the numbers, which is what keyLess does.
struct SortKey
{
    static constexpr qsizetype MaxParts = 5;
    static constexpr qsizetype TextCapacity = 40;
    std::array<std::array<char, TextCapacity>, MaxParts> texts;
    std::array<qint64, MaxParts> values; // a text's length, or the integer
};

bool fillSortKey(const Sql::Statement &st, const QList<KeyPart> &parts, SortKey *key)
{
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const auto at = size_t(i);
        const int column = parts[i].column;
        if (parts[i].integer) {
            if (st.type(column) != SQLITE_INTEGER)
                return false;
            key->values[at] = st.integer(column);
            continue;
        }
        if (st.type(column) != SQLITE_TEXT)
            return false;
        const QByteArrayView text = st.utf8(column);
        if (text.size() > SortKey::TextCapacity)
            return false;
        std::memcpy(key->texts[at].data(), text.data(), size_t(text.size()));
        key->values[at] = text.size();
    }
    return true;
}

bool keyLess(const SortKey &a, const SortKey &b, const QList<KeyPart> &parts)
{
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const auto at = size_t(i);
        if (parts[i].integer) {
            if (a.values[at] != b.values[at])
                return a.values[at] < b.values[at];
            continue;
        }
        const qint64 common = std::min(a.values[at], b.values[at]);
        if (const int order = std::memcmp(a.texts[at].data(), b.texts[at].data(), size_t(common)))
            return order < 0;
        if (a.values[at] != b.values[at])
            return a.values[at] < b.values[at];
    }
    return false;
}

class Reader
{
public:
    Reader(Sql::Database &db, QList<ProjectFile::Problem> *problems, const Bounds &bounds)
        : mDb(db)
        , mProblems(problems)
        , mBounds(bounds)
    {}

    std::optional<Project> read();
    bool tooLarge() const { return mTooLarge; }

private:
    void problem(const QString &where, const QString &what)
    {
        if (mProblems)
            mProblems->append({where, what});
    }

    void problem(const Where &where, const QString &what) { problem(where.text(), what); }

    QString text(const Sql::Statement &st, int column)
    {
        QString value = st.text(column);
        mTextBytes += value.size() * 2;
        return value;
    }

    Id id(const Sql::Statement &st, int column, const Where &where, bool optional = false)
    {
        if (st.isNull(column)) {
            if (!optional)
                problem(where, QStringLiteral("an id is missing"));
            return {};
        }
        if (const std::optional<Id> parsed = canonicalId(st.utf8(column));
            parsed && !parsed->isNull())
            return *parsed;
        const QString value = st.text(column);
        const Id parsed = QUuid::fromString(value);
        if (parsed.isNull())
            problem(where, QStringLiteral("\"%1\" is not a valid id").arg(value.left(60)));
        return parsed;
    }

    template <typename Enum>
    Enum key(const Sql::Statement &st, int column, Enum fallback, const Where &where)
    {
        const ShortText shortText(st.utf8(column));
        const std::optional<Enum> parsed =
            shortText.fits() ? fromKey<Enum>(shortText.view()) : fromKey<Enum>(st.text(column));
        if (!parsed) {
            problem(where, QStringLiteral("unknown value \"%1\"").arg(st.text(column).left(60)));
            return fallback;
        }
        return *parsed;
    }

    QColor color(const Sql::Statement &st, int column, const Where &where)
    {
        static const QRegularExpression pattern(
            QStringLiteral("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$"));
        if (st.utf8(column).isEmpty())
            return {};
        const QString value = st.text(column);
        if (!pattern.match(value).hasMatch()) {
            problem(where, QStringLiteral("\"%1\" is not a colour").arg(value.left(60)));
            return {};
        }
        return QColor(value);
    }

    QDateTime time(const Sql::Statement &st, int column, const Where &where)
    {
        if (st.utf8(column).isEmpty())
            return {};
        const QString value = st.text(column);
        QDateTime parsed = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!parsed.isValid()) {
            problem(where, QStringLiteral("\"%1\" is not a date and time").arg(value.left(60)));
            return {};
        }
        return parsed.toUTC();
    }

    Devices devices(const Sql::Statement &st, int column, const Where &where)
    {
        const ShortText shortText(st.utf8(column));
        const std::optional<Devices> parsed =
            shortText.fits() ? devicesFromKeys(shortText.view()) : devicesFromKeys(st.text(column));
        if (!parsed) {
            problem(where, QStringLiteral("unknown devices \"%1\"").arg(st.text(column).left(60)));
            return {};
        }
        return *parsed;
    }

    std::optional<int> emotion(const Sql::Statement &st, int column, const Where &where)
    {
        if (st.isNull(column))
            return std::nullopt;
        if (st.type(column) != SQLITE_INTEGER) {
            problem(where,
                    QStringLiteral("\"%1\" is not an emotion score").arg(st.text(column).left(60)));
            return std::nullopt;
        }
        const qint64 value = st.integer(column);
        if (value < PersonaStep::MinEmotion || value > PersonaStep::MaxEmotion) {
            problem(where, QStringLiteral("the emotion score %1 is outside -3 to +3").arg(value));
            return std::nullopt;
        }
        return int(value);
    }

    QStringList tags(const Sql::Statement &st, int column, const Where &where)
    {
        const QByteArrayView bytes = st.utf8(column);
        mTextBytes += bytes.size();
        if (std::optional<QStringList> simple = simpleTags(bytes))
            return *std::move(simple);
        const QByteArray value = st.blob(column);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(value, &error);
        QStringList result;
        if (!doc.isArray()) {
            problem(where, QStringLiteral("tags are not a JSON list of texts"));
            return result;
        }
        for (const QJsonValue &v : doc.array()) {
            if (!v.isString()) {
                problem(where, QStringLiteral("tags are not a JSON list of texts"));
                return {};
            }
            result.append(v.toString());
        }
        return result;
    }

    // The rows of select + orderBy, in the order of orderBy (the columns of keys), each as
    // readRow(st) makes it, with their problems reported in that order too. Sorting here
    // spares SQLite's sorter, which copies every column of every row; when a row's keys
    // are not of the form SortKey compares, the rows are read again sorted by SQLite.
    template <typename Value, typename ReadRow>
    QList<Value> readSorted(const QString &select, const QString &orderBy,
                            const QList<KeyPart> &keys, ReadRow readRow)
    {
        QList<ProjectFile::Problem> *const sink = mProblems;
        const qint64 textBytes = mTextBytes;
        QList<ProjectFile::Problem> found;
        std::vector<SortKey> rowKeys;
        std::vector<Value> values;
        std::vector<qsizetype> problemEnds; // row i's problems end at problemEnds[i]
        bool sortable = true;
        {
            mProblems = &found;
            Sql::Statement st(mDb, select);
            while (st.next()) {
                rowKeys.emplace_back();
                if (!fillSortKey(st, keys, &rowKeys.back())) {
                    sortable = false;
                    break;
                }
                values.push_back(readRow(st));
                problemEnds.push_back(found.size());
            }
            sortable = sortable && st.ok();
            mProblems = sink;
        }

        QList<Value> result;
        if (sortable) {
            std::vector<qsizetype> order(values.size());
            for (size_t i = 0; i < order.size(); ++i)
                order[i] = qsizetype(i);
            std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
                return keyLess(rowKeys[size_t(a)], rowKeys[size_t(b)], keys);
            });
            result.reserve(qsizetype(values.size()));
            for (const qsizetype row : order) {
                const qsizetype begin = row == 0 ? 0 : problemEnds[size_t(row - 1)];
                for (qsizetype i = begin; i < problemEnds[size_t(row)]; ++i)
                    problem(found[i].where, found[i].what);
                result.append(std::move(values[size_t(row)]));
            }
            return result;
        }

        mTextBytes = textBytes;
        Sql::Statement st(mDb, select + orderBy);
        while (st.next())
            result.append(readRow(st));
        return result;
    }

    bool checkCounts();
    void readMaps(Project &project);
    void readPersonas(Project &project);
    void readDatasets(Project &project);

    Sql::Database &mDb;
    QList<ProjectFile::Problem> *mProblems;
    Bounds mBounds;
    qint64 mTextBytes = 0;
    bool mTooLarge = false;
};

bool Reader::checkCounts()
{
    static const char *const tables[] = {"maps",           "stages",          "lanes",
                                         "touchpoints",    "connectors",      "annotations",
                                         "personas",       "datasets",        "dataset_columns",
                                         "persona_steps",  "dataset_sources", "dataset_attachments",
                                         "dataset_tables", "metrics_cache"};
    for (const char *table : tables) {
        const std::optional<qint64> count =
            mDb.queryInt(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
        if (!count)
            return false;
        if (*count > mBounds.maxRows) {
            problem(QStringLiteral("table %1").arg(QLatin1String(table)),
                    QStringLiteral("holds %1 rows, more than the %2 Waymark loads")
                        .arg(*count)
                        .arg(mBounds.maxRows));
            mTooLarge = true;
        }
    }

    const std::optional<qint64> photoBytes =
        mDb.queryInt(QStringLiteral("SELECT coalesce(max(length(photo)), 0) FROM personas"));
    if (photoBytes && *photoBytes > mBounds.maxPhotoBytes) {
        problem(QStringLiteral("table personas"),
                QStringLiteral("a photo of %1 bytes is larger than the %2 Waymark loads")
                    .arg(*photoBytes)
                    .arg(mBounds.maxPhotoBytes));
        mTooLarge = true;
    }
    return !mTooLarge;
}

std::optional<Project> Reader::read()
{
    if (!checkCounts())
        return std::nullopt;

    Project project;
    {
        Sql::Statement st(mDb, QStringLiteral("SELECT id, name, created FROM project"));
        int rows = 0;
        while (st.next()) {
            if (++rows > 1)
                continue;
            project.id = id(st, 0, Where{u"project"});
            project.name = text(st, 1);
            project.created = time(st, 2, Where{u"project"});
        }
        if (!st.ok())
            return std::nullopt;
        if (rows != 1)
            problem(QStringLiteral("table project"),
                    QStringLiteral("holds %1 rows instead of one").arg(rows));
    }

    readMaps(project);
    readPersonas(project);
    readDatasets(project);

    if (mTextBytes > mBounds.maxTextBytes) {
        problem(QStringLiteral("file"),
                QStringLiteral("the map structure holds more than %1 MB of text")
                    .arg(mBounds.maxTextBytes / (1024 * 1024)));
        mTooLarge = true;
        return std::nullopt;
    }
    return project;
}

void Reader::readMaps(Project &project)
{
    QHash<Id, qsizetype> mapIndex;
    {
        Sql::Statement st(mDb, QStringLiteral("SELECT id, name, kind, description, headline "
                                              "FROM maps ORDER BY position, id"));
        while (st.next()) {
            JourneyMap m;
            m.id = id(st, 0, Where{u"table maps"});
            const Where w{u"map", &m.id};
            m.name = text(st, 1);
            m.kind = key(st, 2, MapKind::CurrentState, w);
            m.description = text(st, 3);
            m.headline = key(st, 4, HeadlineMetric::Automatic, w);
            mapIndex.insert(m.id, project.maps.size());
            project.maps.append(std::move(m));
        }
    }

    // Rows whose map is not in the maps table cannot exist with foreign keys intact; they
    // are reported by the foreign key check and skipped here.
    // The rows come ordered by map, so the last map found is nearly always the next one.
    Id lastMapId;
    JourneyMap *lastMap = nullptr;
    auto mapFor = [&](const Id &mapId) -> JourneyMap * {
        if (lastMap && mapId == lastMapId)
            return lastMap;
        const auto it = mapIndex.constFind(mapId);
        if (it == mapIndex.constEnd())
            return nullptr;
        lastMapId = mapId;
        lastMap = &project.maps[*it];
        return lastMap;
    };

    {
        Sql::Statement st(mDb, QStringLiteral("SELECT id, map_id, name, color, width FROM stages "
                                              "ORDER BY map_id, position, id"));
        while (st.next()) {
            Stage s;
            s.id = id(st, 0, Where{u"table stages"});
            const Where w{u"stage", &s.id};
            s.name = text(st, 2);
            s.color = color(st, 3, w);
            s.width = int(std::clamp<qint64>(st.integer(4), 0, 100000));
            if (JourneyMap *m = mapFor(id(st, 1, w)))
                m->stages.append(std::move(s));
        }
    }
    {
        Sql::Statement st(mDb, QStringLiteral("SELECT id, map_id, name, kind, hidden, color "
                                              "FROM lanes ORDER BY map_id, position, id"));
        while (st.next()) {
            Lane l;
            l.id = id(st, 0, Where{u"table lanes"});
            const Where w{u"lane", &l.id};
            l.name = text(st, 2);
            l.kind = key(st, 3, LaneKind::Touchpoints, w);
            l.hidden = st.integer(4) != 0;
            l.color = color(st, 5, w);
            if (JourneyMap *m = mapFor(id(st, 1, w)))
                m->lanes.append(std::move(l));
        }
    }
    {
        const auto readRow = [&](const Sql::Statement &st) {
            Touchpoint t;
            t.id = id(st, 0, Where{u"table touchpoints"});
            const Where w{u"touchpoint", &t.id};
            t.stageId = id(st, 2, w);
            t.laneId = id(st, 3, w);
            t.order = int(std::clamp<qint64>(st.integer(4), 0, 1000000));
            t.title = text(st, 5);
            t.description = text(st, 6);
            t.channel = key(st, 7, Channel::Other, w);
            t.devices = devices(st, 8, w);
            t.owner = text(st, 9);
            t.tags = tags(st, 10, w);
            t.evidence = key(st, 11, Evidence::Assumed, w);
            t.color = color(st, 12, w);
            t.notes = text(st, 13);
            const Id mapId = id(st, 1, w);
            return std::pair<Id, Touchpoint>(mapId, std::move(t));
        };
        QList<std::pair<Id, Touchpoint>> rows = readSorted<std::pair<Id, Touchpoint>>(
            QStringLiteral("SELECT id, map_id, stage_id, lane_id, position, title, description, "
                           "channel, devices, owner, tags, evidence, color, notes "
                           "FROM touchpoints"),
            QStringLiteral(" ORDER BY map_id, stage_id, lane_id, position, id"),
            {{1}, {2}, {3}, {4, true}, {0}}, readRow);
        for (auto &[mapId, t] : rows) {
            if (JourneyMap *m = mapFor(mapId))
                m->touchpoints.append(std::move(t));
        }
    }
    {
        const auto readRow = [&](const Sql::Statement &st) {
            Connector c;
            c.id = id(st, 0, Where{u"table connectors"});
            const Where w{u"connector", &c.id};
            c.fromId = id(st, 2, w);
            c.toId = id(st, 3, w);
            c.direction = key(st, 4, ConnectorDirection::Forward, w);
            c.label = text(st, 5);
            const Id mapId = id(st, 1, w);
            return std::pair<Id, Connector>(mapId, std::move(c));
        };
        QList<std::pair<Id, Connector>> rows = readSorted<std::pair<Id, Connector>>(
            QStringLiteral("SELECT id, map_id, from_id, to_id, direction, label FROM connectors"),
            QStringLiteral(" ORDER BY map_id, id"), {{1}, {0}}, readRow);
        for (auto &[mapId, c] : rows) {
            if (JourneyMap *m = mapFor(mapId))
                m->connectors.append(std::move(c));
        }
    }
    {
        Sql::Statement st(
            mDb, QStringLiteral("SELECT id, map_id, kind, touchpoint_id, stage_id, lane_id, "
                                "text, severity, author, created FROM annotations "
                                "ORDER BY map_id, created, id"));
        while (st.next()) {
            Annotation a;
            a.id = id(st, 0, Where{u"table annotations"});
            const Where w{u"annotation", &a.id};
            a.kind = key(st, 2, AnnotationKind::Comment, w);
            a.touchpointId = id(st, 3, w, true);
            a.stageId = id(st, 4, w, true);
            a.laneId = id(st, 5, w, true);
            a.text = text(st, 6);
            a.severity = int(std::clamp<qint64>(st.integer(7), 0, 5));
            a.author = text(st, 8);
            a.created = time(st, 9, w);
            if (JourneyMap *m = mapFor(id(st, 1, w)))
                m->annotations.append(std::move(a));
        }
    }
    {
        Sql::Statement st(mDb, QStringLiteral("SELECT id, map_id, persona_id, touchpoint_id, "
                                              "position, emotion, feeling FROM persona_steps "
                                              "ORDER BY map_id, persona_id, position, id"));
        while (st.next()) {
            PersonaStep s;
            s.id = id(st, 0, Where{u"table persona_steps"});
            const Where w{u"persona step", &s.id};
            s.personaId = id(st, 2, w);
            s.touchpointId = id(st, 3, w);
            s.order = int(std::clamp<qint64>(st.integer(4), 0, 1000000));
            s.emotion = emotion(st, 5, w);
            s.feeling = text(st, 6);
            if (JourneyMap *m = mapFor(id(st, 1, w)))
                m->personaSteps.append(std::move(s));
        }
    }
}

void Reader::readPersonas(Project &project)
{
    Sql::Statement st(
        mDb, QStringLiteral("SELECT id, name, photo, quote, age, gender, location, occupation, "
                            "socioeconomic, lifestyle, interests, opinions, likes, dislikes, "
                            "attitudes, goals, frustrations, needs, preferred_channels, "
                            "preferred_devices, role, organisation, segment, decision_power, "
                            "business_value, color FROM personas ORDER BY position, id"));
    while (st.next()) {
        Persona p;
        p.id = id(st, 0, Where{u"table personas"});
        const Where w{u"persona", &p.id};
        p.name = text(st, 1);
        p.photo = st.blob(2);
        mTextBytes += p.photo.size();
        QString *fields[] = {&p.quote,      &p.age,           &p.gender,    &p.location,
                             &p.occupation, &p.socioeconomic, &p.lifestyle, &p.interests,
                             &p.opinions,   &p.likes,         &p.dislikes,  &p.attitudes,
                             &p.goals,      &p.frustrations,  &p.needs};
        int column = 3;
        for (QString *field : fields)
            *field = text(st, column++);
        const QString channelKeys = st.text(18);
        if (const auto channels = channelsFromKeys(channelKeys))
            p.preferredChannels = *channels;
        else
            problem(w, QStringLiteral("unknown channels \"%1\"").arg(channelKeys.left(60)));
        p.preferredDevices = devices(st, 19, w);
        p.role = text(st, 20);
        p.organisation = text(st, 21);
        p.segment = text(st, 22);
        p.decisionPower = text(st, 23);
        p.businessValue = st.real(24);
        if (!(p.businessValue >= 0.0 && p.businessValue <= 1e9)) {
            problem(w,
                    QStringLiteral("the business value %1 is out of range").arg(p.businessValue));
            p.businessValue = 1.0;
        }
        p.color = color(st, 25, w);
        project.personas.append(std::move(p));
    }
}

void Reader::readDatasets(Project &project)
{
    QHash<Id, qsizetype> index;
    {
        Sql::Statement st(mDb, QStringLiteral("SELECT id, name, format, source_file, imported, "
                                              "row_count FROM datasets ORDER BY position, id"));
        while (st.next()) {
            Dataset d;
            d.id = id(st, 0, Where{u"table datasets"});
            const Where w{u"dataset", &d.id};
            d.name = text(st, 1);
            d.format = text(st, 2);
            d.sourceFile = text(st, 3);
            d.imported = time(st, 4, w);
            d.rowCount = st.integer(5);
            index.insert(d.id, project.datasets.size());
            project.datasets.append(d);
        }
    }
    {
        Sql::Statement st(mDb, QStringLiteral("SELECT dataset_id, name, role, type FROM "
                                              "dataset_columns ORDER BY dataset_id, position"));
        while (st.next()) {
            const Where w{u"dataset column"};
            const Id datasetId = id(st, 0, w);
            DatasetColumn c;
            c.name = text(st, 1);
            c.role = key(st, 2, ColumnRole::Ignore, w);
            c.type = key(st, 3, ColumnType::Text, w);
            const auto it = index.constFind(datasetId);
            if (it != index.constEnd())
                project.datasets[*it].columns.append(c);
        }
    }

    {
        Sql::Statement st(mDb, QStringLiteral("SELECT dataset_id, rows_table, encoding, "
                                              "delimiter, sheet, skip_records, header_rows, "
                                              "decimal_comma, day_first, personal "
                                              "FROM dataset_sources"));
        while (st.next()) {
            const Id datasetId = id(st, 0, Where{u"table dataset_sources"});
            const auto it = index.constFind(datasetId);
            if (it == index.constEnd())
                continue;
            Dataset &d = project.datasets[*it];
            const Where w{u"dataset", &d.id};
            d.rowsTable = st.isNull(1) ? 0 : st.integer(1);
            d.mapping.encoding = text(st, 2);
            d.mapping.delimiter = text(st, 3);
            d.mapping.sheet = text(st, 4);
            d.mapping.skipRecords = int(std::clamp<qint64>(st.integer(5), 0, 1000));
            d.mapping.headerRows = int(std::clamp<qint64>(st.integer(6), 0, 1000));
            d.mapping.decimalComma = st.integer(7) != 0;
            d.mapping.dayFirst = st.integer(8) != 0;
            const std::optional<PersonalData> personal = personalFromKey(st.text(9));
            if (!personal)
                problem(w, QStringLiteral("unknown value \"%1\"").arg(st.text(9).left(60)));
            d.mapping.personal = personal.value_or(PersonalData::Keep);
        }
    }

    {
        Sql::Statement st(mDb, QStringLiteral("SELECT dataset_id, id, kind, touchpoint_id, "
                                              "column_position, value FROM dataset_attachments "
                                              "ORDER BY dataset_id, position"));
        while (st.next()) {
            const Id datasetId = id(st, 0, Where{u"table dataset_attachments"});
            const auto it = index.constFind(datasetId);
            if (it == index.constEnd())
                continue;
            Dataset &d = project.datasets[*it];
            const Where w{u"dataset", &d.id};
            DatasetAttachment a;
            a.id = id(st, 1, w);
            const std::optional<AttachmentKind> kind = attachmentKindFromKey(st.text(2));
            if (!kind)
                problem(w, QStringLiteral("unknown attachment \"%1\"").arg(st.text(2).left(60)));
            a.kind = kind.value_or(AttachmentKind::WholeDataset);
            a.touchpointId = id(st, 3, w, true);
            a.column = qsizetype(st.integer(4));
            a.value = text(st, 5);
            d.attachments.append(a);
        }
    }

    // The description must fit the rows: the table registered with one column per column
    // described, holding as many rows as the dataset says.
    for (Dataset &d : project.datasets) {
        if (d.rowsTable == 0)
            continue;
        const Where w{u"dataset", &d.id};
        const std::optional<DatasetTables::Shape> shape = DatasetTables::shapeOf(mDb, d.rowsTable);
        if (!shape) {
            problem(w, QStringLiteral("its rows table %1 is not registered").arg(d.rowsTable));
            continue;
        }
        if (shape->types.size() != d.columns.size()) {
            problem(w, QStringLiteral("its rows table has %1 columns, but %2 are described")
                           .arg(shape->types.size())
                           .arg(d.columns.size()));
            continue;
        }
        const std::optional<qint64> rows = mDb.queryInt(
            QStringLiteral("SELECT count(*) FROM %1").arg(DatasetTables::tableName(d.rowsTable)));
        if (rows != d.rowCount)
            problem(w, QStringLiteral("it says it has %1 rows, but its table holds %2")
                           .arg(d.rowCount)
                           .arg(rows.value_or(-1)));
    }
}

} // namespace

std::optional<Project> readProject(Sql::Database &db, QList<ProjectFile::Problem> *problems,
                                   bool *tooLarge, const Bounds &bounds)
{
    Reader reader(db, problems, bounds);
    std::optional<Project> project = reader.read();
    if (tooLarge)
        *tooLarge = reader.tooLarge();
    return project;
}

bool writeProject(Sql::Database &db, const Project &project, QString *error)
{
    Writer w(db);
    bool ok = w.run(upsertProject, idText(project.id), project.name, timeText(project.created),
                    QStringLiteral("Waymark"));
    // Personas first: a map's persona steps refer to them.
    for (qsizetype i = 0; ok && i < project.personas.size(); ++i)
        ok = writePersona(w, project.personas[i], int(i));
    for (qsizetype i = 0; ok && i < project.maps.size(); ++i)
        ok = writeMapDeep(w, project.maps[i], int(i));
    for (qsizetype i = 0; ok && i < project.datasets.size(); ++i)
        ok = writeDataset(w, project, project.datasets[i], int(i));
    if (!ok && error)
        *error = w.error();
    return ok;
}

struct EntityWriter::Statements
{
    explicit Statements(Sql::Database &db)
        : writer(db)
    {}

    Writer writer;
};

EntityWriter::EntityWriter(Sql::Database &db)
    : mStatements(std::make_unique<Statements>(db))
{}

EntityWriter::~EntityWriter() = default;

bool writeEntity(Sql::Database &db, const Project &project, EntityKind kind, const Id &id,
                 bool added, QString *error)
{
    return EntityWriter(db).write(project, kind, id, added, error);
}

bool EntityWriter::write(const Project &project, EntityKind kind, const Id &id, bool added,
                         QString *error)
{
    Writer &w = mStatements->writer;
    w.setError({});
    bool ok = true;

    switch (kind) {
    case EntityKind::Project:
        ok = w.run(upsertProject, idText(project.id), project.name, timeText(project.created),
                   QStringLiteral("Waymark"));
        break;
    case EntityKind::Map: {
        const qsizetype i = indexOfId(project.maps, id);
        if (i < 0)
            ok = deleteRow(w, QStringLiteral("maps"), id);
        else
            ok = added ? writeMapDeep(w, project.maps[i], int(i))
                       : writeMapRow(w, project.maps[i], int(i));
        ok = ok && writePositions(w, QStringLiteral("maps"), project.maps);
        break;
    }
    case EntityKind::Stage: {
        const JourneyMap *m = mapContaining(project, id);
        const qsizetype i = m ? indexOfId(m->stages, id) : -1;
        ok = i >= 0 ? writeStage(w, m->id, m->stages[i], int(i))
                    : deleteRow(w, QStringLiteral("stages"), id);
        if (ok && m)
            ok = writePositions(w, QStringLiteral("stages"), m->stages);
        break;
    }
    case EntityKind::Lane: {
        const JourneyMap *m = mapContaining(project, id);
        const qsizetype i = m ? indexOfId(m->lanes, id) : -1;
        ok = i >= 0 ? writeLane(w, m->id, m->lanes[i], int(i))
                    : deleteRow(w, QStringLiteral("lanes"), id);
        if (ok && m)
            ok = writePositions(w, QStringLiteral("lanes"), m->lanes);
        break;
    }
    case EntityKind::Touchpoint: {
        const JourneyMap *m = mapContaining(project, id);
        const Touchpoint *t = m ? findById(m->touchpoints, id) : nullptr;
        ok = t ? writeTouchpoint(w, m->id, *t) : deleteRow(w, QStringLiteral("touchpoints"), id);
        break;
    }
    case EntityKind::Connector: {
        const JourneyMap *m = mapContaining(project, id);
        const Connector *c = m ? findById(m->connectors, id) : nullptr;
        ok = c ? writeConnector(w, m->id, *c) : deleteRow(w, QStringLiteral("connectors"), id);
        break;
    }
    case EntityKind::Annotation: {
        const JourneyMap *m = mapContaining(project, id);
        const Annotation *a = m ? findById(m->annotations, id) : nullptr;
        ok = a ? writeAnnotation(w, m->id, *a) : deleteRow(w, QStringLiteral("annotations"), id);
        break;
    }
    case EntityKind::Persona: {
        const qsizetype i = indexOfId(project.personas, id);
        ok = i >= 0 ? writePersona(w, project.personas[i], int(i))
                    : deleteRow(w, QStringLiteral("personas"), id);
        ok = ok && writePositions(w, QStringLiteral("personas"), project.personas);
        break;
    }
    case EntityKind::Dataset: {
        const qsizetype i = indexOfId(project.datasets, id);
        ok = i >= 0 ? writeDataset(w, project, project.datasets[i], int(i))
                    : deleteRow(w, QStringLiteral("datasets"), id);
        ok = ok && writePositions(w, QStringLiteral("datasets"), project.datasets);
        break;
    }
    case EntityKind::PersonaStep: {
        const JourneyMap *m = mapContaining(project, id);
        const PersonaStep *s = m ? findById(m->personaSteps, id) : nullptr;
        ok = s ? writePersonaStep(w, m->id, *s) : deleteRow(w, QStringLiteral("persona_steps"), id);
        break;
    }
    }

    if (!ok && error)
        *error = w.error();
    return ok;
}

} // namespace Waymark::Store
