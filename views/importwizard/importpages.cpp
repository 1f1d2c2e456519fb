#include "importpages.h"

#include "document.h"
#include "import/dialect.h"
#include "import/touchpointmatcher.h"
#include "importwizard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Waymark::ImportPages {

namespace {

constexpr int listedUnmatched = 50;

QString delimiterLabel(char delimiter)
{
    switch (delimiter) {
    case ',':
        return QCoreApplication::translate("Waymark::ImportPages", "Comma ( , )");
    case ';':
        return QCoreApplication::translate("Waymark::ImportPages", "Semicolon ( ; )");
    case '\t':
        return QCoreApplication::translate("Waymark::ImportPages", "Tab");
    case '|':
        return QCoreApplication::translate("Waymark::ImportPages", "Pipe ( | )");
    default:
        return QString(QChar::fromLatin1(delimiter));
    }
}

QString encodingLabel(Import::Encoding encoding)
{
    switch (encoding) {
    case Import::Encoding::Utf8:
        return u"UTF-8"_s;
    case Import::Encoding::Utf16LE:
        return u"UTF-16 LE"_s;
    case Import::Encoding::Utf16BE:
        return u"UTF-16 BE"_s;
    case Import::Encoding::Windows1252:
        return u"Windows-1252"_s;
    case Import::Encoding::Latin1:
        return u"Latin-1 (ISO 8859-1)"_s;
    }
    return QString();
}

// The first data records of the preview, as the plan reads them.
QList<QStringList> previewDataRecords(const ImportWizard *wizard)
{
    QList<QStringList> rows;
    if (!wizard->plan())
        return rows;
    const qsizetype first = wizard->plan()->skipRecords + wizard->plan()->headerRows;
    const QList<Import::CsvRow> &preview = wizard->sniff().preview;
    for (qsizetype i = first; i < preview.size(); ++i)
        rows.append(preview[i].fields);
    return rows;
}

QString fieldOf(const QStringList &fields, qsizetype index)
{
    return index >= 0 && index < fields.size() ? fields[index] : QString();
}

} // namespace

// --- File ---------------------------------------------------------------------------------

FilePage::FilePage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , mWizard(wizard)
{
    setObjectName(u"filePage"_s);
    setTitle(tr("Choose the file"));
    setSubTitle(tr("A survey, sales or analytics export: CSV, TSV, text or an Excel workbook "
                   "(.xlsx). Waymark recognises exports of Qualtrics, SurveyMonkey, Google "
                   "Forms, Typeform, Shopify and GA4."));

    mFileEdit = new QLineEdit;
    mFileEdit->setObjectName(u"fileEdit"_s);
    mFileEdit->setPlaceholderText(tr("Path of the file to import"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(u"browseButton"_s);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(mFileEdit, 1);
    fileRow->addWidget(browse);

    mSheetCombo = new QComboBox;
    mSheetCombo->setObjectName(u"sheetCombo"_s);
    mSheetCombo->setEnabled(false);

    mNameEdit = new QLineEdit;
    mNameEdit->setObjectName(u"nameEdit"_s);

    mWaveCombo = new QComboBox;
    mWaveCombo->setObjectName(u"waveCombo"_s);
    mWaveCombo->addItem(tr("A new dataset"), QVariant());
    for (const Dataset &d : wizard->document()->project().datasets)
        mWaveCombo->addItem(tr("The next wave of “%1”").arg(d.name), d.id);
    mWaveCombo->setCurrentIndex(qMax(0, mWaveCombo->findData(wizard->nextWaveOf())));

    mStatusLabel = new QLabel;
    mStatusLabel->setObjectName(u"fileStatusLabel"_s);
    mStatusLabel->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), fileRow);
    form->addRow(tr("&Sheet:"), mSheetCombo);
    form->addRow(tr("&Import as:"), mWaveCombo);
    form->addRow(tr("Dataset &name:"), mNameEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mStatusLabel);
    layout->addStretch();

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import Data"), QFileInfo(mFileEdit->text()).path(),
            tr("Data files (*.csv *.tsv *.txt *.xlsx);;All files (*)"));
        if (!path.isEmpty())
            mFileEdit->setText(path);
    });
    connect(mFileEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { mWizard->setFilePath(text.trimmed()); });
    connect(mSheetCombo, &QComboBox::currentTextChanged, this, [this](const QString &sheet) {
        if (!mSheetCombo->isEnabled() || mWizard->options().sheet == sheet)
            return;
        mWizard->options().sheet = sheet;
        mWizard->replan();
    });
    connect(mWaveCombo, &QComboBox::currentIndexChanged, this,
            [this] { mWizard->setNextWaveOf(mWaveCombo->currentData().value<Id>()); });
    connect(mNameEdit, &QLineEdit::textChanged, this, &FilePage::completeChanged);
    connect(wizard, &ImportWizard::planReady, this, &FilePage::planReady);
}

