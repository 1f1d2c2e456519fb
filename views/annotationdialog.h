// The small dialog that asks for an annotation's text and, for a pain point or an
// opportunity, its severity or priority from 1 to 5.
#pragma once

#include "enums.h"

#include <QDialog>

class QPlainTextEdit;
class QSpinBox;

namespace Waymark {

class AnnotationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AnnotationDialog(AnnotationKind kind, QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    int severity() const; // 0 for a comment
    void setSeverity(int severity);

private:
    AnnotationKind mKind;
    QPlainTextEdit *mText = nullptr;
    QSpinBox *mSeverity = nullptr;
};

} // namespace Waymark
