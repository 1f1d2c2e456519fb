// The domain types of a Waymark project. They are plain values: a Project can be copied,
// compared field by field and written to or read from the project file without any
// framework around it. Every entity carries a stable id (a UUID) that the project file,
// the clipboard and the comparison of two files use to match objects.
#pragma once

#include "enums.h"

#include <QByteArray>
#include <QColor>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace Waymark {

using Id = QUuid;

inline Id newId()
{
    return QUuid::createUuid();
}

// A column of a journey map: a phase of the customer's journey, such as Awareness.
struct Stage
{
    Id id;
    QString name;
    QColor color;  // invalid: the theme's default
    int width = 0; // in canvas units; 0: the default width

    bool operator==(const Stage &) const = default;
};

// A row of a journey map: what kind of thing its cards are.
struct Lane
{
    Id id;
    QString name;
    LaneKind kind = LaneKind::Touchpoints;
    bool hidden = false;
    QColor color;

    bool operator==(const Lane &) const = default;
};

// A card in a stage × lane cell: every point where the customer meets the business, and
// the thoughts, pain points and backstage systems around it.
struct Touchpoint
{
    Id id;
    Id stageId;
    Id laneId;
    int order = 0; // position within its cell, from 0
    QString title;
    QString description;
    Channel channel = Channel::Other;
    Devices devices;
    QString owner; // owner or department
    QStringList tags;
    Evidence evidence = Evidence::Assumed;
    QColor color;
    QString notes;

    bool operator==(const Touchpoint &) const = default;
};

struct Connector
{
    Id id;
    Id fromId; // touchpoints
    Id toId;
    ConnectorDirection direction = ConnectorDirection::Forward;
    QString label;

    bool operator==(const Connector &) const = default;
};

// A pain point, opportunity or comment. It is attached either to a touchpoint, or to a cell
// (a stage and a lane) when no touchpoint is set.
struct Annotation
{
    Id id;
    AnnotationKind kind = AnnotationKind::Comment;
    Id touchpointId;
    Id stageId;
    Id laneId;
    QString text;
    int severity = 0; // 1 to 5: severity of a pain point, priority of an opportunity; 0: unset
    QString author;
    QDateTime created; // UTC

    bool operator==(const Annotation &) const = default;
};

// One step of a persona's path through a map: the touchpoint they reach, in the order
// given, and how they feel there. A path may skip touchpoints and come back to one, so a
// step has an id of its own rather than being keyed by its touchpoint.
struct PersonaStep
{
    static constexpr int MinEmotion = -3; // very negative
    static constexpr int MaxEmotion = 3;  // very positive

    Id id;
    Id personaId;
    Id touchpointId;            // a touchpoint of the same map
    int order = 0;              // position along the persona's path on this map, from 0
    std::optional<int> emotion; // MinEmotion to MaxEmotion; nullopt: not scored
    QString feeling;            // a short note: "frustrated", "cared for"

    bool operator==(const PersonaStep &) const = default;
};

struct JourneyMap
{
    Id id;
    QString name;
    MapKind kind = MapKind::CurrentState;
    QString description;
    // The metric the cards show as their badge, and colour by in heat mode.
    HeadlineMetric headline = HeadlineMetric::Automatic;
    QList<Stage> stages;           // in order, left to right
    QList<Lane> lanes;             // in order, top to bottom
    QList<Touchpoint> touchpoints; // in no particular order: each carries its cell and order
    QList<Connector> connectors;
    QList<Annotation> annotations;
    // Every persona's path on this map, in no particular order: each step carries its
    // persona and its order along that persona's path.
    QList<PersonaStep> personaSteps;

    bool operator==(const JourneyMap &) const = default;
};

// An invented but realistic customer type. The B2B fields describe one role within a
// customer organisation; businessValue weights that role's results.
struct Persona
{
    Id id;
    QString name;
    QByteArray photo; // PNG or JPEG bytes, already scaled down; empty: none
    QString quote;
    QString age; // free text: "34" or "35–44"
    QString gender;
    QString location;
    QString occupation;
    QString socioeconomic;
    QString lifestyle;
    QString interests;
    QString opinions;
    QString likes;
    QString dislikes;
    QString attitudes;
    QString goals;
    QString frustrations;
    QString needs;
    QList<Channel> preferredChannels;
    Devices preferredDevices;
    QString role;
    QString organisation;
    QString segment;
    QString decisionPower;
    double businessValue = 1.0;
    QColor color;

    bool operator==(const Persona &) const = default;
};

struct DatasetColumn
{
    QString name;
    ColumnRole role = ColumnRole::Ignore;
    ColumnType type = ColumnType::Text;

    bool operator==(const DatasetColumn &) const = default;
};

// How a dataset's rows reach touchpoints. A touchpoint can have several datasets, and a
// dataset several attachments.
enum class AttachmentKind
{
    WholeDataset, // every row belongs to touchpointId
    ByColumn,     // each row to the touchpoint whose title or id its column holds
    Filter,       // the rows whose column equals value belong to touchpointId
};

struct DatasetAttachment
{
    Id id;
    AttachmentKind kind = AttachmentKind::WholeDataset;
    Id touchpointId;      // WholeDataset and Filter
    qsizetype column = 0; // ByColumn and Filter: the column's index in Dataset::columns
    QString value;        // Filter: compared with the text of the column's values

    bool operator==(const DatasetAttachment &) const = default;
};

enum class PersonalData
{
    Keep,
    Hash, // SHA-256 of a per-project salt and the value, in hex
    Drop, // not stored at all: the column holds no values
};

// How the file was read, kept so that the next wave of the same export imports in one step
// (and updates rows by their key instead of duplicating them).
struct DatasetMapping
{
    QString encoding;    // canonical name (utf-8, windows-1252, ...); empty for workbooks
    QString delimiter;   // one character; empty for workbooks
    QString sheet;       // the workbook's sheet; empty for text files
    int skipRecords = 0; // comment records before the header (GA4)
    int headerRows = 1;
    bool decimalComma = false;
    bool dayFirst = false; // dates such as 01/03/2024 read day first
    PersonalData personal = PersonalData::Keep;

    bool operator==(const DatasetMapping &) const = default;
};

// Imported survey, sales or analytics data. The rows themselves stay in the project file, in
// a table of their own (rowsTable: dataset_rows_N, see storage/FORMAT.md); the model holds
// only what describes them.
struct Dataset
{
    Id id;
    QString name;
    QString format;     // the source format's key, as the import command line spells it
    QString sourceFile; // the file name it was imported from, without folders
    QDateTime imported; // UTC
    qint64 rowCount = 0;
    QList<DatasetColumn> columns;
    qint64 rowsTable = 0; // N of the table dataset_rows_N; 0 for none (nothing imported)
    DatasetMapping mapping;
    QList<DatasetAttachment> attachments;

    bool operator==(const Dataset &) const = default;
};

struct Project
{
    Id id;
    QString name;
    QDateTime created;       // UTC
    QList<JourneyMap> maps;  // in tab order
    QList<Persona> personas; // in library order
    QList<Dataset> datasets;

    bool operator==(const Project &) const = default;
};

} // namespace Waymark
