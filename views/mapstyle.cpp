#include "mapstyle.h"

#include <QGuiApplication>
#include <QPainter>

#include <algorithm>
#include <array>

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

void paintShadow(QPainter *painter, const QRectF &rect, qreal radius, qreal strength)
{
    painter->save();
    painter->setPen(Qt::NoPen);

    // Layers grow outwards and downwards; where they overlap near the card the shadow is
    // darkest, fading towards its edge as a real soft shadow does.
    constexpr int layers = 4;
    for (int i = layers; i >= 1; --i) {
        const qreal spread = i * 0.9;
        const QRectF layer = rect.adjusted(-spread, -spread + 1.5, spread, spread + 2.5);
        painter->setBrush(QColor(16, 24, 40, int(11 * strength)));
        painter->drawRoundedRect(layer, radius + spread, radius + spread);
    }

    painter->restore();
}

} // namespace Waymark::MapStyle
