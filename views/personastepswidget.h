// The part of the inspector that lists the steps the personas' paths take at one card: for
// each, whose step it is, its score from −3 to +3 (or none) and the feeling note, editable.
// Every edit is one command on the document.
#pragma once

#include "entities.h"

#include <QPointer>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Waymark {

class Document;

class PersonaStepsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PersonaStepsWidget(QWidget *parent = nullptr);

    // Shows the steps at this touchpoint of that map, re-reading the model; a null id shows
    // none. Called again after each change: what the person is typing stays.
    void setTouchpoint(Document *document, const Id &mapId, const Id &touchpointId);

    QList<Id> stepIds() const;
    // The score field shows this value for "not scored".
    static constexpr int NoScore = PersonaStep::MinEmotion - 1;

private:
    struct Row
    {
        Id stepId;
        QLabel *label = nullptr;
        QSpinBox *score = nullptr;
        QLineEdit *feeling = nullptr;
    };

    void refresh();
    void rebuildRows(const QList<const PersonaStep *> &steps);
    void commitScore(const Id &stepId, int value);
    void commitFeeling(const Id &stepId, const QString &text);

    QPointer<Document> mDocument;
    Id mMapId;
    Id mTouchpointId;
    QLabel *mHeading;
    QLabel *mEmpty;
    QGridLayout *mGrid;
    QList<Row> mRows;
};

} // namespace Waymark
