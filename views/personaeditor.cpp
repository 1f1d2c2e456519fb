#include "personaeditor.h"

#include "commands.h"
#include "document.h"
#include "inspectorwidgets.h"
#include "personaphoto.h"
#include "personasheet.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Waymark {

namespace {

constexpr int previewSide = 112;

QString plainText(const QPlainTextEdit *edit)
{
    return edit->toPlainText().trimmed();
}

// The photo in a circle, or the initials on the persona's colour: what the dock's card and
// the sheet show.
QPixmap photoPreview(const QByteArray &photo, const QString &initials, const QColor &color,
                     qreal devicePixelRatio)
{
    const int side = int(previewSide * devicePixelRatio);
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    const QRectF rect(0, 0, side, side);
    const QImage image = PersonaPhoto::decode(photo);
    if (!image.isNull()) {
        const int s = std::min(image.width(), image.height());
        QPainterPath circle;
        circle.addEllipse(rect);
        painter.setClipPath(circle);
        painter.drawImage(rect, image,
                          QRect((image.width() - s) / 2, (image.height() - s) / 2, s, s));
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(rect);
        QFont font = painter.font();
        font.setPixelSize(side * 2 / 5);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(rect, Qt::AlignCenter, initials);
    }
    painter.end();
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

QWidget *formPage(QFormLayout **form)
{
    auto *page = new QWidget;
    *form = new QFormLayout(page);
    (*form)->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    (*form)->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return page;
}

} // namespace

PersonaEditor::PersonaEditor(Document *document, const Persona &persona, Mode mode, int index,
                             QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
    , mOriginal(persona)
    , mMode(mode)
    , mIndex(index)
    , mPhoto(persona.photo)
    , mColor(persona.color)
{
    setObjectName(u"personaEditor"_s);
    setWindowTitle(mode == Mode::Add ? tr("New Persona")
                                     : tr("Edit Persona — %1").arg(persona.name));

    // The head: photo, name, quote and colour, above the tabs of details.
    mPhotoPreview = new QLabel(this);
    mPhotoPreview->setObjectName(u"personaPhotoPreview"_s);
    mPhotoPreview->setFixedSize(previewSide, previewSide);
    auto *choose = new QPushButton(tr("Choose Photo…"), this);
    choose->setObjectName(u"personaPhotoChoose"_s);
    connect(choose, &QPushButton::clicked, this, &PersonaEditor::choosePhoto);
    auto *clear = new QPushButton(tr("No Photo"), this);
    clear->setObjectName(u"personaPhotoClear"_s);
    connect(clear, &QPushButton::clicked, this, &PersonaEditor::clearPhoto);
    mPhotoError = new QLabel(this);
    mPhotoError->setObjectName(u"personaPhotoError"_s);
    mPhotoError->setWordWrap(true);
    mPhotoError->setStyleSheet(u"color: #b3261e;"_s);
    mPhotoError->hide();

    mName = lineEdit(u"personaName"_s);
    mName->setPlaceholderText(tr("A first and last name, such as Priya Shah"));
    mQuote = textEdit(u"personaQuote"_s, 2);
    mQuote->setPlaceholderText(tr("Something they would say, in their own words"));
    mColorButton = new ColorButton(this);
    mColorButton->setObjectName(u"personaColor"_s);
    mColorButton->setColor(mColor);
    connect(mColorButton, &ColorButton::colorChosen, this, [this](const QColor &color) {
        mColor = color;
        updatePhotoPreview();
    });

    auto *headForm = new QFormLayout;
    headForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    headForm->addRow(tr("&Name:"), mName);
    headForm->addRow(tr("&Quote:"), mQuote);
    mColorButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    headForm->addRow(tr("Colo&ur:"), mColorButton);
    auto *photoColumn = new QVBoxLayout;
    photoColumn->addWidget(mPhotoPreview, 0, Qt::AlignHCenter);
    photoColumn->addWidget(choose);
    photoColumn->addWidget(clear);
    photoColumn->addStretch();
    auto *headFields = new QVBoxLayout;
    headFields->addLayout(headForm);
    headFields->addStretch();
    auto *head = new QHBoxLayout;
    head->addLayout(photoColumn);
    head->addSpacing(12);
    head->addLayout(headFields, 1);

    mTabs = new QTabWidget(this);
    mTabs->setObjectName(u"personaEditorTabs"_s);
    QFormLayout *form = nullptr;

    QWidget *profile = formPage(&form);
    mAge = lineEdit(u"personaAge"_s);
    mAge->setPlaceholderText(tr("34, or a range: 35–44"));
    mGender = lineEdit(u"personaGender"_s);
    mLocation = lineEdit(u"personaLocation"_s);
    mOccupation = lineEdit(u"personaOccupation"_s);
    mSocioeconomic = textEdit(u"personaSocioeconomic"_s, 2);
    mLifestyle = textEdit(u"personaLifestyle"_s);
    form->addRow(tr("&Age:"), mAge);
    form->addRow(tr("&Gender:"), mGender);
    form->addRow(tr("&Location:"), mLocation);
    form->addRow(tr("&Occupation:"), mOccupation);
    form->addRow(tr("&Socioeconomic background:"), mSocioeconomic);
    form->addRow(tr("L&ifestyle:"), mLifestyle);
    mTabs->addTab(profile, tr("Profile"));

    QWidget *psychographics = formPage(&form);
    mInterests = textEdit(u"personaInterests"_s, 2);
    mOpinions = textEdit(u"personaOpinions"_s);
    mLikes = textEdit(u"personaLikes"_s, 2);
    mDislikes = textEdit(u"personaDislikes"_s, 2);
    mAttitudes = textEdit(u"personaAttitudes"_s, 2);
    form->addRow(tr("&Interests:"), mInterests);
    form->addRow(tr("O&pinions:"), mOpinions);
    form->addRow(tr("Li&kes:"), mLikes);
    form->addRow(tr("&Dislikes:"), mDislikes);
    form->addRow(tr("A&ttitudes:"), mAttitudes);
    mTabs->addTab(psychographics, tr("Psychographics"));

    QWidget *goals = formPage(&form);
    mGoals = textEdit(u"personaGoals"_s, 4);
    mFrustrations = textEdit(u"personaFrustrations"_s, 4);
    mNeeds = textEdit(u"personaNeeds"_s, 4);
    form->addRow(tr("&Goals:"), mGoals);
    form->addRow(tr("&Frustrations:"), mFrustrations);
    form->addRow(tr("N&eeds:"), mNeeds);
    mTabs->addTab(goals, tr("Goals && Needs"));

    auto *channels = new QWidget;
    auto *channelsLayout = new QVBoxLayout(channels);
    channelsLayout->addWidget(new QLabel(tr("Preferred channels:"), channels));
    auto *channelGrid = new QGridLayout;
    const QList<Channel> allChannels = allValues<Channel>();
    for (qsizetype i = 0; i < allChannels.size(); ++i) {
        const Channel channel = allChannels.at(i);
        auto *box = new QCheckBox(displayName(channel), channels);
        box->setObjectName(u"personaChannel-"_s + toKey(channel));
        box->setChecked(persona.preferredChannels.contains(channel));
        channelGrid->addWidget(box, int(i / 3), int(i % 3));
        mChannels.append({channel, box});
    }
    channelsLayout->addLayout(channelGrid);
    channelsLayout->addSpacing(12);
    channelsLayout->addWidget(new QLabel(tr("Preferred devices:"), channels));
    auto *deviceRow = new QHBoxLayout;
    for (Device device : allValues<Device>()) {
        auto *box = new QCheckBox(displayName(device), channels);
        box->setObjectName(u"personaDevice-"_s + toKey(device));
        box->setChecked(persona.preferredDevices.testFlag(device));
        deviceRow->addWidget(box);
        mDevices.append({device, box});
    }
    deviceRow->addStretch();
    channelsLayout->addLayout(deviceRow);
    channelsLayout->addStretch();
    mTabs->addTab(channels, tr("Channels && Devices"));

    // The note sits above the form rather than in it, where a wrapped label gets too tall.
    auto *b2b = new QWidget;
    auto *b2bLayout = new QVBoxLayout(b2b);
    auto *b2bNote = new QLabel(tr("For a role within a customer organisation. The business value "
                                  "weights this role's results in the metrics."),
                               b2b);
    b2bNote->setWordWrap(true);
    b2bLayout->addWidget(b2bNote);
    QWidget *b2bFields = formPage(&form);
    form->setContentsMargins(0, 0, 0, 0);
    b2bLayout->addWidget(b2bFields);
    b2bLayout->addStretch();
    mRole = lineEdit(u"personaRole"_s);
    mRole->setPlaceholderText(tr("CIO, manager, technical staff…"));
    mOrganisation = lineEdit(u"personaOrganisation"_s);
    mSegment = lineEdit(u"personaSegment"_s);
    mDecisionPower = textEdit(u"personaDecisionPower"_s, 2);
    mBusinessValue = new QDoubleSpinBox(this);
    mBusinessValue->setObjectName(u"personaBusinessValue"_s);
    mBusinessValue->setRange(0, 100);
    mBusinessValue->setDecimals(1);
    mBusinessValue->setSingleStep(5);
    mBusinessValue->setSuffix(tr(" %"));
    mBusinessValue->setValue(persona.businessValue * 100);
    mShownBusinessValue = mBusinessValue->value();
    form->addRow(tr("&Role:"), mRole);
    form->addRow(tr("Or&ganisation:"), mOrganisation);
    form->addRow(tr("&Segment:"), mSegment);
    form->addRow(tr("&Decision power:"), mDecisionPower);
    form->addRow(tr("&Business value:"), mBusinessValue);
    mTabs->addTab(b2b, tr("B2B"));

    mName->setText(persona.name);
    mQuote->setPlainText(persona.quote);
    mAge->setText(persona.age);
    mGender->setText(persona.gender);
    mLocation->setText(persona.location);
    mOccupation->setText(persona.occupation);
    mSocioeconomic->setPlainText(persona.socioeconomic);
    mLifestyle->setPlainText(persona.lifestyle);
    mInterests->setPlainText(persona.interests);
    mOpinions->setPlainText(persona.opinions);
    mLikes->setPlainText(persona.likes);
    mDislikes->setPlainText(persona.dislikes);
    mAttitudes->setPlainText(persona.attitudes);
    mGoals->setPlainText(persona.goals);
    mFrustrations->setPlainText(persona.frustrations);
    mNeeds->setPlainText(persona.needs);
    mRole->setText(persona.role);
    mOrganisation->setText(persona.organisation);
    mSegment->setText(persona.segment);
    mDecisionPower->setPlainText(persona.decisionPower);
    connect(mName, &QLineEdit::textChanged, this, &PersonaEditor::updatePhotoPreview);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"personaEditorButtons"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &PersonaEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PersonaEditor::reject);
    // A persona is known by its name everywhere (cards, paths, the command line).
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!persona.name.trimmed().isEmpty());
    connect(mName, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(mPhotoError);
    layout->addWidget(mTabs, 1);
    layout->addWidget(buttons);

    updatePhotoPreview();
    mName->setFocus();
    mName->selectAll();
    resize(640, 560);
}

QLineEdit *PersonaEditor::lineEdit(const QString &name)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    return edit;
}

