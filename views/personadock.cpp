#include "personadock.h"

#include "commands.h"
#include "dockfirstsight.h"
#include "document.h"
#include "lookup.h"
#include "mapstyle.h"
#include "personaeditor.h"
#include "personalistmodel.h"
#include "personaphoto.h"
#include "personasheet.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QStyledItemDelegate>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

constexpr int cardHeight = 100;
constexpr int cardMargin = 5;
constexpr int avatarSide = 60;

// Colours that persona cards cycle through for new personas: muted enough for a projector,
// distinct enough to tell emotion curves apart.
const QList<QColor> personaPalette = {QColor(0x2a9d8f), QColor(0xe76f51), QColor(0x3d5a80),
                                      QColor(0xe9c46a), QColor(0x8e6c8a), QColor(0x6a994e),
                                      QColor(0xf4a261), QColor(0x264653)};

QString businessValueText(double value)
{
    return PersonaDock::tr("%1 %").arg(QLocale().toString(value * 100, 'f', 0));
}

// The line of key facts under a card's quote: who they are at a glance.
QString keyFacts(const Persona &p)
{
    QStringList facts;
    if (hasBusinessFacts(p)) {
        for (const QString &fact : {p.role, p.organisation, p.segment}) {
            if (!fact.isEmpty())
                facts.append(fact);
        }
    } else {
        for (const QString &fact : {p.age, p.occupation, p.location}) {
            if (!fact.isEmpty())
                facts.append(fact);
        }
    }
    return facts.join(u" · "_s);
}

