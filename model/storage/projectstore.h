// Reading a Project from the tables of a project database, and writing it or single
// entities to them. Reading treats every value as untrusted: what does not parse or exceeds
// a bound is reported as a problem, never trusted or silently dropped.
#pragma once

#include "../changeevent.h"
#include "../entities.h"
#include "projectfile.h"

#include <memory>
#include <optional>

namespace Waymark::Sql {
class Database;
}

namespace Waymark::Store {

// Bounds on what a project file may hold in its map structure. Far beyond real maps (a few
// thousand cards); a file past them is refused before it is loaded.
struct Bounds
{
    qint64 maxRows = 200000;                   // in any one structural table
    qint64 maxTextBytes = 256LL * 1024 * 1024; // all text and photos of the structure together
    qint64 maxPhotoBytes = 8LL * 1024 * 1024;  // one persona photo
};

// Reads the project. Returns nullopt when the tables cannot be read at all (or a bound is
// exceeded: then *tooLarge is set); otherwise the project, with every value that did not
// parse listed in problems (and left at its default in the result).
std::optional<Project> readProject(Sql::Database &db, QList<ProjectFile::Problem> *problems,
                                   bool *tooLarge = nullptr, const Bounds &bounds = {});

// Writes every entity of project into the (empty) tables of db, in the caller's transaction.
bool writeProject(Sql::Database &db, const Project &project, QString *error);

// Brings the rows of one entity in line with project: written if the project holds it,
// deleted if not. Sibling positions are rewritten when the order may have changed. An added
// map is written with everything in it.
bool writeEntity(Sql::Database &db, const Project &project, EntityKind kind, const Id &id,
                 bool added, QString *error);

// The same for one entity after another into one database, with the statements prepared
// once for all of them: the working copy writes a handful of rows after every edit, and
// preparing their statements each time cost more than writing them.
class EntityWriter
{
public:
    explicit EntityWriter(Sql::Database &db);
    ~EntityWriter();
    EntityWriter(const EntityWriter &) = delete;
    EntityWriter &operator=(const EntityWriter &) = delete;

    bool write(const Project &project, EntityKind kind, const Id &id, bool added,
               QString *error);

private:
    struct Statements;
    std::unique_ptr<Statements> mStatements;
};

} // namespace Waymark::Store
