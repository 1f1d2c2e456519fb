#include "inspectorwidgets.h"

#include <QColorDialog>
#include <QFocusEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Waymark {

InspectorTextEdit::InspectorTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    // As tall as its lines, not as the dock: the fields below stay in view.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void InspectorTextEdit::setTextQuietly(const QString &text)
{
    if (toPlainText() != text)
        setPlainText(text);
    setModified(false);
}

bool InspectorTextEdit::isModified() const
{
    return document()->isModified();
}

void InspectorTextEdit::setModified(bool modified)
{
    document()->setModified(modified);
}

void InspectorTextEdit::setVisibleLines(int lines)
{
    mVisibleLines = qMax(1, lines);
    updateGeometry();
}

QSize InspectorTextEdit::sizeHint() const
{
    const int height = fontMetrics().lineSpacing() * mVisibleLines + 2 * frameWidth() +
                       int(document()->documentMargin() * 2);
    return {QPlainTextEdit::sizeHint().width(), height};
}

void InspectorTextEdit::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    // A context menu or another window taking focus is not the end of the edit.
    if (event->reason() != Qt::PopupFocusReason && event->reason() != Qt::ActiveWindowFocusReason)
        emit editingFinished();
}

void InspectorTextEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && event->modifiers().testFlag(Qt::ControlModifier)) {
        emit editingFinished();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

ColorButton::ColorButton(QWidget *parent)
    : QWidget(parent)
    , mSwatch(new QToolButton(this))
    , mDefault(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    mSwatch->setObjectName(u"colorSwatch"_s);
    mSwatch->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    mSwatch->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    mSwatch->setToolTip(tr("Choose a colour"));
    layout->addWidget(mSwatch);
    connect(mSwatch, &QToolButton::clicked, this, &ColorButton::chooseColor);

    mDefault->setObjectName(u"colorDefault"_s);
    mDefault->setText(tr("Default"));
    mDefault->setToolTip(tr("Use the colour of the lane"));
    layout->addWidget(mDefault);
    connect(mDefault, &QToolButton::clicked, this, [this] {
        setColor(QColor());
        emit colorChosen(QColor());
    });

    updateSwatch();
}

void ColorButton::setColor(const QColor &color)
{
    mColor = color;
    mMixed = false;
    updateSwatch();
}

void ColorButton::setMixed()
{
    mColor = QColor();
    mMixed = true;
    updateSwatch();
}

void ColorButton::chooseColor()
{
    const QColor start = mColor.isValid() ? mColor : palette().color(QPalette::Base);
    const QColor chosen = QColorDialog::getColor(start, this, tr("Choose a Colour"));
    if (!chosen.isValid())
        return; // cancelled
    setColor(chosen);
    emit colorChosen(chosen);
}

void ColorButton::updateSwatch()
{
    const int side = fontMetrics().height();
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(palette().color(QPalette::Mid));
    if (mColor.isValid()) {
        painter.setBrush(mColor);
    } else {
        // No colour of its own: a hollow swatch crossed out.
        painter.setBrush(Qt::NoBrush);
        painter.drawLine(QPointF(1.5, side - 1.5), QPointF(side - 1.5, 1.5));
    }
    painter.drawRoundedRect(QRectF(0.5, 0.5, side - 1, side - 1), 3, 3);
    painter.end();
    mSwatch->setIcon(QIcon(pixmap));

    if (mMixed)
        mSwatch->setText(tr("—"));
    else if (mColor.isValid())
        mSwatch->setText(mColor.name());
    else
        mSwatch->setText(tr("Default"));
    mDefault->setEnabled(mMixed || mColor.isValid());
}

} // namespace Waymark
