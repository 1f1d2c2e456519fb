// Persona sheets: one A4 portrait page per persona, to print or to show in a workshop. A
// band in the persona's colour with the photo, name and quote; the profile, psychographics,
// goals, frustrations and needs, channels and devices, the B2B facts, and a summary of the
// persona's journey on each map. Painted with QPainter only, so that it also runs without a
// window (the command line uses it on the offscreen platform).
#pragma once

#include "entities.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>
#include <QStringList>

class QIODevice;
class QPainter;

namespace Waymark {

// The colour a persona is shown in: its own, or a calm blue when it has none.
QColor personaColor(const Persona &persona);
// "PS" for Priya Shah: shown where a persona has no photo.
QString personaInitials(const Persona &persona);
// True when any of the B2B fields is filled in.
bool hasBusinessFacts(const Persona &persona);

class PersonaSheet
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::PersonaSheet)

public:
    static constexpr qreal PageWidth = 1000; // the logical width of a page; A4 proportions
    static constexpr qreal PageHeight = 1414.2;
    static constexpr int DefaultDpi = 150;

    // project gives the persona's journeys and the footer's project name.
    PersonaSheet(const Project &project, const Persona &persona);

    // Paints the page into target, which should have A4's proportions (it is scaled to fit).
    void paint(QPainter *painter, const QRectF &target) const;

    // The page as a picture: 1240 × 1754 pixels at 150 dpi.
    QImage toImage(int dpi = DefaultDpi) const;

    // A PDF of several personas, one page each, in the order given. Written to a temporary
    // file beside path and renamed over it, so that a failure leaves any old file as it was.
    static bool writePdf(const QString &path, const Project &project,
                         const QList<Persona> &personas, QString *error);
    // One PNG per persona into folder (created if missing), named after the persona; the
    // paths written are appended to written.
    static bool writePngs(const QString &folder, const Project &project,
                          const QList<Persona> &personas, QStringList *written, QString *error,
                          int dpi = DefaultDpi);

    // A file name for the persona's page without its suffix: its name with the characters
    // that file systems refuse replaced, unique among taken (compared case-insensitively).
    static QString fileBaseName(const Persona &persona, const QStringList &taken);

private:
    const Project &mProject;
    const Persona &mPersona;
};

} // namespace Waymark
