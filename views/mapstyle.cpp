#include "mapstyle.h"

#include "lookup.h"
#include "maplayout.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>
#include <qdrawutil.h>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Waymark::MapStyle {

namespace {

// A slate tint that gives the light greys of the canvas a little depth.
const QColor canvasTint(0x4a, 0x6a, 0x8f);

// Deep blue to sage: dark enough for white text, and a journey reads left to right in it.
constexpr std::array<QRgb, 8> stageSequence = {
    0x2e4a6b, 0x345c7c, 0x3a6d88, 0x3e7d8c, 0x428a85, 0x4a8f78, 0x55906a, 0x5f8d5d,
};

QColor laneKindColor(LaneKind kind)
{
    switch (kind) {
    case LaneKind::Touchpoints:
        return QColor(0x3b6ea8);
    case LaneKind::CustomerActions:
        return QColor(0x2f8f83);
    case LaneKind::Thoughts:
        return QColor(0x7b5ea7);
    case LaneKind::Feelings:
        return QColor(0xc0607a);
    case LaneKind::PainPoints:
        return QColor(0xc2453d);
    case LaneKind::Opportunities:
        return QColor(0x3f8f4f);
    case LaneKind::Channels:
        return QColor(0xc08a2e);
    case LaneKind::Backstage:
        return QColor(0x6b7785);
    case LaneKind::Metrics:
        return QColor(0x4f5fb0);
    }
    return QColor(0x6b7785);
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QFont font(int pixelSize, QFont::Weight weight)
{
    QFont f = QGuiApplication::font();
    f.setPixelSize(pixelSize);
    f.setWeight(weight);
    return f;
}

QFont stageFont()
{
    return font(17, QFont::DemiBold);
}

QFont laneFont()
{
    return font(14, QFont::DemiBold);
}

QFont laneKindFont()
{
    return font(11);
}

QFont cardTitleFont()
{
    return font(14, QFont::Medium);
}

QFont cardMetaFont()
{
    return font(12);
}

QFont badgeFont()
{
    return font(10, QFont::DemiBold);
}

QFont mapTitleFont()
{
    return font(15, QFont::Bold);
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
                            float(x.greenF() + (y.greenF() - x.greenF()) * t),
                            float(x.blueF() + (y.blueF() - x.blueF()) * t),
                            float(x.alphaF() + (y.alphaF() - x.alphaF()) * t));
}

QColor textOn(const QColor &fill)
{
    const QColor c = fill.toRgb();
    const qreal luminance = 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF();
    return luminance > 0.6 ? QColor(0x1d232b) : QColor(Qt::white);
}

QColor canvasColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Window), canvasTint, 0.07);
}

QColor rowColor(const QPalette &palette, int row)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    return row % 2 == 0 ? mix(window, base, 0.7) : mix(window, base, 0.35);
}

QColor gridLineColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Window), palette.color(QPalette::Text), 0.12);
}

QColor mutedTextColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
}

QColor connectorColor(const QPalette &palette)
{
    return mix(mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45), canvasTint,
               0.3);
}

QColor stageColor(const Stage &stage, int index)
{
    if (stage.color.isValid())
        return stage.color;
    return QColor(stageSequence[std::size_t(std::max(index, 0)) % stageSequence.size()]);
}

QColor laneColor(const Lane &lane)
{
    return lane.color.isValid() ? lane.color : laneKindColor(lane.kind);
}

QColor evidenceColor(Evidence evidence)
{
    switch (evidence) {
    case Evidence::Observed:
        return QColor(0x2e7d5b);
    case Evidence::Assumed:
        return QColor(0xb26f12);
    case Evidence::Proposed:
        return QColor(0x3b6ea8);
    }
    return QColor(0x6b7785);
}

QColor annotationColor(AnnotationKind kind, int severity)
{
    // The lightest shade still reads as red or green on white; unset counts as the middle.
    const qreal strength = severity <= 0 ? 0.6 : 0.35 + 0.65 * (std::clamp(severity, 1, 5) - 1) / 4;
    const QColor pale(0xd9dde3);
    switch (kind) {
    case AnnotationKind::PainPoint:
        return mix(pale, QColor(0xc62828), strength);
    case AnnotationKind::Opportunity:
        return mix(pale, QColor(0x2e7d32), strength);
    case AnnotationKind::Comment:
        break;
    }
    return QColor(0x6b7785);
}

