#include "personalistmodel.h"

#include "changeevent.h"
#include "commands.h"
#include "document.h"
#include "lookup.h"
#include "personasheet.h"

#include <QMimeData>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

const QString personaMimeType = u"application/x-waymark-persona-id"_s;

QString searchText(const Persona &p)
{
    const QStringList parts = {p.name,      p.quote,        p.age,           p.gender,
                               p.location,  p.occupation,   p.socioeconomic, p.lifestyle,
                               p.interests, p.opinions,     p.likes,         p.dislikes,
                               p.attitudes, p.goals,        p.frustrations,  p.needs,
                               p.role,      p.organisation, p.segment,       p.decisionPower};
    return parts.join(u'\n');
}

} // namespace

PersonaListModel::PersonaListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void PersonaListModel::setDocument(Document *document)
{
    if (mDocument)
        disconnect(mDocument, nullptr, this, nullptr);
    mDocument = document;
    if (mDocument) {
        connect(mDocument, &Document::changed, this, &PersonaListModel::onChanged);
        connect(mDocument, &Document::reset, this, &PersonaListModel::rebuild);
        connect(mDocument, &QObject::destroyed, this, &PersonaListModel::rebuild);
    }
    rebuild();
}

const Persona *PersonaListModel::persona(int row) const
{
    if (!mDocument || row < 0 || row >= mDocument->project().personas.size())
        return nullptr;
    return &mDocument->project().personas.at(row);
}

QModelIndex PersonaListModel::indexOfPersona(const Id &id) const
{
    if (!mDocument)
        return {};
    const qsizetype row = indexOfId(mDocument->project().personas, id);
    return row < 0 ? QModelIndex() : index(int(row));
}

int PersonaListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : mRows;
}

QVariant PersonaListModel::data(const QModelIndex &index, int role) const
{
    const Persona *p = index.isValid() ? persona(index.row()) : nullptr;
    if (!p)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return p->name;
    case Qt::ToolTipRole:
        return p->quote;
    case Qt::DecorationRole:
        return personaColor(*p);
    case IdRole:
        return QVariant::fromValue(p->id);
    case BusinessValueRole:
        return p->businessValue;
    case LibraryIndexRole:
        return index.row();
    case SearchTextRole:
        return searchText(*p);
    case IsB2BRole:
        return hasBusinessFacts(*p);
    default:
        return {};
    }
}

Qt::ItemFlags PersonaListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

Qt::DropActions PersonaListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList PersonaListModel::mimeTypes() const
{
    return {personaMimeType};
}

QMimeData *PersonaListModel::mimeData(const QModelIndexList &indexes) const
{
    const Persona *p = indexes.isEmpty() ? nullptr : persona(indexes.first().row());
    if (!p)
        return nullptr;
    auto *data = new QMimeData;
    data->setData(personaMimeType, p->id.toByteArray());
    return data;
}

bool PersonaListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                       const QModelIndex &) const
{
    return mDocument && action == Qt::MoveAction && data->hasFormat(personaMimeType);
}

bool PersonaListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                    int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const Id id = QUuid::fromString(QString::fromLatin1(data->data(personaMimeType)));
    const qsizetype from = indexOfId(mDocument->project().personas, id);
    if (from < 0)
        return false;

    // row is where the card goes in before the drop, -1 onto a card (it takes that card's
    // place) or onto the empty space below the cards (the end).
    int before = row;
    if (before < 0)
        before = parent.isValid() ? parent.row() : mRows;
    const int to = from < before ? before - 1 : before;
    if (auto command = Commands::movePersona(mDocument, id, to)) {
        mDocument->push(command.release());
        return true;
    }
    return false;
}

void PersonaListModel::onChanged(const ChangeEvent &event)
{
    if (event.entity != EntityKind::Persona)
        return;
    if (event.change != ChangeKind::Modified || event.fields.testFlag(Field::Order)) {
        rebuild();
        return;
    }
    const QModelIndex changed = indexOfPersona(event.id);
    if (changed.isValid())
        Q_EMIT dataChanged(changed, changed);
}

void PersonaListModel::rebuild()
{
    beginResetModel();
    mRows = mDocument ? int(mDocument->project().personas.size()) : 0;
    endResetModel();
}

PersonaFilterModel::PersonaFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0);
}

void PersonaFilterModel::setOrder(Order order)
{
    if (order == mOrder)
        return;
    mOrder = order;
    invalidate();
}

void PersonaFilterModel::setFilterText(const QString &text)
{
    if (text == mText)
        return;
    mText = text;
    invalidateFilter();
}

void PersonaFilterModel::setB2BOnly(bool only)
{
    if (only == mB2BOnly)
        return;
    mB2BOnly = only;
    invalidateFilter();
}

void PersonaFilterModel::setMinimumBusinessValue(double value)
{
    value = std::max(0.0, value);
    if (value == mMinimumValue)
        return;
    mMinimumValue = value;
    invalidateFilter();
}

bool PersonaFilterModel::showsWholeLibrary() const
{
    return mOrder == Order::Library && mText.trimmed().isEmpty() && !mB2BOnly && mMinimumValue <= 0;
}

bool PersonaFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (mB2BOnly && !index.data(PersonaListModel::IsB2BRole).toBool())
        return false;
    if (mMinimumValue > 0 &&
        index.data(PersonaListModel::BusinessValueRole).toDouble() < mMinimumValue)
        return false;

    // Every word must appear somewhere: "cio london" finds Helen Carter.
    const QString text = index.data(PersonaListModel::SearchTextRole).toString();
    const QStringList words = mText.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool PersonaFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int leftIndex = left.data(PersonaListModel::LibraryIndexRole).toInt();
    const int rightIndex = right.data(PersonaListModel::LibraryIndexRole).toInt();
    switch (mOrder) {
    case Order::BusinessValue: {
        const double a = left.data(PersonaListModel::BusinessValueRole).toDouble();
        const double b = right.data(PersonaListModel::BusinessValueRole).toDouble();
        if (a != b)
            return a > b;
        break;
    }
    case Order::Name: {
        const int byName =
            QString::localeAwareCompare(left.data().toString(), right.data().toString());
        if (byName != 0)
            return byName < 0;
        break;
    }
    case Order::Library:
        break;
    }
    return leftIndex < rightIndex;
}

} // namespace Waymark
