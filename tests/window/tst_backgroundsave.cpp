// Saving with the copy on a worker thread: the result is the same as a plain save, the
// document is clean afterwards, and a cancelled or failed save leaves the old file alone.
#include "../common/fullproject.h"

#include "backgroundsave.h"
#include "commands.h"
#include "document.h"
#include "storage/projectfile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Waymark;
using namespace Waymark::Testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_BackgroundSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void savesLikeAPlainSave_data()
    {
        QTest::addColumn<int>("dialogDelay");
        QTest::newRow("quick: no dialog") << 10000;
        QTest::newRow("slow: dialog at once") << 0;
    }

    void savesLikeAPlainSave()
    {
        QFETCH(int, dialogDelay);
        QTemporaryDir dir;
        StorageError error;
        std::unique_ptr<Document> doc = Document::create(fullProject(), &error);
        QVERIFY(doc);
        doc->push(Commands::renameStage(doc.get(), fixedId(11), u"Discover"_s).release());
        QVERIFY(doc->isModified());

        const QString path = dir.filePath(u"background.waymark"_s);
        BackgroundSave save(doc.get(), path, nullptr);
        save.setDialogDelay(dialogDelay);
        QVERIFY2(save.run(&error), qPrintable(error.message + error.detail));
        QVERIFY(!doc->isModified());
        QCOMPARE(doc->filePath(), QFileInfo(path).absoluteFilePath());

        const std::optional<Project> saved = ProjectFile::read(path, &error);
        QVERIFY(saved);
        compareProjects(*saved, doc->project());
    }

    void cancelledSaveLeavesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"kept.waymark"_s);
        StorageError error;
        QVERIFY(ProjectFile::write(fullProject(), path, &error));
        const QByteArray before = fileHash(path);

        std::unique_ptr<Document> doc = Document::open(path, &error);
        QVERIFY(doc);
        doc->push(Commands::renameProject(doc.get(), u"Changed"_s).release());
        BackgroundSave save(doc.get(), path, nullptr);
        save.cancel();
        QVERIFY(!save.run(&error));
        QCOMPARE(error.code, StorageErrorCode::Cancelled);
        QVERIFY(doc->isModified());
        QCOMPARE(fileHash(path), before);
    }

    void failedSaveReportsWhy()
    {
        StorageError error;
        std::unique_ptr<Document> doc = Document::create(fullProject(), &error);
        QVERIFY(doc);
        BackgroundSave save(doc.get(), u"/no/such/folder/x.waymark"_s, nullptr);
        QVERIFY(!save.run(&error));
        QCOMPARE(error.code, StorageErrorCode::CannotWrite);
        QVERIFY(error.message.contains(u"folder"_s));
    }
};

QTEST_MAIN(tst_BackgroundSave)
#include "tst_backgroundsave.moc"
