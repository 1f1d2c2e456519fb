#include "annotationitems.h"

#include "mapfarlayer.h"
#include "mapstyle.h"
#include "textfit.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Waymark {

using namespace MapStyle;

namespace {

constexpr qreal markerHeight = 18;
constexpr qreal markerPadding = 6;
constexpr qreal noteEdge = 4;
constexpr qreal notePadding = 8;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::AnnotationItems)
};

QString severityText(const Annotation &annotation)
{
    if (annotation.severity <= 0)
        return {};
    switch (annotation.kind) {
    case AnnotationKind::PainPoint:
        return Text::tr("severity %1").arg(annotation.severity);
    case AnnotationKind::Opportunity:
        return Text::tr("priority %1").arg(annotation.severity);
    case AnnotationKind::Comment:
        break;
    }
    return {};
}

QString kindSymbol(AnnotationKind kind)
{
    // Symbols that tell the kinds apart without their colours.
    switch (kind) {
    case AnnotationKind::PainPoint:
        return u"!"_s;
    case AnnotationKind::Opportunity:
        return u"+"_s;
    case AnnotationKind::Comment:
        break;
    }
    return u"\u2026"_s;
}

} // namespace

QString annotationToolTip(const QList<Annotation> &annotations)
{
    QStringList parts;
    const QLocale locale;
    for (const Annotation &annotation : annotations) {
        QString head = displayName(annotation.kind);
        const QString severity = severityText(annotation);
        if (!severity.isEmpty())
            head += u" ("_s + severity + u')';
        QStringList by;
        if (!annotation.author.isEmpty())
            by.append(annotation.author);
        if (annotation.created.isValid())
            by.append(locale.toString(annotation.created.toLocalTime(), QLocale::ShortFormat));
        QString part = head + u": "_s + annotation.text;
        if (!by.isEmpty())
            part += u"\n\u2014 "_s + by.join(u", "_s);
        parts.append(part);
    }
    return parts.join(u"\n\n"_s);
}

AnnotationMarkerItem::AnnotationMarkerItem(AnnotationKind kind,
                                           const QList<Annotation> &annotations,
                                           QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , mKind(kind)
    , mAnnotations(annotations)
{
    // Clicks go to the card underneath; the marker only shows and explains.
    setAcceptedMouseButtons(Qt::NoButton);
    setToolTip(annotationToolTip(annotations));
    mSize = QSizeF(std::max(markerHeight, cachedTextWidth(badgeFont(), text()) + 2 * markerPadding),
                   markerHeight);
}

int AnnotationMarkerItem::highestSeverity() const
{
    if (mKind == AnnotationKind::Comment)
        return 0;
    int highest = 0;
    for (const Annotation &annotation : mAnnotations)
        highest = std::max(highest, annotation.severity);
    return highest;
}

QString AnnotationMarkerItem::text() const
{
    const QString count = QString::number(mAnnotations.size());
    const int severity = highestSeverity();
    if (severity > 0)
        return count + u' ' + kindSymbol(mKind) + QString::number(severity);
    return kindSymbol(mKind) + count;
}

QRectF AnnotationMarkerItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), mSize);
}

void AnnotationMarkerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    // Far out the card is a tile of the far layer, and its markers would be specks on it.
    if (MapFarLayer::isFar(
            QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())))
        return;
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QRectF box = boundingRect().adjusted(0.5, 0.5, -0.5, -0.5);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(badgeFont());
    if (mKind == AnnotationKind::Comment) {
        const QColor color = mutedTextColor(palette);
        painter->setPen(QPen(color, 1));
        painter->setBrush(palette.color(QPalette::Base));
        painter->drawRoundedRect(box, 4, 4);
        painter->setPen(color);
    } else {
        const QColor fill = annotationColor(mKind, highestSeverity());
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(box, markerHeight / 2, markerHeight / 2);
        painter->setPen(textOn(fill));
    }
    painter->drawText(boundingRect(), Qt::AlignCenter, text());
}

AnnotationNoteItem::AnnotationNoteItem(const Annotation &annotation, const QRectF &rect)
    : mAnnotation(annotation)
    , mSize(rect.size())
{
    setPos(rect.topLeft());
    setToolTip(annotationToolTip({annotation}));
}

void AnnotationNoteItem::setRect(const QRectF &rect)
{
    if (rect.size() != mSize) {
        prepareGeometryChange();
        mSize = rect.size();
        update();
    }
    setPos(rect.topLeft());
}

QRectF AnnotationNoteItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), mSize).adjusted(-2, -2, 2, 4);
}

void AnnotationNoteItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    // Far out the far layer draws the note as a tile, with the cards.
    if (MapFarLayer::isFar(
            QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())))
        return;
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QRectF box(QPointF(0, 0), mSize);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor edge = annotationColor(mAnnotation.kind, mAnnotation.severity);

    painter->setRenderHint(QPainter::Antialiasing);
    paintShadow(painter, box, 4, 0.6);
    // A tint of the kind's colour marks the note apart from a card at a glance.
    painter->setPen(QPen(mix(base, edge, 0.45), 1));
    painter->setBrush(mAnnotation.kind == AnnotationKind::Comment ? base : mix(base, edge, 0.07));
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(edge);
    painter->drawRoundedRect(QRectF(0, 0, noteEdge, mSize.height()), 2, 2);

    const QFont font = cardMetaFont();
    const QFontMetricsF metrics(font);
    QRectF textBox = box.adjusted(noteEdge + notePadding, 0, -notePadding, 0);
    const QString symbol =
        mAnnotation.severity > 0 && mAnnotation.kind != AnnotationKind::Comment
            ? kindSymbol(mAnnotation.kind) + QString::number(mAnnotation.severity)
            : QString();
    painter->setFont(font);
    if (!symbol.isEmpty()) {
        const qreal width = metrics.horizontalAdvance(symbol) + 2 * markerPadding;
        const QRectF badge(textBox.right() - width, (mSize.height() - markerHeight) / 2, width,
                           markerHeight);
        painter->setBrush(edge);
        painter->drawRoundedRect(badge, markerHeight / 2, markerHeight / 2);
        painter->setPen(textOn(edge));
        painter->drawText(badge, Qt::AlignCenter, symbol);
        textBox.setRight(badge.left() - 6);
    }
    painter->setPen(text);
    painter->drawText(
        textBox, Qt::AlignVCenter | Qt::AlignLeft,
        metrics.elidedText(mAnnotation.text.simplified(), Qt::ElideRight, textBox.width()));
}

} // namespace Waymark
