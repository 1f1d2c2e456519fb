// The metrics cache: computed figures kept in the project file (table metrics_cache, see
// storage/FORMAT.md), so that opening a large project does not scan its rows again. A cached
// Result is found by a key that changes whenever anything the figures depend on changes, and
// is stored in a versioned binary encoding whose decoder treats its input as hostile: the
// file may come from anyone.
#pragma once

#include "metrics/metricsengine.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Waymark::Metrics {

// The version of the encoding encode() writes; decode() refuses any other. A field added to
// a struct of metricsengine.h needs its line in metricscache.cpp's writer and reader, and
// this version (or EngineVersion) raised, or it is lost on the way through the cache.
inline constexpr quint32 CacheFormatVersion = 1;

// Bounds on what decode() accepts: far beyond a real project's figures, and below SQLite's
// limit on one value, so that a hostile file cannot make Waymark exhaust memory.
inline constexpr qint64 MaxEncodedBytes = 30 * 1024 * 1024;  // header and compressed body
inline constexpr qint64 MaxDecodedBytes = 128 * 1024 * 1024; // the body once inflated
inline constexpr quint32 MaxItems = 1000000;                 // in any one list
inline constexpr quint32 MaxTextBytes = 1024 * 1024;         // UTF-8 bytes of any one text

// The key of the figures Engine::compute(options) gives for project: 128 hexadecimal digits,
// the SHA-256 of the options alone followed by the SHA-256 of everything a Result depends on
// (EngineVersion, the options, and the project's metric inputs: datasets, the maps' cards and
// their cells, persona paths, personas' names and business values, headline metrics). Text
// and fields the engine never reads (a connector's label, a persona's quote, an emotion
// score) do not change it. Every key of one set of options starts with the same 64 digits.
QByteArray inputsKey(const Project &project, const Options &options);

// The length of a key's first part, which names its options.
inline constexpr qsizetype OptionsKeyLength = 64;

// The whole of result, encoded; empty when it is too large to cache (beyond the bounds).
QByteArray encode(const Result &result);

// Decodes bytes read from a project file. On failure returns nullopt with a plain sentence
// in *error saying what was wrong; never throws or crashes.
std::optional<Result> decode(const QByteArray &bytes, QString *error);

} // namespace Waymark::Metrics
