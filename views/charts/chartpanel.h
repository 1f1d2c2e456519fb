// The base of Waymark's chart panels: a title, a subtitle with n and the filter, a headline
// figure, the chart (Qt Charts stays behind this class), an empty state that says why nothing
// is drawn, export as PNG or SVG, and one projector-readable style in light and dark palettes.
#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QAbstractAxis;
class QAbstractBarSeries;
class QHBoxLayout;
class QLabel;
class QPainter;
class QStackedWidget;
class QToolButton;

namespace Waymark::Charts {

class ChartPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChartPanel(QWidget *parent = nullptr);

    QChart *chart() const;
    QChartView *chartView() const { return mView; }

    QString title() const;
    QString subtitle() const;
    QString headline() const;
    bool isEmpty() const;
    QString emptyMessage() const;

    // The filter the data was taken with, shown after n in the subtitle.
    void setFilter(const QString &filter);

    // Writes the panel (title, subtitle, headline and chart) atomically; false with a reason
    // in error when the file cannot be written.
    bool exportPng(const QString &path, QString *error = nullptr) const;
    bool exportSvg(const QString &path, QString *error = nullptr) const;

    // The size of the chart's fonts in points: never below 11 so that a projector shows them.
    static constexpr qreal LabelPointSize = 11.5;
    static constexpr qreal TitlePointSize = 14;

protected:
    // Builds the chart again from the panel's data: on new data, a palette change and a
    // language change (so that every label is translated again).
    virtual void rebuild() = 0;
    // The panel's own widgets (a toggle) set their texts again here.
    virtual void retranslate() {}

    // A new, styled, empty chart that replaces the current one.
    QChart *resetChart();
    // n below 0: the chart has no count to show.
    void showChart(const QString &title, qint64 n, const QString &headline = {});
    void showEmpty(const QString &title, const QString &why);
    void styleAxis(QAbstractAxis *axis) const;
    // Counts written on the bars, where there is room for them.
    void labelBars(QAbstractBarSeries *series, int bars, const QString &format = {}) const;
    QHBoxLayout *toolsLayout() const { return mTools; }

    bool isDark() const;
    QColor textColor() const;
    QColor mutedColor() const;
    QColor gridColor() const;
    QColor accentColor() const;
    QColor softAccentColor() const;
    QColor detractorColor() const;
    QColor passiveColor() const;
    QColor promoterColor() const;

    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void setTexts();
    void updateSubtitle();
    void exportAs(const QString &format);
    QSize exportSize() const;
    void paintExport(QPainter &painter, const QSize &size) const;

    QLabel *mTitle;
    QLabel *mSubtitle;
    QLabel *mHeadline;
    QToolButton *mExport;
    QHBoxLayout *mTools;
    QStackedWidget *mStack;
    QChartView *mView;
    QLabel *mEmpty;
    QString mFilter;
    qint64 mN = -1; // below 0: no count in the subtitle
};

// Scale labels that stay unique, since Qt Charts' category axes drop repeated ones.
QStringList uniqueLabels(const QStringList &labels);

} // namespace Waymark::Charts