void FilePage::planReady()
{
    const std::optional<Import::ImportPlan> &plan = mWizard->plan();
    const Import::SniffResult &sniff = mWizard->sniff();

    {
        const QSignalBlocker blocker(mSheetCombo);
        mSheetCombo->clear();
        mSheetCombo->addItems(sniff.sheetNames);
        mSheetCombo->setCurrentText(sniff.sheet);
        mSheetCombo->setEnabled(sniff.workbook && sniff.sheetNames.size() > 1);
    }

    if (mWizard->isPlanning()) {
        mStatusLabel->setText(tr("Reading the file…"));
    } else if (!plan) {
        mStatusLabel->setText(mWizard->filePath().isEmpty()
                                  ? QString()
                                  : u"<b>%1</b>"_s.arg(mWizard->planError().toHtmlEscaped()));
    } else {
        // A next wave keeps the dataset's name; a new dataset is named after the file until
        // the user names it.
        QString name = plan->datasetName;
        if (!mWizard->nextWaveOf().isNull()) {
            for (const Dataset &d : mWizard->document()->project().datasets) {
                if (d.id == mWizard->nextWaveOf())
                    name = d.name;
            }
        }
        if (mNameEdit->text().isEmpty() || mNameEdit->text() == mNameFromFile) {
            mNameEdit->setText(name);
            mNameFromFile = name;
        }
        QString text =
            tr("Recognised as <b>%1</b>: %n column(s).", nullptr, int(plan->columns.size()))
                .arg(Import::sourceFormatDisplayName(plan->format).toHtmlEscaped());
        if (mWizard->nextWaveOf().isNull()) {
            // A file with every column of a dataset is likely its next wave.
            QSet<QString> names;
            for (const DatasetColumn &c : plan->columns)
                names.insert(c.name);
            for (const Dataset &d : mWizard->document()->project().datasets) {
                bool all = !d.columns.isEmpty();
                for (const DatasetColumn &c : d.columns)
                    all = all && names.contains(c.name);
                if (all)
                    text += u"<br>"_s +
                            tr("It has the columns of the dataset “%1”: choose “The next wave "
                               "of %1” above to update its rows instead of adding a dataset.")
                                .arg(d.name.toHtmlEscaped());
            }
        } else if (!plan->ignoredFields.isEmpty()) {
            text += u"<br>"_s + tr("Columns not in the dataset, left out: %1")
                                    .arg(plan->ignoredFields.join(u", "_s).toHtmlEscaped());
        }
        mStatusLabel->setText(text);
    }
    emit completeChanged();
}

bool FilePage::isComplete() const
{
    return mWizard->plan() && !mWizard->isPlanning() && !mNameEdit->text().trimmed().isEmpty();
}

bool FilePage::validatePage()
{
    if (Import::ImportPlan *plan = mWizard->mutablePlan())
        plan->datasetName = mNameEdit->text().trimmed();
    return isComplete();
}

// --- Reading ------------------------------------------------------------------------------

