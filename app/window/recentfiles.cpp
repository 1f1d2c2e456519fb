#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace Waymark {

namespace {

QString normalised(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

RecentFiles::RecentFiles(const QString &settingsKey)
    : mKey(settingsKey)
{}

QStringList RecentFiles::files() const
{
    QStringList files = QSettings().value(mKey).toStringList();
    files.removeAll(QString());
    return files.mid(0, MaxCount);
}

void RecentFiles::add(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString file = normalised(path);
    QStringList files = this->files();
    files.removeAll(file);
    files.prepend(file);
    store(files.mid(0, MaxCount));
}

void RecentFiles::remove(const QString &path)
{
    QStringList files = this->files();
    files.removeAll(normalised(path));
    store(files);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList &files)
{
    QSettings settings;
    if (files.isEmpty())
        settings.remove(mKey);
    else
        settings.setValue(mKey, files);
}

} // namespace Waymark
