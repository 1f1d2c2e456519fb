// Editing a name where it is shown: a text item laid over a header or a card. Enter, Tab or
// a click elsewhere commits, Escape cancels; either way it reports once and then only waits
// to be deleted by whoever placed it.
#pragma once

#include <QGraphicsTextItem>

namespace Waymark {

class InlineEditor : public QGraphicsTextItem
{
    Q_OBJECT

public:
    enum
    {
        Type = UserType + 10
    };

    InlineEditor(const QString &text, const QFont &font, qreal width,
                 QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }

    // The text as typed, white space simplified: names are single lines.
    QString text() const;

    void commit();
    void commitWithTab(); // commits, asking for the next card
    void cancel();
    bool isFinished() const { return mFinished; }
    // Whether Tab ended the edit: the scene then goes on to the next card.
    bool endedWithTab() const { return mEndedWithTab; }

    // Puts the cursor after the text instead of selecting it all, to go on typing.
    void moveCursorToEnd();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    void committed(const QString &text);
    void cancelled();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    bool mFinished = false;
    bool mEndedWithTab = false;
};

} // namespace Waymark