ReadingPage::ReadingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , mWizard(wizard)
{
    setObjectName(u"readingPage"_s);
    setTitle(tr("Check how the file is read"));
    setSubTitle(tr("Waymark guessed how the file is written. If the preview looks wrong, "
                   "change a setting: the preview follows."));

    mDetectedLabel = new QLabel;
    mDetectedLabel->setObjectName(u"detectedLabel"_s);
    mDetectedLabel->setWordWrap(true);

    mFormatCombo = new QComboBox;
    mFormatCombo->setObjectName(u"formatCombo"_s);
    for (Import::SourceFormat f : Import::allSourceFormats())
        mFormatCombo->addItem(Import::sourceFormatDisplayName(f), int(f));

    mEncodingCombo = new QComboBox;
    mEncodingCombo->setObjectName(u"encodingCombo"_s);
    for (Import::Encoding e :
         {Import::Encoding::Utf8, Import::Encoding::Utf16LE, Import::Encoding::Utf16BE,
          Import::Encoding::Windows1252, Import::Encoding::Latin1})
        mEncodingCombo->addItem(encodingLabel(e), int(e));

    mDelimiterCombo = new QComboBox;
    mDelimiterCombo->setObjectName(u"delimiterCombo"_s);
    for (char c : {',', ';', '\t', '|'})
        mDelimiterCombo->addItem(delimiterLabel(c), int(c));

    mHeaderRowsSpin = new QSpinBox;
    mHeaderRowsSpin->setObjectName(u"headerRowsSpin"_s);
    mHeaderRowsSpin->setRange(0, 100);

    mDecimalCommaCheck = new QCheckBox(tr("Numbers use a decimal &comma (3,5)"));
    mDecimalCommaCheck->setObjectName(u"decimalCommaCheck"_s);

    mDateOrderCombo = new QComboBox;
    mDateOrderCombo->setObjectName(u"dateOrderCombo"_s);
    mDateOrderCombo->addItem(tr("Month first (03/31/2024)"), int(Import::DateOrder::MonthFirst));
    mDateOrderCombo->addItem(tr("Day first (31/03/2024)"), int(Import::DateOrder::DayFirst));

    mBusyLabel = new QLabel;
    mBusyLabel->setObjectName(u"busyLabel"_s);

    mPreviewModel = new QStandardItemModel(this);
    mPreviewTable = new QTableView;
    mPreviewTable->setObjectName(u"previewTable"_s);
    mPreviewTable->setModel(mPreviewModel);
    mPreviewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mPreviewTable->horizontalHeader()->setDefaultSectionSize(120);
    mPreviewTable->setWordWrap(false);

    auto *left = new QFormLayout;
    left->addRow(tr("F&ormat:"), mFormatCombo);
    left->addRow(tr("&Header rows:"), mHeaderRowsSpin);
    left->addRow(tr("&Dates:"), mDateOrderCombo);
    auto *right = new QFormLayout;
    right->addRow(tr("&Encoding:"), mEncodingCombo);
    right->addRow(tr("De&limiter:"), mDelimiterCombo);
    right->addRow(QString(), mDecimalCommaCheck);
    auto *controls = new QHBoxLayout;
    controls->addLayout(left);
    controls->addSpacing(24);
    controls->addLayout(right);
    controls->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mDetectedLabel);
    layout->addLayout(controls);
    layout->addWidget(mBusyLabel);
    layout->addWidget(mPreviewTable, 1);

    connect(mFormatCombo, &QComboBox::currentIndexChanged, this, [this] {
        mWizard->options().format = Import::SourceFormat(mFormatCombo->currentData().toInt());
        // The format brings its own number of header rows.
        mWizard->options().headerRows.reset();
        mWizard->replan();
    });
    connect(mEncodingCombo, &QComboBox::currentIndexChanged, this, [this] {
        mWizard->options().encoding = Import::Encoding(mEncodingCombo->currentData().toInt());
        mWizard->replan();
    });
    connect(mDelimiterCombo, &QComboBox::currentIndexChanged, this, [this] {
        mWizard->options().delimiter = char(mDelimiterCombo->currentData().toInt());
        mWizard->replan();
    });
    connect(mHeaderRowsSpin, &QSpinBox::valueChanged, this, [this](int rows) {
        mWizard->options().headerRows = rows;
        mWizard->replan();
    });
    connect(mDecimalCommaCheck, &QCheckBox::toggled, this, [this](bool on) {
        mWizard->decimalCommaOverride = on;
        mWizard->replan();
    });
    connect(mDateOrderCombo, &QComboBox::currentIndexChanged, this, [this] {
        mWizard->dateOrderOverride = Import::DateOrder(mDateOrderCombo->currentData().toInt());
        mWizard->replan();
    });
    connect(wizard, &ImportWizard::planReady, this, &ReadingPage::planReady);
}

void ReadingPage::initializePage()
{
    planReady();
}

bool ReadingPage::isComplete() const
{
    return mWizard->plan() && !mWizard->isPlanning();
}

void ReadingPage::planReady()
{
    emit completeChanged();
    if (mWizard->isPlanning()) {
        mBusyLabel->setText(tr("Reading the file again…"));
        return;
    }
    mBusyLabel->setText(mWizard->plan() ? QString()
                                        : u"<b>%1</b>"_s.arg(mWizard->planError().toHtmlEscaped()));
    const std::optional<Import::ImportPlan> &plan = mWizard->plan();
    if (!plan)
        return;

    // A next wave reads the file as the dataset's mapping says: nothing to change here.
    const bool editable = mWizard->nextWaveOf().isNull();
    const QList<QWidget *> controls = {mFormatCombo,    mEncodingCombo,     mDelimiterCombo,
                                       mHeaderRowsSpin, mDecimalCommaCheck, mDateOrderCombo};
    for (QWidget *w : controls) {
        const QSignalBlocker blocker(w);
        w->setEnabled(editable);
    }
    {
        const QSignalBlocker b1(mFormatCombo), b2(mEncodingCombo), b3(mDelimiterCombo),
            b4(mHeaderRowsSpin), b5(mDecimalCommaCheck), b6(mDateOrderCombo);
        mFormatCombo->setCurrentIndex(mFormatCombo->findData(int(plan->format)));
        mEncodingCombo->setCurrentIndex(mEncodingCombo->findData(int(plan->encoding)));
        mDelimiterCombo->setCurrentIndex(mDelimiterCombo->findData(int(plan->delimiter)));
        mHeaderRowsSpin->setValue(int(plan->headerRows));
        mDecimalCommaCheck->setChecked(plan->decimalComma);
        mDateOrderCombo->setCurrentIndex(mDateOrderCombo->findData(int(plan->dateOrder)));
    }
    // A workbook has cells, not bytes: no encoding, no delimiter.
    mEncodingCombo->setEnabled(editable && !plan->workbook);
    mDelimiterCombo->setEnabled(editable && !plan->workbook);

    const Import::SniffResult &sniff = mWizard->sniff();
    QString detected = tr("Detected: <b>%1</b>")
                           .arg(Import::sourceFormatDisplayName(plan->format).toHtmlEscaped());
    if (plan->workbook)
        detected += u" · "_s + tr("Excel workbook, sheet “%1”").arg(sniff.sheet.toHtmlEscaped());
    else
        detected += u" · "_s + encodingLabel(plan->encoding) + u" · "_s +
                    tr("separated by %1").arg(delimiterLabel(plan->delimiter).toHtmlEscaped());
    detected += u" · "_s + tr("%n header row(s)", nullptr, int(plan->headerRows));
    mDetectedLabel->setText(detected);

    fillPreview();
}