QColor columnTint(const Stage &stage, const QPalette &palette)
{
    if (!stage.color.isValid())
        return QColor(Qt::transparent);
    QColor tint = stage.color;
    tint.setAlphaF(isDark(palette) ? 0.07f : 0.06f);
    return tint;
}

QColor rowTint(const Lane &lane, const QPalette &palette)
{
    if (!lane.color.isValid())
        return QColor(Qt::transparent);
    QColor tint = lane.color;
    tint.setAlphaF(isDark(palette) ? 0.09f : 0.07f);
    return tint;
}

void paintTints(QPainter *painter, const MapLayout &layout, const JourneyMap &map,
                const QPalette &palette, const QRectF &area)
{
    const MapLayout::Span rows = layout.rowsIn(area);
    const MapLayout::Span columns = layout.columnsIn(area);
    painter->save();
    painter->setPen(Qt::NoPen);
    for (qsizetype r = rows.first; r < rows.last; ++r) {
        const Lane *lane = findById(map.lanes, layout.rows().at(r).laneId);
        if (!lane || !lane->color.isValid())
            continue;
        painter->setBrush(rowTint(*lane, palette));
        painter->drawRoundedRect(layout.rowBandRect(r, area), 5, 5);
    }
    // A column's tint covers its cells only, so the gaps between rows stay the canvas's.
    for (qsizetype c = columns.first; c < columns.last; ++c) {
        const Stage *stage = findById(map.stages, layout.columns().at(c).stageId);
        if (!stage || !stage->color.isValid())
            continue;
        painter->setBrush(columnTint(*stage, palette));
        for (qsizetype r = rows.first; r < rows.last; ++r)
            painter->drawRect(layout.cellRect(c, r));
    }
    painter->restore();
}

QList<NamedColor> namedColors()
{
    const auto named = [](const char *key, const char *name, QRgb rgb) {
        return NamedColor{QString::fromLatin1(key),
                          QCoreApplication::translate("Waymark::MapStyle", name), QColor(rgb)};
    };
    return {
        named("blue", QT_TRANSLATE_NOOP("Waymark::MapStyle", "Blue"), 0x3b6ea8),
        named("teal", QT_TRANSLATE_NOOP("Waymark::MapStyle", "Teal"), 0x2f8584),
        named("green", QT_TRANSLATE_NOOP("Waymark::MapStyle", "Green"), 0x3f8a4f),
        named("amber", QT_TRANSLATE_NOOP("Waymark::MapStyle", "Amber"), 0xb7791f),
        named("orange", QT_TRANSLATE_NOOP("Waymark::MapStyle", "Orange"), 0xc7622f),
        named("red", QT_TRANSLATE_NOOP("Waymark::MapStyle", "Red"), 0xc0403a),
        named("rose", QT_TRANSLATE_NOOP("Waymark::MapStyle", "Rose"), 0xb9587a),
        named("purple", QT_TRANSLATE_NOOP("Waymark::MapStyle", "Purple"), 0x7458a3),
        named("slate", QT_TRANSLATE_NOOP("Waymark::MapStyle", "Slate"), 0x5d6b7c),
    };
}

QIcon swatchIcon(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(130), 1));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

CardLook cardLook(LaneKind kind)
{
    switch (kind) {
    case LaneKind::Touchpoints:
    case LaneKind::CustomerActions:
    case LaneKind::Channels:
        return CardLook::Card;
    case LaneKind::Thoughts:
    case LaneKind::Feelings:
        return CardLook::StickyNote;
    case LaneKind::PainPoints:
        return CardLook::PainPointNote;
    case LaneKind::Opportunities:
        return CardLook::OpportunityNote;
    case LaneKind::Backstage:
    case LaneKind::Metrics:
        return CardLook::SystemCard;
    }
    return CardLook::Card;
}

