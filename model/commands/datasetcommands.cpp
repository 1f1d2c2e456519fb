// Commands on imported datasets. The rows are written by the importer before the command
// is pushed; the command only makes the dataset part of the project, so that undoing an
// import takes the dataset out and the rows table waits in the working copy for a redo
// (saving leaves it out of the file).
#include "commandsupport.h"

namespace Waymark::Commands {

namespace {

// Changes one part of a dataset (a column's role, its attachments), leaving the rest as it
// is when the command runs: commands made one after another do not undo each other.
template <typename Part> class SetDatasetPart : public QUndoCommand
{
public:
    using Access = std::function<Part *(Dataset &)>;

    static Command make(Document *doc, const Id &datasetId, const QString &text, Field field,
                        const Access &access, const Part &value)
    {
        Dataset *dataset = findById(doc->editableProject().datasets, datasetId);
        Part *part = dataset ? access(*dataset) : nullptr;
        if (!part || *part == value)
            return nullptr;
        return Command(new SetDatasetPart(doc, datasetId, text, field, access, *part, value));
    }

    void redo() override { apply(mNew); }
    void undo() override { apply(mOld); }

private:
    SetDatasetPart(Document *doc, const Id &datasetId, const QString &text, Field field,
                   Access access, Part oldValue, Part newValue)
        : QUndoCommand(text)
        , mDoc(doc)
        , mId(datasetId)
        , mField(field)
        , mAccess(std::move(access))
        , mOld(std::move(oldValue))
        , mNew(std::move(newValue))
    {}

    void apply(const Part &value)
    {
        Dataset *dataset = findById(mDoc->editableProject().datasets, mId);
        if (Part *part = dataset ? mAccess(*dataset) : nullptr) {
            *part = value;
            announce<Dataset>(mDoc, ChangeKind::Modified, mId, {}, mField);
        }
    }

    Document *mDoc;
    Id mId;
    Field mField;
    Access mAccess;
    Part mOld;
    Part mNew;
};

std::function<DatasetColumn *(Dataset &)> columnAt(qsizetype column)
{
    return [column](Dataset &d) {
        return column >= 0 && column < d.columns.size() ? &d.columns[column] : nullptr;
    };
}

bool columnsValid(const Dataset &dataset, const QList<DatasetAttachment> &attachments)
{
    return std::all_of(attachments.cbegin(), attachments.cend(), [&](const auto &a) {
        return !a.id.isNull() && (a.kind == AttachmentKind::WholeDataset ||
                                  (a.column >= 0 && a.column < dataset.columns.size()));
    });
}

} // namespace

Command importDataset(Document *doc, const Dataset &dataset)
{
    if (dataset.id.isNull() || !columnsValid(dataset, dataset.attachments))
        return nullptr;
    const QString text = tr("Import Dataset “%1”").arg(dataset.name);
    Project &project = doc->editableProject();
    if (findById(project.datasets, dataset.id))
        return ReplaceEntity<Dataset>::make(
            doc, dataset, text, Field::Name | Field::Rows | Field::Columns | Field::Attachments);
    auto command = std::make_unique<QUndoCommand>(text);
    new Presence<Dataset>(doc, Presence<Dataset>::Add, {}, dataset, project.datasets.size(),
                          command.get());
    return command;
}

Command removeDataset(Document *doc, const Id &datasetId)
{
    Project &project = doc->editableProject();
    const qsizetype index = indexOfId(project.datasets, datasetId);
    if (index < 0)
        return nullptr;
    auto command =
        std::make_unique<QUndoCommand>(tr("Delete Dataset “%1”").arg(project.datasets[index].name));
    new Presence<Dataset>(doc, Presence<Dataset>::Remove, {}, project.datasets[index], index,
                          command.get());
    return command;
}

Command renameDataset(Document *doc, const Id &datasetId, const QString &name)
{
    if (name.trimmed().isEmpty())
        return nullptr;
    return SetField<&Dataset::name>::make(doc, datasetId, name, tr("Rename Dataset"), Field::Name);
}

Command setDatasetColumnRole(Document *doc, const Id &datasetId, qsizetype column, ColumnRole role)
{
    const auto access = columnAt(column);
    return SetDatasetPart<ColumnRole>::make(
        doc, datasetId, tr("Change Column Role"), Field::Columns,
        [access](Dataset &d) { return access(d) ? &access(d)->role : nullptr; }, role);
}

Command setDatasetColumnType(Document *doc, const Id &datasetId, qsizetype column, ColumnType type)
{
    const auto access = columnAt(column);
    return SetDatasetPart<ColumnType>::make(
        doc, datasetId, tr("Change Column Type"), Field::Columns,
        [access](Dataset &d) { return access(d) ? &access(d)->type : nullptr; }, type);
}

Command setDatasetAttachments(Document *doc, const Id &datasetId,
                              const QList<DatasetAttachment> &attachments)
{
    const Dataset *d = findById(doc->editableProject().datasets, datasetId);
    if (!d || !columnsValid(*d, attachments))
        return nullptr;
    return SetDatasetPart<QList<DatasetAttachment>>::make(
        doc, datasetId, tr("Attach Dataset"), Field::Attachments,
        [](Dataset &dataset) { return &dataset.attachments; }, attachments);
}

} // namespace Waymark::Commands
