// What the canvas tests share: a document from a built-in template, and mouse input sent
// to a map view at scene positions, with buttons held across moves as a person drags.
#pragma once

#include "document.h"
#include "mapview.h"
#include "templates.h"

#include <QApplication>
#include <QMouseEvent>
#include <QtDebug>

#include <memory>

namespace Waymark::Testing {

inline std::unique_ptr<Document> documentFrom(const QString &templateName)
{
    StorageError error;
    const std::optional<Project> project = Templates::instantiate(templateName, &error);
    if (!project) {
        qWarning() << "template" << templateName << "failed:" << error.message << error.detail;
        return nullptr;
    }
    std::unique_ptr<Document> document = Document::create(*project, &error);
    if (!document)
        qWarning() << "no document:" << error.message << error.detail;
    return document;
}

inline void sendMouse(MapView &view, QEvent::Type type, const QPointF &scenePos,
                      Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = {})
{
    const QPointF local = view.mapFromScene(scenePos);
    const QPointF global = view.viewport()->mapToGlobal(local);
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, local, global, button, buttons, modifiers);
    QApplication::sendEvent(view.viewport(), &event);
}

// Presses on from, moves there in steps (more mouse moves than a person makes cells) and
// lets go.
inline void drag(MapView &view, const QPointF &from, const QPointF &to,
                 Qt::KeyboardModifiers modifiers = {})
{
    sendMouse(view, QEvent::MouseButtonPress, from, Qt::LeftButton, modifiers);
    constexpr int steps = 12;
    for (int i = 1; i <= steps; ++i) {
        const QPointF at = from + (to - from) * (qreal(i) / steps);
        sendMouse(view, QEvent::MouseMove, at, Qt::LeftButton, modifiers);
        QCoreApplication::processEvents();
    }
    sendMouse(view, QEvent::MouseButtonRelease, to, Qt::NoButton, modifiers);
    QCoreApplication::processEvents();
}

} // namespace Waymark::Testing
