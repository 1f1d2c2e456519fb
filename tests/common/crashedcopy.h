// What a crash of Waymark leaves behind, made on purpose: a copy of a live working copy,
// with its write-ahead log, and a note naming its file and a process that is gone.
#pragma once

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QSysInfo>

namespace Waymark::Testing {

using namespace Qt::StringLiterals;

// Copies the one live working copy of this process as "crashed.waymark" and returns its
// path (empty when there is not exactly one). pid is the process the note names.
inline QString simulateCrash(const QString &source, qint64 pid)
{
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/working"_s;
    const QStringList live = QDir(folder).entryList({u"*.waymark"_s}, QDir::Files);
    if (live.size() != 1)
        return {};
    const QString from = folder + u'/' + live.first();
    const QString to = folder + u"/crashed.waymark"_s;
    QFile::copy(from, to);
    QFile::copy(from + u"-wal"_s, to + u"-wal"_s);
    QFile note(to + u".json"_s);
    if (!note.open(QIODevice::WriteOnly))
        return {};
    note.write(QJsonDocument(QJsonObject{{u"source"_s, source},
                                         {u"modified"_s, true},
                                         {u"pid"_s, double(pid)},
                                         {u"host"_s, QSysInfo::machineHostName()},
                                         {u"updated"_s, u"2026-12-03T10:00:00.000Z"_s}})
                   .toJson());
    return to;
}

// Empties the working folder of this test's data location (test mode), so that what an
// earlier, interrupted run left there cannot count as a live working copy or an orphan.
inline bool clearWorkingFolder()
{
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/working"_s;
    return QDir(folder).removeRecursively();
}

inline qint64 deadPid()
{
    QFile f(u"/proc/sys/kernel/pid_max"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 4194305;
    return f.readAll().trimmed().toLongLong() + 1; // no process can have this id
}

} // namespace Waymark::Testing
