#include "templates.h"

#include "storage/projectfile.h"
#include "templatesource.h"
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
    // Compiled in as its source, :/templates/<name>.json, rather than as its project file,
    // :/templates/<name>.waymark (see readSource()).
    bool fromSource = false;
};

// In the order menus show them.
constexpr BuiltIn BuiltIns[] = {
    {u"blank", QT_TRANSLATE_NOOP("Waymark::Templates", "Blank map"), true},
    {u"digital-journey", QT_TRANSLATE_NOOP("Waymark::Templates", "Digital customer journey")},
    {u"b2b", QT_TRANSLATE_NOOP("Waymark::Templates", "B2B buyer journey")},
};

const BuiltIn *findBuiltIn(const QString &name)
{
    for (const BuiltIn &builtIn : BuiltIns) {
        if (name == QStringView(builtIn.name))
            return &builtIn;
    }
    return nullptr;
}

// ProjectFile::read takes a path, and its checks are written for files from elsewhere; the
// built-in bytes take that same road through a private temporary copy.
std::optional<Project> readCompiled(QFile &in, const QString &name, StorageError *error)
{
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

// The source gives each list in the order it is written in, the project file in the order
// its store reads them back: the same only for a template without cards, connectors or
// annotations, which is why only the blank map, which start-up reads, is compiled in as its
// source (tst_templates compares the two).
std::optional<Project> readSource(QFile &in, const QString &name, StorageError *error)
{
    QString problem;
    std::optional<Project> project = TemplateSource::parse(in.readAll(), name, &problem);
    if (!project) {
        *error = {StorageErrorCode::Damaged,
                  QCoreApplication::translate("Waymark::Templates",
                                              "The built-in template “%1” is damaged in this "
                                              "build of Waymark. Reinstall Waymark.")
                      .arg(name),
                  problem};
    }
    return project;
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
    if (const BuiltIn *entry = findBuiltIn(name))
        return QCoreApplication::translate("Waymark::Templates", entry->displayName);
    return name;
}

std::optional<Project> builtIn(const QString &name, StorageError *error)
{
    StorageError ignored;
    StorageError *out = error ? error : &ignored;
    *out = {};
    const BuiltIn *entry = findBuiltIn(name);
    if (!entry) {
        *out = {StorageErrorCode::CannotRead,
                QCoreApplication::translate("Waymark::Templates",
                                            "There is no built-in template called “%1”.")
                    .arg(name),
                {}};
        return std::nullopt;
    }

    const QString resource =
        u":/templates/"_s + name + (entry->fromSource ? u".json"_s : u".waymark"_s);
    QFile in(resource);
    if (!in.open(QIODevice::ReadOnly)) {
        *out = {StorageErrorCode::CannotRead,
                QCoreApplication::translate("Waymark::Templates",
                                            "The built-in template “%1” is missing from this "
                                            "build of Waymark. Reinstall Waymark.")
                    .arg(name),
                in.errorString()};
        return std::nullopt;
    }
    return entry->fromSource ? readSource(in, name, out) : readCompiled(in, name, out);
}

std::optional<Project> instantiate(const QString &nameOrPath, StorageError *error)
{
    StorageError ignored;
    StorageError *out = error ? error : &ignored;
    *out = {};

    std::optional<Project> project;
    if (names().contains(nameOrPath)) {
        project = builtIn(nameOrPath, out);
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
