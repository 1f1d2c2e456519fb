// Edit ▸ Preferences: the settings a person keeps from one project to the next, stored with
// QSettings. Only settings the application reads are offered: the name that signs comments
// and the template File ▸ New starts from with its shortcut.
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace Waymark {

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // The keys under which the settings are stored. MapScene::authorName() reads the first.
    static QString authorKey();
    static QString newProjectTemplateKey();

    // The template New (Ctrl+N) starts from: the one chosen here if it still exists, else
    // the first built-in template.
    static QString newProjectTemplate();

    // Stores what the dialog shows, then closes it.
    void accept() override;

private:
    QLineEdit *mAuthor;
    QComboBox *mTemplate;
};

} // namespace Waymark
