#include "personasheet.h"

#include "lookup.h"
#include "mapstyle.h"
#include "personaphoto.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

// Everything below is in the page's logical units: 1000 across an A4 page.
constexpr qreal margin = 60;
constexpr qreal bandHeight = 290;
constexpr qreal factsHeight = 92;
constexpr qreal columnGap = 48;
constexpr qreal footerHeight = 46;
constexpr int maxJourneyRows = 5;
constexpr qreal journeyRowHeight = 56;

const QColor inkColor(0x1d232b);
const QColor mutedColor(0x5f6b78);
const QColor ruleColor(0xd5dbe1);

QFont sheetFont(int pixelSize, QFont::Weight weight = QFont::Normal, bool italic = false)
{
    QFont font = MapStyle::font(pixelSize, weight);
    font.setItalic(italic);
    // Unhinted glyphs keep their shapes and widths when the page is scaled to a device.
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

// Draws text wrapped into rect, as many lines as fit, the last one elided when some text
// is left over; returns the height used.
qreal drawWrapped(QPainter *painter, const QFont &font, const QRectF &rect, const QString &text,
                  const QColor &color, qreal lineSpacing = 1.2)
{
    if (text.isEmpty() || rect.height() <= 0)
        return 0;

    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    const QFontMetricsF metrics(font);
    const qreal lineHeight = metrics.height() * lineSpacing;

    qreal y = 0;
    int elideFrom = -1;
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(rect.width());
        if (y + 2 * lineHeight > rect.height() &&
            line.textStart() + line.textLength() < text.size()) {
            // No room for the line after this one: this one ends the text, elided.
            elideFrom = line.textStart();
            line.setPosition(QPointF(0, y));
            y += lineHeight;
            break;
        }
        line.setPosition(QPointF(0, y));
        y += lineHeight;
    }
    layout.endLayout();

    painter->save();
    painter->setPen(color);
    painter->setFont(font);
    const int lines = layout.lineCount() - (elideFrom >= 0 ? 1 : 0);
    for (int i = 0; i < lines; ++i)
        layout.lineAt(i).draw(painter, rect.topLeft());
    if (elideFrom >= 0) {
        const QString rest = text.mid(elideFrom).simplified();
        const QString elided = metrics.elidedText(rest, Qt::ElideRight, rect.width());
        const qreal top = rect.top() + layout.lineAt(lines).y();
        painter->drawText(QPointF(rect.left(), top + metrics.ascent()), elided);
    }
    painter->restore();
    return y;
}

QString emotionWord(int score)
{
    switch (score) {
    case -3:
        return PersonaSheet::tr("very negative");
    case -2:
        return PersonaSheet::tr("negative");
    case -1:
        return PersonaSheet::tr("slightly negative");
    case 1:
        return PersonaSheet::tr("slightly positive");
    case 2:
        return PersonaSheet::tr("positive");
    case 3:
        return PersonaSheet::tr("very positive");
    default:
        return PersonaSheet::tr("neutral");
    }
}

QString devicesText(Devices devices)
{
    QStringList names;
    for (Device device : allValues<Device>()) {
        if (devices.testFlag(device))
            names.append(displayName(device));
    }
    return names.join(u" · "_s);
}

QString channelsText(const QList<Channel> &channels)
{
    QStringList names;
    for (Channel channel : channels)
        names.append(displayName(channel));
    return names.join(u" · "_s);
}

QString percent(double value)
{
    return PersonaSheet::tr("%1 %").arg(QLocale().toString(value * 100, 'f', 0));
}

// A column of sections and fields, filled from the top until it reaches its bottom.
class Column
{
public:
    Column(QPainter *painter, qreal x, qreal width, qreal top, qreal bottom, QColor accent)
        : mPainter(painter)
        , mX(x)
        , mWidth(width)
        , mY(top)
        , mBottom(bottom)
        , mAccent(std::move(accent))
    {}

    void heading(const QString &title)
    {
        if (mY + 80 > mBottom)
            return;
        if (mSections++ > 0)
            mY += 18;
        const QFont font = sheetFont(21, QFont::Bold);
        mPainter->setFont(font);
        mPainter->setPen(mAccent);
        const QFontMetricsF metrics(font);
        mPainter->drawText(QPointF(mX, mY + metrics.ascent()), title);
        mY += metrics.height() + 6;
        mPainter->fillRect(QRectF(mX, mY, mWidth, 2), MapStyle::mix(mAccent, Qt::white, 0.55));
        mY += 14;
    }

