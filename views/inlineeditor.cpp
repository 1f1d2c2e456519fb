#include "inlineeditor.h"

#include <QApplication>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QTextCursor>
#include <QTextDocument>

namespace Waymark {

namespace {

constexpr qreal frame = 3;

} // namespace

InlineEditor::InlineEditor(const QString &text, const QFont &font, qreal width,
                           QGraphicsItem *parent)
    : QGraphicsTextItem(parent)
{
    setFont(font);
    setPlainText(text);
    setTextWidth(width);
    setDefaultTextColor(QApplication::palette().color(QPalette::Text));
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setZValue(1000);

    // Typing replaces the whole name, as in a file manager's rename.
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    setTextCursor(cursor);
}

QString InlineEditor::text() const
{
    return toPlainText().simplified();
}

void InlineEditor::commit()
{
    if (mFinished)
        return;
    mFinished = true;
    emit committed(text());
}

void InlineEditor::commitWithTab()
{
    if (mFinished)
        return;
    mEndedWithTab = true;
    commit();
}

void InlineEditor::cancel()
{
    if (mFinished)
        return;
    mFinished = true;
    emit cancelled();
}

void InlineEditor::moveCursorToEnd()
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    setTextCursor(cursor);
}

QRectF InlineEditor::boundingRect() const
{
    return QGraphicsTextItem::boundingRect().adjusted(-frame, -frame, frame, frame);
}

void InlineEditor::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = QApplication::palette();
    const QRectF box = QGraphicsTextItem::boundingRect().adjusted(-1, -1, 1, 1);
    painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(box, 3, 3);

    // The frame above already shows where the editor is; the item's own dashed focus
    // rectangle would only add noise.
    QStyleOptionGraphicsItem plain(*option);
    plain.state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
    QGraphicsTextItem::paint(painter, &plain, widget);
}

void InlineEditor::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Tab:
        commitWithTab();
        event->accept();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        commit();
        event->accept();
        return;
    case Qt::Key_Escape:
        cancel();
        event->accept();
        return;
    default:
        QGraphicsTextItem::keyPressEvent(event);
    }
}

void InlineEditor::focusOutEvent(QFocusEvent *event)
{
    QGraphicsTextItem::focusOutEvent(event);

    // A context menu or a switch to another window takes focus only for a while: the edit
    // goes on when it comes back. Anything else (a click elsewhere) ends it.
    const Qt::FocusReason reason = event->reason();
    if (reason != Qt::PopupFocusReason && reason != Qt::ActiveWindowFocusReason)
        commit();
}

} // namespace Waymark
