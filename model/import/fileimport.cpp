#include "fileimport.h"

#include "document.h"
#include "logging.h"
#include "lookup.h"
#include "storage/datasettables.h"
#include "storage/projectfile.h"
#include "storage/projectstore.h"
#include "storage/sqlite.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Waymark::Import {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Waymark::Import::Importer)
};

bool fsyncPath(const QString &path, bool directory)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd =
        ::open(name.constData(), (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// A rollback-journal database, as the file's header says: bytes 18 and 19 are 2 in WAL mode.
bool headerSaysRollbackJournal(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(20);
    return header.size() == 20 && header[18] == 1 && header[19] == 1;
}

// Enters the dataset into the copy as the document's undo command would enter it into the
// working copy, and drops the rows an earlier wave leaves unused, as a save would.
bool writeDataset(const QString &path, const Project &project, const Id &datasetId, QString *detail)
{
    Sql::Database db;
    if (!db.open(path, Sql::Database::Mode::ReadWrite)) {
        *detail = db.errorMessage();
        return false;
    }
    db.harden();
    db.exec(u"PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF"_s);
    int dropped = 0;
    {
        Sql::Transaction transaction(db);
        if (!transaction.isActive() ||
            !Store::writeEntity(db, project, EntityKind::Dataset, datasetId, true, detail) ||
            !DatasetTables::dropUnreferenced(db, detail, &dropped) || !transaction.commit()) {
            if (detail->isEmpty())
                *detail = db.errorMessage();
            return false;
        }
    }
    // VACUUM rebuilds the file through a temporary database it attaches; hardened
    // connections may attach none.
    if (dropped > 0)
        sqlite3_limit(db.handle(), SQLITE_LIMIT_ATTACHED, 1);
    if (dropped > 0 && !db.exec(u"VACUUM"_s)) {
        *detail = db.errorMessage();
        return false;
    }

    // The checks of a saved file, before it takes the project's place.
    const std::optional<QString> check = db.queryText(u"PRAGMA quick_check"_s);
    const std::optional<qint64> appId = db.queryInt(u"PRAGMA application_id"_s);
    if (check != u"ok"_s || appId != ProjectFile::ApplicationId) {
        *detail = u"check %1"_s.arg(check.value_or(db.errorMessage()));
        return false;
    }
    return true;
}

} // namespace

bool importIntoFile(Document &document, Importer &importer, const QString &target,
                    ImportResult *result, StorageError *error)
{
    QElapsedTimer timer;
    timer.start();
    *result = ImportResult();
    *error = StorageError();
    const QFileInfo info(target);
    const QString path = info.absoluteFilePath();
    const QString name = info.fileName();
    // Hidden, beside the file (a rename never crosses file systems), unique to this moment.
    const QString copy = info.absoluteDir().filePath(
        u".%1.%2.importing"_s.arg(name, newId().toString(QUuid::Id128)));
    auto removeCopy = qScopeGuard([&] {
        QFile::remove(copy);
        QFile::remove(copy + u"-journal"_s);
    });
    auto cannotWrite = [&](const QString &message, const QString &detail) {
        *error = {StorageErrorCode::CannotWrite, message, detail};
        qCInfo(lcImport).noquote() << message << detail;
        return false;
    };

    // The copy is made as a save makes one: checked, and a rollback-journal database.
    StorageError copyError;
    if (!document.prepareSave(&copyError) || !document.writeSavedCopy(copy, &copyError))
        return cannotWrite(Text::tr("“%1” cannot be saved: no copy of it could be made beside it "
                                    "(is the folder writable and the disk not full?).")
                               .arg(name),
                           copyError.detail.isEmpty() ? copyError.message : copyError.detail);
    const qint64 copied = timer.elapsed();

    importer.privateDatabase = true;
    *result = importer.run(copy);
    if (!result->ok)
        return false;
    const qint64 imported = timer.elapsed();

    Project project = document.project();
    const qsizetype at = indexOfId(project.datasets, result->dataset.id);
    if (at >= 0)
        project.datasets[at] = result->dataset;
    else
        project.datasets.append(result->dataset);
    QString detail;
    if (!writeDataset(copy, project, result->dataset.id, &detail) ||
        !headerSaysRollbackJournal(copy)) {
        result->ok = false;
        return cannotWrite(
            Text::tr("“%1” cannot be saved: the new file did not pass its check.").arg(name),
            detail);
    }
    const qint64 checked = timer.elapsed();

    if (!fsyncPath(copy, false)) {
        result->ok = false;
        return cannotWrite(
            Text::tr("“%1” cannot be saved: the new file could not be written to disk.").arg(name),
            systemError());
    }
    if (std::rename(QFile::encodeName(copy).constData(), QFile::encodeName(path).constData()) !=
        0) {
        result->ok = false;
        return cannotWrite(
            Text::tr("“%1” cannot be saved: the old file could not be replaced.").arg(name),
            systemError());
    }
    removeCopy.dismiss();
    fsyncPath(info.absolutePath(), true);
    qCInfo(lcImport).noquote() << "copied the project at" << copied << "ms, imported at" << imported
                               << "ms, checked at" << checked << "ms, in place at"
                               << timer.elapsed() << "ms";
    return true;
}

} // namespace Waymark::Import
