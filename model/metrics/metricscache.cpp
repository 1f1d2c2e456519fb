#include "metricscache.h"

#include "../logging.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>
#include <QtEndian>

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

// The encoding, version 1: a header of 64 bytes (the magic "WMKMETRC", the encoding's version
// and the engine's, both 32-bit, the body's length before and after compression, 64-bit, and
// the SHA-256 of the compressed body, all big-endian), then the body compressed with zlib.
// The body is a QDataStream of fixed-width numbers; texts are a 32-bit length of UTF-8 bytes
// and the bytes, lists a 32-bit count and the items, optional values a flag byte and the value,
// ids their 16 bytes, enumerations one byte. Every length is checked against the bounds and
// the bytes that remain before anything is allocated for it.

namespace Waymark::Metrics {

namespace {

// The translation context of this file's messages.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Metrics::Cache)
};

// Thrown by the reader for a body that cannot be what encode() wrote.
struct Refused : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

constexpr char magic[8] = {'W', 'M', 'K', 'M', 'E', 'T', 'R', 'C'};
constexpr qsizetype headerSize = 8 + 4 + 4 + 8 + 8 + 32;
constexpr qsizetype checksumOffset = 32;
// zlib's best case packs about 1032 bytes into one: a body claiming more is not one.
constexpr qint64 maxCompressionRatio = 1100;

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

// Writes the canonical bytes of values: the body of an encoding, and what keys hash.
class Writer
{
public:
    Writer()
        : mOut(&mBytes, QIODevice::WriteOnly)
    {
        mOut.setVersion(QDataStream::Qt_6_4);
        mOut.setByteOrder(QDataStream::BigEndian);
        mOut.setFloatingPointPrecision(QDataStream::DoublePrecision);
    }

    const QByteArray &bytes() const { return mBytes; }
    // Whether a text or list was longer than decode() accepts.
    bool pastBounds() const { return mPastBounds; }

    void byte(quint8 value) { mOut << value; }
    void flag(bool value) { byte(value ? 1 : 0); }
    void integer(qint64 value) { mOut << value; }
    void number(double value) { mOut << value; }
    void count(qsizetype n)
    {
        mPastBounds = mPastBounds || n > qsizetype(MaxItems);
        mOut << quint32(std::min<qsizetype>(n, 0xffffffff));
    }

    void text(const QString &value)
    {
        const QByteArray utf8 = value.toUtf8();
        mPastBounds = mPastBounds || utf8.size() > qsizetype(MaxTextBytes);
        mOut << quint32(std::min<qsizetype>(utf8.size(), 0xffffffff));
        mOut.writeRawData(utf8.constData(), int(utf8.size()));
    }

    void id(const Id &value)
    {
        const QByteArray raw = value.toRfc4122();
        mOut.writeRawData(raw.constData(), int(raw.size()));
    }

    template <typename Enum> void enumeration(Enum value) { byte(quint8(value)); }

    void time(const QDateTime &value)
    {
        flag(value.isValid());
        if (value.isValid())
            integer(value.toMSecsSinceEpoch());
    }

    void date(const std::optional<QDate> &value)
    {
        flag(value && value->isValid());
        if (value && value->isValid())
            integer(value->toJulianDay());
    }

    template <typename T, typename F> void optional(const std::optional<T> &value, F write)
    {
        flag(value.has_value());
        if (value)
            write(*value);
    }

    void optionalNumber(const std::optional<double> &value)
    {
        optional(value, [this](double v) { number(v); });
    }

    template <typename T, typename F> void list(const QList<T> &items, F write)
    {
        count(items.size());
        for (const T &item : items)
            write(item);
    }

private:
    QByteArray mBytes;
    QDataStream mOut;
    bool mPastBounds = false;
};

// Reads what Writer wrote, from bytes that may be anything.
class Reader
{
public:
    explicit Reader(const QByteArray &bytes)
        : mBytes(bytes)
        , mIn(mBytes)
    {
        mIn.setVersion(QDataStream::Qt_6_4);
        mIn.setByteOrder(QDataStream::BigEndian);
        mIn.setFloatingPointPrecision(QDataStream::DoublePrecision);
    }

