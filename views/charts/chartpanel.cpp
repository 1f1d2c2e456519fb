#include "chartpanel.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace Waymark::Charts {

namespace {

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QFont sized(QFont font, qreal points, bool bold = false)
{
    font.setPointSizeF(std::max(points, font.pointSizeF()));
    font.setBold(bold);
    return font;
}

// The title, subtitle and headline stacked above the chart in an export, each line's font.
struct ExportLine
{
    QString text;
    QFont font;
};

} // namespace

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent)
    , mTitle(new QLabel(this))
    , mSubtitle(new QLabel(this))
    , mHeadline(new QLabel(this))
    , mExport(new QToolButton(this))
    , mTools(new QHBoxLayout)
    , mStack(new QStackedWidget(this))
    , mView(new QChartView(this))
    , mEmpty(new QLabel(this))
{
    mTitle->setFont(sized(font(), TitlePointSize, true));
    mTitle->setWordWrap(true);
    mSubtitle->setFont(sized(font(), LabelPointSize));
    mHeadline->setFont(sized(font(), TitlePointSize, true));
    mHeadline->setWordWrap(true);
    mHeadline->hide();
    mEmpty->setFont(sized(font(), TitlePointSize));
    mEmpty->setAlignment(Qt::AlignCenter);
    mEmpty->setWordWrap(true);
    mView->setRenderHint(QPainter::Antialiasing);
    mView->setMinimumHeight(260);
    mStack->addWidget(mView);
    mStack->addWidget(mEmpty);

    mExport->setPopupMode(QToolButton::InstantPopup);
    mExport->setAutoRaise(true);
    auto *menu = new QMenu(mExport);
    connect(menu->addAction(QString()), &QAction::triggered, this, [this] { exportAs(u"png"_s); });
    connect(menu->addAction(QString()), &QAction::triggered, this, [this] { exportAs(u"svg"_s); });
    mExport->setMenu(menu);

    auto *header = new QHBoxLayout;
    header->addWidget(mTitle, 1);
    header->addLayout(mTools);
    header->addWidget(mExport);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(mSubtitle);
    layout->addWidget(mHeadline);
    layout->addWidget(mStack, 1);
    setTexts();
}

QChart *ChartPanel::chart() const
{
    return mView->chart();
}

QString ChartPanel::title() const
{
    return mTitle->text();
}

QString ChartPanel::subtitle() const
{
    return mSubtitle->text();
}

QString ChartPanel::headline() const
{
    return mHeadline->isHidden() ? QString() : mHeadline->text();
}

bool ChartPanel::isEmpty() const
{
    return mStack->currentWidget() == mEmpty;
}

QString ChartPanel::emptyMessage() const
{
    return isEmpty() ? mEmpty->text() : QString();
}

void ChartPanel::setFilter(const QString &filter)
{
    mFilter = filter;
    updateSubtitle();
}

void ChartPanel::updateSubtitle()
{
    const QString count = mN < 0 ? QString() : tr("n = %1").arg(QLocale().toString(mN));
    if (count.isEmpty() || mFilter.isEmpty())
        mSubtitle->setText(count.isEmpty() ? mFilter : count);
    else
        mSubtitle->setText(tr("%1 · %2").arg(count, mFilter));
}

void ChartPanel::setTexts()
{
    mExport->setText(tr("Export"));
    mExport->setToolTip(tr("Export this chart as an image"));
    const QList<QAction *> actions = mExport->menu()->actions();
    actions[0]->setText(tr("Export as PNG…"));
    actions[1]->setText(tr("Export as SVG…"));
}

