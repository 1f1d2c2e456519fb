#include "logging.h"

Q_LOGGING_CATEGORY(lcModel, "waymark.model", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "waymark.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImport, "waymark.import", QtInfoMsg)