    qint64 remaining() const { return mIn.device()->bytesAvailable(); }

    quint8 byte()
    {
        need(1);
        quint8 value = 0;
        mIn >> value;
        return value;
    }

    bool flag()
    {
        const quint8 value = byte();
        if (value > 1)
            throw Refused("a yes-or-no value is neither");
        return value == 1;
    }

    qint64 integer()
    {
        need(8);
        qint64 value = 0;
        mIn >> value;
        return value;
    }

    double number()
    {
        need(8);
        double value = 0;
        mIn >> value;
        return value;
    }

    // A count of items each taking at least minimum bytes, checked against the bounds and
    // against what is left, so that a false count fails before anything is allocated.
    quint32 count(quint32 most, qint64 minimum)
    {
        need(4);
        quint32 n = 0;
        mIn >> n;
        if (n > most)
            throw Refused("a list or text is longer than Waymark accepts");
        if (qint64(n) * minimum > remaining())
            throw Refused("a list or text is longer than the data holding it");
        return n;
    }

    QString text()
    {
        const quint32 n = count(MaxTextBytes, 1);
        QByteArray utf8(qsizetype(n), Qt::Uninitialized);
        if (n > 0 && mIn.readRawData(utf8.data(), int(n)) != int(n))
            throw Refused("a text is cut short");
        return QString::fromUtf8(utf8);
    }

    Id id()
    {
        need(16);
        char raw[16];
        if (mIn.readRawData(raw, 16) != 16)
            throw Refused("an id is cut short");
        return QUuid::fromRfc4122(QByteArrayView(raw, 16));
    }

    template <typename Enum> Enum enumeration(Enum last)
    {
        const quint8 value = byte();
        if (value > quint8(last))
            throw Refused("an unknown kind of value");
        return Enum(value);
    }

    template <typename T, typename F> std::optional<T> optional(F read)
    {
        if (!flag())
            return std::nullopt;
        return read();
    }

    std::optional<double> optionalNumber()
    {
        return optional<double>([this] { return number(); });
    }

    // Items are appended as they are read, never reserved from the count: what a list takes
    // in memory grows only with the bytes actually there.
    template <typename T, typename F> QList<T> list(F read, qint64 minimum = 1)
    {
        const quint32 n = count(MaxItems, minimum);
        QList<T> items;
        for (quint32 i = 0; i < n; ++i)
            items.append(read());
        return items;
    }

    void finish() const
    {
        if (remaining() != 0)
            throw Refused("there are bytes after the figures");
    }

private:
    void need(qint64 bytes) const
    {
        if (remaining() < bytes)
            throw Refused("the figures are cut short");
    }

