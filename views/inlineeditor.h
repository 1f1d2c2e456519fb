// Editing a name where it is shown: a text item laid over a header or a card. Enter or a
// click elsewhere commits, Escape cancels; either way it reports once and then only waits
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
    void cancel();
    bool isFinished() const { return mFinished; }

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
};

} // namespace Waymark