// Paints a persona as a card: accent bar and avatar in the persona's colour, name, quote,
// key facts and, for a B2B role, its business value.
class PersonaCardDelegate : public QStyledItemDelegate
{
public:
    PersonaCardDelegate(PersonaListModel *model, QObject *parent)
        : QStyledItemDelegate(parent)
        , mModel(model)
    {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        // A card is as wide as the list shows, whatever width the list had when the cards
        // were first laid out: the texts are elided to it rather than scrolled sideways.
        int width = option.rect.width();
        if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
            width = view->viewport()->width();
        return QSize(width > 0 ? width : 320, cardHeight);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const int row = index.data(PersonaListModel::LibraryIndexRole).toInt();
        const Persona *p = mModel->persona(row);
        if (!p)
            return;

        painter->save();
        painter->setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
        const QPalette &palette = option.palette;
        const bool selected = option.state.testFlag(QStyle::State_Selected);
        const QColor accent = personaColor(*p);
        const QRectF card =
            QRectF(option.rect)
                .adjusted(cardMargin, cardMargin / 2.0, -cardMargin, -cardMargin / 2.0);

        QColor fill = palette.color(QPalette::Base);
        if (selected)
            fill = MapStyle::mix(fill, palette.color(QPalette::Highlight), 0.18);
        painter->setPen(QPen(selected ? palette.color(QPalette::Highlight)
                                      : MapStyle::mix(fill, palette.color(QPalette::Text), 0.18),
                             selected ? 2 : 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(card, 6, 6);
        QPainterPath bar;
        bar.addRoundedRect(QRectF(card.left(), card.top(), 10, card.height()), 6, 6);
        painter->save();
        painter->setClipRect(QRectF(card.left(), card.top(), 5, card.height()));
        painter->fillPath(bar, accent);
        painter->restore();

        const QRectF avatar(card.left() + 16, card.center().y() - avatarSide / 2.0, avatarSide,
                            avatarSide);
        paintAvatar(painter, avatar, *p, accent);

        const qreal textLeft = avatar.right() + 14;
        const QColor text = palette.color(QPalette::Text);
        const QColor muted = MapStyle::mix(text, fill, 0.4);
        qreal textRight = card.right() - 12;

        QFont nameFont = option.font;
        if (nameFont.pointSizeF() > 0)
            nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
        else
            nameFont.setPixelSize(nameFont.pixelSize() * 6 / 5);
        nameFont.setBold(true);
        QFont smallFont = option.font;
        QFont quoteFont = option.font;
        quoteFont.setItalic(true);

        if (hasBusinessFacts(*p)) {
            // The business value as a badge, since the library sorts by it.
            QFont badgeFont = option.font;
            badgeFont.setBold(true);
            const QString value = businessValueText(p->businessValue);
            const QFontMetricsF metrics(badgeFont);
            const qreal width = metrics.horizontalAdvance(value) + 14;
            const QRectF badge(textRight - width, card.top() + 10, width, metrics.height() + 4);
            painter->setPen(Qt::NoPen);
            painter->setBrush(MapStyle::mix(accent, fill, 0.75));
            painter->drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
            painter->setPen(text);
            painter->setFont(badgeFont);
            painter->drawText(badge, Qt::AlignCenter, value);
            textRight = badge.left() - 8;
        }

        const QFontMetricsF nameMetrics(nameFont);
        painter->setFont(nameFont);
        painter->setPen(text);
        const QString name = p->name.isEmpty() ? PersonaDock::tr("Unnamed persona") : p->name;
        painter->drawText(QPointF(textLeft, card.top() + 10 + nameMetrics.ascent()),
                          nameMetrics.elidedText(name, Qt::ElideRight, textRight - textLeft));

        const qreal width = card.right() - 12 - textLeft;
        const QFontMetricsF quoteMetrics(quoteFont);
        qreal y = card.top() + 14 + nameMetrics.height();
        if (!p->quote.isEmpty()) {
            painter->setFont(quoteFont);
            painter->setPen(muted);
            const QString quote = PersonaDock::tr("“%1”").arg(p->quote.simplified());
            painter->drawText(QPointF(textLeft, y + quoteMetrics.ascent()),
                              quoteMetrics.elidedText(quote, Qt::ElideRight, width));
        }
        y += quoteMetrics.height() + 4;

        const QString facts = keyFacts(*p);
        if (!facts.isEmpty()) {
            const QFontMetricsF metrics(smallFont);
            painter->setFont(smallFont);
            painter->setPen(text);
            painter->drawText(QPointF(textLeft, y + metrics.ascent()),
                              metrics.elidedText(facts, Qt::ElideRight, width));
        }
        painter->restore();
    }

private:
    void paintAvatar(QPainter *painter, const QRectF &rect, const Persona &p,
                     const QColor &accent) const
    {
        const QPixmap photo =
            photoFor(p, rect.size().toSize(), painter->device()->devicePixelRatioF());
        if (!photo.isNull()) {
            QPainterPath circle;
            circle.addEllipse(rect);
            painter->save();
            painter->setClipPath(circle);
            painter->drawPixmap(rect.toRect(), photo);
            painter->restore();
            return;
        }
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawEllipse(rect);
        QFont font = painter->font();
        font.setPixelSize(int(rect.height() * 0.38));
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(MapStyle::textOn(accent));
        painter->drawText(rect, Qt::AlignCenter, personaInitials(p));
    }

    // Photos are decoded once per persona and size, not on every paint.
    QPixmap photoFor(const Persona &p, const QSize &size, qreal ratio) const
    {
        if (p.photo.isEmpty())
            return {};
        auto cached = mPhotos.constFind(p.id);
        if (cached != mPhotos.cend() && cached->bytes == p.photo)
            return cached->pixmap;

        const QImage image = PersonaPhoto::decode(p.photo);
        QPixmap pixmap;
        if (!image.isNull()) {
            const int side = std::min(image.width(), image.height());
            const QImage square =
                image.copy((image.width() - side) / 2, (image.height() - side) / 2, side, side);
            pixmap = QPixmap::fromImage(
                square.scaled(size * ratio, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
            pixmap.setDevicePixelRatio(ratio);
        }
        mPhotos.insert(p.id, {p.photo, pixmap});
        return pixmap;
    }

    struct CachedPhoto
    {
        QByteArray bytes;
        QPixmap pixmap;
    };

    PersonaListModel *mModel;
    mutable QHash<Id, CachedPhoto> mPhotos;
};

} // namespace

PersonaDock::PersonaDock(QWidget *parent)
    : QDockWidget(tr("Personas"), parent)
    , mModel(new PersonaListModel(this))
    , mFilter(new PersonaFilterModel(this))
{
    setObjectName(u"personaDock"_s);
    mFilter->setSourceModel(mModel);

    auto action = [this](const QString &text, const QString &name, const QString &iconText,
                         const QString &toolTip) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setIconText(iconText);
        a->setToolTip(toolTip);
        return a;
    };
    mNewAction = action(tr("&New Persona"), u"personaNewAction"_s, tr("New"),
                        tr("Add a persona to the library"));
    mEditAction = action(tr("&Edit Persona…"), u"personaEditAction"_s, tr("Edit…"),
                         tr("Edit every field of the persona"));
    mDuplicateAction = action(tr("D&uplicate Persona"), u"personaDuplicateAction"_s,
                              tr("Duplicate"), tr("Add a copy of the persona"));
    mDeleteAction = action(tr("&Delete Persona"), u"personaDeleteAction"_s, tr("Delete"),
                           tr("Delete the persona and its paths on every map"));
    mMoveUpAction = action(tr("Move &Up"), u"personaMoveUpAction"_s, u"▲"_s,
                           tr("Move the persona up in the library"));
    mMoveDownAction = action(tr("Move Do&wn"), u"personaMoveDownAction"_s, u"▼"_s,
                             tr("Move the persona down in the library"));
    connect(mNewAction, &QAction::triggered, this, &PersonaDock::newPersona);
    connect(mEditAction, &QAction::triggered, this, &PersonaDock::editPersona);
    connect(mDuplicateAction, &QAction::triggered, this, &PersonaDock::duplicatePersona);
    connect(mDeleteAction, &QAction::triggered, this, &PersonaDock::deletePersona);
    connect(mMoveUpAction, &QAction::triggered, this, [this] { movePersona(-1); });
    connect(mMoveDownAction, &QAction::triggered, this, [this] { movePersona(1); });
    followFilter();

    updateActions();
    // What a person sees of the dock is built when they first see it.
    DockFirstSight::watch(this, [this] { build(); });
}

void PersonaDock::followFilter()
{
    connect(mFilter, &QAbstractItemModel::modelReset, this, &PersonaDock::restoreCurrent);
    connect(mFilter, &QAbstractItemModel::layoutChanged, this, &PersonaDock::restoreCurrent);
    connect(mFilter, &QAbstractItemModel::rowsInserted, this, &PersonaDock::restoreCurrent);
    connect(mFilter, &QAbstractItemModel::rowsRemoved, this, &PersonaDock::updateActions);
}

QListView *PersonaDock::view() const
{
    // Asked for before the dock was seen, as a test does: what a person would see is built.
    const_cast<PersonaDock *>(this)->build();
    return mView;
}

void PersonaDock::build()
{
    if (mView)
        return;
    mView = new QListView;
    auto *filterEdit = new QLineEdit;
    auto *order = new QComboBox;
    auto *b2bOnly = new QCheckBox(tr("B2B roles only"));
    auto *minimumValue = new QDoubleSpinBox;

    auto *toolBar = new QToolBar;
    toolBar->setObjectName(u"personaToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->addAction(mNewAction);
    toolBar->addAction(mEditAction);
    toolBar->addAction(mDuplicateAction);
    toolBar->addAction(mDeleteAction);
    toolBar->addSeparator();
    toolBar->addAction(mMoveUpAction);
    toolBar->addAction(mMoveDownAction);

    filterEdit->setObjectName(u"personaFilter"_s);
    filterEdit->setPlaceholderText(tr("Filter by name, role, goal…"));
    filterEdit->setClearButtonEnabled(true);
    connect(filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        mFilter->setFilterText(text);
        updateDragging();
        updateActions();
    });

    order->setObjectName(u"personaOrder"_s);
    order->addItem(tr("Library order"), int(PersonaFilterModel::Order::Library));
    order->addItem(tr("Business value"), int(PersonaFilterModel::Order::BusinessValue));
    order->addItem(tr("Name"), int(PersonaFilterModel::Order::Name));
    order->setToolTip(tr("The order of the cards"));
    connect(order, &QComboBox::currentIndexChanged, this, [this, order] {
        mFilter->setOrder(PersonaFilterModel::Order(order->currentData().toInt()));
        updateDragging();
        updateActions();
    });

    b2bOnly->setObjectName(u"personaB2BOnly"_s);
    b2bOnly->setToolTip(tr("Show only the personas that describe a role in a customer "
                           "organisation"));
    connect(b2bOnly, &QCheckBox::toggled, this, [this](bool only) {
        mFilter->setB2BOnly(only);
        updateDragging();
        updateActions();
    });

    minimumValue->setObjectName(u"personaMinimumValue"_s);
    minimumValue->setRange(0, 1000);
    minimumValue->setDecimals(2);
    minimumValue->setSingleStep(0.05);
    minimumValue->setPrefix(tr("Value ≥ "));
    minimumValue->setSpecialValueText(tr("Any business value"));
    minimumValue->setToolTip(tr("Show only the personas whose business value is at least "
                                "this much"));
    connect(minimumValue, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        mFilter->setMinimumBusinessValue(value);
        updateDragging();
        updateActions();
    });

    mView->setObjectName(u"personaList"_s);
    mView->setModel(mFilter);
    mView->setItemDelegate(new PersonaCardDelegate(mModel, mView));
    mView->setUniformItemSizes(true);
    mView->setResizeMode(QListView::Adjust);
    mView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mView->setSelectionMode(QAbstractItemView::SingleSelection);
    mView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    mView->setContextMenuPolicy(Qt::ActionsContextMenu);
    mView->addActions(
        {mEditAction, mDuplicateAction, mDeleteAction, mMoveUpAction, mMoveDownAction});
    mView->setDefaultDropAction(Qt::MoveAction);
    connect(mView, &QListView::activated, this, &PersonaDock::editPersona);
    connect(mView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    mCurrentId = current.data(PersonaListModel::IdRole).value<Id>();
                updateActions();
            });
    // The dock answers a change of the cards after the view has taken it in.
    disconnect(mFilter, nullptr, this, nullptr);
    followFilter();

