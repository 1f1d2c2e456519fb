// The logging category of the map canvas; enable with QT_LOGGING_RULES="waymark.canvas.debug=true".
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCanvas)
