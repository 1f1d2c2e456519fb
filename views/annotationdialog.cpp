#include "annotationdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace Waymark {

AnnotationDialog::AnnotationDialog(AnnotationKind kind, QWidget *parent)
    : QDialog(parent)
    , mKind(kind)
{
    switch (kind) {
    case AnnotationKind::PainPoint:
        setWindowTitle(tr("Pain Point"));
        break;
    case AnnotationKind::Opportunity:
        setWindowTitle(tr("Opportunity"));
        break;
    case AnnotationKind::Comment:
        setWindowTitle(tr("Comment"));
        break;
    }

    auto *layout = new QFormLayout(this);
    mText = new QPlainTextEdit(this);
    mText->setTabChangesFocus(true);
    mText->setMinimumWidth(360);
    mText->setFixedHeight(96);
    layout->addRow(tr("&Text:"), mText);

    if (kind != AnnotationKind::Comment) {
        mSeverity = new QSpinBox(this);
        mSeverity->setRange(1, 5);
        mSeverity->setValue(3);
        layout->addRow(kind == AnnotationKind::PainPoint ? tr("&Severity (1–5):")
                                                         : tr("&Priority (1–5):"),
                       mSeverity);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // An annotation without text says nothing.
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(mText, &QPlainTextEdit::textChanged, this,
            [this, ok] { ok->setEnabled(!text().isEmpty()); });
}

QString AnnotationDialog::text() const
{
    return mText->toPlainText().trimmed();
}

void AnnotationDialog::setText(const QString &text)
{
    mText->setPlainText(text);
}

int AnnotationDialog::severity() const
{
    return mSeverity ? mSeverity->value() : 0;
}

void AnnotationDialog::setSeverity(int severity)
{
    if (mSeverity && severity > 0)
        mSeverity->setValue(severity);
}

} // namespace Waymark