    QByteArray mBytes;
    QDataStream mIn;
};

// Each type of metricsengine.h and statistics.h, written and read field by field in order.

void write(Writer &w, const Stats::Interval &v)
{
    w.number(v.low);
    w.number(v.high);
}

Stats::Interval readInterval(Reader &r)
{
    Stats::Interval v;
    v.low = r.number();
    v.high = r.number();
    return v;
}

void writeInterval(Writer &w, const std::optional<Stats::Interval> &v)
{
    w.optional(v, [&](const Stats::Interval &i) { write(w, i); });
}

std::optional<Stats::Interval> readOptionalInterval(Reader &r)
{
    return r.optional<Stats::Interval>([&] { return readInterval(r); });
}

void write(Writer &w, const Stats::Nps &v)
{
    w.integer(v.n);
    w.integer(v.promoters);
    w.integer(v.passives);
    w.integer(v.detractors);
    w.number(v.score);
    writeInterval(w, v.ci);
}

Stats::Nps readNps(Reader &r)
{
    Stats::Nps v;
    v.n = r.integer();
    v.promoters = r.integer();
    v.passives = r.integer();
    v.detractors = r.integer();
    v.score = r.number();
    v.ci = readOptionalInterval(r);
    return v;
}

void write(Writer &w, const Stats::Proportion &v)
{
    w.integer(v.n);
    w.integer(v.successes);
    w.number(v.rate);
    writeInterval(w, v.ci);
}

Stats::Proportion readProportion(Reader &r)
{
    Stats::Proportion v;
    v.n = r.integer();
    v.successes = r.integer();
    v.rate = r.number();
    v.ci = readOptionalInterval(r);
    return v;
}

void write(Writer &w, const Stats::Mean &v)
{
    w.integer(v.n);
    w.number(v.mean);
    w.number(v.sd);
    writeInterval(w, v.ci);
}

Stats::Mean readMean(Reader &r)
{
    Stats::Mean v;
    v.n = r.integer();
    v.mean = r.number();
    v.sd = r.number();
    v.ci = readOptionalInterval(r);
    return v;
}

void write(Writer &w, const Stats::Correlation &v)
{
    w.integer(v.n);
    w.number(v.r);
    w.number(v.pValue);
    writeInterval(w, v.ci);
}

Stats::Correlation readCorrelation(Reader &r)
{
    Stats::Correlation v;
    v.n = r.integer();
    v.r = r.number();
    v.pValue = r.number();
    v.ci = readOptionalInterval(r);
    return v;
}

void writeCounts(Writer &w, const QList<qint64> &counts)
{
    w.list(counts, [&](qint64 c) { w.integer(c); });
}

// A distribution has one count per point of its scale: exactly that many, since the charts
// index it by the scale's values.
QList<qint64> readCounts(Reader &r, qsizetype expected)
{
    QList<qint64> counts = r.list<qint64>([&] { return r.integer(); }, 8);
    if (counts.size() != expected)
        throw Refused("a distribution does not fit its scale");
    return counts;
}

void write(Writer &w, const Sums &v)
{
    w.integer(v.rows);
    w.integer(v.reach);
    writeCounts(w, v.npsCounts);
    w.integer(v.csatN);
    w.integer(v.csatTop2);
    w.number(v.csatSum);
    w.number(v.csatSumSq);
    writeCounts(w, v.csatCounts);
    w.integer(v.cesN);
    w.number(v.cesSum);
    w.number(v.cesSumSq);
    writeCounts(w, v.cesCounts);
    w.integer(v.ratingN);
    w.number(v.ratingSum);
    w.number(v.ratingSumSq);
    writeCounts(w, v.ratingCounts);
    w.integer(v.conversionN);
    w.integer(v.converted);
    w.number(v.revenue);
    w.integer(v.revenueRows);
    w.integer(v.orders);
    w.number(v.weightN);
    w.number(v.weightedNpsSum);
    w.number(v.weightedRevenue);
}

Sums readSums(Reader &r)
{
    Sums v;
    v.rows = r.integer();
    v.reach = r.integer();
    v.npsCounts = readCounts(r, NpsMax - NpsMin + 1);
    v.csatN = r.integer();
    v.csatTop2 = r.integer();
    v.csatSum = r.number();
    v.csatSumSq = r.number();
    v.csatCounts = readCounts(r, CsatMax - CsatMin + 1);
    v.cesN = r.integer();
    v.cesSum = r.number();
    v.cesSumSq = r.number();
    v.cesCounts = readCounts(r, CesMax - CesMin + 1);
    v.ratingN = r.integer();
    v.ratingSum = r.number();
    v.ratingSumSq = r.number();
    v.ratingCounts = readCounts(r, RatingMax - RatingMin + 1);
    v.conversionN = r.integer();
    v.converted = r.integer();
    v.revenue = r.number();
    v.revenueRows = r.integer();
    v.orders = r.integer();
    v.weightN = r.number();
    v.weightedNpsSum = r.number();
    v.weightedRevenue = r.number();
    return v;
}

// The least a Sums takes encoded: its scalars and its four fixed distributions.
constexpr qint64 minSumsBytes = 8 * 20 + 4 * 4 + 8 * (11 + 5 + 7 + 11);

void write(Writer &w, const Revenue &v)
{
    w.number(v.sum);
    w.integer(v.orders);
    w.optionalNumber(v.averageOrder);
}

Revenue readRevenue(Reader &r)
{
    Revenue v;
    v.sum = r.number();
    v.orders = r.integer();
    v.averageOrder = r.optionalNumber();
    return v;
}

void write(Writer &w, const Figures &v)
{
    w.integer(v.rows);
    w.optional(v.nps, [&](const Stats::Nps &x) { write(w, x); });
    w.optional(v.csatTop2, [&](const Stats::Proportion &x) { write(w, x); });
    w.optional(v.csatMean, [&](const Stats::Mean &x) { write(w, x); });
    w.optional(v.ces, [&](const Stats::Mean &x) { write(w, x); });
    w.optional(v.rating, [&](const Stats::Mean &x) { write(w, x); });
    w.optional(v.conversion, [&](const Stats::Proportion &x) { write(w, x); });
    w.optional(v.revenue, [&](const Revenue &x) { write(w, x); });
    w.optionalNumber(v.weightedNps);
    w.optionalNumber(v.weightedRevenue);
}

Figures readFigures(Reader &r)
{
    Figures v;
    v.rows = r.integer();
    v.nps = r.optional<Stats::Nps>([&] { return readNps(r); });
    v.csatTop2 = r.optional<Stats::Proportion>([&] { return readProportion(r); });
    v.csatMean = r.optional<Stats::Mean>([&] { return readMean(r); });
    v.ces = r.optional<Stats::Mean>([&] { return readMean(r); });
    v.rating = r.optional<Stats::Mean>([&] { return readMean(r); });
    v.conversion = r.optional<Stats::Proportion>([&] { return readProportion(r); });
    v.revenue = r.optional<Revenue>([&] { return readRevenue(r); });
    v.weightedNps = r.optionalNumber();
    v.weightedRevenue = r.optionalNumber();
    return v;
}

void write(Writer &w, const Flag &v)
{
    w.enumeration(v.kind);
    w.text(v.reason);
}

Flag readFlag(Reader &r)
{
    Flag v;
    v.kind = r.enumeration(Flag::Kind::Decline);
    v.reason = r.text();
    return v;
}

void write(Writer &w, const TouchpointResult &v)
{
    w.id(v.id);
    w.id(v.mapId);
    w.text(v.map);
    w.text(v.stage);
    w.text(v.title);
    write(w, v.sums);
    w.flag(v.hasRevenue);
    write(w, v.figures);
    w.list(v.months, [&](const MonthTrend &m) {
        w.text(m.month);
        write(w, m.sums);
    });
    w.list(v.weeks, [&](const WeekTrend &m) {
        w.text(m.week);
        write(w, m.sums);
    });
    w.list(v.flags, [&](const Flag &f) { write(w, f); });
}

TouchpointResult readTouchpoint(Reader &r)
{
    TouchpointResult v;
    v.id = r.id();
    v.mapId = r.id();
    v.map = r.text();
    v.stage = r.text();
    v.title = r.text();
    v.sums = readSums(r);
    v.hasRevenue = r.flag();
    v.figures = readFigures(r);
    v.months = r.list<MonthTrend>(
        [&] {
            MonthTrend m;
            m.month = r.text();
            m.sums = readSums(r);
            return m;
        },
        4 + minSumsBytes);
    v.weeks = r.list<WeekTrend>(
        [&] {
            WeekTrend m;
            m.week = r.text();
            m.sums = readSums(r);
            return m;
        },
        4 + minSumsBytes);
    v.flags = r.list<Flag>([&] { return readFlag(r); }, 5);
    return v;
}

void write(Writer &w, const PersonaPath &v)
{
    w.id(v.personaId);
    w.text(v.persona);
    w.list(v.steps, [&](const PathStep &s) {
        w.id(s.touchpointId);
        w.integer(s.reached);
        w.optionalNumber(s.dropOff);
    });
}

PersonaPath readPath(Reader &r)
{
    PersonaPath v;
    v.personaId = r.id();
    v.persona = r.text();
    v.steps = r.list<PathStep>(
        [&] {
            PathStep s;
            s.touchpointId = r.id();
            s.reached = r.integer();
            s.dropOff = r.optionalNumber();
            return s;
        },
        16 + 8 + 1);
    return v;
}

void write(Writer &w, const MapResult &v)
{
    w.id(v.id);
    w.text(v.name);
    w.enumeration(v.headline);
    write(w, v.pooled);
    write(w, v.figures);
    w.list(v.paths, [&](const PersonaPath &p) { write(w, p); });
}

MapResult readMap(Reader &r)
{
    MapResult v;
    v.id = r.id();
    v.name = r.text();
    v.headline = r.enumeration(Measure::Revenue);
    v.pooled = readSums(r);
    v.figures = readFigures(r);
    v.paths = r.list<PersonaPath>([&] { return readPath(r); }, 16 + 4 + 4);
    return v;
}

void write(Writer &w, const Driver &v)
{
    w.id(v.touchpointId);
    w.id(v.mapId);
    w.text(v.title);
    w.enumeration(v.score);
    w.optional(v.correlation, [&](const Stats::Correlation &c) { write(w, c); });
    w.optionalNumber(v.revenueShare);
}

Driver readDriver(Reader &r)
{
    Driver v;
    v.touchpointId = r.id();
    v.mapId = r.id();
    v.title = r.text();
    v.score = r.enumeration(Measure::Revenue);
    v.correlation = r.optional<Stats::Correlation>([&] { return readCorrelation(r); });
    v.revenueShare = r.optionalNumber();
    return v;
}

void write(Writer &w, const Funnel &v)
{
    w.id(v.datasetId);
    w.text(v.dataset);
    w.id(v.mapId);
    w.list(v.steps, [&](const FunnelStep &s) {
        w.text(s.name);
        w.id(s.touchpointId);
        w.integer(s.activeUsers);
        w.optionalNumber(s.completion);
        w.optionalNumber(s.abandonment);
    });
}

Funnel readFunnel(Reader &r)
{
    Funnel v;
    v.datasetId = r.id();
    v.dataset = r.text();
    v.mapId = r.id();
    v.steps = r.list<FunnelStep>(
        [&] {
            FunnelStep s;
            s.name = r.text();
            s.touchpointId = r.id();
            s.activeUsers = r.integer();
            s.completion = r.optionalNumber();
            s.abandonment = r.optionalNumber();
            return s;
        },
        4 + 16 + 8 + 1 + 1);
    return v;
}

void write(Writer &w, const Result &v)
{
    w.flag(v.ok);
    w.flag(v.cancelled);
    w.text(v.error);
    w.list(v.touchpoints, [&](const TouchpointResult &t) { write(w, t); });
    w.list(v.maps, [&](const MapResult &m) { write(w, m); });
    w.list(v.drivers, [&](const Driver &d) { write(w, d); });
    w.list(v.funnels, [&](const Funnel &f) { write(w, f); });
}

Result readResult(Reader &r)
{
    Result v;
    v.ok = r.flag();
    v.cancelled = r.flag();
    v.error = r.text();
    v.touchpoints =
        r.list<TouchpointResult>([&] { return readTouchpoint(r); }, 32 + 12 + 2 * minSumsBytes);
    v.maps = r.list<MapResult>([&] { return readMap(r); }, 16 + 4 + 1 + minSumsBytes);
    v.drivers = r.list<Driver>([&] { return readDriver(r); }, 32 + 4 + 1 + 2);
    v.funnels = r.list<Funnel>([&] { return readFunnel(r); }, 32 + 4 + 4);
    r.finish();
    return v;
}

std::optional<QByteArray> deflated(const QByteArray &body)
{
    uLongf size = compressBound(uLong(body.size()));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    if (compress2(reinterpret_cast<Bytef *>(out.data()), &size,
                  reinterpret_cast<const Bytef *>(body.constData()), uLong(body.size()),
                  Z_BEST_SPEED) != Z_OK)
        return std::nullopt;
    out.truncate(qsizetype(size));
    return out;
}

// Inflates into exactly the size the header gave (already checked against the bounds): a
// body that inflates to more or less is refused, so a compression bomb stops at the buffer.
std::optional<QByteArray> inflated(const QByteArray &compressed, qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    z_stream stream;
    std::memset(&stream, 0, sizeof stream);
    if (inflateInit(&stream) != Z_OK)
        return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(size);
    const int status = inflate(&stream, Z_FINISH);
    const bool complete =
        status == Z_STREAM_END && stream.total_out == uLong(size) && stream.avail_in == 0;
    inflateEnd(&stream);
    if (!complete)
        return std::nullopt;
    return out;
}

void writeOptions(Writer &w, const Options &options)
{
    w.id(options.mapId);
    w.text(options.segmentColumn);
    w.text(options.segmentValue);
    w.date(options.from);
    w.date(options.to);
    QList<Id> maps = options.headline.keys();
    std::sort(maps.begin(), maps.end());
    w.list(maps, [&](const Id &id) {
        w.id(id);
        w.enumeration(options.headline.value(id));
    });
}

template <typename T> QList<const T *> byId(const QList<T> &items)
{
    QList<const T *> sorted;
    for (const T &item : items)
        sorted.append(&item);
    std::sort(sorted.begin(), sorted.end(), [](const T *a, const T *b) { return a->id < b->id; });
    return sorted;
}

// Only what the engine reads, in a canonical order: lists whose order carries no meaning
// (a map's cards, its persona steps) are sorted by id, so that an undo which puts an item
// back at another place in memory gives the same key.
void writeInputs(Writer &w, const Project &project)
{
    w.list(project.datasets, [&](const Dataset &d) {
        w.id(d.id);
        w.text(d.name);
        w.text(d.format);
        w.integer(d.rowsTable);
        w.integer(d.rowCount);
        w.time(d.imported);
        w.list(d.columns, [&](const DatasetColumn &c) {
            w.text(c.name);
            w.enumeration(c.role);
            w.enumeration(c.type);
        });
        w.list(d.attachments, [&](const DatasetAttachment &a) {
            w.id(a.id);
            w.enumeration(a.kind);
            w.id(a.touchpointId);
            w.integer(a.column);
            w.text(a.value);
        });
    });

    w.list(project.maps, [&](const JourneyMap &m) {
        w.id(m.id);
        w.text(m.name);
        w.enumeration(m.headline);
        w.list(m.stages, [&](const Stage &s) {
            w.id(s.id);
            w.text(s.name);
        });
        w.list(m.lanes, [&](const Lane &l) {
            w.id(l.id);
            w.enumeration(l.kind);
        });
        w.list(byId(m.touchpoints), [&](const Touchpoint *t) {
            w.id(t->id);
            w.text(t->title);
            w.id(t->stageId);
            w.id(t->laneId);
            w.integer(t->order);
        });
        w.list(byId(m.personaSteps), [&](const PersonaStep *s) {
            w.id(s->id);
            w.id(s->personaId);
            w.id(s->touchpointId);
            w.integer(s->order);
        });
    });

    // Rows are linked to personas by name, role or segment, the first persona winning.
    w.list(project.personas, [&](const Persona &p) {
        w.id(p.id);
        w.text(p.name);
        w.text(p.role);
        w.text(p.segment);
        w.number(p.businessValue);
    });
}

} // namespace

