// The projects opened or saved lately, most recent first, kept in the user's settings so that
// every Waymark window and the next start see the same list.
#pragma once

#include <QString>
#include <QStringList>

namespace Waymark {

class RecentFiles
{
public:
    static constexpr qsizetype MaxCount = 10;

    explicit RecentFiles(const QString &settingsKey = QStringLiteral("recentFiles"));

    QStringList files() const;

    // Puts path first, as an absolute path, dropping the oldest beyond MaxCount.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    void store(const QStringList &files);

    QString mKey;
};

} // namespace Waymark
