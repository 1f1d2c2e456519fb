// The look of the map canvas in one place: sizes in canvas units (pixels at 100 % zoom) and
// colours. Colours that carry text come from the system palette, so that a dark theme keeps
// its contrast; the accent colours are muted enough to read on a washed-out projector.
#pragma once

#include "entities.h"

#include <QColor>
#include <QFont>
#include <QPalette>

class QPainter;

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

// Paints a soft shadow under a rounded rectangle by stacking a few translucent outlines;
// a QGraphicsEffect would render every card offscreen again on each repaint.
void paintShadow(QPainter *painter, const QRectF &rect, qreal radius, qreal strength = 1.0);

} // namespace Waymark::MapStyle