    void field(const QString &label, const QString &value)
    {
        const QString text = value.trimmed();
        if (text.isEmpty() || mY + 50 > mBottom)
            return;
        fieldLabel(label);
        mY += 2;
        mY += drawWrapped(mPainter, sheetFont(17),
                          QRectF(mX, mY, mWidth, std::min(mBottom - mY, 130.0)), text, inkColor);
        mY += 12;
    }

    // A share from 0 to 1 as a bar with its percentage.
    void share(const QString &label, double value)
    {
        if (mY + 50 > mBottom)
            return;
        fieldLabel(label);
        mY += 6;

        const QFont valueFont = sheetFont(17, QFont::Bold);
        const QString text = percent(value);
        const qreal textWidth = QFontMetricsF(valueFont).horizontalAdvance(u"100 %"_s) + 14;
        const QRectF track(mX, mY + 4, mWidth - textWidth, 14);
        mPainter->setPen(Qt::NoPen);
        mPainter->setBrush(MapStyle::mix(mAccent, Qt::white, 0.8));
        mPainter->drawRoundedRect(track, 7, 7);
        mPainter->setBrush(mAccent);
        QRectF filled = track;
        filled.setWidth(track.width() * std::clamp(value, 0.0, 1.0));
        if (filled.width() > 0)
            mPainter->drawRoundedRect(filled, 7, 7);
        mPainter->setFont(valueFont);
        mPainter->setPen(inkColor);
        mPainter->drawText(QRectF(track.right() + 14, mY - 2, textWidth, 26),
                           Qt::AlignLeft | Qt::AlignVCenter, text);
        mY += 34;
    }

private:
    // A field's name in small capitals above its value.
    void fieldLabel(const QString &label)
    {
        const QFont font = sheetFont(13, QFont::Bold);
        const QFontMetricsF metrics(font);
        mPainter->setFont(font);
        mPainter->setPen(mutedColor);
        mPainter->drawText(QPointF(mX, mY + metrics.ascent()), label.toUpper());
        mY += metrics.height();
    }

    QPainter *mPainter;
    qreal mX;
    qreal mWidth;
    qreal mY;
    qreal mBottom;
    QColor mAccent;
    int mSections = 0;
};

struct JourneySummary
{
    QString mapName;
    qsizetype steps = 0;
    QList<std::optional<int>> emotions; // along the path
};

QList<JourneySummary> journeys(const Project &project, const Id &personaId)
{
    QList<JourneySummary> result;
    for (const JourneyMap &map : project.maps) {
        const QList<const PersonaStep *> path = personaPath(map, personaId);
        if (path.isEmpty())
            continue;
        JourneySummary summary;
        summary.mapName = map.name;
        summary.steps = path.size();
        for (const PersonaStep *step : path)
            summary.emotions.append(step->emotion);
        result.append(summary);
    }
    return result;
}

