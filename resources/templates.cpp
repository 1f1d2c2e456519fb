#include "templates.h"

#include "storage/projectfile.h"
#include "validation.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace Waymark::Templates {

namespace {

struct BuiltIn
{
    const char16_t *name;
    const char *displayName; // translated in the "Waymark::Templates" context
};

// In the order menus show them. Each is compiled into :/templates/<name>.waymark.
constexpr BuiltIn BuiltIns[] = {
    {u"blank", QT_TRANSLATE_NOOP("Waymark::Templates", "Blank map")},
    {u"digital-journey", QT_TRANSLATE_NOOP("Waymark::Templates", "Digital customer journey")},
    {u"b2b", QT_TRANSLATE_NOOP("Waymark::Templates", "B2B buyer journey")},
};

// ProjectFile::read takes a path, and its checks are written for files from elsewhere; the
// built-in bytes take that same road through a private temporary copy.
std::optional<Project> readBuiltIn(const QString &name, StorageError *error)
{
    const QString resource = u":/templates/"_s + name + u".waymark"_s;
    QFile in(resource);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = {StorageErrorCode::CannotRead,
                  QCoreApplication::translate("Waymark::Templates",
                                              "The built-in template “%1” is missing from this "
                                              "build of Waymark. Reinstall Waymark.")
                      .arg(name),
                  in.errorString()};
        return std::nullopt;
    }

    QTemporaryFile copy;
    if (!copy.open() || copy.write(in.readAll()) != in.size() || !copy.flush()) {
        *error = {StorageErrorCode::CannotRead,
                  QCoreApplication::translate("Waymark::Templates",
                                              "Could not unpack the template “%1”: the "
                                              "temporary folder is full or not writable.")
                      .arg(name),
                  copy.errorString()};
        return std::nullopt;
    }
    copy.close();
    return ProjectFile::read(copy.fileName(), error);
}

} // namespace

QStringList names()
{
    QStringList result;
    for (const BuiltIn &builtIn : BuiltIns)
        result.append(QString::fromUtf16(builtIn.name));
    return result;
}

QString displayName(const QString &name)
{
    for (const BuiltIn &builtIn : BuiltIns) {
        if (name == QStringView(builtIn.name))
            return QCoreApplication::translate("Waymark::Templates", builtIn.displayName);
    }
    return name;
}

std::optional<Project> instantiate(const QString &nameOrPath, StorageError *error)
{
    StorageError ignored;
    StorageError *out = error ? error : &ignored;
    *out = {};

    std::optional<Project> project;
    if (names().contains(nameOrPath)) {
        project = readBuiltIn(nameOrPath, out);
    } else if (QFileInfo::exists(nameOrPath)) {
        project = ProjectFile::read(nameOrPath, out);
    } else {
        *out = {StorageErrorCode::CannotRead,
                QCoreApplication::translate("Waymark::Templates",
                                            "There is no template called “%1”, and no project "
                                            "file at that path. The built-in templates are: %2.")
                    .arg(nameOrPath, names().join(u", "_s)),
                {}};
        return std::nullopt;
    }
    if (!project)
        return std::nullopt;

    // A new project begins now, whenever its template was made.
    Project result = withNewIds(*project);
    result.created = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    return result;
}

} // namespace Waymark::Templates
