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
class QToolButton;

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
        QToolButton *earlier = nullptr;
        QToolButton *later = nullptr;
        QToolButton *remove = nullptr;
    };

    void refresh();
    void rebuildRows(const QList<const PersonaStep *> &steps);
    void commitScore(const Id &stepId, int value);
    void commitFeeling(const Id &stepId, const QString &text);
    void moveStep(const Id &stepId, int by);
    void removeStep(const Id &stepId);
    // Appends this touchpoint to the end of the persona's path on the map.
    void addToPath(const Id &personaId);
    void updateAddMenu();

    QPointer<Document> mDocument;
    Id mMapId;
    Id mTouchpointId;
    QLabel *mHeading;
    QLabel *mEmpty;
    QGridLayout *mGrid;
    QToolButton *mAdd;
    QList<Row> mRows;
};

} // namespace Waymark
