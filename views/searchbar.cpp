#include "searchbar.h"

#include "document.h"
#include "lookup.h"
#include "mapscene.h"
#include "mapview.h"
#include "touchpointcarditem.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Waymark {

SearchBar::SearchBar(QWidget *parent)
    : QWidget(parent)
    , mEdit(new QLineEdit(this))
    , mCount(new QLabel(this))
    , mPrevious(new QToolButton(this))
    , mNext(new QToolButton(this))
    , mClose(new QToolButton(this))
{
    setObjectName(u"searchBar"_s);

    mEdit->setObjectName(u"searchEdit"_s);
    mEdit->setPlaceholderText(tr("Find in titles, descriptions and notes"));
    mEdit->setClearButtonEnabled(true);
    mEdit->installEventFilter(this);
    connect(mEdit, &QLineEdit::textChanged, this, [this] { research(true); });

    mCount->setObjectName(u"searchCount"_s);
    // Room for "888 of 888" so that the buttons do not jump about while typing.
    const QString widest = tr("%1 of %2").arg(888).arg(888);
    mCount->setMinimumWidth(mCount->fontMetrics().horizontalAdvance(widest));
    mCount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    // The buttons take no focus: typing goes on in the line edit after a click.
    mPrevious->setObjectName(u"searchPrevious"_s);
    mPrevious->setArrowType(Qt::UpArrow);
    mPrevious->setToolTip(tr("Previous Match (Shift+Enter)"));
    mPrevious->setFocusPolicy(Qt::NoFocus);
    mPrevious->setAutoRaise(true);
    connect(mPrevious, &QToolButton::clicked, this, &SearchBar::findPrevious);

    mNext->setObjectName(u"searchNext"_s);
    mNext->setArrowType(Qt::DownArrow);
    mNext->setToolTip(tr("Next Match (Enter)"));
    mNext->setFocusPolicy(Qt::NoFocus);
    mNext->setAutoRaise(true);
    connect(mNext, &QToolButton::clicked, this, &SearchBar::findNext);

    mClose->setObjectName(u"searchClose"_s);
    mClose->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    mClose->setToolTip(tr("Close (Escape)"));
    mClose->setFocusPolicy(Qt::NoFocus);
    mClose->setAutoRaise(true);
    connect(mClose, &QToolButton::clicked, this, &SearchBar::close);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(4);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(mEdit, 1);
    layout->addWidget(mCount);
    layout->addWidget(mPrevious);
    layout->addWidget(mNext);
    layout->addWidget(mClose);

    updateCount();
}

SearchBar::~SearchBar()
{
    clearHighlights();
}

QList<Id> SearchBar::findMatches(const JourneyMap &map, const QString &query)
{
    if (query.isEmpty())
        return {};

    QList<const Touchpoint *> found;
    for (const Touchpoint &touchpoint : map.touchpoints) {
        const Lane *lane = findById(map.lanes, touchpoint.laneId);
        if (!lane || lane->hidden || indexOfId(map.stages, touchpoint.stageId) < 0)
            continue;
        if (touchpoint.title.contains(query, Qt::CaseInsensitive) ||
            touchpoint.description.contains(query, Qt::CaseInsensitive) ||
            touchpoint.notes.contains(query, Qt::CaseInsensitive))
            found.append(&touchpoint);
    }

    auto key = [&map](const Touchpoint *t) {
        return std::tuple(indexOfId(map.stages, t->stageId), indexOfId(map.lanes, t->laneId),
                          t->order);
    };
    std::stable_sort(found.begin(), found.end(),
                     [&](const Touchpoint *a, const Touchpoint *b) { return key(a) < key(b); });

    QList<Id> ids;
    ids.reserve(found.size());
    for (const Touchpoint *touchpoint : std::as_const(found))
        ids.append(touchpoint->id);
    return ids;
}

void SearchBar::setView(MapView *view)
{
    if (view == mView)
        return;
    clearHighlights();
    disconnect(mDocumentConnection);
    mView = view;
    mMatches.clear();
    mCurrent = -1;

    // An edit can make a card match or stop matching; the search follows it without moving
    // the selection, which belongs to the person editing.
    if (mView && mView->mapScene()->document()) {
        mDocumentConnection =
            connect(mView->mapScene()->document(), &Document::changed, this, [this] {
                if (!isHidden())
                    research(false);
            });
    }
    if (!isHidden())
        research(false);
    else
        updateCount();
}

QString SearchBar::query() const
{
    return mEdit->text();
}

void SearchBar::setQuery(const QString &query)
{
    mEdit->setText(query);
}

QString SearchBar::countText() const
{
    return mCount->text();
}

void SearchBar::open()
{
    const bool wasHidden = isHidden();
    show();
    mEdit->setFocus(Qt::ShortcutFocusReason);
    mEdit->selectAll();
    // The outlines went when the bar closed; a query left in it shows them again.
    if (wasHidden && !mEdit->text().isEmpty()) {
        research(false);
        showCurrent();
    }
}

void SearchBar::close()
{
    clearHighlights();
    hide();
    emit closed();
}

void SearchBar::findNext()
{
    step(1);
}

void SearchBar::findPrevious()
{
    step(-1);
}

bool SearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchBar::research(bool typed)
{
    MapScene *scene = mView ? mView->mapScene() : nullptr;
    const JourneyMap *map = scene ? scene->map() : nullptr;
    const Id current = mCurrent >= 0 && mCurrent < mMatches.size() ? mMatches[mCurrent] : Id();

    mMatches = map ? findMatches(*map, mEdit->text()) : QList<Id>();

    if (typed) {
        // A new query starts again at the first match in reading order.
        mCurrent = mMatches.isEmpty() ? -1 : 0;
        applyHighlights();
        showCurrent();
    } else {
        // The same query on changed contents: stay on the same card where it still matches.
        const qsizetype index = mMatches.indexOf(current);
        mCurrent = index >= 0 ? index : (mMatches.isEmpty() ? -1 : 0);
        applyHighlights();
    }
    updateCount();
}

void SearchBar::step(int delta)
{
    if (mMatches.isEmpty())
        return;
    const qsizetype count = mMatches.size();
    mCurrent = mCurrent < 0 ? (delta > 0 ? 0 : count - 1) : (mCurrent + delta + count) % count;
    showCurrent();
    updateCount();
}

void SearchBar::showCurrent()
{
    if (!mView || mCurrent < 0 || mCurrent >= mMatches.size())
        return;
    MapScene *scene = mView->mapScene();
    const Id id = mMatches[mCurrent];
    scene->selectTouchpoints({id});
    if (TouchpointCardItem *card = scene->card(id))
        mView->ensureVisible(card);
}

void SearchBar::applyHighlights()
{
    if (!mView)
        return;
    mView->mapScene()->setHighlightedTouchpoints(QSet<Id>(mMatches.cbegin(), mMatches.cend()));
}

void SearchBar::clearHighlights()
{
    if (mView)
        mView->mapScene()->setHighlightedTouchpoints({});
}

void SearchBar::updateCount()
{
    if (mEdit->text().isEmpty())
        mCount->clear();
    else if (mMatches.isEmpty())
        mCount->setText(tr("No matches"));
    else
        mCount->setText(tr("%1 of %2").arg(mCurrent + 1).arg(mMatches.size()));
}

} // namespace Waymark