    auto *controls = new QHBoxLayout;
    controls->addWidget(filterEdit, 1);
    controls->addWidget(order);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 0, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(toolBar);
    layout->addLayout(controls);
    auto *b2b = new QHBoxLayout;
    b2b->addWidget(b2bOnly);
    b2b->addWidget(minimumValue, 1);
    layout->addLayout(b2b);
    layout->addWidget(mView, 1);
    setWidget(content);
    // Built as the dock shows, moves or resizes: laid out now, or it would be drawn at its
    // own size until the next turn of the event loop.
    QDockWidget::layout()->activate();
    if (isVisible())
        content->show();
    // Delete on a card deletes it. Not a shortcut of the action: the main window's Delete
    // would make the key ambiguous while cards on the canvas are selected too.
    mView->installEventFilter(this);

    updateDragging();
    // The current card, should one have been chosen before the dock was built.
    restoreCurrent();
}

void PersonaDock::setDocument(Document *document)
{
    if (mEditor)
        mEditor->reject();
    mDocument = document;
    mModel->setDocument(document);
    updateActions();
}

Id PersonaDock::currentPersonaId() const
{
    // Before the cards are built, the card that would be current: the chosen persona if it
    // is shown.
    if (!mView) {
        const QModelIndex source = mModel->indexOfPersona(mCurrentId);
        return mFilter->mapFromSource(source).isValid() ? mCurrentId : Id();
    }
    const QModelIndex current = mView->currentIndex();
    return current.isValid() ? current.data(PersonaListModel::IdRole).value<Id>() : Id();
}