QPlainTextEdit *PersonaEditor::textEdit(const QString &name, int lines)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(name);
    edit->setTabChangesFocus(true); // Tab goes to the next field, as everywhere in the dialog
    edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const QFontMetrics metrics(edit->font());
    const int margins = 2 * int(edit->document()->documentMargin()) + 2 * edit->frameWidth();
    edit->setFixedHeight(metrics.lineSpacing() * lines + margins + 4);
    return edit;
}

Persona PersonaEditor::persona() const
{
    Persona p = mOriginal;
    p.name = mName->text().trimmed();
    p.photo = mPhoto;
    p.quote = plainText(mQuote);
    p.age = mAge->text().trimmed();
    p.gender = mGender->text().trimmed();
    p.location = mLocation->text().trimmed();
    p.occupation = mOccupation->text().trimmed();
    p.socioeconomic = plainText(mSocioeconomic);
    p.lifestyle = plainText(mLifestyle);
    p.interests = plainText(mInterests);
    p.opinions = plainText(mOpinions);
    p.likes = plainText(mLikes);
    p.dislikes = plainText(mDislikes);
    p.attitudes = plainText(mAttitudes);
    p.goals = plainText(mGoals);
    p.frustrations = plainText(mFrustrations);
    p.needs = plainText(mNeeds);

    // Channels keep the order they had (the first is the favourite); new ones go last.
    QList<Channel> channels;
    for (Channel channel : mOriginal.preferredChannels) {
        for (const auto &[c, box] : mChannels) {
            if (c == channel && box->isChecked() && !channels.contains(channel))
                channels.append(channel);
        }
    }
    for (const auto &[channel, box] : mChannels) {
        if (box->isChecked() && !channels.contains(channel))
            channels.append(channel);
    }
    p.preferredChannels = channels;
    Devices devices;
    for (const auto &[device, box] : mDevices)
        devices.setFlag(device, box->isChecked());
    p.preferredDevices = devices;

    p.role = mRole->text().trimmed();
    p.organisation = mOrganisation->text().trimmed();
    p.segment = mSegment->text().trimmed();
    p.decisionPower = plainText(mDecisionPower);
    // The spin box rounds to a tenth of a percent: an untouched value stays exact.
    if (mBusinessValue->value() != mShownBusinessValue)
        p.businessValue = mBusinessValue->value() / 100;
    p.color = mColor;
    return p;
}