// The scores along a path as a small line: each step in its place, the unscored ones left
// out, the neutral line behind.
void drawSparkline(QPainter *painter, const QRectF &rect, const QList<std::optional<int>> &scores,
                   const QColor &color)
{
    painter->save();
    painter->setPen(QPen(ruleColor, 1.5, Qt::DashLine));
    painter->drawLine(QPointF(rect.left(), rect.center().y()),
                      QPointF(rect.right(), rect.center().y()));

    const qreal range = PersonaStep::MaxEmotion - PersonaStep::MinEmotion;
    const qreal stepX = scores.size() > 1 ? rect.width() / qreal(scores.size() - 1) : 0;
    QPolygonF points;
    for (qsizetype i = 0; i < scores.size(); ++i) {
        if (!scores.at(i))
            continue;
        const qreal x = scores.size() > 1 ? rect.left() + stepX * qreal(i) : rect.center().x();
        const qreal y =
            rect.bottom() - (*scores.at(i) - PersonaStep::MinEmotion) / range * rect.height();
        points.append(QPointF(x, y));
    }
    painter->setPen(QPen(color, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(points);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    for (const QPointF &point : std::as_const(points))
        painter->drawEllipse(point, 4.5, 4.5);
    painter->restore();
}

} // namespace

QColor personaColor(const Persona &persona)
{
    return persona.color.isValid() ? persona.color : QColor(0x3d5a80);
}

QString personaInitials(const Persona &persona)
{
    const QStringList words = persona.name.split(u' ', Qt::SkipEmptyParts);
    QString initials;
    for (const QString &word : words) {
        if (initials.size() == 2)
            break;
        initials += word.at(0).toUpper();
    }
    return initials.isEmpty() ? u"?"_s : initials;
}

bool hasBusinessFacts(const Persona &persona)
{
    return !persona.role.isEmpty() || !persona.organisation.isEmpty() ||
           !persona.segment.isEmpty() || !persona.decisionPower.isEmpty() ||
           persona.businessValue != 1.0;
}

PersonaSheet::PersonaSheet(const Project &project, const Persona &persona)
    : mProject(project)
    , mPersona(persona)
{}

void PersonaSheet::paint(QPainter *painter, const QRectF &target) const
{
    const Persona &p = mPersona;
    const QColor accent = personaColor(p);
    const QColor onAccent = MapStyle::textOn(accent);

    painter->save();
    const qreal scale = std::min(target.width() / PageWidth, target.height() / PageHeight);
    painter->translate(target.topLeft());
    painter->scale(scale, scale);
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                            QPainter::SmoothPixmapTransform);
    painter->fillRect(QRectF(0, 0, PageWidth, PageHeight), Qt::white);

    // The band: photo, name, what they do, their quote.
    painter->fillRect(QRectF(0, 0, PageWidth, bandHeight), accent);
    const QRectF photoRect(margin, (bandHeight - 190) / 2, 190, 190);
    painter->setPen(Qt::NoPen);
    painter->setBrush(MapStyle::mix(accent, Qt::white, 0.85));
    painter->drawEllipse(photoRect.adjusted(-6, -6, 6, 6));
    const QImage photo = PersonaPhoto::decode(p.photo);
    if (!photo.isNull()) {
        // Cropped to a centred square, then to the circle.
        const int side = std::min(photo.width(), photo.height());
        const QRect square((photo.width() - side) / 2, (photo.height() - side) / 2, side, side);
        QPainterPath circle;
        circle.addEllipse(photoRect);
        painter->save();
        painter->setClipPath(circle);
        painter->drawImage(photoRect, photo, square);
        painter->restore();
    } else {
        painter->setBrush(MapStyle::mix(accent, Qt::black, 0.25));
        painter->drawEllipse(photoRect);
        painter->setFont(sheetFont(72, QFont::Bold));
        painter->setPen(Qt::white);
        painter->drawText(photoRect, Qt::AlignCenter, personaInitials(p));
    }

    const qreal textLeft = photoRect.right() + 48;
    const qreal textWidth = PageWidth - margin - textLeft;
    qreal y = 52;
    y += drawWrapped(painter, sheetFont(46, QFont::Bold), QRectF(textLeft, y, textWidth, 120),
                     p.name.isEmpty() ? tr("Unnamed persona") : p.name, onAccent, 1.05);
    QStringList what;
    if (!p.role.isEmpty())
        what << p.role;
    if (!p.organisation.isEmpty())
        what << p.organisation;
    if (what.isEmpty() && !p.occupation.isEmpty())
        what << p.occupation;
    y += 4;
    y += drawWrapped(painter, sheetFont(20, QFont::DemiBold), QRectF(textLeft, y, textWidth, 56),
                     what.join(u" · "_s), MapStyle::mix(onAccent, accent, 0.15));
    if (!p.quote.isEmpty()) {
        y += 14;
        drawWrapped(painter, sheetFont(21, QFont::Normal, true),
                    QRectF(textLeft, y, textWidth, bandHeight - 24 - y),
                    tr("“%1”").arg(p.quote.trimmed()), onAccent, 1.25);
    }

    // The facts strip: what a facilitator reads first.
    const QRectF facts(0, bandHeight, PageWidth, factsHeight);
    painter->fillRect(facts, MapStyle::mix(accent, Qt::white, 0.88));
    QList<std::pair<QString, QString>> strip = {
        {tr("Age"), p.age}, {tr("Gender"), p.gender}, {tr("Location"), p.location}};
    if (hasBusinessFacts(p))
        strip.append({tr("Business value"), percent(p.businessValue)});
    else if (!p.segment.isEmpty())
        strip.append({tr("Segment"), p.segment});
    else // the first clause of the background: "Middle income"
        strip.append({tr("Background"), p.socioeconomic.section(u';', 0, 0)});
    const qreal cellWidth = (PageWidth - 2 * margin) / qreal(strip.size());
    for (qsizetype i = 0; i < strip.size(); ++i) {
        const QRectF cell(margin + cellWidth * qreal(i), bandHeight + 16, cellWidth - 20,
                          factsHeight - 24);
        painter->setFont(sheetFont(13, QFont::Bold));
        painter->setPen(mutedColor);
        painter->drawText(cell, Qt::AlignLeft | Qt::AlignTop, strip.at(i).first.toUpper());
        const QString value = strip.at(i).second.isEmpty() ? u"—"_s : strip.at(i).second;
        drawWrapped(painter, sheetFont(19, QFont::DemiBold),
                    QRectF(cell.left(), cell.top() + 22, cell.width(), 50), value, inkColor, 1.1);
    }

    // The journeys go at the bottom, as tall as they need to be.
    const QList<JourneySummary> paths = journeys(mProject, p.id);
    const qsizetype journeyRows =
        std::max<qsizetype>(1, std::min<qsizetype>(paths.size(), maxJourneyRows));
    const qreal journeysTop =
        PageHeight - footerHeight - 30 - 50 - qreal(journeyRows) * journeyRowHeight;

    // Two columns of sections between the strip and the journeys.
    const qreal top = bandHeight + factsHeight + 40;
    const qreal columnWidth = (PageWidth - 2 * margin - columnGap) / 2;
    Column left(painter, margin, columnWidth, top, journeysTop - 20, accent);
    left.heading(tr("Profile"));
    left.field(tr("Occupation"), p.occupation);
    left.field(tr("Socioeconomic background"), p.socioeconomic);
    left.field(tr("Lifestyle"), p.lifestyle);
    left.heading(tr("Psychographics"));
    left.field(tr("Interests"), p.interests);
    left.field(tr("Opinions"), p.opinions);
    left.field(tr("Attitudes"), p.attitudes);
    left.field(tr("Likes"), p.likes);
    left.field(tr("Dislikes"), p.dislikes);

    Column right(painter, margin + columnWidth + columnGap, columnWidth, top, journeysTop - 20,
                 accent);
    right.heading(tr("Goals & needs"));
    right.field(tr("Goals"), p.goals);
    right.field(tr("Frustrations"), p.frustrations);
    right.field(tr("Needs"), p.needs);
    right.heading(tr("Channels & devices"));
    right.field(tr("Preferred channels"), channelsText(p.preferredChannels));
    right.field(tr("Preferred devices"), devicesText(p.preferredDevices));
    if (hasBusinessFacts(p)) {
        right.heading(tr("In the buying organisation"));
        right.field(tr("Decision power"), p.decisionPower);
        right.field(tr("Segment"), p.segment);
        right.share(tr("Business value"), p.businessValue);
    }

    // Journeys.
    Column journeyHeading(painter, margin, PageWidth - 2 * margin, journeysTop, PageHeight, accent);
    journeyHeading.heading(tr("Journeys"));
    qreal rowY = journeysTop + 50;
    if (paths.isEmpty()) {
        drawWrapped(painter, sheetFont(17, QFont::Normal, true),
                    QRectF(margin, rowY, PageWidth - 2 * margin, 30),
                    tr("Not yet placed on any map."), mutedColor);
    }
    const QLocale locale;
    for (qsizetype i = 0; i < std::min<qsizetype>(paths.size(), maxJourneyRows); ++i) {
        const JourneySummary &path = paths.at(i);
        if (i == maxJourneyRows - 1 && paths.size() > maxJourneyRows) {
            drawWrapped(painter, sheetFont(17, QFont::Normal, true),
                        QRectF(margin, rowY, PageWidth - 2 * margin, 30),
                        tr("and %n more maps", "", int(paths.size() - i)), mutedColor);
            break;
        }
        int scored = 0;
        int sum = 0;
        for (const std::optional<int> &emotion : path.emotions) {
            if (emotion) {
                ++scored;
                sum += *emotion;
            }
        }
        // Spelled out for one and for many, so that English reads right without a translation.
        QString detail = path.steps == 1 ? tr("1 step") : tr("%n steps", "", int(path.steps));
        if (scored > 0) {
            const double average = double(sum) / scored;
            const QString number =
                (average > 0.05 ? u"+"_s : QString()) + locale.toString(average, 'f', 1);
            detail +=
                u" · "_s +
                tr("average feeling %1 (%2)").arg(number, emotionWord(int(std::lround(average))));
        } else {
            detail += u" · "_s + tr("feelings not scored yet");
        }
        const qreal sparkWidth = 230;
        const qreal textWidthRow = PageWidth - 2 * margin - sparkWidth - 30;
        drawWrapped(painter, sheetFont(18, QFont::DemiBold), QRectF(margin, rowY, textWidthRow, 26),
                    path.mapName, inkColor, 1.0);
        drawWrapped(painter, sheetFont(15), QRectF(margin, rowY + 24, textWidthRow, 24), detail,
                    mutedColor, 1.0);
        if (scored > 0) {
            drawSparkline(painter,
                          QRectF(PageWidth - margin - sparkWidth, rowY + 4, sparkWidth, 40),
                          path.emotions, accent);
        }
        rowY += journeyRowHeight;
    }

    // The footer says where the page came from, once it is printed and pinned to a wall.
    const qreal footerY = PageHeight - footerHeight;
    painter->fillRect(QRectF(margin, footerY, PageWidth - 2 * margin, 1.5), ruleColor);
    painter->setFont(sheetFont(13));
    painter->setPen(mutedColor);
    const QRectF footer(margin, footerY + 8, PageWidth - 2 * margin, footerHeight - 16);
    painter->drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(painter->font())
                          .elidedText(mProject.name, Qt::ElideRight, footer.width() * 0.6));
    painter->drawText(footer, Qt::AlignRight | Qt::AlignVCenter, tr("Persona sheet · Waymark"));

    painter->restore();
}

