// The persona library as item models: PersonaListModel lists a document's personas in
// library order and follows its changes; PersonaFilterModel sorts and filters that list for
// the persona dock (by business value or name, by text, B2B roles only).
#pragma once

#include "entities.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSortFilterProxyModel>

namespace Waymark {

class Document;
struct ChangeEvent;

class PersonaListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1, // Id
        BusinessValueRole,         // double
        LibraryIndexRole,          // int: the position in the library
        SearchTextRole,            // QString: every text field, for the filter
        IsB2BRole,                 // bool: any B2B field filled in
    };

    explicit PersonaListModel(QObject *parent = nullptr);

    void setDocument(Document *document);
    Document *document() const { return mDocument; }

    // The persona shown in a row, or nullptr.
    const Persona *persona(int row) const;
    QModelIndex indexOfPersona(const Id &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Dragging a card to another place in the list moves the persona in the library.
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    void onChanged(const ChangeEvent &event);
    void rebuild();

    QPointer<Document> mDocument;
    int mRows = 0; // the number of rows the views were last told of
};

class PersonaFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Order
    {
        Library,
        BusinessValue, // highest first
        Name,
    };

    explicit PersonaFilterModel(QObject *parent = nullptr);

    Order order() const { return mOrder; }
    void setOrder(Order order);

    QString filterText() const { return mText; }
    void setFilterText(const QString &text);
    bool b2bOnly() const { return mB2BOnly; }
    void setB2BOnly(bool only);
    // Only the personas whose business value is at least this; 0 for any.
    double minimumBusinessValue() const { return mMinimumValue; }
    void setMinimumBusinessValue(double value);

    // Whether the rows show the library as it is: in its order, none hidden.
    bool showsWholeLibrary() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    Order mOrder = Order::Library;
    QString mText;
    bool mB2BOnly = false;
    double mMinimumValue = 0;
};

} // namespace Waymark