QChart *ChartPanel::resetChart()
{
    auto *chart = new QChart;
    chart->setBackgroundBrush(palette().color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setFont(sized(font(), LabelPointSize));
    chart->legend()->setLabelColor(textColor());
    chart->legend()->setAlignment(Qt::AlignBottom);

    QChart *old = mView->chart();
    mView->setChart(chart);
    mView->setBackgroundBrush(palette().color(QPalette::Base));
    delete old;
    return chart;
}

void ChartPanel::showChart(const QString &title, qint64 n, const QString &headline)
{
    mTitle->setText(title);
    mN = n;
    updateSubtitle();
    mHeadline->setText(headline);
    mHeadline->setVisible(!headline.isEmpty());
    mStack->setCurrentWidget(mView);
}

void ChartPanel::showEmpty(const QString &title, const QString &why)
{
    resetChart();
    mTitle->setText(title);
    mN = -1;
    updateSubtitle();
    mHeadline->hide();
    mEmpty->setText(why);
    mStack->setCurrentWidget(mEmpty);
}

void ChartPanel::styleAxis(QAbstractAxis *axis) const
{
    axis->setLabelsFont(sized(font(), LabelPointSize));
    axis->setLabelsColor(textColor());
    axis->setTitleFont(sized(font(), LabelPointSize));
    axis->setTitleBrush(mutedColor());
    axis->setGridLineColor(gridColor());
    axis->setLinePenColor(gridColor());
    axis->setMinorGridLineVisible(false);
    axis->setShadesVisible(false);
    if (auto *values = qobject_cast<QValueAxis *>(axis)) {
        values->setTickCount(5); // few gridlines: a projector blurs dense ones into grey
        values->setMinorTickCount(0);
    }
}

void ChartPanel::labelBars(QAbstractBarSeries *series, int bars, const QString &format) const
{
    // Past about sixteen bars in a panel the labels run into each other.
    if (bars > 16)
        return;
    series->setLabelsVisible(true);
    series->setLabelsFormat(format.isEmpty() ? u"@value"_s : format);
    series->setLabelsPrecision(6);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
}

bool ChartPanel::isDark() const
{
    return palette().color(QPalette::Base).lightnessF() < 0.5;
}

QColor ChartPanel::textColor() const
{
    return palette().color(QPalette::Text);
}

QColor ChartPanel::mutedColor() const
{
    return blend(textColor(), palette().color(QPalette::Base), 0.35);
}

QColor ChartPanel::gridColor() const
{
    return blend(textColor(), palette().color(QPalette::Base), 0.82);
}

QColor ChartPanel::accentColor() const
{
    return isDark() ? QColor(0x6f, 0xa8, 0xf0) : QColor(0x1f, 0x5f, 0xbf);
}

QColor ChartPanel::softAccentColor() const
{
    return blend(accentColor(), palette().color(QPalette::Base), 0.7);
}

QColor ChartPanel::detractorColor() const
{
    return isDark() ? QColor(0xe5, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QColor ChartPanel::passiveColor() const
{
    return isDark() ? QColor(0x8c, 0x8c, 0x8c) : QColor(0xa6, 0xa6, 0xa6);
}

QColor ChartPanel::promoterColor() const
{
    return isDark() ? QColor(0x5c, 0xc0, 0x7e) : QColor(0x2e, 0x8b, 0x4f);
}

void ChartPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        setTexts();
        retranslate();
        rebuild();
    } else if (event->type() == QEvent::PaletteChange) {
        rebuild();
    }
}

void ChartPanel::contextMenuEvent(QContextMenuEvent *event)
{
    if (isEmpty())
        return;
    mExport->menu()->exec(event->globalPos());
}

void ChartPanel::exportAs(const QString &format)
{
    const bool png = format == u"png"_s;
    const QString filter = png ? tr("PNG image (*.png)") : tr("SVG drawing (*.svg)");
    QString path =
        QFileDialog::getSaveFileName(this, png ? tr("Export as PNG") : tr("Export as SVG"),
                                     mTitle->text() + u'.' + format, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(u'.' + format, Qt::CaseInsensitive))
        path += u'.' + format;
    QString error;
    if (!(png ? exportPng(path, &error) : exportSvg(path, &error)))
        QMessageBox::warning(this, tr("Export failed"), error);
}

QSize ChartPanel::exportSize() const
{
    const QSize chart = mView->size().expandedTo(QSize(640, 360));
    return {chart.width(), chart.height() + 110};
}

void ChartPanel::paintExport(QPainter &painter, const QSize &size) const
{
    painter.fillRect(QRect(QPoint(0, 0), size), palette().color(QPalette::Base));
    const QList<ExportLine> lines = {{mTitle->text(), mTitle->font()},
                                     {mSubtitle->text(), mSubtitle->font()},
                                     {headline(), mHeadline->font()}};
    int y = 8;
    for (const ExportLine &line : lines) {
        if (line.text.isEmpty())
            continue;
        painter.setFont(line.font);
        painter.setPen(line.font.bold() ? textColor() : mutedColor());
        const int height = QFontMetrics(line.font).height();
        painter.drawText(QRect(12, y, size.width() - 24, height), Qt::AlignLeft, line.text);
        y += height + 6;
    }
    const QRect target(0, y, size.width(), size.height() - y);
    if (isEmpty()) {
        painter.setFont(mEmpty->font());
        painter.setPen(mutedColor());
        painter.drawText(target, Qt::AlignCenter | Qt::TextWordWrap, mEmpty->text());
    } else {
        // The view renders what it shows into the target, so the chart keeps its layout.
        mView->render(&painter, QRectF(target), QRect(), Qt::KeepAspectRatio);
    }
}

bool ChartPanel::exportPng(const QString &path, QString *error) const
{
    const QSize size = exportSize();
    // Twice the pixels, so that the image stays sharp on a slide or a high-density screen.
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        paintExport(painter, size);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ChartPanel::exportSvg(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    const QSize size = exportSize();
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(mTitle->text());
    generator.setDescription(mSubtitle->text());
    {
        QPainter painter(&generator);
        paintExport(painter, size);
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QStringList uniqueLabels(const QStringList &labels)
{
    QStringList unique;
    unique.reserve(labels.size());
    for (QString label : labels) {
        // A zero-width space keeps the label looking the same while making it distinct.
        while (unique.contains(label))
            label += QChar(0x200B);
        unique.append(label);
    }
    return unique;
}

} // namespace Waymark::Charts