QImage PersonaSheet::toImage(int dpi) const
{
    const QSizeF millimetres = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    const QSize pixels(int(std::lround(millimetres.width() / 25.4 * dpi)),
                       int(std::lround(millimetres.height() / 25.4 * dpi)));
    QImage image(pixels, QImage::Format_RGB32);
    image.fill(Qt::white);
    const int dotsPerMeter = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    QPainter painter(&image);
    paint(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
    painter.end();
    return image;
}

bool PersonaSheet::writePdf(const QString &path, const Project &project,
                            const QList<Persona> &personas, QString *error)
{
    if (personas.isEmpty()) {
        if (error)
            *error = tr("There are no personas to export.");
        return false;
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("The file cannot be written: %1").arg(file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Portrait);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(300);
        writer.setTitle(tr("Personas of %1").arg(project.name));
        writer.setCreator(u"Waymark"_s);

        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            if (error)
                *error = tr("The PDF could not be started.");
            return false;
        }
        for (qsizetype i = 0; i < personas.size(); ++i) {
            if (i > 0)
                writer.newPage();
            PersonaSheet(project, personas.at(i))
                .paint(&painter, QRectF(0, 0, writer.width(), writer.height()));
        }
        painter.end();
    }
    if (!file.commit()) {
        if (error)
            *error = tr("The file cannot be written: %1").arg(file.errorString());
        return false;
    }
    return true;
}

