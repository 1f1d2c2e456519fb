// waymark-templatec: compiles one template source (JSON, see resources/templates/README.md)
// into a project file. The build runs it for every built-in template and the sample project;
// any problem in a source stops the build with a message naming the file and the problem.
#include "templatesource.h"

#include "storage/projectfile.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStringList>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void complain(const QString &message)
{
    std::fprintf(stderr, "waymark-templatec: %s\n", qUtf8Printable(message));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    // A build log needs the failures, not a line per file saved; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(u"waymark.*.info=false"_s);

    const QStringList arguments = app.arguments();
    if (arguments.size() != 3) {
        complain(u"usage: waymark-templatec SOURCE.json OUTPUT.waymark"_s);
        return 2;
    }
    const QString sourcePath = arguments.at(1);
    const QString outputPath = arguments.at(2);

    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        complain(u"%1: cannot read: %2"_s.arg(sourcePath, source.errorString()));
        return 1;
    }

    // The file name is the template's name, and so the start of every id path.
    const QString templateName = QFileInfo(sourcePath).completeBaseName();
    QString error;
    const std::optional<Waymark::Project> project =
        Waymark::TemplateSource::parse(source.readAll(), templateName, &error);
    if (!project) {
        complain(u"%1: %2"_s.arg(sourcePath, error));
        return 1;
    }

    const QStringList problems = Waymark::findProblems(*project);
    if (!problems.isEmpty()) {
        complain(u"%1: the project it describes is inconsistent:"_s.arg(sourcePath));
        for (const QString &problem : problems)
            complain(u"  "_s + problem);
        return 1;
    }

    if (!QDir().mkpath(QFileInfo(outputPath).absolutePath())) {
        complain(u"%1: cannot create its folder"_s.arg(outputPath));
        return 1;
    }
    Waymark::StorageError writeError;
    if (!Waymark::ProjectFile::write(*project, outputPath, &writeError)) {
        complain(
            u"%1: cannot write: %2 %3"_s.arg(outputPath, writeError.message, writeError.detail));
        return 1;
    }
    return 0;
}
