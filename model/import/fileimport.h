// Importing straight into a project file, for the command line. The window imports into
// the document's working copy, where each page of the rows goes to the write-ahead log, then
// into the database, then once more into the file by the save. Here the rows go once into a
// private copy of the project beside the file, which then replaces the file as a save does:
// synced, checked and renamed over it, so that the file holds either the whole dataset or
// nothing of it, whenever the process stops.
#pragma once

#include "import/importer.h"
#include "storage/storageerror.h"

namespace Waymark {
class Document;
}

namespace Waymark::Import {

// Imports with importer (made on document's project) into a copy of the document's project
// and puts it in place of the file at target. True when target holds the new dataset. False
// when the import was refused (result->ok false, its error and bad values in *result) or the
// file could not be written (*error); target is then exactly as it was, and no temporary
// file is left behind. The document is not changed: it does not hold the new dataset.
bool importIntoFile(Document &document, Importer &importer, const QString &target,
                    ImportResult *result, StorageError *error);

} // namespace Waymark::Import