CardColors cardColors(CardLook look, const QColor &accent, const QColor &own,
                      const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = isDark(palette);
    CardColors colors;
    colors.fill = base;
    colors.border = mix(base, text, 0.13);
    colors.edge = own.isValid() ? own : accent;
    colors.text = text;
    switch (look) {
    case CardLook::Card:
        break;
    case CardLook::StickyNote: {
        // Paper stays paper in a dark theme, a shade dimmer so that it does not glare; the
        // text on it is always dark.
        const QColor paper = dark ? QColor(0xe0cd7e) : QColor(0xfcefb4);
        colors.fill = own.isValid() ? mix(paper, own, 0.3) : paper;
        colors.border = mix(colors.fill, QColor(0x6b5a1e), 0.22);
        colors.edge = mix(colors.fill, QColor(0x6b5a1e), 0.3);
        colors.text = QColor(0x2b2616);
        break;
    }
    case CardLook::PainPointNote:
    case CardLook::OpportunityNote: {
        const QColor tone = look == CardLook::PainPointNote ? QColor(0xc62828) : QColor(0x2e7d32);
        const QColor bright = look == CardLook::PainPointNote ? QColor(0xe5534b) : QColor(0x4caf50);
        colors.edge = own.isValid() ? own : dark ? bright : tone;
        colors.fill = mix(base, colors.edge, dark ? 0.14 : 0.07);
        colors.border = mix(base, colors.edge, 0.45);
        break;
    }
    case CardLook::SystemCard: {
        const QColor slate(0x6b7785);
        colors.fill = mix(base, mix(palette.color(QPalette::Window), slate, 0.5), 0.16);
        colors.border = mix(base, text, dark ? 0.3 : 0.24);
        colors.edge = own.isValid() ? own : mix(slate, text, 0.2);
        break;
    }
    }
    colors.muted = mix(colors.text, colors.fill, 0.42);
    return colors;
}

QString channelIconPath(Channel channel)
{
    return u":/icons/channels/"_s + toKey(channel) + u".svg"_s;
}

QString deviceIconPath(Device device)
{
    return u":/icons/devices/"_s + toKey(device) + u".svg"_s;
}

QPixmap iconPixmap(const QString &path, int size, const QColor &color, qreal pixelRatio)
{
    // Ratios are rounded to quarters, so that zooming fills the cache with a few sizes only.
    const qreal ratio = std::max(0.25, std::round(pixelRatio * 4) / 4);
    const QString key =
        u"waymark-icon:%1:%2:%3:%4"_s.arg(path).arg(size).arg(color.rgba()).arg(ratio);
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;

    QSvgRenderer renderer(path);
    if (!renderer.isValid())
        return {};
    const int pixels = int(std::ceil(size * ratio));
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, pixels, pixels));
        // The icons are drawn in one colour: keeping their coverage and replacing the colour
        // tints them for the theme.
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), color);
    }
    pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(ratio);
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

QIcon channelIcon(Channel channel, const QPalette &palette)
{
    QIcon icon;
    const QString path = channelIconPath(channel);
    for (int size : {16, 24, 32})
        icon.addPixmap(iconPixmap(path, size, palette.color(QPalette::Text)));
    icon.addPixmap(iconPixmap(path, 16, palette.color(QPalette::Disabled, QPalette::Text)),
                   QIcon::Disabled);
    return icon;
}

