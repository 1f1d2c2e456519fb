#include "textfit.h"

#include <QFontMetricsF>
#include <QTextLayout>

namespace Waymark {

QStringList fitText(const QString &text, const QFont &font, qreal width, int maxLines)
{
    QStringList lines;
    const QString simplified = text.simplified();
    if (maxLines <= 0 || simplified.isEmpty() || width <= 0)
        return lines;

    QTextLayout layout(simplified, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    const QFontMetricsF metrics(font);

    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            // The last line we may use takes all the rest; elidedText leaves it whole if it
            // happens to fit.
            const QString rest = simplified.mid(line.textStart());
            lines.append(metrics.elidedText(rest, Qt::ElideRight, width));
            break;
        }
        lines.append(simplified.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();

    return lines;
}

} // namespace Waymark