void ReadingPage::fillPreview()
{
    const std::optional<Import::ImportPlan> &plan = mWizard->plan();
    const QList<Import::CsvRow> &preview = mWizard->sniff().preview;
    mPreviewModel->clear();

    qsizetype width = 0;
    for (const Import::CsvRow &row : preview)
        width = qMax(width, row.fields.size());
    mPreviewModel->setColumnCount(int(width));
    QStringList names;
    for (qsizetype c = 0; c < width; ++c)
        names.append(c < plan->columns.size() ? plan->columns[c].name : QString::number(c + 1));
    mPreviewModel->setHorizontalHeaderLabels(names);

    // Header rows are shaded and bold, comment records greyed, so that a wrong count shows.
    QFont bold = mPreviewTable->font();
    bold.setBold(true);
    const QColor headerBackground = palette().color(QPalette::AlternateBase).darker(108);
    QStringList rowLabels;
    qint64 dataRow = 0;
    for (qsizetype r = 0; r < preview.size(); ++r) {
        const bool skipped = r < plan->skipRecords;
        const bool header = !skipped && r < plan->skipRecords + plan->headerRows;
        QList<QStandardItem *> items;
        for (qsizetype c = 0; c < width; ++c) {
            QString text = fieldOf(preview[r].fields, c);
            text.replace(u'\n', u' ');
            auto *item = new QStandardItem(text.left(200));
            item->setToolTip(text.left(1000));
            if (header) {
                item->setFont(bold);
                item->setBackground(headerBackground);
            } else if (skipped) {
                item->setForeground(palette().color(QPalette::PlaceholderText));
            }
            items.append(item);
        }
        mPreviewModel->appendRow(items);
        if (skipped)
            rowLabels.append(tr("Skipped"));
        else if (header)
            rowLabels.append(tr("Header %1").arg(r - plan->skipRecords + 1));
        else
            rowLabels.append(QString::number(++dataRow));
    }
    mPreviewModel->setVerticalHeaderLabels(rowLabels);
}

// --- Columns ------------------------------------------------------------------------------

ColumnsPage::ColumnsPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , mWizard(wizard)
{
    setObjectName(u"columnsPage"_s);
    setTitle(tr("Say what each column holds"));
    setSubTitle(tr("The role tells Waymark what a column means: an NPS score, a customer id, "
                   "revenue… Charts and metrics use the roles. Columns set to Ignore are kept "
                   "but not used."));

    mTable = new QTableWidget(0, 4);
    mTable->setObjectName(u"columnsTable"_s);
    mTable->setHorizontalHeaderLabels({tr("Column"), tr("Sample values"), tr("Type"), tr("Role")});
    mTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->verticalHeader()->setVisible(false);

    mPersonalCombo = new QComboBox;
    mPersonalCombo->setObjectName(u"personalCombo"_s);
    mPersonalCombo->addItem(tr("Keep them as they are"), int(PersonalData::Keep));
    mPersonalCombo->addItem(tr("Replace them by a hash (rows stay countable, names unreadable)"),
                            int(PersonalData::Hash));
    mPersonalCombo->addItem(tr("Drop them (not stored at all)"), int(PersonalData::Drop));
    connect(mPersonalCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (Import::ImportPlan *plan = mWizard->mutablePlan())
            plan->personal = PersonalData(mPersonalCombo->currentData().toInt());
    });

    auto *personal = new QFormLayout;
    personal->addRow(tr("&Personal data (emails, IP addresses, names):"), mPersonalCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mTable, 1);
    layout->addLayout(personal);
}

