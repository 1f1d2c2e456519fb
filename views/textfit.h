// Fitting text into a card or a header: word-wrapped to a width, at most so many lines, the
// last line elided when the text is longer; and measuring short texts that repeat.
#pragma once

#include <QFont>
#include <QString>
#include <QStringList>

namespace Waymark {

// The lines text breaks into at width, at most maxLines of them; when more would be needed
// the last one ends in an ellipsis. Runs of white space (newlines too) count as one space.
QStringList fitText(const QString &text, const QFont &font, qreal width, int maxLines);

// QFontMetricsF's horizontalAdvance() and height(), remembered: a map repeats the same few
// words on thousands of connector labels and badges, and shaping each of them anew is most
// of what making those items costs. For the GUI thread.
qreal cachedTextWidth(const QFont &font, const QString &text);
qreal cachedFontHeight(const QFont &font);

} // namespace Waymark