QByteArray inputsKey(const Project &project, const Options &options)
{
    Writer optionsOnly;
    writeOptions(optionsOnly, options);

    Writer everything;
    everything.text(QStringLiteral("Waymark metrics inputs"));
    everything.integer(EngineVersion);
    writeOptions(everything, options);
    writeInputs(everything, project);

    return sha256(optionsOnly.bytes()).toHex() + sha256(everything.bytes()).toHex();
}

QByteArray encode(const Result &result)
{
    Writer body;
    write(body, result);
    if (body.pastBounds() || body.bytes().size() > MaxDecodedBytes) {
        qCInfo(lcModel) << "metrics of" << body.bytes().size() << "bytes are too large to cache";
        return {};
    }
    const std::optional<QByteArray> payload = deflated(body.bytes());
    if (!payload || headerSize + payload->size() > MaxEncodedBytes) {
        qCInfo(lcModel) << "metrics are too large to cache";
        return {};
    }

    QByteArray out(headerSize, '\0');
    char *h = out.data();
    std::memcpy(h, magic, sizeof magic);
    qToBigEndian<quint32>(CacheFormatVersion, h + 8);
    qToBigEndian<quint32>(quint32(EngineVersion), h + 12);
    qToBigEndian<quint64>(quint64(body.bytes().size()), h + 16);
    qToBigEndian<quint64>(quint64(payload->size()), h + 24);
    const QByteArray hash = sha256(*payload);
    std::memcpy(h + checksumOffset, hash.constData(), std::size_t(hash.size()));
    return out + *payload;
}