void ColumnsPage::initializePage()
{
    Import::ImportPlan *plan = mWizard->mutablePlan();
    mTable->setRowCount(0);
    if (!plan)
        return;
    const QList<QStringList> rows = previewDataRecords(mWizard);
    const bool editableTypes = mWizard->nextWaveOf().isNull();

    mTable->setRowCount(int(plan->columns.size()));
    for (qsizetype c = 0; c < plan->columns.size(); ++c) {
        const DatasetColumn &column = plan->columns[c];
        mTable->setItem(int(c), 0, new QTableWidgetItem(column.name));

        QStringList samples;
        for (const QStringList &row : rows) {
            const QString value = fieldOf(row, plan->sourceFields.value(c, c)).simplified();
            if (!value.isEmpty() && !samples.contains(value))
                samples.append(value.left(40));
            if (samples.size() == 4)
                break;
        }
        mTable->setItem(int(c), 1, new QTableWidgetItem(samples.join(u" · "_s)));

        auto *type = new QComboBox;
        type->setObjectName(u"typeCombo_%1"_s.arg(c));
        for (ColumnType t : allValues<ColumnType>())
            type->addItem(displayName(t), int(t));
        type->setCurrentIndex(type->findData(int(column.type)));
        type->setEnabled(editableTypes);
        connect(type, &QComboBox::currentIndexChanged, this, [this, type, c] {
            if (Import::ImportPlan *p = mWizard->mutablePlan(); p && c < p->columns.size())
                p->columns[c].type = ColumnType(type->currentData().toInt());
        });
        mTable->setCellWidget(int(c), 2, type);

        auto *role = new QComboBox;
        role->setObjectName(u"roleCombo_%1"_s.arg(c));
        for (ColumnRole r : allValues<ColumnRole>())
            role->addItem(displayName(r), int(r));
        role->setCurrentIndex(role->findData(int(column.role)));
        connect(role, &QComboBox::currentIndexChanged, this, [this, role, c] {
            if (Import::ImportPlan *p = mWizard->mutablePlan(); p && c < p->columns.size())
                p->columns[c].role = ColumnRole(role->currentData().toInt());
        });
        mTable->setCellWidget(int(c), 3, role);
    }
    mTable->resizeColumnToContents(0);
    mTable->setColumnWidth(0, qMin(mTable->columnWidth(0), 220));
    mTable->resizeColumnToContents(2);
    mTable->resizeColumnToContents(3);

    const QSignalBlocker blocker(mPersonalCombo);
    mPersonalCombo->setCurrentIndex(mPersonalCombo->findData(int(plan->personal)));
}

// --- Attachment ---------------------------------------------------------------------------