bool PersonaEditor::setPhotoFromFile(const QString &path)
{
    const PersonaPhoto::Result result = PersonaPhoto::fromFile(path);
    if (!result.ok()) {
        mPhotoError->setText(
            tr("“%1” cannot be used: %2").arg(QFileInfo(path).fileName(), result.error));
        mPhotoError->show();
        return false;
    }
    mPhoto = result.bytes;
    mPhotoError->clear();
    mPhotoError->hide();
    updatePhotoPreview();
    return true;
}

void PersonaEditor::clearPhoto()
{
    mPhoto.clear();
    mPhotoError->clear();
    mPhotoError->hide();
    updatePhotoPreview();
}

QString PersonaEditor::photoError() const
{
    return mPhotoError->text();
}

void PersonaEditor::choosePhoto()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a Photo"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Photos (*.png *.jpg *.jpeg);;All files (*)"));
    if (!path.isEmpty())
        setPhotoFromFile(path);
}

void PersonaEditor::updatePhotoPreview()
{
    Persona shown;
    shown.name = mName ? mName->text() : mOriginal.name;
    shown.color = mColor;
    mPhotoPreview->setPixmap(
        photoPreview(mPhoto, personaInitials(shown), personaColor(shown), devicePixelRatioF()));
}

void PersonaEditor::accept()
{
    if (mDocument) {
        const Persona edited = persona();
        std::unique_ptr<QUndoCommand> command;
        if (mMode == Mode::Add) {
            const int index = mIndex < 0 ? int(mDocument->project().personas.size()) : mIndex;
            command = Commands::addPersona(mDocument, index, edited);
        } else {
            command = Commands::updatePersona(mDocument, edited);
        }
        if (command)
            mDocument->push(command.release());
    }
    QDialog::accept();
}

} // namespace Waymark
