#include "textfit.h"

#include <QFontMetricsF>
#include <QHash>
#include <QTextLayout>

#include <memory>
#include <vector>

namespace Waymark {

namespace {

struct MeasuredFont
{
    QFont font;
    QFontMetricsF metrics;
    QHash<QString, qreal> widths;
};

// A handful of fonts are measured (labels, badges); a text seen for the first time costs a
// shaping, every later time a lookup.
MeasuredFont &measured(const QFont &font)
{
    static std::vector<std::unique_ptr<MeasuredFont>> fonts;
    for (const std::unique_ptr<MeasuredFont> &entry : fonts) {
        if (entry->font == font)
            return *entry;
    }
    // Fonts change rarely (the application's font): the oldest measurements go first.
    constexpr std::size_t maxFonts = 8;
    if (fonts.size() >= maxFonts)
        fonts.erase(fonts.begin());
    fonts.push_back(std::make_unique<MeasuredFont>(MeasuredFont{font, QFontMetricsF(font), {}}));
    return *fonts.back();
}

} // namespace

qreal cachedTextWidth(const QFont &font, const QString &text)
{
    MeasuredFont &entry = measured(font);
    auto it = entry.widths.constFind(text);
    if (it != entry.widths.cend())
        return *it;
    // Texts that do not repeat (names typed by people) must not grow the cache for ever.
    constexpr qsizetype maxTexts = 4096;
    if (entry.widths.size() >= maxTexts)
        entry.widths.clear();
    return *entry.widths.insert(text, entry.metrics.horizontalAdvance(text));
}

qreal cachedFontHeight(const QFont &font)
{
    return measured(font).metrics.height();
}

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
