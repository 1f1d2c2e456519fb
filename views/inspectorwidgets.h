// Small editors the inspector dock is made of: a multi-line text field that reports when
// editing ends, as QLineEdit does, and a colour button that can go back to the default.
#pragma once

#include <QColor>
#include <QPlainTextEdit>
#include <QWidget>

class QToolButton;

namespace Waymark {

// A QPlainTextEdit that says when the person is done with it (it lost focus, or Ctrl+Enter),
// so that a whole paragraph of typing becomes one undo step.
class InspectorTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit InspectorTextEdit(QWidget *parent = nullptr);

    // Replaces the text without counting as an edit by the person.
    void setTextQuietly(const QString &text);
    bool isModified() const;
    void setModified(bool modified);

    // How many lines of text the field is tall; longer text scrolls.
    void setVisibleLines(int lines);

    QSize sizeHint() const override;

signals:
    void editingFinished();

protected:
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    int mVisibleLines = 4;
};

// A swatch that opens a colour dialog, and a "Default" button beside it that clears the
// colour (an invalid QColor: the theme's colour). It can also show that several items differ.
class ColorButton : public QWidget
{
    Q_OBJECT

public:
    explicit ColorButton(QWidget *parent = nullptr);

    QColor color() const { return mColor; }
    bool isMixed() const { return mMixed; }
    void setColor(const QColor &color); // does not emit colorChosen
    void setMixed();

    QToolButton *swatchButton() const { return mSwatch; }
    QToolButton *defaultButton() const { return mDefault; }

signals:
    // The person picked a colour, or the default (an invalid colour).
    void colorChosen(const QColor &color);

private:
    void chooseColor();
    void updateSwatch();

    QToolButton *mSwatch;
    QToolButton *mDefault;
    QColor mColor;
    bool mMixed = false;
};

} // namespace Waymark
