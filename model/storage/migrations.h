// Moving a project file's schema and data forward from one format version to the next.
// Each format change adds one Migration to all(), a fixture file of the old format under
// tests/data, and a test that opens it.
#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace Waymark::Sql {
class Database;
}

namespace Waymark::Migrations {

struct Migration
{
    int toVersion; // the format this step produces from toVersion - 1
    QString description;
    std::function<bool(Sql::Database &db, QString *error)> run;
};

// Every migration of the project file, in order: all()[i].toVersion == i + 2.
const QList<Migration> &all();

// The format version this build writes: 1 + the number of migrations.
int latestVersion(const QList<Migration> &steps = all());

// Runs the steps that lead from format `from` to format `to`, in order, then sets
// PRAGMA user_version. The caller wraps it in a transaction. False, with error set, when a
// step fails or a step is missing.
bool apply(Sql::Database &db, int from, int to, const QList<Migration> &steps,
           QString *error = nullptr);

} // namespace Waymark::Migrations
