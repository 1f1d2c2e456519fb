// The pages of the import wizard. Each reads the wizard's plan and writes its own part of
// it back; their controls carry object names so that tests can drive them.
#pragma once

#include "entities.h"

#include <QWizardPage>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace Waymark {

class ImportWizard;

namespace ImportPages {

// The file, the sheet of a workbook, the dataset's name, and whether it is the next wave of
// a dataset already in the project.
class FilePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit FilePage(ImportWizard *wizard);
    bool isComplete() const override;
    bool validatePage() override;

private:
    void planReady();

    ImportWizard *mWizard;
    QLineEdit *mFileEdit;
    QComboBox *mSheetCombo;
    QLineEdit *mNameEdit;
    QComboBox *mWaveCombo;
    QLabel *mStatusLabel;
    QString mNameFromFile; // the name given from the file, replaced when the file changes
};

// How the file is read, each guess shown and changeable, with the preview following.
class ReadingPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReadingPage(ImportWizard *wizard);
    bool isComplete() const override;
    void initializePage() override;

private:
    void planReady();
    void fillPreview();

    ImportWizard *mWizard;
    QLabel *mDetectedLabel;
    QComboBox *mFormatCombo;
    QComboBox *mEncodingCombo;
    QComboBox *mDelimiterCombo;
    QSpinBox *mHeaderRowsSpin;
    QCheckBox *mDecimalCommaCheck;
    QComboBox *mDateOrderCombo;
    QLabel *mBusyLabel;
    QTableView *mPreviewTable;
    QStandardItemModel *mPreviewModel;
};

// Each column: its name, sample values, type and role; and what to do with personal data.
class ColumnsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ColumnsPage(ImportWizard *wizard);
    void initializePage() override;

private:
    ImportWizard *mWizard;
    QTableWidget *mTable;
    QComboBox *mPersonalCombo;
};

// Which touchpoints the rows belong to.
class AttachmentPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit AttachmentPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void updateState();
    void fillTouchpoints();
    void updateMatches();
    Id selectedTouchpoint() const;

    ImportWizard *mWizard;
    QButtonGroup *mKindGroup;
    QRadioButton *mNoneRadio;
    QRadioButton *mWholeRadio;
    QRadioButton *mColumnRadio;
    QRadioButton *mFilterRadio;
    QLineEdit *mTouchpointSearch;
    QListWidget *mTouchpointList;
    QComboBox *mColumnCombo;
    QLabel *mMatchLabel;
    QListWidget *mUnmatchedList;
    QComboBox *mFilterColumnCombo;
    QLineEdit *mFilterValueEdit;
};

// The import with its progress and Cancel, then what it did: the rows imported and the bad
// ones, with the choice of what to do with them.
class RunPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit RunPage(ImportWizard *wizard);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void importFinished();

    ImportWizard *mWizard;
    QProgressBar *mProgress;
    QPushButton *mCancelButton;
    QLabel *mResultLabel;
    QTableWidget *mBadTable;
    QWidget *mChoiceBox;
    QRadioButton *mSkipRadio;
    QRadioButton *mKeepRadio;
    QRadioButton *mAbandonRadio;
    QPushButton *mApplyButton;
};

} // namespace ImportPages
} // namespace Waymark