namespace {

constexpr int shadowLayers = 4;
constexpr qreal shadowSpread = 0.9; // per layer
constexpr qreal shadowDrop = 2.5;   // how far the outermost layer reaches below the box

void paintShadowLayers(QPainter *painter, const QRectF &rect, qreal radius, qreal strength)
{
    painter->save();
    painter->setPen(Qt::NoPen);

    // Layers grow outwards and downwards; where they overlap near the card the shadow is
    // darkest, fading towards its edge as a real soft shadow does.
    for (int i = shadowLayers; i >= 1; --i) {
        const qreal spread = i * shadowSpread;
        const QRectF layer = rect.adjusted(-spread, -spread + 1.5, spread, spread + shadowDrop);
        painter->setBrush(QColor(16, 24, 40, int(11 * strength)));
        painter->drawRoundedRect(layer, radius + spread, radius + spread);
    }

    painter->restore();
}

// The shadow of a small box at one scale, in device pixels, with how far its corners reach
// into it and out of it: stretched between its corners it is the shadow of a box of any size.
struct ShadowPatch
{
    QPixmap pixmap;
    int inside = 0;
    int outside = 0;
};

const ShadowPatch &shadowPatch(qreal scale, qreal radius, qreal strength)
{
    // A handful of scales, radii and strengths are in use at a time; a zoom gesture goes
    // through many scales, so the oldest are dropped rather than kept for ever.
    static QHash<quint64, ShadowPatch> patches;
    const quint64 key = quint64(qRound(scale * 256)) << 32 | quint64(qRound(radius * 16)) << 16 |
                        quint64(qRound(strength * 16));
    auto it = patches.find(key);
    if (it != patches.end())
        return *it;
    constexpr qsizetype maxPatches = 48;
    if (patches.size() >= maxPatches)
        patches.clear();

    ShadowPatch patch;
    const qreal reach = shadowLayers * shadowSpread + shadowDrop;
    patch.inside = int(std::ceil((radius + reach) * scale)) + 1;
    patch.outside = int(std::ceil(reach * scale)) + 1;
    const int box = 2 * patch.inside + 1;
    const int side = box + 2 * patch.outside;
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(patch.outside, patch.outside);
        painter.scale(scale, scale);
        paintShadowLayers(&painter, QRectF(0, 0, box / scale, box / scale), radius, strength);
    }
    patch.pixmap = QPixmap::fromImage(image);
    return *patches.insert(key, patch);
}

} // namespace

void paintShadow(QPainter *painter, const QRectF &rect, qreal radius, qreal strength)
{
    // The canvas is only scaled and moved. There the shadow is one picture per scale,
    // stretched between its corners: each card's four translucent rounded layers would
    // otherwise be most of the cost of a repaint at 100 %.
    const QTransform transform = painter->worldTransform();
    const qreal scale = transform.m11();
    if (transform.type() > QTransform::TxScale || !qFuzzyCompare(scale, transform.m22()) ||
        scale <= 0) {
        paintShadowLayers(painter, rect, radius, strength);
        return;
    }
    const ShadowPatch &patch = shadowPatch(scale, radius, strength);
    const QRect box = transform.mapRect(rect).toRect();
    if (box.width() <= 2 * patch.inside || box.height() <= 2 * patch.inside) {
        paintShadowLayers(painter, rect, radius, strength);
        return;
    }
    const int margin = patch.inside + patch.outside;
    painter->save();
    painter->resetTransform();
    qDrawBorderPixmap(painter,
                      box.adjusted(-patch.outside, -patch.outside, patch.outside, patch.outside),
                      QMargins(margin, margin, margin, margin), patch.pixmap);
    painter->restore();
}

bool clipSegment(const QRectF &rect, QPointF &a, QPointF &b)
{
    const QPointF d = b - a;
    qreal enter = 0;
    qreal leave = 1;
    const auto edge = [&enter, &leave](qreal towards, qreal room) {
        if (towards == 0)
            return room >= 0;
        const qreal t = room / towards;
        if (towards < 0) {
            if (t > leave)
                return false;
            enter = std::max(enter, t);
        } else {
            if (t < enter)
                return false;
            leave = std::min(leave, t);
        }
        return true;
    };
    if (!edge(-d.x(), a.x() - rect.left()) || !edge(d.x(), rect.right() - a.x()) ||
        !edge(-d.y(), a.y() - rect.top()) || !edge(d.y(), rect.bottom() - a.y()))
        return false;
    // Ends inside stay exactly where they were: a leg wholly inside is the leg itself.
    const QPointF start = a;
    if (leave < 1)
        b = start + d * leave;
    if (enter > 0)
        a = start + d * enter;
    return true;
}

} // namespace Waymark::MapStyle
