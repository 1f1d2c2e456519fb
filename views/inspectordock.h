// The inspector: a dock that shows and edits every property of what is selected on the
// current map. One card shows all its fields; several cards show the fields they share,
// marked "—" where they differ; no card shows the map itself. Every edit is pushed as a
// command, and an edit of several cards is one undo step.
//
// Each page is built the first time it is shown: at start-up nothing is selected, and the
// card page's fields, icons and lists would cost more than the rest of the dock.
#pragma once

#include "entities.h"

#include <QDockWidget>
#include <QPointer>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QUndoCommand;

namespace Waymark {

class ColorButton;
class Document;
class InspectorTextEdit;
class MapScene;

class InspectorDock : public QDockWidget
{
    Q_OBJECT

public:
    enum class Page
    {
        Empty, // no map to show
        Map,
        Touchpoints,
    };

    explicit InspectorDock(QWidget *parent = nullptr);
    ~InspectorDock() override;

    // The document edited, and the canvas whose selection the dock follows; either may be
    // nullptr. The dock re-reads both on the next turn of the event loop.
    void setDocument(Document *document);
    void setScene(MapScene *scene);
    Document *document() const { return mDocument; }
    MapScene *scene() const { return mScene; }

    Page page() const { return mPage; }
    // The touchpoints the dock shows, as it last read them.
    QList<Id> touchpointIds() const { return mIds; }

    // Reads the model and the selection now rather than on the next turn of the event loop.
    void refresh();

    // The pages are built when first shown, or when asked for here.
    QWidget *mapPage();
    QWidget *touchpointPage();
    bool isMapPageBuilt() const { return mMapPage != nullptr; }
    bool isTouchpointPageBuilt() const { return mTouchpointPage != nullptr; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildMapPage();
    void tintChannelIcons();
    void buildTouchpointPage();
    void scheduleRefresh();
    void fillMap(const JourneyMap &map);
    void fillTouchpoints(const JourneyMap &map, const QList<const Touchpoint *> &touchpoints);
    void fillAnnotations(const JourneyMap &map, const Touchpoint &touchpoint);
    void commitTextFields();

    const JourneyMap *currentMap() const;
    QList<const Touchpoint *> shownTouchpoints() const;

    // Pushes one command per shown touchpoint that make returns; several go in one macro
    // titled by macroText, a translatable text with %n for their number.
    using MakeCommand = std::function<std::unique_ptr<QUndoCommand>(const Touchpoint &)>;
    void applyToTouchpoints(const char *macroText, const MakeCommand &make);
    void push(std::unique_ptr<QUndoCommand> command);

    void commitMapName();
    void commitMapDescription();
    void commitTitle();
    void commitDescription();
    void commitOwner();
    void commitTags();
    void commitNotes();
    void setDevice(QCheckBox *box, Device device);

    QPointer<Document> mDocument;
    QPointer<MapScene> mScene;
    Page mPage = Page::Empty;
    QList<Id> mIds;
    bool mRefreshPending = false;

    QStackedWidget *mPages = nullptr;
    QWidget *mEmptyPage = nullptr;

    QWidget *mMapPage = nullptr;
    QLineEdit *mMapName = nullptr;
    QComboBox *mMapKind = nullptr;
    InspectorTextEdit *mMapDescription = nullptr;

    QWidget *mTouchpointPage = nullptr;
    QFormLayout *mTouchpointForm = nullptr;
    QLabel *mHeading = nullptr;
    QLineEdit *mTitle = nullptr;
    InspectorTextEdit *mDescription = nullptr;
    QComboBox *mChannel = nullptr;
    QList<QCheckBox *> mDeviceBoxes;
    QWidget *mDevices = nullptr;
    QLineEdit *mOwner = nullptr;
    QLineEdit *mTags = nullptr;
    QComboBox *mEvidence = nullptr;
    ColorButton *mColor = nullptr;
    InspectorTextEdit *mNotes = nullptr;
    QLabel *mStage = nullptr;
    QLabel *mLane = nullptr;
    QLabel *mAnnotationsLabel = nullptr;
    QListWidget *mAnnotations = nullptr;
};

} // namespace Waymark
