#include "driversdock.h"

#include "dockfirstsight.h"
#include "driversmodel.h"
#include "metrics/metricsengine.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

// Read from the back of a workshop room, the table needs more than a desktop's 9 or 10 points.
constexpr qreal TablePointSize = 12.5;

QFont atLeast(QFont font, qreal points)
{
    font.setPointSizeF(std::max(points, font.pointSizeF()));
    return font;
}

// The share of revenue as a bar, as long against the cell as the share is against the largest
// share in the table, with the percentage written beside it.
class ShareDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QVariant share = index.data(DriversModel::RevenueShareRole);
        const double largest = index.data(DriversModel::LargestShareRole).toDouble();
        if (!share.isValid() || largest <= 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }

        // The background and selection first, without the text, which goes beside the bar.
        const QString text = opt.text;
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : nullptr;
        if (style)
            style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const QFontMetrics metrics(opt.font);
        const int textWidth = metrics.horizontalAdvance(u"100.0%"_s) + 8;
        const QRect area = opt.rect.adjusted(6, 0, -6, 0);
        const QRect textRect(area.right() - textWidth, area.top(), textWidth, area.height());
        const int barSpace = std::max(0, area.width() - textWidth - 6);
        const int barHeight = std::max(6, area.height() / 3);
        const QRect bar(area.left(), area.center().y() - barHeight / 2,
                        std::max(2, int(barSpace * share.toDouble() / largest)), barHeight);

        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette &palette = opt.palette;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? palette.color(QPalette::HighlightedText)
                                   : palette.color(QPalette::Highlight));
        painter->drawRoundedRect(bar, 2, 2);
        painter->setPen(selected ? palette.color(QPalette::HighlightedText)
                                 : palette.color(QPalette::Text));
        painter->setFont(opt.font);
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, text);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setWidth(std::max(size.width(), 180));
        return size;
    }
};

} // namespace

DriversDock::DriversDock(QWidget *parent)
    : QDockWidget(parent)
    , mModel(new DriversModel(this))
{
    setObjectName(u"driversDock"_s);
    refresh();
    // What a person sees of the dock is built when they first see it.
    DockFirstSight::watch(this, [this] { build(); });
}

QTableView *DriversDock::table()
{
    build();
    return mTable;
}

void DriversDock::build()
{
    if (mTable)
        return;
    mExplanation = new QLabel;
    mStack = new QStackedWidget;
    mTable = new QTableView;
    mMessage = new QLabel;

    mExplanation->setObjectName(u"driversExplanation"_s);
    mExplanation->setWordWrap(true);
    mExplanation->setFont(atLeast(font(), TablePointSize - 1));
    mExplanation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    mTable->setObjectName(u"driversTable"_s);
    mTable->setModel(mModel);
    mTable->setFont(atLeast(font(), TablePointSize));
    mTable->horizontalHeader()->setFont(atLeast(font(), TablePointSize));
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setWordWrap(false);
    mTable->setAlternatingRowColors(true);
    mTable->verticalHeader()->hide();
    mTable->setItemDelegateForColumn(DriversModel::RevenueShareColumn, new ShareDelegate(mTable));
    QHeaderView *header = mTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DriversModel::TouchpointColumn, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    // The engine's ranking first; a click on a header sorts by that column instead.
    header->setSortIndicator(DriversModel::RankColumn, Qt::AscendingOrder);
    mTable->setSortingEnabled(true);
    connect(mTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit touchpointActivated(index.data(DriversModel::MapIdRole).value<Id>(),
                                 index.data(DriversModel::TouchpointIdRole).value<Id>());
    });

    mMessage->setObjectName(u"driversMessage"_s);
    mMessage->setWordWrap(true);
    mMessage->setAlignment(Qt::AlignCenter);
    mMessage->setFont(atLeast(font(), TablePointSize));
    mMessage->setMargin(16);
    mStack->addWidget(mTable);
    mStack->addWidget(mMessage);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(mExplanation);
    layout->addWidget(mStack, 1);
    setWidget(content);
    showTexts();
}

void DriversDock::setResult(std::shared_ptr<const Metrics::Result> result)
{
    mResult = std::move(result);
    reload();
}

void DriversDock::setComputing(bool computing)
{
    if (mComputing == computing)
        return;
    mComputing = computing;
    refresh();
}

void DriversDock::setMap(const Id &mapId)
{
    if (mMapId == mapId)
        return;
    mMapId = mapId;
    reload();
}

bool DriversDock::isShowingTable() const
{
    return mMessageText.isEmpty();
}

QString DriversDock::message() const
{
    return mMessageText;
}

QString DriversDock::explanation() const
{
    return mExplanationText;
}

void DriversDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refresh();
}

void DriversDock::reload()
{
    if (mResult && mResult->ok)
        mModel->setResult(*mResult, mMapId);
    else
        mModel->clear();
    refresh();
}

void DriversDock::refresh()
{
    setWindowTitle(tr("Key Drivers"));
    mExplanationText = Metrics::Engine::driversExplanation();

    if (mModel->rowCount() > 0)
        mMessageText.clear();
    else if (!mResult && mComputing)
        mMessageText = tr("Computing…");
    else if (mResult && !mResult->ok && !mResult->cancelled)
        mMessageText = tr("The figures could not be computed: %1").arg(mResult->error);
    else
        mMessageText =
            tr("No touchpoint can be ranked yet. The ranking needs survey answers that can be "
               "linked to each customer by a key (an email address or customer id) and that "
               "include the question how likely they are to recommend you (NPS), attached to "
               "this map's touchpoints; or orders with revenue attached to them.");
    showTexts();
}

void DriversDock::showTexts()
{
    if (!mTable)
        return;
    mExplanation->setText(mExplanationText);
    if (mMessageText.isEmpty()) {
        mStack->setCurrentWidget(mTable);
        mExplanation->show();
        return;
    }
    mExplanation->hide();
    mMessage->setText(mMessageText);
    mStack->setCurrentWidget(mMessage);
}

} // namespace Waymark
