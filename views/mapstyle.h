// The look of the map canvas in one place: sizes in canvas units (pixels at 100 % zoom) and
// colours. Colours that carry text come from the system palette, so that a dark theme keeps
// its contrast; the accent colours are muted enough to read on a washed-out projector.
#pragma once

#include "entities.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QList>
#include <QPalette>
#include <QPixmap>

class QPainter;

namespace Waymark {
class MapLayout;
}

namespace Waymark::MapStyle {

inline constexpr qreal Margin = 24;
inline constexpr qreal LaneHeaderWidth = 188;
inline constexpr qreal StageHeaderHeight = 54;
inline constexpr qreal HeaderGap = 10; // between the headers and the grid of cells
inline constexpr qreal RowGap = 6;
inline constexpr qreal ChevronDepth = 14;

inline constexpr qreal CardWidth = 204;
inline constexpr qreal CardHeight = 100;
inline constexpr qreal CardGap = 12;
inline constexpr qreal CardRadius = 6;
inline constexpr qreal CardPadding = 10;
inline constexpr qreal CardAccentWidth = 4;
inline constexpr qreal CellPadding = 14;

inline constexpr qreal DefaultStageWidth = CardWidth + 2 * CellPadding + 16;
inline constexpr qreal MinStageWidth = CardWidth + 2 * CellPadding;
// Four cards side by side: wider than that a column no longer reads as one stage.
inline constexpr qreal MaxStageWidth = 4 * CardWidth + 3 * CardGap + 2 * CellPadding + 16;
// The strip at a stage header's right edge that resizes the stage.
inline constexpr qreal StageGripWidth = 10;
inline constexpr qreal MinRowHeight = 76;

inline constexpr int TitleMaxLines = 2;

// Annotations attached to a cell rather than a card: notes below the cell's cards.
inline constexpr qreal NoteHeight = 30;
inline constexpr qreal NoteGap = 6;

// The handle on a card's right edge that a connector is drawn from.
inline constexpr qreal HandleRadius = 7;

// Pixel-sized fonts keep the layout the same on every screen, whatever its DPI.
QFont font(int pixelSize, QFont::Weight weight = QFont::Normal);
QFont stageFont();
QFont laneFont();
QFont laneKindFont();
QFont cardTitleFont();
QFont cardMetaFont();
QFont badgeFont();
QFont mapTitleFont();

// Whether the palette is a dark theme's: light text on a dark base.
bool isDark(const QPalette &palette);

// a and b blended: t = 0 gives a, t = 1 gives b.
QColor mix(const QColor &a, const QColor &b, qreal t);

// Black or white text, whichever reads better on fill.
QColor textOn(const QColor &fill);

QColor canvasColor(const QPalette &palette);
QColor rowColor(const QPalette &palette, int row);
QColor gridLineColor(const QPalette &palette);
QColor mutedTextColor(const QPalette &palette);
QColor connectorColor(const QPalette &palette);

// A stage's own colour, or one of a calm sequence by its position.
QColor stageColor(const Stage &stage, int index);
// A lane's own colour, or the colour of its kind.
QColor laneColor(const Lane &lane);
QColor evidenceColor(Evidence evidence);
// Red for pain points, green for opportunities, a neutral grey for comments; a higher
// severity or priority (1 to 5) gives a stronger shade.
QColor annotationColor(AnnotationKind kind, int severity = 3);

// A tint of a stage's or a lane's own colour over its column or row, so that a colour chosen
// for a header carries down the map. Stages and lanes of the theme's colour get none.
QColor columnTint(const Stage &stage, const QPalette &palette);
QColor rowTint(const Lane &lane, const QPalette &palette);
// Paints those tints over the rows and columns of the grid that reach into area, below the
// cards.
void paintTints(QPainter *painter, const MapLayout &layout, const JourneyMap &map,
                const QPalette &palette, const QRectF &area);

// A colour offered for a stage or a lane: mid tones that carry white text on a header and
// still stand out as an accent on a dark canvas.
struct NamedColor
{
    QString key;  // stable, for object names
    QString name; // translated
    QColor color;
};
QList<NamedColor> namedColors();
// A small square of that colour for a menu.
QIcon swatchIcon(const QColor &color);

// How a card is drawn, by the kind of its lane.
enum class CardLook
{
    Card,            // a white card with an accent bar: touchpoints, actions
    StickyNote,      // warm yellow, a folded corner: thoughts, feelings
    PainPointNote,   // a pale note with a red edge
    OpportunityNote, // the same, green
    SystemCard,      // squared and flat with a gear: backstage systems, metrics
};
CardLook cardLook(LaneKind kind);

// The colours of a card of that look in that palette. accent is the lane's colour, own the
// touchpoint's (invalid: none); notes take their paper from their look and only a colour of
// their own tints it.
struct CardColors
{
    QColor fill;
    QColor border;
    QColor edge; // the accent bar or the coloured edge
    QColor text;
    QColor muted; // the meta line and the icons
};
CardColors cardColors(CardLook look, const QColor &accent, const QColor &own,
                      const QPalette &palette);

// The line icons compiled in from resources/icons: a path in the Qt resource system.
QString channelIconPath(Channel channel);
QString deviceIconPath(Device device);

// The icon at path drawn in color, size × size device-independent pixels at that pixel
// ratio; cached, so painting a card costs a lookup. A null pixmap if path is no icon.
QPixmap iconPixmap(const QString &path, int size, const QColor &color, qreal pixelRatio = 1);
// The same as an icon for widgets, in the palette's text colour.
QIcon channelIcon(Channel channel, const QPalette &palette);

// Cuts the segment from a to b to rect (Liang and Barsky); false when none of it is inside.
// Ends inside stay exactly where they were, and the part kept lies on the same line as the
// whole: for painting a long line only where a repaint needs it.
bool clipSegment(const QRectF &rect, QPointF &a, QPointF &b);

// Paints a soft shadow under a rounded rectangle by stacking a few translucent outlines;
// a QGraphicsEffect would render every card offscreen again on each repaint.
void paintShadow(QPainter *painter, const QRectF &rect, qreal radius, qreal strength = 1.0);

} // namespace Waymark::MapStyle