std::optional<Result> decode(const QByteArray &bytes, QString *error)
{
    auto refuse = [&](const QString &message, const char *detail = "") {
        qCInfo(lcModel) << "refused cached metrics:" << message << detail;
        if (error)
            *error = message;
        return std::nullopt;
    };

    if (bytes.size() < headerSize || std::memcmp(bytes.constData(), magic, sizeof magic) != 0)
        return refuse(Text::tr("The cached figures are not in Waymark's form."));
    if (bytes.size() > MaxEncodedBytes)
        return refuse(Text::tr("The cached figures are larger than Waymark accepts."));

    const char *h = bytes.constData();
    const quint32 version = qFromBigEndian<quint32>(h + 8);
    const quint32 engine = qFromBigEndian<quint32>(h + 12);
    const quint64 bodySize = qFromBigEndian<quint64>(h + 16);
    const quint64 length = qFromBigEndian<quint64>(h + 24);
    if (version != CacheFormatVersion)
        return refuse(Text::tr("The cached figures were written in another version of the "
                               "cache (%1).")
                          .arg(version));
    if (engine != quint32(EngineVersion))
        return refuse(Text::tr("The cached figures were computed by another version of "
                               "Waymark's metrics (%1).")
                          .arg(engine));
    if (length != quint64(bytes.size() - headerSize))
        return refuse(Text::tr("The cached figures are incomplete."));
    const QByteArray payload = bytes.mid(headerSize);
    if (sha256(payload) != QByteArray(h + checksumOffset, 32))
        return refuse(Text::tr("The cached figures are damaged (their checksum does not match)."));
    if (bodySize > quint64(MaxDecodedBytes) ||
        bodySize > quint64(payload.size()) * quint64(maxCompressionRatio))
        return refuse(Text::tr("The cached figures claim to be larger than Waymark accepts."));

    const std::optional<QByteArray> body = inflated(payload, qsizetype(bodySize));
    if (!body)
        return refuse(Text::tr("The cached figures cannot be unpacked."));

    try {
        Reader reader(*body);
        return readResult(reader);
    } catch (const Refused &e) {
        return refuse(Text::tr("The cached figures cannot be read."), e.what());
    } catch (const std::exception &e) {
        return refuse(Text::tr("The cached figures cannot be read."), e.what());
    }
}

} // namespace Waymark::Metrics
