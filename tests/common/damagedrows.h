// Damages the table of rows of one dataset in a project file, leaving the map's tables
// whole: the first 64 bytes of the table's root page are overwritten. For the tests of what
// the check after opening finds and of how the window treats a dataset it cannot trust.
#pragma once

#include "storage/sqlite.h"

#include <QFile>
#include <QString>

namespace Waymark::TestSupport {

// True when the rows of the dataset named datasetName in file were damaged; *why says what
// went wrong otherwise. The file must use 4096-byte pages, as Waymark writes them.
inline bool damageRowsOf(const QString &file, const QString &datasetName, QString *why)
{
    qint64 rootPage = 0;
    {
        Sql::Database db;
        if (!db.open(file, Sql::Database::Mode::ReadOnly)) {
            *why = db.errorMessage();
            return false;
        }
        Sql::Statement st(db, QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = "
                                             "(SELECT 'dataset_rows_' || s.rows_table FROM "
                                             "dataset_sources s JOIN datasets d ON d.id = "
                                             "s.dataset_id WHERE d.name = ?1)"));
        st.bind(1, datasetName);
        if (st.next())
            rootPage = st.integer(0);
        if (db.queryInt(QStringLiteral("PRAGMA page_size")) != std::optional<qint64>(4096)) {
            *why = QStringLiteral("the file's pages are not 4096 bytes");
            return false;
        }
    }
    if (rootPage <= 1) {
        *why = QStringLiteral("no table of rows for “%1”").arg(datasetName);
        return false;
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadWrite) || !f.seek((rootPage - 1) * 4096) ||
        f.write(QByteArray(64, '\xA5')) != 64) {
        *why = f.errorString();
        return false;
    }
    return true;
}

} // namespace Waymark::TestSupport