AttachmentPage::AttachmentPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , mWizard(wizard)
{
    setObjectName(u"attachmentPage"_s);
    setTitle(tr("Attach the data to touchpoints"));
    setSubTitle(tr("Attached rows feed the touchpoints' metrics. You can change this later "
                   "in the Data dock."));

    mNoneRadio = new QRadioButton(tr("&Not yet: keep the dataset unattached"));
    mNoneRadio->setObjectName(u"attachNoneRadio"_s);
    mWholeRadio = new QRadioButton(tr("&Every row to one touchpoint"));
    mWholeRadio->setObjectName(u"attachWholeRadio"_s);
    mColumnRadio = new QRadioButton(tr("Row by row, through a &column naming the touchpoint"));
    mColumnRadio->setObjectName(u"attachColumnRadio"_s);
    mFilterRadio = new QRadioButton(tr("The rows where a column has a &value, to one touchpoint"));
    mFilterRadio->setObjectName(u"attachFilterRadio"_s);
    mKindGroup = new QButtonGroup(this);
    mKindGroup->addButton(mNoneRadio);
    mKindGroup->addButton(mWholeRadio);
    mKindGroup->addButton(mColumnRadio);
    mKindGroup->addButton(mFilterRadio);
    mNoneRadio->setChecked(true);

    mTouchpointSearch = new QLineEdit;
    mTouchpointSearch->setObjectName(u"touchpointSearch"_s);
    mTouchpointSearch->setPlaceholderText(tr("Search touchpoints"));
    mTouchpointSearch->setClearButtonEnabled(true);
    mTouchpointList = new QListWidget;
    mTouchpointList->setObjectName(u"touchpointList"_s);

    mColumnCombo = new QComboBox;
    mColumnCombo->setObjectName(u"attachColumnCombo"_s);
    mMatchLabel = new QLabel;
    mMatchLabel->setObjectName(u"matchLabel"_s);
    mMatchLabel->setWordWrap(true);
    mUnmatchedList = new QListWidget;
    mUnmatchedList->setObjectName(u"unmatchedList"_s);
    mUnmatchedList->setMaximumHeight(110);

    mFilterColumnCombo = new QComboBox;
    mFilterColumnCombo->setObjectName(u"filterColumnCombo"_s);
    mFilterValueEdit = new QLineEdit;
    mFilterValueEdit->setObjectName(u"filterValueEdit"_s);
    mFilterValueEdit->setPlaceholderText(tr("Value"));

    auto *columnBox = new QVBoxLayout;
    columnBox->setContentsMargins(24, 0, 0, 0);
    auto *columnRow = new QFormLayout;
    columnRow->addRow(tr("Column:"), mColumnCombo);
    columnBox->addLayout(columnRow);
    columnBox->addWidget(mMatchLabel);
    columnBox->addWidget(mUnmatchedList);
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(24, 0, 0, 0);
    filterRow->addWidget(mFilterColumnCombo, 1);
    filterRow->addWidget(new QLabel(u"="_s));
    filterRow->addWidget(mFilterValueEdit, 1);

    auto *choices = new QVBoxLayout;
    choices->addWidget(mNoneRadio);
    choices->addWidget(mWholeRadio);
    choices->addWidget(mFilterRadio);
    choices->addLayout(filterRow);
    choices->addWidget(mColumnRadio);
    choices->addLayout(columnBox);
    choices->addStretch();
    auto *touchpoints = new QVBoxLayout;
    touchpoints->addWidget(new QLabel(tr("Touchpoint (map › stage › title):")));
    touchpoints->addWidget(mTouchpointSearch);
    touchpoints->addWidget(mTouchpointList, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(choices, 3);
    layout->addLayout(touchpoints, 2);

    connect(mKindGroup, &QButtonGroup::buttonToggled, this, &AttachmentPage::updateState);
    connect(mTouchpointSearch, &QLineEdit::textChanged, this, &AttachmentPage::fillTouchpoints);
    connect(mTouchpointList, &QListWidget::currentRowChanged, this,
            &AttachmentPage::completeChanged);
    connect(mColumnCombo, &QComboBox::currentIndexChanged, this, &AttachmentPage::updateMatches);
    connect(mFilterValueEdit, &QLineEdit::textChanged, this, &AttachmentPage::completeChanged);
}

void AttachmentPage::initializePage()
{
    const std::optional<Import::ImportPlan> &plan = mWizard->plan();
    {
        const QSignalBlocker b1(mColumnCombo), b2(mFilterColumnCombo);
        mColumnCombo->clear();
        mFilterColumnCombo->clear();
        if (plan) {
            for (const DatasetColumn &c : plan->columns) {
                mColumnCombo->addItem(c.name);
                mFilterColumnCombo->addItem(c.name);
            }
            // A column with the touchpoint role is the likely one.
            for (qsizetype c = 0; c < plan->columns.size(); ++c) {
                if (plan->columns[c].role == ColumnRole::Touchpoint)
                    mColumnCombo->setCurrentIndex(int(c));
            }
            // A next wave keeps its dataset's attachment.
            if (!plan->attachments.isEmpty()) {
                const DatasetAttachment &a = plan->attachments.first();
                if (a.kind == AttachmentKind::ByColumn) {
                    mColumnRadio->setChecked(true);
                    mColumnCombo->setCurrentIndex(int(a.column));
                } else if (a.kind == AttachmentKind::Filter) {
                    mFilterRadio->setChecked(true);
                    mFilterColumnCombo->setCurrentIndex(int(a.column));
                    mFilterValueEdit->setText(a.value);
                } else {
                    mWholeRadio->setChecked(true);
                }
            }
        }
    }
    fillTouchpoints();
    if (plan && !plan->attachments.isEmpty()) {
        for (int i = 0; i < mTouchpointList->count(); ++i) {
            if (mTouchpointList->item(i)->data(Qt::UserRole).value<Id>() ==
                plan->attachments.first().touchpointId)
                mTouchpointList->setCurrentRow(i);
        }
    }
    updateMatches();
    updateState();
}

void AttachmentPage::fillTouchpoints()
{
    const Id current = selectedTouchpoint();
    const QString search = mTouchpointSearch->text().trimmed();
    mTouchpointList->clear();
    for (const JourneyMap &map : mWizard->document()->project().maps) {
        for (const Touchpoint &t : map.touchpoints) {
            QString stage;
            for (const Stage &s : map.stages) {
                if (s.id == t.stageId)
                    stage = s.name;
            }
            const QString text = u"%1 › %2 › %3"_s.arg(map.name, stage, t.title);
            if (!search.isEmpty() && !text.contains(search, Qt::CaseInsensitive))
                continue;
            auto *item = new QListWidgetItem(text, mTouchpointList);
            item->setData(Qt::UserRole, t.id);
            if (t.id == current)
                mTouchpointList->setCurrentItem(item);
        }
    }
    emit completeChanged();
}

Id AttachmentPage::selectedTouchpoint() const
{
    const QListWidgetItem *item = mTouchpointList->currentItem();
    return item ? item->data(Qt::UserRole).value<Id>() : Id();
}

void AttachmentPage::updateMatches()
{
    mUnmatchedList->clear();
    const std::optional<Import::ImportPlan> &plan = mWizard->plan();
    const qsizetype column = mColumnCombo->currentIndex();
    if (!plan || column < 0) {
        mMatchLabel->clear();
        return;
    }

    // The preview's records stand for the file: the import reports on all of them.
    const Import::TouchpointMatcher matcher(mWizard->document()->project());
    const QList<QStringList> rows = previewDataRecords(mWizard);
    qsizetype matched = 0;
    QStringList unmatched;
    for (const QStringList &row : rows) {
        const QString value = fieldOf(row, plan->sourceFields.value(column, column)).trimmed();
        if (matcher.match(value)) {
            ++matched;
        } else if (!unmatched.contains(value)) {
            unmatched.append(value);
        }
    }
    for (const QString &value :
         std::as_const(unmatched).first(qMin(unmatched.size(), qsizetype(listedUnmatched))))
        mUnmatchedList->addItem(value.isEmpty() ? tr("(empty)") : value);
    const QString sample = mWizard->sniff().previewIsWholeFile
                               ? tr("Of the %n row(s) of the file", nullptr, int(rows.size()))
                               : tr("Of the first %n row(s)", nullptr, int(rows.size()));
    mMatchLabel->setText(
        tr("%1, %2 name a touchpoint and %3 do not. Values that name no touchpoint:")
            .arg(sample)
            .arg(matched)
            .arg(rows.size() - matched));
    mUnmatchedList->setVisible(!unmatched.isEmpty());
}

void AttachmentPage::updateState()
{
    const bool needsTouchpoint = mWholeRadio->isChecked() || mFilterRadio->isChecked();
    mTouchpointSearch->setEnabled(needsTouchpoint);
    mTouchpointList->setEnabled(needsTouchpoint);
    mColumnCombo->setEnabled(mColumnRadio->isChecked());
    mMatchLabel->setEnabled(mColumnRadio->isChecked());
    mUnmatchedList->setEnabled(mColumnRadio->isChecked());
    mFilterColumnCombo->setEnabled(mFilterRadio->isChecked());
    mFilterValueEdit->setEnabled(mFilterRadio->isChecked());
    emit completeChanged();
}

bool AttachmentPage::isComplete() const
{
    if (mWholeRadio->isChecked())
        return !selectedTouchpoint().isNull();
    if (mFilterRadio->isChecked())
        return !selectedTouchpoint().isNull() && mFilterColumnCombo->currentIndex() >= 0 &&
               !mFilterValueEdit->text().isEmpty();
    if (mColumnRadio->isChecked())
        return mColumnCombo->currentIndex() >= 0;
    return true;
}

bool AttachmentPage::validatePage()
{
    Import::ImportPlan *plan = mWizard->mutablePlan();
    if (!plan || !isComplete())
        return false;
    plan->attachments.clear();
    DatasetAttachment a;
    if (mWholeRadio->isChecked()) {
        a.kind = AttachmentKind::WholeDataset;
        a.touchpointId = selectedTouchpoint();
    } else if (mFilterRadio->isChecked()) {
        a.kind = AttachmentKind::Filter;
        a.touchpointId = selectedTouchpoint();
        a.column = mFilterColumnCombo->currentIndex();
        a.value = mFilterValueEdit->text();
    } else if (mColumnRadio->isChecked()) {
        Import::attachByColumn(*plan, mColumnCombo->currentIndex());
        return true;
    } else {
        return true;
    }
    plan->attachments.append(a);
    return true;
}

// --- Import -------------------------------------------------------------------------------

RunPage::RunPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , mWizard(wizard)
{
    setObjectName(u"importPage"_s);
    setTitle(tr("Import"));
    setSubTitle(tr("Waymark reads every row and checks every value. Nothing is added to the "
                   "project until you click Finish."));
    setCommitPage(false);

    mProgress = new QProgressBar;
    mProgress->setObjectName(u"importProgress"_s);
    mCancelButton = new QPushButton(tr("&Stop"));
    mCancelButton->setObjectName(u"cancelImportButton"_s);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(mProgress, 1);
    progressRow->addWidget(mCancelButton);

    mResultLabel = new QLabel;
    mResultLabel->setObjectName(u"resultLabel"_s);
    mResultLabel->setWordWrap(true);

    mBadTable = new QTableWidget(0, 4);
    mBadTable->setObjectName(u"badRowsTable"_s);
    mBadTable->setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Value"), tr("Problem")});
    mBadTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    mBadTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mBadTable->verticalHeader()->setVisible(false);

    mChoiceBox = new QGroupBox(tr("What should happen to these rows?"));
    mSkipRadio = new QRadioButton(tr("&Leave them out"));
    mSkipRadio->setObjectName(u"skipRadio"_s);
    mSkipRadio->setChecked(true);
    mKeepRadio = new QRadioButton(tr("&Keep them, with the faulty values left empty"));
    mKeepRadio->setObjectName(u"keepRadio"_s);
    mAbandonRadio = new QRadioButton(tr("&Abandon the import"));
    mAbandonRadio->setObjectName(u"abandonRadio"_s);
    mApplyButton = new QPushButton(tr("&Go on"));
    mApplyButton->setObjectName(u"applyChoiceButton"_s);
    auto *choiceLayout = new QHBoxLayout(mChoiceBox);
    choiceLayout->addWidget(mSkipRadio);
    choiceLayout->addWidget(mKeepRadio);
    choiceLayout->addWidget(mAbandonRadio);
    choiceLayout->addStretch();
    choiceLayout->addWidget(mApplyButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(progressRow);
    layout->addWidget(mResultLabel);
    layout->addWidget(mBadTable, 1);
    layout->addWidget(mChoiceBox);

    connect(mCancelButton, &QPushButton::clicked, wizard, &ImportWizard::cancelImport);
    connect(wizard, &ImportWizard::importProgress, this, [this](qint64 done, qint64 total) {
        // Bytes can exceed an int: the bar counts per mille.
        mProgress->setRange(0, 1000);
        mProgress->setValue(total > 0 ? int(qMin<qint64>(1000, done * 1000 / total)) : 0);
    });
    connect(wizard, &ImportWizard::importFinished, this, &RunPage::importFinished);
    connect(mApplyButton, &QPushButton::clicked, this, [this] {
        if (mAbandonRadio->isChecked()) {
            mWizard->reject();
            return;
        }
        mChoiceBox->setEnabled(false);
        mCancelButton->setEnabled(true);
        mResultLabel->setText(tr("Importing…"));
        mWizard->startImport(mKeepRadio->isChecked() ? Import::BadRowPolicy::KeepEmpty
                                                     : Import::BadRowPolicy::Skip);
        emit completeChanged();
    });
}

void RunPage::initializePage()
{
    mProgress->setRange(0, 0);
    mCancelButton->setEnabled(true);
    mResultLabel->setText(tr("Importing…"));
    mBadTable->setRowCount(0);
    mBadTable->setVisible(false);
    mChoiceBox->setVisible(false);
    // The first run refuses any bad row, so that the user sees them all before choosing.
    mWizard->startImport(Import::BadRowPolicy::Fail);
}

void RunPage::cleanupPage()
{
    mWizard->cancelImport();
}

bool RunPage::isComplete() const
{
    return !mWizard->isImporting() && mWizard->result() && mWizard->result()->ok;
}

void RunPage::importFinished()
{
    mCancelButton->setEnabled(false);
    mProgress->setRange(0, 1000);
    emit completeChanged();
    const std::optional<Import::ImportResult> &result = mWizard->result();
    if (!result)
        return;

    if (result->cancelled) {
        mProgress->setValue(0);
        mResultLabel->setText(tr("The import was stopped; nothing was added to the project. "
                                 "Go back and forth to try again, or click Cancel."));
        return;
    }
    mProgress->setValue(1000);

    mBadTable->setRowCount(0);
    for (const Import::BadValue &b : result->badValues) {
        const int row = mBadTable->rowCount();
        mBadTable->insertRow(row);
        auto *record = new QTableWidgetItem;
        record->setData(Qt::DisplayRole, b.record);
        mBadTable->setItem(row, 0, record);
        mBadTable->setItem(row, 1,
                           new QTableWidgetItem(b.column > 0 ? b.columnName : tr("(whole row)")));
        mBadTable->setItem(row, 2, new QTableWidgetItem(b.value));
        mBadTable->setItem(row, 3, new QTableWidgetItem(b.reason));
    }
    mBadTable->resizeColumnToContents(0);
    mBadTable->setVisible(!result->badValues.isEmpty());

    if (result->ok) {
        mChoiceBox->setVisible(false);
        QString text = tr("%n row(s) read and checked.", nullptr, int(result->rowsImported));
        if (result->rowsReplaced > 0)
            text += u' ' + tr("%n of them replace rows with the same key.", nullptr,
                              int(result->rowsReplaced));
        if (result->rowsSkipped > 0)
            text += u' ' + tr("%n bad row(s) left out.", nullptr, int(result->rowsSkipped));
        if (result->rowsKept > 0)
            text +=
                u' ' + tr("%n bad row(s) kept with empty values.", nullptr, int(result->rowsKept));
        if (result->unmatchedRows > 0)
            text +=
                u' ' + tr("%n row(s) name no touchpoint: %1.", nullptr, int(result->unmatchedRows))
                           .arg(result->unmatchedTouchpoints.join(u", "_s));
        text += u' ' + tr("Click Finish to add the dataset to the project.");
        mResultLabel->setText(text);
        return;
    }

    if (result->badValueCount > 0) {
        mResultLabel->setText(
            tr("%n row(s) have problems (%1 problems in all; the first are listed below). "
               "Nothing has been imported yet.",
               nullptr, int(result->rowsSkipped))
                .arg(result->badValueCount));
        mChoiceBox->setVisible(true);
        mChoiceBox->setEnabled(true);
        return;
    }
    mResultLabel->setText(u"<b>%1</b> %2"_s.arg(
        result->error.toHtmlEscaped(), tr("Nothing was added to the project.").toHtmlEscaped()));
}

} // namespace Waymark::ImportPages
