// The full persona editor: a dialog with every field of a persona, grouped in tabs (Profile,
// Psychographics, Goals & needs, Channels & devices, B2B) under the photo, name, quote and
// colour. OK pushes the whole edit as one undo step (adding the persona when it is new);
// Cancel leaves the document as it was.
#pragma once

#include "entities.h"

#include <QDialog>
#include <QList>
#include <QPointer>

#include <utility>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace Waymark {

class ColorButton;
class Document;

class PersonaEditor : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Edit, // persona is in the library: OK replaces it
        Add,  // persona is new: OK adds it at index
    };

    PersonaEditor(Document *document, const Persona &persona, Mode mode, int index = -1,
                  QWidget *parent = nullptr);

    // The persona as the fields now describe it.
    Persona persona() const;

    // Reads a photo through the bounded reader; a refused picture leaves the photo as it
    // was and shows why. The Choose… button asks for the file, then calls this.
    bool setPhotoFromFile(const QString &path);
    void clearPhoto();
    QString photoError() const;

    void accept() override;

private:
    QLineEdit *lineEdit(const QString &name);
    QPlainTextEdit *textEdit(const QString &name, int lines = 3);
    void choosePhoto();
    void updatePhotoPreview();

    QPointer<Document> mDocument;
    Persona mOriginal;
    Mode mMode;
    int mIndex;
    QByteArray mPhoto;
    QColor mColor;

    QTabWidget *mTabs = nullptr;
    QLabel *mPhotoPreview = nullptr;
    QLabel *mPhotoError = nullptr;
    ColorButton *mColorButton = nullptr;
    QLineEdit *mName = nullptr;
    QPlainTextEdit *mQuote = nullptr;
    QLineEdit *mAge = nullptr;
    QLineEdit *mGender = nullptr;
    QLineEdit *mLocation = nullptr;
    QLineEdit *mOccupation = nullptr;
    QPlainTextEdit *mSocioeconomic = nullptr;
    QPlainTextEdit *mLifestyle = nullptr;
    QPlainTextEdit *mInterests = nullptr;
    QPlainTextEdit *mOpinions = nullptr;
    QPlainTextEdit *mLikes = nullptr;
    QPlainTextEdit *mDislikes = nullptr;
    QPlainTextEdit *mAttitudes = nullptr;
    QPlainTextEdit *mGoals = nullptr;
    QPlainTextEdit *mFrustrations = nullptr;
    QPlainTextEdit *mNeeds = nullptr;
    QList<std::pair<Channel, QCheckBox *>> mChannels;
    QList<std::pair<Device, QCheckBox *>> mDevices;
    QLineEdit *mRole = nullptr;
    QLineEdit *mOrganisation = nullptr;
    QLineEdit *mSegment = nullptr;
    QPlainTextEdit *mDecisionPower = nullptr;
    QDoubleSpinBox *mBusinessValue = nullptr;
    double mShownBusinessValue = 100; // as the spin box first showed it, rounded
};

} // namespace Waymark