bool PersonaSheet::writePngs(const QString &folder, const Project &project,
                             const QList<Persona> &personas, QStringList *written, QString *error,
                             int dpi)
{
    if (personas.isEmpty()) {
        if (error)
            *error = tr("There are no personas to export.");
        return false;
    }
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = tr("The folder cannot be created.");
        return false;
    }

    const QDir dir(folder);
    QStringList taken;
    for (const Persona &persona : personas) {
        const QString base = fileBaseName(persona, taken);
        taken.append(base);
        const QString path = dir.filePath(base + u".png"_s);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) ||
            !PersonaSheet(project, persona).toImage(dpi).save(&file, "png") || !file.commit()) {
            if (error)
                *error = tr("“%1” cannot be written: %2").arg(path, file.errorString());
            return false;
        }
        if (written)
            written->append(path);
    }
    return true;
}

QString PersonaSheet::fileBaseName(const Persona &persona, const QStringList &taken)
{
    QString name = persona.name.simplified().left(100);
    for (QChar &c : name) {
        if (c.category() == QChar::Other_Control || QStringView(u"\\/:*?\"<>|").contains(c))
            c = u'-';
    }
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    if (name.isEmpty())
        name = tr("Persona");

    QString candidate = name;
    for (int n = 2; taken.contains(candidate, Qt::CaseInsensitive); ++n)
        candidate = u"%1 (%2)"_s.arg(name).arg(n);
    return candidate;
}

} // namespace Waymark