bool PersonaDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mView && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Backspace) {
            if (mDeleteAction->isEnabled())
                mDeleteAction->trigger();
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

PersonaEditor *PersonaDock::openEditor() const
{
    return mEditor;
}

void PersonaDock::setCurrentPersona(const Id &id)
{
    mCurrentId = id;
    restoreCurrent();
}

QList<Id> PersonaDock::shownPersonaIds() const
{
    QList<Id> ids;
    for (int row = 0; row < mFilter->rowCount(); ++row)
        ids.append(mFilter->index(row, 0).data(PersonaListModel::IdRole).value<Id>());
    return ids;
}

void PersonaDock::newPersona()
{
    if (!mDocument)
        return;
    const qsizetype count = mDocument->project().personas.size();
    Persona persona;
    persona.id = newId();
    persona.name = tr("New persona");
    persona.color = personaPalette.at(count % personaPalette.size());
    openEditorFor(persona, true, int(count));
}

void PersonaDock::editPersona()
{
    const Persona *persona =
        mDocument ? findById(mDocument->project().personas, currentPersonaId()) : nullptr;
    if (persona)
        openEditorFor(*persona, false, -1);
}

void PersonaDock::openEditorFor(const Persona &persona, bool isNew, int index)
{
    if (mEditor)
        mEditor->reject();
    mEditor = new PersonaEditor(mDocument, persona,
                                isNew ? PersonaEditor::Mode::Add : PersonaEditor::Mode::Edit, index,
                                this);
    mEditor->setAttribute(Qt::WA_DeleteOnClose);
    const Id id = persona.id;
    connect(mEditor, &QDialog::accepted, this, [this, id] { setCurrentPersona(id); });
    mEditor->open();
}

void PersonaDock::duplicatePersona()
{
    if (!mDocument)
        return;
    const Id id = currentPersonaId();
    const qsizetype index = indexOfId(mDocument->project().personas, id);
    if (index < 0)
        return;
    // The copy has the same description but none of the paths: those are the original's.
    Persona copy = mDocument->project().personas.at(index);
    copy.id = newId();
    copy.name = tr("%1 (copy)").arg(copy.name);
    mCurrentId = copy.id;
    push(Commands::addPersona(mDocument, int(index + 1), copy));
}

void PersonaDock::deletePersona()
{
    if (!mDocument)
        return;
    const Id id = currentPersonaId();
    if (id.isNull())
        return;
    // The next card becomes current, or the one before when the last goes.
    const QList<Id> shown = shownPersonaIds();
    const qsizetype at = shown.indexOf(id);
    if (at + 1 < shown.size())
        mCurrentId = shown.at(at + 1);
    else if (at > 0)
        mCurrentId = shown.at(at - 1);
    else
        mCurrentId = Id();
    push(Commands::removePersona(mDocument, id));
}

void PersonaDock::movePersona(int by)
{
    if (!mDocument || !mFilter->showsWholeLibrary())
        return;
    const Id id = currentPersonaId();
    const qsizetype index = indexOfId(mDocument->project().personas, id);
    if (index < 0)
        return;
    mCurrentId = id;
    push(Commands::movePersona(mDocument, id, int(index) + by));
}

void PersonaDock::push(std::unique_ptr<QUndoCommand> command)
{
    if (command && mDocument)
        mDocument->push(command.release());
}

void PersonaDock::restoreCurrent()
{
    if (!mView) {
        updateActions();
        return;
    }
    const QModelIndex source = mModel->indexOfPersona(mCurrentId);
    const QModelIndex shown = mFilter->mapFromSource(source);
    if (shown.isValid()) {
        mView->setCurrentIndex(shown);
        mView->scrollTo(shown);
    } else {
        mView->selectionModel()->clearCurrentIndex();
        mView->clearSelection();
    }
    updateActions();
}

void PersonaDock::updateDragging()
{
    // Dragging reorders the library, which only makes sense when the cards show it whole.
    if (!mView)
        return;
    const bool whole = mFilter->showsWholeLibrary();
    mView->setDragEnabled(whole);
    mView->setAcceptDrops(whole);
    mView->setDropIndicatorShown(whole);
    mView->setDragDropMode(whole ? QAbstractItemView::InternalMove : QAbstractItemView::NoDragDrop);
}

void PersonaDock::updateActions()
{
    const bool open = mDocument != nullptr;
    const Id id = currentPersonaId();
    const qsizetype index = open ? indexOfId(mDocument->project().personas, id) : -1;
    const qsizetype count = open ? mDocument->project().personas.size() : 0;
    const bool whole = mFilter->showsWholeLibrary();
    mNewAction->setEnabled(open);
    mEditAction->setEnabled(index >= 0);
    mDuplicateAction->setEnabled(index >= 0);
    mDeleteAction->setEnabled(index >= 0);
    mMoveUpAction->setEnabled(whole && index > 0);
    mMoveDownAction->setEnabled(whole && index >= 0 && index + 1 < count);
}

} // namespace Waymark
