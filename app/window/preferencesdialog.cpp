#include "preferencesdialog.h"

#include "templates.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , mAuthor(new QLineEdit(this))
    , mTemplate(new QComboBox(this))
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    const QSettings settings;

    mAuthor->setObjectName(u"authorEdit"_s);
    mAuthor->setText(settings.value(authorKey()).toString());
    // Left empty, comments are signed with the login name: the placeholder says which.
    mAuthor->setPlaceholderText(qEnvironmentVariable("USER"));
    mAuthor->setClearButtonEnabled(true);

    mTemplate->setObjectName(u"templateCombo"_s);
    for (const QString &name : Templates::names())
        mTemplate->addItem(Templates::displayName(name), name);
    mTemplate->setCurrentIndex(qMax(0, mTemplate->findData(newProjectTemplate())));

    auto *form = new QFormLayout;
    form->addRow(tr("Your &name:"), mAuthor);
    form->addRow(QString(), hint(tr("Signs the comments, pain points and opportunities you add, "
                                    "so that a team can tell who wrote what. Left empty, "
                                    "your login name signs them."),
                                 this));
    form->addRow(tr("&New projects from:"), mTemplate);
    form->addRow(QString(),
                 hint(tr("The template File ▸ New starts from when you press %1.")
                          .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)),
                      this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

QString PreferencesDialog::authorKey()
{
    return u"author"_s;
}

QString PreferencesDialog::newProjectTemplateKey()
{
    return u"newProjectTemplate"_s;
}

QString PreferencesDialog::newProjectTemplate()
{
    const QStringList names = Templates::names();
    const QString chosen = QSettings().value(newProjectTemplateKey()).toString();
    if (names.contains(chosen))
        return chosen;
    return names.isEmpty() ? QString() : names.first();
}

void PreferencesDialog::accept()
{
    QSettings settings;
    const QString author = mAuthor->text().simplified();
    if (author.isEmpty())
        settings.remove(authorKey());
    else
        settings.setValue(authorKey(), author);
    settings.setValue(newProjectTemplateKey(), mTemplate->currentData().toString());
    QDialog::accept();
}

} // namespace Waymark
